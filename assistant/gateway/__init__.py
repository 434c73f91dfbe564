"""The Koers aiohttp service: chat page, channels, handoff, adviser console and APIs."""
