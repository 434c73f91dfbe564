"""Channels: the website widget, WhatsApp (Cloud API) and Telegram (Bot API).

Every channel goes through ``ConversationService`` so handoff, transcripts and redaction work
the same everywhere; ``render`` turns the same bot messages into each channel's format.
"""
