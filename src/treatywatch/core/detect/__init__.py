"""Multilingual detection of references to the Ljubljana – The Hague Convention."""

from treatywatch.core.detect.detector import Detector, default_detector, detect
from treatywatch.core.detect.lexicon import LexiconError, load_lexicon
from treatywatch.core.detect.mention import Form, Mention

__all__ = [
    "Detector",
    "Form",
    "LexiconError",
    "Mention",
    "default_detector",
    "detect",
    "load_lexicon",
]
