"""Privacy by design: redaction of personal data before anything is stored or sent to Rasa."""

from assistant.privacy.redact import redact

__all__ = ["redact"]
