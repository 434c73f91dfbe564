"""Intake package."""
