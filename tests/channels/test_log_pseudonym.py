"""The sender reference in logs is keyed (HMAC-SHA256 with KOERS_SECRET_KEY), never a plain hash."""

from __future__ import annotations

import dataclasses
import hashlib
import logging

from assistant.gateway.channels.common import keyed_id, log_id
from assistant.gateway.channels.whatsapp import WHATSAPP

from .conftest import TG_CHAT, WA_USER, post_tg, post_wa, tg_message, wa_text


def test_log_id_depends_on_the_secret_key(settings):
    other = dataclasses.replace(settings, secret_key="another-secret-key-another-secret")
    assert log_id(settings, WA_USER) != log_id(other, WA_USER)
    assert log_id(settings, WA_USER) == log_id(settings, WA_USER)  # stable: one person's turns line up
    assert log_id(settings, WA_USER) != log_id(settings, "31612345679")


def test_log_id_is_no_plain_hash_and_not_the_conversation_id(settings):
    lid = log_id(settings, WA_USER)
    for algorithm in ("sha256", "sha1", "md5", "blake2b"):
        plain = hashlib.new(algorithm, WA_USER.encode()).hexdigest()
        assert lid not in plain
    assert lid not in keyed_id(settings, "wa", WA_USER)


async def test_channel_logs_use_the_keyed_pseudonym(channel_client, caplog):
    caplog.set_level(logging.INFO)
    await post_wa(channel_client, wa_text("hoi", "wamid.LOG1"))
    await post_tg(channel_client, tg_message(4001, "hoi"))
    senders = {getattr(r, "sender", None) for r in caplog.records} - {None}
    keyed = channel_client.app[WHATSAPP].settings
    assert senders == {log_id(keyed, WA_USER), log_id(keyed, str(TG_CHAT))}
    unkeyed = {hashlib.sha256(u.encode()).hexdigest()[:12] for u in (WA_USER, str(TG_CHAT))}
    text = " ".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
    assert not any(u in text for u in unkeyed)
