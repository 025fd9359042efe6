"""The open-data JSON API under /api/: states, status, indicators, evidence and changes."""
