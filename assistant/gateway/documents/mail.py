"""The advice by e-mail over SMTP (settings from the environment; off when no host is set)."""

from __future__ import annotations

import asyncio
import smtplib
from email.message import EmailMessage

from assistant.gateway.channels.common import channel_setting
from assistant.gateway.documents.service import Mailer
from assistant.settings import Settings

SUBJECT = "Je advies van Koers"


def build_message(sender: str, to: str, page_url: str, pdf: bytes, expires: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = SUBJECT
    msg.set_content(
        "Hoi,\n\n"
        "Je vroeg om je advies van Koers. Het staat in de bijlage als pdf.\n"
        f"Je kunt het ook online lezen en printen: {page_url}\n"
        f"Die link werkt tot {expires}.\n\n"
        "Met vriendelijke groet,\nKoers, de digitale assistent van het Werkcentrum\n")
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename="advies-koers.pdf")
    return msg


def mailer_from_settings(settings: Settings) -> Mailer | None:
    host = channel_setting(settings, "KOERS_SMTP_HOST")
    if not host:
        return None
    port = int(channel_setting(settings, "KOERS_SMTP_PORT", "587"))
    sender = channel_setting(settings, "KOERS_SMTP_FROM", "koers@localhost")
    user = channel_setting(settings, "KOERS_SMTP_USER")
    password = channel_setting(settings, "KOERS_SMTP_PASSWORD")
    starttls = channel_setting(settings, "KOERS_SMTP_STARTTLS", "true").lower() in ("1", "true", "yes")

    def send_now(to: str, page_url: str, pdf: bytes, expires: str) -> None:
        with smtplib.SMTP(host, port, timeout=20) as smtp:
            if starttls:
                smtp.starttls()
            if user:
                smtp.login(user, password)
            smtp.send_message(build_message(sender, to, page_url, pdf, expires))

    async def send(to: str, page_url: str, pdf: bytes, expires: str) -> None:
        # smtplib blocks: keep the event loop (all conversations) free while it talks.
        await asyncio.to_thread(send_now, to, page_url, pdf, expires)

    return send
