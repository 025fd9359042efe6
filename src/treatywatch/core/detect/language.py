"""Pick one language for a mention from the languages its words allow.

The matched words decide first ('La Haye' is French). Only when they leave several languages
open does lingua look at the snippet, restricted to those languages; it is loaded lazily and
never runs on text without a mention.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=64)
def _detector(codes: frozenset[str]) -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = []
    for code in codes:
        try:
            languages.append(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())))
        except (AttributeError, ValueError):
            continue
    if len(languages) < 2:
        return None
    # Low-accuracy mode loads far smaller models; the choice is only among a few languages.
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def choose_language(langs: frozenset[str], hint: str | None, snippet: str) -> str:
    """The mention's language: the only one allowed, the caller's hint, or lingua's pick."""
    if len(langs) == 1:
        return next(iter(langs))
    if hint and (hint in langs or not langs):
        return hint
    if not langs:
        return "und"
    detector = _detector(langs)
    if detector is not None:
        # lingua takes valid Unicode only; lone surrogates come from undecodable bytes.
        clean = snippet.encode("utf-8", "replace").decode("utf-8")
        detected = detector.detect_language_of(clean)
        if detected is not None:
            code = str(detected.iso_code_639_1.name).lower()
            if code in langs:
                return code
    return "en" if "en" in langs else sorted(langs)[0]
