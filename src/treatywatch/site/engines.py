"""The engines the pledge and cooperation pages show, computed once per version of the data.

Like `snapshot`, each cache key starts with `freshness.data_version()`, so an edit anywhere is
seen on the next request; the pages never compute what the engines already answer.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from treatywatch.config import today
from treatywatch.core.convention import Convention, load_convention
from treatywatch.core.cooperation_documents import network_document
from treatywatch.core.outlook import PACE, Outlook, WhatIf
from treatywatch.core.targets import Target, TargetWeights, compute_targets, load_weights
from treatywatch.site.freshness import data_version
from treatywatch.site.snapshot import Version, record_at

if TYPE_CHECKING:
    from treatywatch.monitor.attention_summary import AttentionSummary

__all__ = ["attention", "clear", "convention", "network", "outlook", "targets", "weights"]


@lru_cache(maxsize=1)
def convention() -> Convention:
    """The Convention's parts, articles, annexes and rules (bundled files, read once)."""
    return load_convention()


@lru_cache(maxsize=1)
def weights() -> TargetWeights:
    """The weights of the target score (data/targets.yaml, read once)."""
    return load_weights()


@lru_cache(maxsize=16)
def _network(version: Version, as_of: date, known_on: date) -> dict[str, Any]:
    return network_document(
        record_at(version), on=as_of, as_known_on=known_on, convention=convention()
    )


def network(as_of: date) -> dict[str, Any]:
    """The cooperation network document (as `treatywatch network --format json`) on `as_of`."""
    return _network(data_version(), as_of, today())


@lru_cache(maxsize=16)
def _targets(version: Version, as_of: date, language: str) -> tuple[Target, ...]:
    from treatywatch.reports.targets import target_inputs

    chosen = weights()
    inputs = target_inputs(as_of, chosen, language, record_at(version))
    return tuple(compute_targets(inputs, chosen))


def targets(as_of: date, language: str) -> tuple[Target, ...]:
    """Every State's next step and score on `as_of`, highest first (`treatywatch targets`)."""
    return _targets(data_version(), as_of, language)


@lru_cache(maxsize=16)
def _outlook(version: Version, as_of: date) -> Outlook:
    from treatywatch.reports.outlook import outlook as compute

    record = record_at(version)
    at_pace = compute(as_of, record=record)
    waiting = at_pace.signatories_without_consent
    if not waiting:
        return at_pace
    # The second scenario: every signatory without an instrument deposits one on the date.
    return compute(as_of, [PACE, WhatIf(tuple(waiting), as_of)], record=record)


def outlook(as_of: date) -> Outlook:
    """The entry-into-force outlook (`treatywatch outlook`): at the current pace, and if every
    signatory without an instrument deposited one on `as_of`."""
    return _outlook(data_version(), as_of)


@lru_cache(maxsize=32)
def _attention(version: Version, start: date, end: date, kind: str | None) -> AttentionSummary:
    from treatywatch.monitor.attention_summary import attention_summary

    return attention_summary(start, end, kind)


def attention(start: date, end: date, kind: str | None = None) -> AttentionSummary:
    """The monitor's references beside the documents it read, per month, language, country."""
    return _attention(data_version(), start, end, kind)


def clear() -> None:
    for cached in (_network, _targets, _outlook, _attention):
        cached.cache_clear()
