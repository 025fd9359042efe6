"""`treatywatch monitor run`: fetch, extract, detect, deduplicate and store, item by item.

Each item is read (network and parsing, outside any transaction), then everything it changes
— its seen-key, the month's scan count, its references, mentions and duplicate signature,
and its HTTP validators — is written in one transaction. A source's cursor moves only at a
``Checkpoint``, after the items before it are stored. So a run killed at any moment, and run
again, ends as one uninterrupted run would: nothing is lost and nothing is doubled.

An item that fails for a passing reason (a timeout, a 503, robots.txt unreachable) is kept
in ``ItemFailure`` with what the source said about it and tried again on later runs, up to
``max_item_attempts``; one that cannot succeed (404, too large, disallowed) is given up at
once. Both are reported.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import shutil
import tempfile
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Protocol

from django.db import transaction
from django.db.models import F

from treatywatch.config import data_home, today
from treatywatch.core.dedup import text_hash
from treatywatch.core.depositary import ProposedChange
from treatywatch.core.extract import DEFAULT_LIMITS, Extracted, Limits, extract_bytes
from treatywatch.core.records import Action, Declaration, State
from treatywatch.core.state_names import StateNames
from treatywatch.monitor.config import MonitorConfig, SourceConfig
from treatywatch.monitor.dedup_store import SignatureMatch, SignatureStore
from treatywatch.monitor.fetcher import PAGE_TYPES, Fetcher, FetchError, Validators
from treatywatch.monitor.models import ItemFailure, Run, ScanCount, SeenItem, SourceState
from treatywatch.monitor.proposals import store_change
from treatywatch.references.models import Mention, Reference
from treatywatch.sources import ADAPTERS
from treatywatch.sources.base import (
    Candidate,
    Checkpoint,
    Fetched,
    Notice,
    SourceError,
    language_code,
)
from treatywatch.sources.commoncrawl import published_day
from treatywatch.treaties.models import Origin

__all__ = ["Detector", "MentionLike", "Monitor", "RunSummary", "default_detector"]

MAX_MESSAGES = 50
log = logging.getLogger(__name__)
_EXTENSIONS = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.oasis.opendocument.text": ".odt",
}


class MentionLike(Protocol):
    """What the monitor needs of a detected mention (``treatywatch.core.detect.Mention``)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def form(self) -> str: ...
    @property
    def lang(self) -> str: ...
    @property
    def snippet(self) -> str: ...
    @property
    def confidence(self) -> float: ...


Detector = Callable[[str, str | None], Sequence[MentionLike]]


def default_detector() -> Detector:
    """The multilingual reference detector of ``treatywatch.core.detect``."""
    from treatywatch.core.detect import detect

    return detect


@dataclass
class RunSummary:
    source: str
    kind: str
    status: str = Run.Status.RUNNING
    items_new: int = 0
    items_known: int = 0
    new_references: int = 0
    proposals: int = 0
    errors: int = 0
    messages: list[str] = field(default_factory=list)

    def note(self, message: str, *, error: bool = False) -> None:
        self.errors += error
        if len(self.messages) < MAX_MESSAGES:
            self.messages.append(("error: " if error else "") + message)


@dataclass(frozen=True)
class _Document:
    url: str
    text: str
    title: str
    published: date | None
    language: str


class _ItemSkipped(Exception):
    """Nothing readable in a fetched item (a corrupt PDF, an empty page): given up for good."""


class _SourceContext:
    """The monitor's side of an adapter's run (``sources.base.Context``)."""

    def __init__(
        self, monitor: Monitor, source: SourceConfig, state: SourceState, since: date | None
    ) -> None:
        self.monitor, self.source, self.state, self.since = monitor, source, state, since
        self.cursor: dict[str, Any] = dict(state.cursor)
        self.pending_validators: dict[str, dict[str, str]] = {}
        self.attempted: set[str] = set()  # key hashes of the items tried in this run
        self._folder: Path | None = None

    @property
    def now(self) -> datetime:
        return self.monitor.now()

    @property
    def state_names(self) -> StateNames:
        return self.monitor.state_names()

    def fetch(self, url: str, accept: Collection[str], conditional: bool = False) -> Fetched:
        stored = self.state.validators.get(url) if conditional else None
        validators = Validators(**stored) if stored else None
        response = self.monitor.fetcher.get(url, accept=accept, validators=validators)
        if conditional and response.validators:
            # Kept for the next run only if this run of the source completes.
            self.pending_validators[url] = dataclasses.asdict(response.validators)
        return Fetched(
            url=response.final_url,
            content=response.content,
            content_type=response.content_type,
            fetched_at=response.fetched_at,
            not_modified=response.not_modified,
            headers=response.headers,
        )

    def download(self, url: str, accept: Collection[str]) -> Path:
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="monitor-", dir=data_home()))
        target = self._folder / hashlib.sha256(url.encode()).hexdigest()[:16]
        with target.open("wb") as handle:
            self.monitor.fetcher.download(url, handle, accept=accept)
        return target

    def record(self) -> tuple[Mapping[str, State], tuple[Action, ...], tuple[Declaration, ...]]:
        from treatywatch.treaties.repository import load_record

        record = load_record()
        return record.states_by_code, record.actions, record.declarations

    def close(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)


