"""Adapters that only the Rasa server loads (named in endpoints.yml); nothing else imports Rasa."""
