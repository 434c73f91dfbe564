"""Placeholder module so the action server always has a package to load."""
