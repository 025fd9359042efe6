"""The lexicon: attested names of the Convention, one YAML file per language.

Format of `data/lexicon/<lang>.yaml`::

    language: pl
    ljubljana: [Lublana, Lublanie]      # spellings and inflections of Ljubljana
    the_hague: [Haga, Hadze]
    names:
      - text: "Konwencja lublańsko-haska"
        form: short                     # full | short | acronym | contextual
        attested: true
        source_url: https://...
        source_date: 2026-11-29
        note: optional
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from treatywatch.core.detect.mention import Form

FORMS = frozenset(form.value for form in Form)
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_TOP_LEVEL = frozenset({"language", "ljubljana", "the_hague", "names"})
_NAME_FIELDS = frozenset({"text", "form", "attested", "source_url", "source_date", "note"})
# Fields a researcher may reasonably add; accepted and ignored by name (strict interpretation).
_NAME_FIELDS_IGNORED = frozenset({"verified", "source_title", "used_by", "script", "region"})


class LexiconError(ValueError):
    """A lexicon file breaks the format; the message names file, entry and field."""


@dataclass(frozen=True, slots=True)
class LexiconName:
    """One attested name of the Convention in one language."""

    text: str
    form: str
    lang: str
    attested: bool
    source_url: str
    source_date: dt.date
    note: str = ""


@dataclass(frozen=True, slots=True)
class LanguageLexicon:
    """Everything one language file says."""

    lang: str
    ljubljana: tuple[str, ...]
    the_hague: tuple[str, ...]
    names: tuple[LexiconName, ...]


def default_lexicon_dir() -> Path:
    """The bundled lexicon folder."""
    return Path(str(resources.files("treatywatch") / "data" / "lexicon"))


def _spellings(path: Path, document: dict[str, Any], key: str) -> tuple[str, ...]:
    values = document.get(key, [])
    if values is None:
        return ()
    if not isinstance(values, list):
        raise LexiconError(f"{path}: {key}: must be a list of spellings")
    for index, value in enumerate(values, start=1):
        if not isinstance(value, str) or not value.strip():
            raise LexiconError(f"{path}: {key}: item {index}: must be a non-empty string")
    return tuple(value.strip() for value in values)


class _LineLoader(yaml.SafeLoader):  # type: ignore[misc]
    """A safe loader that records the line of each mapping, so errors can name it."""


def _mapping_with_line(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping: dict[Any, Any] = loader.construct_mapping(node, deep=True)
    mapping[_LINE_KEY] = node.start_mark.line + 1
    return mapping


_LINE_KEY = "__line__"
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def _name(path: Path, number: int, lang: str, raw: Any) -> LexiconName:
    line = raw.pop(_LINE_KEY, None) if isinstance(raw, dict) else None
    where = f"{path}:{line}: entry {number}" if line else f"{path}: entry {number}"
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: must be a mapping with text, form, source_url, source_date")
    for field in sorted(set(raw) - _NAME_FIELDS - _NAME_FIELDS_IGNORED):
        warnings.warn(f"{where}: {field}: unknown field, ignored", stacklevel=3)
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise LexiconError(f"{where}: text: required, a non-empty string")
    form = raw.get("form")
    if form not in FORMS:
        raise LexiconError(f"{where}: form: {form!r} is not one of {', '.join(sorted(FORMS))}")
    attested = raw.get("attested", True)
    if not isinstance(attested, bool):
        raise LexiconError(f"{where}: attested: must be true or false, not {attested!r}")
    source_url = raw.get("source_url")
    if not isinstance(source_url, str) or not source_url.startswith(("http://", "https://")):
        raise LexiconError(f"{where}: source_url: required, an http(s) URL, not {source_url!r}")
    source_date = raw.get("source_date")
    if isinstance(source_date, str):
        try:
            source_date = dt.date.fromisoformat(source_date)
        except ValueError:
            raise LexiconError(
                f"{where}: source_date: {source_date!r} is not an ISO date YYYY-MM-DD"
            ) from None
    if not isinstance(source_date, dt.date) or isinstance(source_date, dt.datetime):
        raise LexiconError(f"{where}: source_date: required, an ISO date YYYY-MM-DD")
    note = raw.get("note") or ""
    if not isinstance(note, str):
        raise LexiconError(f"{where}: note: must be a string")
    return LexiconName(
        text=" ".join(text.split()),
        form=form,
        lang=lang,
        attested=attested,
        source_url=source_url,
        source_date=source_date,
        note=note,
    )


def load_language_file(path: Path) -> LanguageLexicon:
    """Read and check one `<lang>.yaml`; raise LexiconError naming file, entry and field."""
    try:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark is not None else ""
        raise LexiconError(f"{path}: {line}not valid YAML: {error}") from None
    except UnicodeDecodeError:
        raise LexiconError(f"{path}: not UTF-8 text") from None
    if not isinstance(document, dict):
        raise LexiconError(f"{path}: must be a mapping with language, ljubljana, the_hague, names")
    document.pop(_LINE_KEY, None)
    for key in sorted(set(document) - _TOP_LEVEL):
        warnings.warn(f"{path}: {key}: unknown top-level key, ignored", stacklevel=2)
    lang = document.get("language")
    if not isinstance(lang, str) or not _LANGUAGE_CODE.match(lang):
        raise LexiconError(f"{path}: language: required, a language code such as 'pl'")
    if lang != path.stem:
        raise LexiconError(f"{path}: language: {lang!r} does not match the file name")
    raw_names = document.get("names", [])
    if not isinstance(raw_names, list):
        raise LexiconError(f"{path}: names: must be a list of entries")
    names = tuple(_name(path, number, lang, raw) for number, raw in enumerate(raw_names, start=1))
    return LanguageLexicon(
        lang=lang,
        ljubljana=_spellings(path, document, "ljubljana"),
        the_hague=_spellings(path, document, "the_hague"),
        names=names,
    )


def load_lexicon(directory: Path | None = None) -> tuple[LanguageLexicon, ...]:
    """Every `<lang>.yaml` in the folder (the bundled one by default), sorted by language."""
    folder = directory if directory is not None else default_lexicon_dir()
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise LexiconError(f"{folder}: no <lang>.yaml lexicon files")
    return tuple(load_language_file(path) for path in files)


def all_names(lexicons: Iterable[LanguageLexicon]) -> list[LexiconName]:
    """Every name of every language, in file order."""
    return [name for lexicon in lexicons for name in lexicon.names]
