"""The advice to keep (a printable page and a PDF behind an expiring link) and advice feedback."""
