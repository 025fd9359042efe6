"""TreatyWatch: status, indicators and references for the Ljubljana – The Hague Convention."""

__version__ = "0.1.0"