def _key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _candidate_json(candidate: Candidate) -> dict[str, Any]:
    data = dataclasses.asdict(candidate)
    data["published"] = candidate.published.isoformat() if candidate.published else None
    data.pop("text", None)
    return data


def _candidate_from_json(data: Mapping[str, Any]) -> Candidate:
    values = dict(data)
    values["published"] = (
        date.fromisoformat(values["published"]) if values.get("published") else None
    )
    known = {f.name for f in dataclasses.fields(Candidate)}
    return Candidate(**{k: v for k, v in values.items() if k in known})


class Monitor:
    """Runs the configured sources; one instance per `monitor run`."""

    def __init__(
        self,
        config: MonitorConfig,
        *,
        fetcher: Fetcher | None = None,
        detector: Detector | None = None,
        now: Callable[[], datetime] | None = None,
        after_item: Callable[[], None] | None = None,
        limits: Limits = DEFAULT_LIMITS,
    ) -> None:
        self.config = config
        self.now = now or (lambda: datetime.now(UTC))
        self.fetcher = fetcher or Fetcher(config.fetch, now=self.now)
        self.detector = detector or default_detector()
        self.after_item = after_item or (lambda: None)
        self.limits = limits
        self._signatures: SignatureStore | None = None
        self._names: StateNames | None = None

    # --- shared lookups --------------------------------------------------------------------

    def state_names(self) -> StateNames:
        if self._names is None:
            from treatywatch.treaties.models import State as StateRow
            from treatywatch.treaties.repository import to_state

            self._names = StateNames([to_state(row) for row in StateRow.objects.all()])
        return self._names

    def signatures(self) -> SignatureStore:
        if self._signatures is None:
            self._signatures = SignatureStore()
        return self._signatures

    # --- runs -------------------------------------------------------------------------------

    def run(
        self, names: Iterable[str] | None = None, since: date | None = None
    ) -> list[RunSummary]:
        wanted = set(names) if names else None
        summaries = []
        for source in self.config.sources:
            if wanted is not None and source.name not in wanted:
                continue
            if wanted is None and not source.enabled:
                continue
            summaries.append(self.run_source(source, since))
        return summaries

    def run_source(self, source: SourceConfig, since: date | None = None) -> RunSummary:
        state, _ = SourceState.objects.get_or_create(
            name=source.name, defaults={"kind": source.kind}
        )
        if state.kind != source.kind:
            SourceState.objects.filter(pk=state.pk).update(kind=source.kind)
        run = Run.objects.create(source=source.name, started_at=self.now())
        summary = RunSummary(source.name, source.kind)
        context = _SourceContext(self, source, state, since)
        try:
            for found in ADAPTERS[source.kind](context):
                self._handle(found, source, context, summary)
            self._retry_failures(source, context, summary)
        except (SourceError, FetchError) as error:
            summary.note(str(error), error=True)
            summary.status = Run.Status.FAILED
        except Exception as error:  # an adapter's bug must not stop the other sources
            log.exception("source %s failed", source.name)
            summary.note(f"{type(error).__name__}: {error}", error=True)
            summary.status = Run.Status.FAILED
        else:
            summary.status = Run.Status.OK
            SourceState.objects.filter(pk=state.pk).update(
                validators={**state.validators, **context.pending_validators},
                last_success_at=self.now(),
            )
        finally:
            context.close()
        Run.objects.filter(pk=run.pk).update(
            finished_at=self.now(),
            status=summary.status,
            items_new=summary.items_new,
            items_known=summary.items_known,
            new_references=summary.new_references,
            proposals=summary.proposals,
            errors=summary.errors,
            messages=summary.messages,
        )
        return summary

    def _handle(
        self, found: object, source: SourceConfig, context: _SourceContext, summary: RunSummary
    ) -> None:
        if isinstance(found, Checkpoint):
            context.cursor.update(found.cursor)
            SourceState.objects.filter(name=source.name).update(cursor=context.cursor)
        elif isinstance(found, Notice):
            summary.note(found.message)
        elif isinstance(found, ProposedChange):
            outcome = store_change(found, source.name)
            summary.proposals += outcome.created
            self.after_item()
        elif isinstance(found, Candidate):
            self._item(found, source, context, summary)
        else:  # pragma: no cover - adapters yield only the types above
            raise TypeError(f"an adapter yielded {type(found).__name__}")

    def _retry_failures(
        self, source: SourceConfig, context: _SourceContext, summary: RunSummary
    ) -> None:
        """Items that failed for a passing reason on an earlier run and were not listed again."""
        for failure in ItemFailure.objects.filter(source=source.name).order_by("id"):
            if failure.key_hash in context.attempted:
                continue
            self._item(_candidate_from_json(failure.candidate), source, context, summary)

    # --- one item ---------------------------------------------------------------------------

    def _item(
        self,
        candidate: Candidate,
        source: SourceConfig,
        context: _SourceContext,
        summary: RunSummary,
    ) -> None:
        key = candidate.key
        context.attempted.add(_key_hash(key))
        if not candidate.rekey_by_content and self._seen(source.name, key):
            summary.items_known += 1
            return
        stored = context.state.validators.get(candidate.url) if candidate.rekey_by_content else None
        try:
            documents, validators = self._read(candidate, Validators(**stored) if stored else None)
        except FetchError as error:
            self._failed(source, candidate, key, error.message, error.transient, summary)
            return
        except _ItemSkipped as skipped:
            self._failed(source, candidate, key, str(skipped), False, summary)
            return
        if candidate.rekey_by_content:
            if validators is not None and not documents:
                summary.items_known += 1  # 304: unchanged since it was read
                return
            digest = text_hash("\n".join(document.text for document in documents))
            key = f"{key}#{digest}"
            if self._seen(source.name, key):
                summary.items_known += 1
                return
        self._store(candidate, key, documents, validators, source, context, summary)
        self.after_item()

    def _seen(self, source: str, key: str) -> bool:
        return SeenItem.objects.filter(source=source, key_hash=_key_hash(key)).exists()

    def _read(
        self, candidate: Candidate, validators: Validators | None
    ) -> tuple[list[_Document], Validators | None]:
        if candidate.text is not None:
            return [self._document(candidate, candidate.url, candidate.text, None)], None
        response = self.fetcher.get(candidate.url, accept=PAGE_TYPES, validators=validators)
        if response.not_modified:
            return [], response.validators
        name = "document" + _EXTENSIONS.get(response.content_type, "")
        documents, skipped = [], []
        for result in extract_bytes(response.content, name, self.limits):
            if isinstance(result, Extracted):
                url = response.final_url
                if result.source != name:  # a member of an archive
                    url = f"{url}#{result.source.removeprefix(name + '!')}"
                documents.append(self._document(candidate, url, result.text, result))
            else:
                skipped.append(result.reason)
        if not documents:
            raise _ItemSkipped("; ".join(skipped) or "no text in the document")
        return documents, response.validators if candidate.rekey_by_content else None

    @staticmethod
    def _document(
        candidate: Candidate, url: str, text: str, extracted: Extracted | None
    ) -> _Document:
        # The document's own metadata (html lang, WET header) outranks what a listing says.
        return _Document(
            url=url,
            text=text,
            title=candidate.title or (extracted.title if extracted else "") or "",
            published=candidate.published
            or published_day(extracted.published if extracted else None),
            language=language_code(extracted.language if extracted else None) or candidate.language,
        )

    def _failed(
        self,
        source: SourceConfig,
        candidate: Candidate,
        key: str,
        message: str,
        transient: bool,
        summary: RunSummary,
    ) -> None:
        key_hash = _key_hash(key)
        with transaction.atomic():
            failure = ItemFailure.objects.filter(source=source.name, key_hash=key_hash).first()
            attempts = (failure.attempts if failure else 0) + 1
            if transient and attempts < self.config.max_item_attempts:
                ItemFailure.objects.update_or_create(
                    source=source.name,
                    key_hash=key_hash,
                    defaults={
                        "key": key,
                        "url": candidate.url,
                        "candidate": _candidate_json(candidate),
                        "attempts": attempts,
                        "last_error": message,
                        "last_tried_at": self.now(),
                    },
                )
                verdict = f"will try again (attempt {attempts} of {self.config.max_item_attempts})"
            else:
                ItemFailure.objects.filter(source=source.name, key_hash=key_hash).delete()
                SeenItem.objects.get_or_create(
                    source=source.name,
                    key_hash=key_hash,
                    defaults={
                        "key": key,
                        "url": candidate.url,
                        "seen_at": self.now(),
                        "outcome": SeenItem.Outcome.FAILED,
                        "error": message,
                    },
                )
                verdict = "given up"
        summary.note(f"{candidate.url}: {message} ({verdict})", error=True)

    def _store(
        self,
        candidate: Candidate,
        key: str,
        documents: list[_Document],
        validators: Validators | None,
        source: SourceConfig,
        context: _SourceContext,
        summary: RunSummary,
    ) -> None:
        found = [
            (
                document,
                list(self.detector(document.text, document.language or source.language or None)),
            )
            for document in documents
        ]
        now = self.now()
        new_references = 0
        saved: list[SignatureMatch] = []
        with transaction.atomic():
            _, created = SeenItem.objects.get_or_create(
                source=source.name,
                key_hash=_key_hash(key),
                defaults={
                    "key": key,
                    "url": candidate.url,
                    "seen_at": now,
                    "outcome": SeenItem.Outcome.READ,
                    "documents": len(documents),
                    "mentions": sum(len(mentions) for _, mentions in found),
                },
            )
            if not created:  # another run stored it meanwhile
                summary.items_known += 1
                return
            ItemFailure.objects.filter(source=source.name, key_hash=_key_hash(key)).delete()
            for document, mentions in found:
                language = (
                    document.language or source.language or (mentions[0].lang if mentions else "")
                )[:10]
                country = self._country(candidate.country or source.country)
                self._count(source.name, document.published, language, country)
                if mentions:
                    match = self._reference(document, mentions, language, country, source, now)
                    if match is not None:
                        saved.append(match)
                        new_references += 1
            if validators is not None:
                state = SourceState.objects.select_for_update().get(name=source.name)
                state.validators = {
                    **state.validators,
                    candidate.url: dataclasses.asdict(validators),
                }
                state.save(update_fields=["validators"])
                context.state.validators = state.validators
        for match in saved:  # the transaction is over: the signatures are in the database
            self.signatures().remember(match)
        summary.items_new += 1
        summary.new_references += new_references

    def _country(self, name: str) -> str:
        if not name:
            return ""
        return self.state_names().code(name) or ""

    def _count(self, source: str, published: date | None, language: str, country: str) -> None:
        day = min(published or today(), today())
        month = day.replace(day=1)
        keys = {"source": source, "month": month, "language": language, "country": country}
        if not ScanCount.objects.filter(**keys).update(documents=F("documents") + 1):
            ScanCount.objects.create(**keys, documents=1)

    def _reference(
        self,
        document: _Document,
        mentions: Sequence[MentionLike],
        language: str,
        country: str,
        source: SourceConfig,
        now: datetime,
    ) -> int:
        url = document.url
        if len(url) > 500 or Reference.objects.filter(url=url).exists():
            return None  # already a reference (found by another source, or bundled)
        signatures = self.signatures()
        match = signatures.match(url, document.text)
        signatures.save(match)
        reference = Reference.objects.create(
            url=url,
            title=document.title,
            published_on=document.published,
            kind=source.reference_kind,
            language=language or "und",
            forum=source.forum,
            publisher=source.publisher,
            country_id=country or None,
            summary="",
            source_date=today(),
            cluster=match.cluster,
            origin=Origin.IMPORT,
            source_name=source.name,
            seen_at=now,
            document_hash=match.text_hash,
        )
        spans: dict[tuple[int, int], MentionLike] = {}
        for mention in mentions:
            spans.setdefault((mention.start, mention.end), mention)
        Mention.objects.bulk_create(
            Mention(
                reference=reference,
                start=mention.start,
                end=mention.end,
                text=mention.text,
                form=mention.form,
                language=mention.lang[:10],
                snippet=mention.snippet,
                confidence=mention.confidence,
            )
            for mention in spans.values()
        )
        return match
