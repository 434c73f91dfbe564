"""Koers: a Dutch conversational career-advice assistant for leven lang ontwikkelen."""

__version__ = "0.1.0"
