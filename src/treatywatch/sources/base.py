"""What a source adapter sees and yields.

An adapter is a function ``discover(context) -> Iterator[Found]``. It never does I/O itself:
it asks the context to fetch, and yields what it found —

- ``Candidate``: a document to read (fetched by the monitor, or carrying its text);
- ``ProposedChange`` (from ``treatywatch.core.depositary``): a status change for review;
- ``Checkpoint``: the source's new cursor, valid once everything yielded before it is stored;
- ``Notice``: a warning worth showing in the run's report.

The monitor stores each item in its own transaction, in order, so a checkpoint is written only
after every item before it: a run killed at any moment resumes without losing or doubling.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from treatywatch.core.depositary import ProposedChange
from treatywatch.core.records import Action, Declaration, State
from treatywatch.core.scanning import language_hint
from treatywatch.core.state_names import StateNames

__all__ = [
    "Adapter",
    "Candidate",
    "Checkpoint",
    "Context",
    "Found",
    "Notice",
    "SourceError",
    "language_code",
]


class SourceError(Exception):
    """A source answered, but not with something we can read (an API error message, a page
    of another shape); the run reports it and moves on to the next source."""


@dataclass(frozen=True)
class Candidate:
    """A document a source points to.

    ``key`` identifies it within the source for good (a feed entry's id, a URL, a WARC record
    id); a key seen once is never read again. With ``rekey_by_content`` the key is completed
    by a digest of the content after fetching, so a page watched for changes is read again
    when, and only when, it changes.
    """

    key: str
    url: str
    title: str = ""
    published: date | None = None
    language: str = ""  # ISO 639-1 when the source says
    country: str = ""  # a State's name or code when the source says
    text: str | None = None  # the text itself, when the source carries it
    rekey_by_content: bool = False


@dataclass(frozen=True)
class Checkpoint:
    cursor: Mapping[str, Any]


@dataclass(frozen=True)
class Notice:
    message: str


Found = Candidate | Checkpoint | Notice | ProposedChange


@dataclass(frozen=True)
class Fetched:
    """A fetched body as adapters see it (a narrow view of the fetcher's Response)."""

    url: str
    content: bytes
    content_type: str
    fetched_at: datetime
    not_modified: bool = False
    headers: Mapping[str, str] = field(default_factory=dict)


class Context(Protocol):
    """The monitor's side of an adapter's run."""

    @property
    def source(self) -> Any: ...  # the SourceConfig

    @property
    def cursor(self) -> Mapping[str, Any]: ...

    @property
    def since(self) -> date | None: ...

    @property
    def now(self) -> datetime: ...

    @property
    def state_names(self) -> StateNames: ...

    def fetch(self, url: str, accept: Collection[str], conditional: bool = False) -> Fetched:
        """The body of ``url``; with ``conditional``, not_modified when unchanged since the
        last complete run of this source."""
        ...

    def download(self, url: str, accept: Collection[str]) -> Path:
        """``url`` streamed to a temporary file, removed when the source's run ends."""
        ...

    def record(self) -> tuple[Mapping[str, State], tuple[Action, ...], tuple[Declaration, ...]]:
        """States, treaty actions and declarations as the record holds them now."""
        ...


Adapter = Callable[[Context], Iterator[Found]]


def language_code(value: str | None) -> str:
    """ISO 639-1 for 'en', 'eng', 'English', 'en-GB' or 'eng,fra' (the first); '' if unknown."""
    return language_hint(value) or ""
