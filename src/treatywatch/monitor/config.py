"""The monitor's sources as configuration: a TOML file, checked whole before anything runs.

Every problem is reported as ``file:line: [source NAME] field: message`` (or ``monitor
field`` for the settings table), with the line where the field is written, so one run tells
the user everything to fix. The documented example ships as
``treatywatch/data/monitor.example.toml``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from treatywatch.core.dates import DateError, parse_date
from treatywatch.core.tabular import Problem, TableError

__all__ = [
    "EXAMPLE_CONFIG",
    "KINDS",
    "ConfigError",
    "FetchSettings",
    "MonitorConfig",
    "SourceConfig",
    "lexicon_languages",
    "load_config",
    "parse_config",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
EXAMPLE_CONFIG = DATA_DIR / "monitor.example.toml"
LEXICON_DIR = DATA_DIR / "lexicon"
MiB = 1024 * 1024

ConfigError = TableError  # the same shape: a list of Problems with file, line and field

_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_URL = re.compile(r"^https?://[^\s/]+[^\s]*$")
_CONTACT = re.compile(r"^(https?://[^\s/]+[^\s]*|mailto:[^\s@]+@[^\s@]+)$")
_STATE = re.compile(r"^[A-Za-z]{2,3}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_KEY_LINE = re.compile(r"^\s*([A-Za-z0-9_-]+|\"[^\"]+\")\s*=")
_TABLE_LINE = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"]+)\s*\]\]?")
_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)")


def lexicon_languages() -> tuple[str, ...]:
    """The languages the lexicon names the Convention in (its file names)."""
    return tuple(sorted(path.stem for path in LEXICON_DIR.glob("*.yaml")))


@dataclass(frozen=True)
class FetchSettings:
    """How politely the monitor fetches; see docs/monitor.md."""

    contact: str
    timeout_seconds: float = 20.0
    retries: int = 3
    backoff_seconds: float = 1.0
    max_backoff_seconds: float = 60.0
    rate_limit_seconds: float = 2.0
    host_intervals: Mapping[str, float] = field(default_factory=dict)
    max_bytes: int = 20 * MiB
    max_download_bytes: int = 4096 * MiB
    allow_loopback: bool = False
    allow_private: bool = False

    @property
    def user_agent(self) -> str:
        from treatywatch import __version__

        return f"TreatyWatch/{__version__} (+{self.contact}; reference monitor)"


@dataclass(frozen=True)
class SourceConfig:
    name: str
    kind: str
    options: Mapping[str, Any]
    line: int = 0
    enabled: bool = True
    language: str = ""
    country: str = ""
    reference_kind: str = "public-domain"
    forum: str = ""
    publisher: str = ""

    def option(self, key: str) -> Any:
        return self.options[key]


@dataclass(frozen=True)
class MonitorConfig:
    path: str
    fetch: FetchSettings
    sources: tuple[SourceConfig, ...]
    gap_factor: float = 3.0
    gap_min_days: int = 7
    max_item_attempts: int = 3

    def source(self, name: str) -> SourceConfig | None:
        return next((source for source in self.sources if source.name == name), None)


# --- field checks: each returns the cleaned value or raises ValueError with a message -------

Check = Callable[[Any], Any]


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("expected a non-empty string")
    return value.strip()


def _url(value: Any) -> str:
    text = _text(value)
    if not _URL.match(text):
        raise ValueError(f"{text!r} is not an http(s) URL")
    return text


def _urls(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise ValueError("expected a non-empty list of URLs")
    return tuple(_url(item) for item in value)


def _paths(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise ValueError("expected a non-empty list of paths or URLs")
    return tuple(_text(item) for item in value)


def _date(value: Any) -> date:
    """A TOML date, or a string in a format parse_date reads."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            parsed = parse_date(value)
        except DateError as error:
            raise ValueError(str(error)) from None
        if parsed is not None:
            return parsed
    raise ValueError("expected a date such as 2025-05-26")


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("expected true or false")
    return value


