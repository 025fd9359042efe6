"""Shared test set-up; the environment itself is set in tests/settings.py."""
