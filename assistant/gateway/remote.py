"""The real client address: from X-Forwarded-For only when the peer is a trusted proxy.

``KOERS_TRUSTED_PROXIES`` lists the proxies' addresses or networks, comma-separated
(``10.0.0.5, 10.1.0.0/16``). Without it, or when a request does not come from one of them,
X-Forwarded-For is ignored: anyone can send that header, and a forged one would give every
request a fresh address and so a fresh rate limit. Behind a trusted proxy the address is the
right-most one in the header that is not itself a trusted proxy (``aiohttp-remotes``).

Only that part of the header is read: what lies to its left came from the client and may be
anything. Several header lines (HAProxy's ``option forwardfor`` adds one line of its own) count
as one list, so a client or its office proxy sending the header gets no 400.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Awaitable, Callable

from aiohttp import hdrs, web
from aiohttp_remotes import XForwardedFiltered
from aiohttp_remotes.exceptions import UntrustedIP
from aiohttp_remotes.utils import check_ip, parse_trusted_element
from multidict import CIMultiDict

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def parse_proxies(value: str) -> list[str]:
    """The comma list of KOERS_TRUSTED_PROXIES; a wrong entry stops the start (ValueError)."""
    entries = [e.strip() for e in value.split(",") if e.strip()]
    try:
        parse_trusted_element(entries)
    except ValueError as exc:
        raise ValueError(f"KOERS_TRUSTED_PROXIES: alleen IP-adressen of netwerken, komma's ertussen ({exc}).") from None
    return entries


class TrustedProxies:
    def __init__(self, proxies: list[str]) -> None:
        self._rules = parse_trusted_element(proxies)
        self._forwarded = XForwardedFiltered(set(proxies))

    def trusts(self, peer: str | None) -> bool:
        try:
            check_ip(self._rules, ipaddress.ip_address(peer or ""))
        except (ValueError, UntrustedIP):
            return False
        return True

    def _trusted_part(self, values: list[str]) -> str | None:
        """The header from the right up to the first address that is not a trusted proxy."""
        kept: list[str] = []
        for entry in reversed([e.strip() for v in values for e in v.split(",")]):
            try:
                ipaddress.ip_address(entry)
            except ValueError:
                break  # a trusted proxy writes addresses: this came from the client
            kept.append(entry)
            if not self.trusts(entry):
                break
        return ", ".join(reversed(kept)) or None

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not self.trusts(request.remote):
            return await handler(request)  # the header of an untrusted peer says nothing
        values = request.headers.getall(hdrs.X_FORWARDED_FOR, [])
        repeated = [h for h in (hdrs.X_FORWARDED_PROTO, hdrs.X_FORWARDED_HOST)
                    if len(request.headers.getall(h, [])) > 1]
        if values or repeated:
            headers = CIMultiDict(request.headers)
            for name in repeated:  # ambiguous, and aiohttp-remotes would answer 400: not used
                del headers[name]
            if values:
                del headers[hdrs.X_FORWARDED_FOR]
                trusted = self._trusted_part(values)
                if trusted:
                    headers[hdrs.X_FORWARDED_FOR] = trusted
            request = request.clone(headers=headers)
        return await self._forwarded.middleware(request, handler)


def client_key(request: web.Request) -> str:
    """The key a per-client limit counts on: the address, or its /64 for IPv6 (one household
    or phone gets a whole /64, so single addresses would be free to rotate)."""
    try:
        ip = ipaddress.ip_address(request.remote or "")
    except ValueError:
        return "unknown"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)
