"""Find candidate positions fast, so that text without a candidate costs almost nothing.

Hyperscan scans UTF-8 bytes for every pattern at once; pyahocorasick is the fallback where
Hyperscan cannot be imported. Both only report where a closer look is worth it: the matcher
decides. Hyperscan is case-insensitive for ASCII only, so non-ASCII patterns come in lower,
upper and title case, composed and decomposed.
"""

from __future__ import annotations

import mmap
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

_SEPARATOR = rb"(?:\s|-|\xe2\x80[\x90-\x95]|\xc2\xa0|\xc2\xad)+"
_LINE_END_BREAK = rb"(?:-|\xc2\xad)[ \t]*(?:\r?\n[ \t]*)?"
_CHUNK_CHARS = 1 << 23


def snap_to_character(data: bytes | mmap.mmap, position: int) -> int:
    """Move a byte offset forward off UTF-8 continuation bytes: Hyperscan reports every end of
    a pattern such as 'asisten[^\\s]{0,8}', including ends inside a multi-byte character."""
    while position < len(data) and 0x80 <= data[position] < 0xC0:
        position += 1
    return position


@dataclass(frozen=True, slots=True)
class PrefilterPattern:
    """One thing worth a closer look: a Hyperscan expression and fallback literals."""

    expression: bytes
    literals: tuple[str, ...]
    caseless: bool = True  # False for acronyms: 'MLA', not 'mladim'


class Prefilter(Protocol):
    """Reports end offsets of candidates; several per candidate are fine."""

    backend: str

    def scan_bytes(self, data: bytes | mmap.mmap) -> list[int]: ...

    def scan_text(self, text: str) -> list[int]: ...


def case_variants(word: str) -> set[str]:
    """Spellings a caseless ASCII match would miss: cases and composed/decomposed forms."""
    variants = set()
    for form in ("NFC", "NFD"):
        base = unicodedata.normalize(form, word)
        variants |= {base, base.lower(), base.upper(), base.capitalize()}
    return {variant for variant in variants if variant}


def _escape(text: str) -> bytes:
    return b"".join(
        bytes([byte]) if chr(byte).isalnum() and byte < 128 else b"\\x%02x" % byte
        for byte in text.encode("utf-8", "surrogatepass")
    )


def stem_pattern(stem: str) -> list[PrefilterPattern]:
    """A city stem, whole or split by a hyphen or soft hyphen at a line end."""
    patterns = [
        PrefilterPattern(_escape(variant), (variant,)) for variant in sorted(case_variants(stem))
    ]
    if len(stem) >= 5:
        for cased in {stem.lower(), stem.capitalize()}:
            for cut in range(2, len(cased) - 1):
                head, tail = cased[:cut], cased[cut:]
                patterns.append(
                    PrefilterPattern(
                        _escape(head) + _LINE_END_BREAK + _escape(tail),
                        (head + "-", head + "\u00ad"),
                    )
                )
    return patterns


def acronym_pattern(acronym: str) -> PrefilterPattern:
    """An upper-case acronym as a whole word, case-sensitive."""
    return PrefilterPattern(rb"\b" + _escape(acronym) + rb"\b", (acronym,), caseless=False)


def phrase_pattern(words: list[str]) -> list[PrefilterPattern]:
    """The first words of a name, with flexible spaces and dashes and open word endings."""
    if not words:
        return []
    patterns = []
    for variant_words in {tuple(words), tuple(word.lower() for word in words)}:
        for cased in case_variants(" ".join(variant_words)):
            parts = []
            for word in cased.split(" "):
                if len(word) >= 6 and word.isalpha():
                    parts.append(_escape(word[:-2]) + rb"[^\s]{0,8}")
                else:
                    parts.append(_escape(word))
            longest = max(cased.split(" "), key=len)
            literal = longest[:-2] if len(longest) >= 6 else longest
            patterns.append(PrefilterPattern(_SEPARATOR.join(parts), (literal,)))
    return patterns


class HyperscanPrefilter:
    """All patterns in one Hyperscan block-mode database."""

    backend = "hyperscan"

    def __init__(self, patterns: Iterable[PrefilterPattern]) -> None:
        import hyperscan

        unique = sorted({(pattern.expression, pattern.caseless) for pattern in patterns})
        self._hyperscan: Any = hyperscan
        self._database: Any = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        self._database.compile(
            expressions=[expression for expression, _ in unique],
            ids=list(range(len(unique))),
            elements=len(unique),
            flags=[hyperscan.HS_FLAG_CASELESS if caseless else 0 for _, caseless in unique],
        )

    def scan_bytes(self, data: bytes | mmap.mmap) -> list[int]:
        ends: list[int] = []

        def on_match(_id: int, _start: int, end: int, _flags: int, _context: object) -> None:
            ends.append(end)

        if data:
            self._database.scan(data, match_event_handler=on_match)
        return ends

    def scan_text(self, text: str) -> list[int]:
        ends: list[int] = []
        for offset in range(0, len(text), _CHUNK_CHARS):
            # Overlap chunks so that a pattern across the border is still seen.
            chunk = text[max(0, offset - 256) : offset + _CHUNK_CHARS]
            base = max(0, offset - 256)
            encoded = chunk.encode("utf-8", "surrogatepass")
            byte_ends = sorted(
                {snap_to_character(encoded, end) for end in self.scan_bytes(encoded)}
            )
            if not byte_ends:
                continue
            if len(encoded) == len(chunk):
                ends.extend(base + end for end in byte_ends)
                continue
            chars, previous = 0, 0
            for end in byte_ends:
                chars += len(encoded[previous:end].decode("utf-8", "surrogatepass"))
                previous = end
                ends.append(base + chars)
        return ends


class AhoCorasickPrefilter:
    """The fallback: literal variants in a pyahocorasick automaton over the text."""

    backend = "ahocorasick"

    def __init__(self, patterns: Iterable[PrefilterPattern]) -> None:
        import ahocorasick

        self._automaton: Any = ahocorasick.Automaton()
        for pattern in patterns:
            for literal in pattern.literals:
                variants = case_variants(literal) if pattern.caseless else {literal}
                for variant in variants:
                    self._automaton.add_word(variant, len(variant))
        self._automaton.make_automaton()

    def scan_text(self, text: str) -> list[int]:
        return [end + 1 for end, _length in self._automaton.iter(text)]

    def scan_bytes(self, data: bytes | mmap.mmap) -> list[int]:
        text = bytes(data).decode("utf-8", "surrogateescape")
        char_ends = sorted(set(self.scan_text(text)))
        ends, position, previous = [], 0, 0
        for end in char_ends:
            position += len(text[previous:end].encode("utf-8", "surrogateescape"))
            previous = end
            ends.append(position)
        return ends


def hyperscan_available() -> bool:
    """True when the hyperscan module imports on this machine."""
    try:
        import hyperscan  # noqa: F401
    except ImportError:
        return False
    return True


def build_prefilter(patterns: list[PrefilterPattern], backend: str | None = None) -> Prefilter:
    """Hyperscan when importable (or asked for), pyahocorasick otherwise."""
    if backend == "ahocorasick" or (backend is None and not hyperscan_available()):
        return AhoCorasickPrefilter(patterns)
    if backend not in (None, "hyperscan"):
        raise ValueError(f"backend: {backend!r} is not 'hyperscan' or 'ahocorasick'")
    return HyperscanPrefilter(patterns)


_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def name_words(text: str, count: int = 3) -> list[str]:
    """The first `count` words of a name as written."""
    return _TOKEN.findall(text)[:count]