def _number(low: float, high: float) -> Check:
    def check(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError("expected a number")
        if not low <= value <= high:
            raise ValueError(f"{value} is outside {low:g}–{high:g}")
        return float(value)

    return check


def _whole(low: int, high: int) -> Check:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("expected a whole number")
        if not low <= value <= high:
            raise ValueError(f"{value} is outside {low}–{high}")
        return value

    return check


def _choice(*allowed: str) -> Check:
    def check(value: Any) -> str:
        if value not in allowed:
            raise ValueError(f"unknown value {value!r}; expected one of: {', '.join(allowed)}")
        return str(value)

    return check


def _choices(*allowed: str) -> Check:
    def check(value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            raise ValueError(f"expected a non-empty list of: {', '.join(allowed)}")
        for item in value:
            _choice(*allowed)(item)
        return tuple(value)

    return check


def _languages(value: Any) -> tuple[str, ...]:
    known = lexicon_languages()
    if not isinstance(value, list) or not value:
        raise ValueError("expected a non-empty list of language codes")
    unknown = [item for item in value if item not in known]
    if unknown:
        raise ValueError(
            f"no lexicon for {', '.join(map(repr, unknown))}; known: {', '.join(known)}"
        )
    return tuple(value)


def _language(value: Any) -> str:
    text = _text(value)
    if not _LANGUAGE.match(text):
        raise ValueError(f"{text!r} is not a language code such as 'en' or 'fr'")
    return text


def _state(value: Any) -> str:
    text = _text(value)
    if not _STATE.match(text):
        raise ValueError(f"{text!r} is not an ISO alpha-2 or alpha-3 code")
    return text.upper()


def _contact(value: Any) -> str:
    text = _text(value)
    if not _CONTACT.match(text):
        raise ValueError("expected an http(s) URL or a mailto: address where site owners reach you")
    return text


def _intervals(value: Any) -> dict[str, float]:
    if not isinstance(value, dict):
        raise ValueError("expected a table of host = seconds")
    return {str(host): _number(0, 3600)(seconds) for host, seconds in value.items()}


# Field → (check, default); a default of ... means required.
COMMON: dict[str, tuple[Check, Any]] = {
    "name": (_text, ...),
    "kind": (_text, ...),
    "enabled": (_boolean, True),
    "language": (_language, ""),
    "country": (_state, ""),
    "reference_kind": (_choice("public-domain", "adopted-document"), "public-domain"),
    "forum": (_text, ""),
    "publisher": (_text, ""),
}
KINDS: dict[str, dict[str, tuple[Check, Any]]] = {
    "feed": {
        "url": (_url, ...),
        "fetch_pages": (_boolean, True),
        "max_items": (_whole(1, 10_000), 200),
    },
    "sitemap": {
        "url": (_url, ...),
        "max_items": (_whole(1, 100_000), 500),
        "max_depth": (_whole(0, 5), 2),
    },
    "url": {"url": (_url, ...), "published": (_date, None)},
    "gdelt": {
        "languages": (_languages, None),  # None: every lexicon language
        "forms": (_choices("full", "short", "acronym"), ("short",)),
        "english_everywhere": (_boolean, True),
        "endpoint": (_url, "https://api.gdeltproject.org/api/v2/doc/doc"),
        "window_hours": (_whole(1, 24 * 90), 24),
        "lookback_days": (_whole(1, 90), 7),
        "min_window_minutes": (_whole(15, 24 * 60), 60),
        "max_records": (_whole(1, 250), 250),
        "fetch_pages": (_boolean, True),
    },
    "undl": {
        "query": (_text, ...),
        "endpoint": (_url, "https://digitallibrary.un.org/search"),
        "page_size": (_whole(1, 200), 50),
        "max_pages": (_whole(1, 100), 4),
        "prefer_language": (_text, "English"),
    },
    "commoncrawl": {"paths": (_paths, ...)},
    "files": {"paths": (_paths, ...), "published": (_date, None)},
    "treaty-database": {
        "urls": (_urls, ...),
        "treaty": (_text, "ljubljana-the-hague"),
    },
    "watch-page": {"url": (_url, ...), "treaty": (_text, "ljubljana-the-hague")},
}
SETTINGS: dict[str, tuple[Check, Any]] = {
    "contact": (_contact, ...),
    "timeout_seconds": (_number(0.1, 600), 20.0),
    "retries": (_whole(0, 10), 3),
    "backoff_seconds": (_number(0, 600), 1.0),
    "max_backoff_seconds": (_number(0, 3600), 60.0),
    "rate_limit_seconds": (_number(0, 3600), 2.0),
    "host_intervals": (_intervals, {}),
    "max_bytes": (_whole(1024, 1024 * MiB), 20 * MiB),
    "max_download_bytes": (_whole(1024, 1024 * 1024 * MiB), 4096 * MiB),
    "allow_loopback": (_boolean, False),
    "allow_private": (_boolean, False),
    "gap_factor": (_number(1, 100), 3.0),
    "gap_min_days": (_whole(1, 365), 7),
    "max_item_attempts": (_whole(1, 100), 3),
}


@dataclass
class _Lines:
    """Where each table and key is written, since tomllib keeps no positions."""

    settings: dict[str, int] = field(default_factory=dict)
    settings_line: int = 0
    sources: list[tuple[int, dict[str, int]]] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> _Lines:
        found = cls()
        current: dict[str, int] | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            table = _TABLE_LINE.match(line)
            if table:
                brackets, name = table.groups()
                if brackets == "[[" and name == "source":
                    current = {}
                    found.sources.append((number, current))
                elif name == "monitor":
                    current = found.settings
                    found.settings_line = number
                else:
                    current = None
                continue
            key = _KEY_LINE.match(line)
            if key and current is not None:
                current.setdefault(key.group(1).strip('"'), number)
        return found


def _read_fields(
    table: Mapping[str, Any],
    schema: Mapping[str, tuple[Check, Any]],
    report: Callable[[str, str], None],
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, (check, default) in schema.items():
        if key not in table:
            if default is ...:
                report(key, "required")
            else:
                values[key] = default
            continue
        try:
            values[key] = check(table[key])
        except ValueError as error:
            report(key, str(error))
    return values


def parse_config(text: str, name: str) -> MonitorConfig:
    """Check a monitor configuration's text; ConfigError lists every problem."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        position = _TOML_POSITION.search(str(error))
        line = int(position.group(1)) if position else 0
        message = _TOML_POSITION.sub("", str(error)).strip()
        raise ConfigError([Problem(name, line, "toml", message)]) from None
    lines = _Lines.of(text)
    problems: list[Problem] = []
    for key in sorted(set(document) - {"monitor", "source"}):
        problems.append(Problem(name, 0, key, "unknown table; expected [monitor] and [[source]]"))

    monitor = document.get("monitor")
    if not isinstance(monitor, dict):
        problems.append(Problem(name, 0, "monitor", "required: a [monitor] table with contact"))
        monitor = {}

    def report_setting(key: str, message: str) -> None:
        line = lines.settings.get(key, lines.settings_line)
        problems.append(Problem(name, line, f"monitor {key}", message))

    for key in sorted(set(monitor) - set(SETTINGS)):
        report_setting(key, f"unknown field; expected one of: {', '.join(SETTINGS)}")
    settings = _read_fields(monitor, SETTINGS, report_setting)

    raw_sources = document.get("source", [])
    if not isinstance(raw_sources, list) or not raw_sources:
        problems.append(Problem(name, 0, "source", "required: at least one [[source]] table"))
        raw_sources = []
    sources: list[SourceConfig] = []
    seen: dict[str, int] = {}
    for index, table in enumerate(raw_sources):
        header, keys = lines.sources[index] if index < len(lines.sources) else (0, {})
        label = str(table.get("name") or f"#{index + 1}")

        def report(
            key: str,
            message: str,
            keys: dict[str, int] = keys,
            header: int = header,
            label: str = label,
        ) -> None:
            problems.append(
                Problem(name, keys.get(key, header), f"[source {label}] {key}", message)
            )

        common = _read_fields(table, COMMON, report)
        kind = common.get("kind")
        schema = KINDS.get(kind) if isinstance(kind, str) else None
        if kind and schema is None:
            report("kind", f"unknown kind {kind!r}; expected one of: {', '.join(KINDS)}")
        source_name = common.get("name", "")
        if source_name and not _NAME.match(source_name):
            report("name", "use lower-case letters, digits, '-' and '_' (at most 64)")
        if source_name in seen:
            report(
                "name",
                f"{source_name!r} is already the name of the source on line {seen[source_name]}",
            )
        seen.setdefault(source_name, header)
        if schema is None:
            continue
        for key in sorted(set(table) - set(COMMON) - set(schema)):
            report(
                key,
                f"unknown field for a {kind} source; expected one of: "
                f"{', '.join([*schema, *COMMON])}",
            )
        options = _read_fields(table, schema, report)
        if kind == "gdelt" and options.get("languages") is None:
            options["languages"] = lexicon_languages()
        sources.append(
            SourceConfig(
                name=source_name,
                kind=str(kind),
                options=options,
                line=header,
                enabled=common.get("enabled", True),
                language=common.get("language", ""),
                country=common.get("country", ""),
                reference_kind=common.get("reference_kind", "public-domain"),
                forum=common.get("forum", ""),
                publisher=common.get("publisher", ""),
            )
        )
    if problems:
        raise ConfigError(problems)
    fetch_keys = set(FetchSettings.__dataclass_fields__)
    return MonitorConfig(
        path=name,
        fetch=FetchSettings(**{k: v for k, v in settings.items() if k in fetch_keys}),
        sources=tuple(sources),
        gap_factor=settings["gap_factor"],
        gap_min_days=settings["gap_min_days"],
        max_item_attempts=settings["max_item_attempts"],
    )


def load_config(path: Path | None = None) -> MonitorConfig:
    """Read and check a configuration file (the shipped example when none is given)."""
    path = path or EXAMPLE_CONFIG
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError([Problem(str(path), 0, "file", "no such file")]) from None
    except UnicodeDecodeError as error:
        raise ConfigError([Problem(str(path), 0, "file", f"not UTF-8 ({error.reason})")]) from None
    return parse_config(text, str(path))
