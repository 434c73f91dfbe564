"""Catalogue package."""
