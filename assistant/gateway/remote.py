"""The real client address: from X-Forwarded-For only when the peer is a trusted proxy.

``KOERS_TRUSTED_PROXIES`` lists the proxies' addresses or networks, comma-separated
(``10.0.0.5, 10.1.0.0/16``). Without it, or when a request does not come from one of them,
X-Forwarded-For is ignored: anyone can send that header, and a forged one would give every
request a fresh address and so a fresh rate limit. Behind a trusted proxy the address is the
right-most one in the header that is not itself a trusted proxy (``aiohttp-remotes``).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Awaitable, Callable

from aiohttp import web
from aiohttp_remotes import XForwardedFiltered
from aiohttp_remotes.exceptions import UntrustedIP
from aiohttp_remotes.utils import check_ip, parse_trusted_element

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def parse_proxies(value: str) -> list[str]:
    """The comma list of KOERS_TRUSTED_PROXIES; a wrong entry stops the start (ValueError)."""
    entries = [e.strip() for e in value.split(",") if e.strip()]
    parse_trusted_element(entries)  # raises ValueError naming the bad entry
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

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not self.trusts(request.remote):
            return await handler(request)  # the header of an untrusted peer says nothing
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
