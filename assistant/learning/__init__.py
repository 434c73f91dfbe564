"""The gated learning loop: advisers' reviewed corrections become training data for a candidate
model that is promoted only when no quality bar gets worse (issue 13).

Layering: this package uses ``assistant.storage`` and ``assistant.privacy``; it never imports
``assistant.gateway`` (the console calls into this package, not the other way round).
"""
