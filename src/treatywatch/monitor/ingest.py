"""Ingesting documents by hand through the monitor's pipeline, as two fixed sources."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from treatywatch.monitor.config import FetchSettings, MonitorConfig, SourceConfig, load_config
from treatywatch.monitor.pipeline import Monitor, RunSummary

__all__ = ["FILES_SOURCE", "URLS_SOURCE", "IngestError", "ingest_documents"]

# Fixed names, so a document ingested once is recognised the next time.
FILES_SOURCE = "ingest-files"
URLS_SOURCE = "ingest-urls"


class IngestError(ValueError):
    """Missing what ingesting needs, such as a contact for fetching URLs."""


def ingest_documents(
    *,
    paths: Sequence[str],
    urls: Sequence[str],
    kind: str,
    forum: str = "",
    published: date | None = None,
    config: Path | None = None,
    contact: str = "",
    monitor: Monitor | None = None,
) -> list[RunSummary]:
    """Read each file and URL, store new references pending review; one summary per source."""
    if urls and not (config or contact):
        raise IngestError(
            "fetching URLs needs --contact URL (or --config FILE with [monitor] contact): "
            "it is named in the User-Agent so site owners can reach you"
        )
    fetch = (
        load_config(config).fetch
        if config
        # Without URLs nothing is fetched, so the contact is never sent anywhere.
        else FetchSettings(contact=contact or "mailto:local-files-only@invalid")
    )
    sources: list[SourceConfig] = []
    common = {"reference_kind": kind, "forum": forum}
    if paths:
        options = {"paths": tuple(paths), "published": published}
        sources.append(SourceConfig(name=FILES_SOURCE, kind="files", options=options, **common))
    for url in urls:
        options = {"url": url, "published": published}
        sources.append(SourceConfig(name=URLS_SOURCE, kind="url", options=options, **common))
    settings = MonitorConfig(path="(treatywatch ingest)", fetch=fetch, sources=tuple(sources))
    runner = monitor or Monitor(settings)
    runner.config = settings
    return [runner.run_source(source) for source in sources]
