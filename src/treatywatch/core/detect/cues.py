"""General vocabulary the detector generalises from (data/detection/cues.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from treatywatch.core.detect.lexicon import LexiconError

_BY_LANGUAGE = ("ljubljana", "the_hague", "treaty_words", "secondary_anaphora")
_FLAT = (
    "conjunctions",
    "other_instruments",
    "naming_words",
    "determiners",
    "not_the_convention",
    "definite",
)


@dataclass(frozen=True, slots=True)
class Cues:
    """Vocabulary by language (`ljubljana`, `the_hague`, `treaty_words`), flat word lists,
    and context phrases grouped by kind."""

    ljubljana: dict[str, tuple[str, ...]]
    the_hague: dict[str, tuple[str, ...]]
    treaty_words: dict[str, tuple[str, ...]]
    secondary_anaphora: dict[str, tuple[str, ...]]
    definite: tuple[str, ...]
    conjunctions: tuple[str, ...]
    other_instruments: tuple[str, ...]
    naming_words: tuple[str, ...]
    determiners: tuple[str, ...]
    not_the_convention: tuple[str, ...]
    context: dict[str, tuple[str, ...]]


def default_cues_path() -> Path:
    """The bundled vocabulary file."""
    return Path(str(resources.files("treatywatch") / "data" / "detection" / "cues.yaml"))


def _words(path: Path, where: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise LexiconError(f"{path}: {where}: must be a list of strings")
    for index, item in enumerate(value, start=1):
        if not isinstance(item, str) or not item.strip():
            raise LexiconError(f"{path}: {where}: item {index}: must be a non-empty string")
    return tuple(item.strip() for item in value)


def _grouped(path: Path, key: str, value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise LexiconError(f"{path}: {key}: must map a language or kind to a list of strings")
    return {str(group): _words(path, f"{key}: {group}", words) for group, words in value.items()}


def load_cues(path: Path | None = None) -> Cues:
    """Read and check the vocabulary file; errors name the file and the key."""
    source = path if path is not None else default_cues_path()
    try:
        document = yaml.safe_load(source.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise LexiconError(f"{source}: not valid YAML: {error}") from None
    if not isinstance(document, dict):
        raise LexiconError(f"{source}: must be a mapping")
    missing = [key for key in (*_BY_LANGUAGE, *_FLAT, "context") if key not in document]
    if missing:
        raise LexiconError(f"{source}: {missing[0]}: required key is missing")
    grouped = {key: _grouped(source, key, document[key]) for key in (*_BY_LANGUAGE, "context")}
    flat = {key: _words(source, key, document[key]) for key in _FLAT}
    return Cues(
        ljubljana=grouped["ljubljana"],
        the_hague=grouped["the_hague"],
        treaty_words=grouped["treaty_words"],
        secondary_anaphora=grouped["secondary_anaphora"],
        definite=flat["definite"],
        conjunctions=flat["conjunctions"],
        other_instruments=flat["other_instruments"],
        naming_words=flat["naming_words"],
        determiners=flat["determiners"],
        not_the_convention=flat["not_the_convention"],
        context=grouped["context"],
    )
