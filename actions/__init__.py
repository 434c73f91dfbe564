"""Thin rasa_sdk actions: read slots, call the ``assistant`` package, render Dutch text."""
