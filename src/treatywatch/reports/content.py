"""What a progress report says, gathered once and rendered as HTML, PDF, DOCX or XLSX.

Every count in the report is computed by the same queries as `treatywatch status` and
`treatywatch indicators`, and every count comes with the rows it counts (the evidence).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from treatywatch.config import today as configured_today
from treatywatch.core.evidence import EventRecord, ReferenceKind, Review
from treatywatch.core.indicators import IndicatorValue
from treatywatch.core.outlook import PACE
from treatywatch.core.outreach import OutreachRecord
from treatywatch.core.status import StateStatus, known_facts
from treatywatch.core.targets import Target
from treatywatch.events.repository import event_records
from treatywatch.outreach.services import outreach_records
from treatywatch.references.models import Reference
from treatywatch.reports import charts
from treatywatch.reports.catalogue import (
    Labels,
    describe_rule,
    format_day,
    format_number,
    labels,
    language_name,
)
from treatywatch.reports.drawing import Drawing
from treatywatch.reports.outlook import outlook
from treatywatch.reports.targets import targets
from treatywatch.treaties.queries import CONVENTION, indicator_values, status_report, timeline
from treatywatch.treaties.repository import Record, load_record

__all__ = [
    "PLEDGE_TITLE",
    "PLEDGE_URL",
    "IndicatorRow",
    "Link",
    "ProgressReport",
    "Table",
    "build_report",
    "cell_text",
]

PLEDGE_TITLE = (
    "Support for the Ljubljana – The Hague Convention on International Cooperation in the "
    "Investigation and Prosecution of the Crime of Genocide, Crimes against Humanity, War "
    "Crimes and other International Crimes"
)
PLEDGE_URL = (
    "https://rcrcconference.org/pledge/support-for-the-ljubljana-the-hague-convention-on-"
    "international-cooperation-in-the-investigation-and-prosecution-of-the-crime-of-genocide-"
    "crimes-against-humanity-war-crimes-and-other-international"
)
TARGETS_SHOWN = 10


@dataclass(frozen=True)
class Link:
    text: str
    url: str


Cell = str | int | float | date | Link | None


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]

    def __len__(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class IndicatorRow:
    code: str
    number: int
    title: str
    definition: str
    start: int
    end: int
    pending: int

    @property
    def change(self) -> int:
        return self.end - self.start

    @property
    def change_text(self) -> str:
        return f"{self.change:+d}" if self.change else "0"


@dataclass(frozen=True)
class Example:
    title: str
    when: str
    lines: tuple[str, ...]
    url: str


@dataclass(frozen=True)
class EvidenceSection:
    title: str
    table: Table


@dataclass
class ProgressReport:
    language: str
    t: Labels
    start: date
    end: date
    generated: date
    submitter: str
    focal_person: str
    indicators: list[IndicatorRow]
    summary: str
    treaty_actions: Table
    events: Table
    examples: list[Example]
    references_text: str
    references: Table
    references_by_language: Table
    outreach_text: str
    outreach_public: Table
    outreach_by_channel: Table
    challenges: list[str]
    targets_ratify: Table
    targets_sign: Table
    targets_all: Table
    outlook_text: str
    outlook: Table
    evidence: list[EvidenceSection]
    denominator: str
    charts: dict[str, Drawing] = field(default_factory=dict)
    chart_alts: dict[str, str] = field(default_factory=dict)
    pledge_title: str = PLEDGE_TITLE
    pledge_url: str = PLEDGE_URL

    def day(self, value: date | None) -> str:
        return format_day(value, self.language)

    @property
    def period_text(self) -> str:
        return self.t.format("period_value", start=self.day(self.start), end=self.day(self.end))


def cell_text(value: Cell, language: str) -> str:
    """How a cell reads in a document."""
    if value is None:
        return ""
    if isinstance(value, Link):
        return value.text
    if isinstance(value, date):
        return format_day(value, language, "medium")
    return str(value)


def build_report(
    start: date,
    end: date,
    language: str = "en",
    submitter: str = "",
    focal_person: str = "",
    record: Record | None = None,
) -> ProgressReport:
    """The report for the period from `start` to `end`, in `language`."""
    if end < start:
        raise ValueError(f"the period ends ({end}) before it starts ({start})")
    t = labels(language)
    record = record or load_record()
    generated = configured_today()
    values_start = {v.indicator.code: v for v in indicator_values(as_of=start, record=record)}
    values_end = {v.indicator.code: v for v in indicator_values(as_of=end, record=record)}
    end_report = status_report(as_of=end, language=language, record=record)
    names = {state.code: state.name(language) for state in record.states}
    indicators = [
        IndicatorRow(
            code=code,
            number=value.indicator.number,
            title=t[f"indicator_{code}"],
            definition=t[f"definition_{code}"],
            start=values_start[code].value,
            end=value.value,
            pending=value.pending,
        )
        for code, value in values_end.items()
    ]
    all_events = event_records()
    period_events = [
        e for e in all_events if e.review is Review.CONFIRMED and start < e.counted_from <= end
    ]
    references = _references_in(start, end)
    contacts = outreach_records(start=start, end=end)
    found_targets = targets(end, language)
    found_outlook = outlook(end, [PACE], record=record)
    by_code = {i.code: i for i in indicators}
    report = ProgressReport(
        language=language,
        t=t,
        start=start,
        end=end,
        generated=generated,
        submitter=submitter,
        focal_person=focal_person,
        indicators=indicators,
        summary=t.format(
            "summary_text",
            start=format_day(start, language),
            end=format_day(end, language),
            sig_start=by_code["signatories"].start,
            sig_end=by_code["signatories"].end,
            con_start=by_code["consenting"].start,
            con_end=by_code["consenting"].end,
            events=len(period_events),
            references=len({r["cluster"] or r["url"] for r in references}),
        ),
        treaty_actions=_treaty_actions(record, start, end, names, t, generated),
        events=_events_table(period_events, t, language),
        examples=_examples(period_events, contacts, names, t, language),
        references_text=t.format(
            "references_text",
            adopted=len(
                {
                    r["cluster"] or r["url"]
                    for r in references
                    if r["kind"] == ReferenceKind.ADOPTED_DOCUMENT.value
                }
            ),
            public=len(
                {
                    r["cluster"] or r["url"]
                    for r in references
                    if r["kind"] == ReferenceKind.PUBLIC_DOMAIN.value
                }
            ),
        ),
        references=Table(
            (t["date"], t["document"], t["forum"], t["source"]),
            tuple(
                (
                    r["published_on"] or r["source_date"],
                    r["title"] or "—",
                    r["forum"],
                    Link(r["url"], r["url"]),
                )
                for r in references
                if r["kind"] == ReferenceKind.ADOPTED_DOCUMENT.value
            ),
        ),
        references_by_language=Table(
            (t["language"], t["kind_public-domain"]),
            tuple(
                (language_name(code, language), count)
                for code, count in Counter(
                    r["language"]
                    for r in {
                        r["cluster"] or r["url"]: r
                        for r in references
                        if r["kind"] == ReferenceKind.PUBLIC_DOMAIN.value
                    }.values()
                ).most_common()
            ),
        ),
        outreach_text=t.format(
            "outreach_text", total=len(contacts), public=sum(1 for c in contacts if c.public)
        ),
        outreach_public=_outreach_table(contacts, names, t),
        outreach_by_channel=Table(
            (t["channel"], t["count"]),
            tuple(
                (t[f"channel_{channel}"], count)
                for channel, count in sorted(Counter(c.channel for c in contacts).items())
            ),
        ),
        challenges=_challenges(t, found_outlook, values_end, all_events, record),
        targets_ratify=_targets_table(found_targets, "ratify", t),
        targets_sign=_targets_table(found_targets, "sign", t),
        targets_all=_all_targets(found_targets, t),
        outlook_text=t.format(
            "outlook_text",
            rule=describe_rule(record.treaties[CONVENTION].entry_into_force, language),
        ),
        outlook=Table(
            (t["scenario"], t["threshold"], t["expected_eif"], t["source"]),
            tuple(
                (
                    t.format(
                        "scenario_pace",
                        rate=format_number(found_outlook.pace_per_month, language),
                        months=found_outlook.window_months,
                    )
                    if p.scenario == PACE
                    else p.scenario,
                    p.threshold,
                    p.entry_into_force or t["not_in_sight"],
                    Link(p.threshold_source.split()[0], p.threshold_source.split()[0]),
                )
                for p in found_outlook.projections
            ),
        ),
        evidence=_evidence(values_end, end_report.states, all_events, record, t, language),
        denominator=t.format("denominator", size=end_report.denominator.size),
    )
    _add_charts(report, record, end_report.states)
    return report


def _references_in(start: date, end: date) -> list[dict[str, Any]]:
    rows = Reference.objects.filter(review=Review.CONFIRMED.value).values(
        "url", "title", "published_on", "source_date", "kind", "cluster", "forum", "language"
    )
    found = [row for row in rows if start < (row["published_on"] or row["source_date"]) <= end]
    return sorted(found, key=lambda row: (row["published_on"] or row["source_date"], row["url"]))


def _treaty_actions(
    record: Record, start: date, end: date, names: dict[str, str], t: Labels, known_on: date
) -> Table:
    rows = [
        (
            action.date,
            names.get(action.state, action.state),
            t[f"act_{action.action_class.value}"],
            action.place,
            Link(action.sources[0], action.sources[0]),
        )
        for action in sorted(known_facts(record.actions, known_on), key=lambda a: (a.date, a.state))
        if action.treaty == CONVENTION and start < action.date <= end
    ]
    return Table((t["date"], t["state"], t["act"], t["place"], t["source"]), tuple(rows))


def _audiences(event: EventRecord, t: Labels) -> str:
    parts = []
    for role, count in event.audiences:
        label = t.get(f"role_{role}", role)
        parts.append(f"{label} ({count})" if count is not None else label)
    return ", ".join(parts)


def _event_day(event: EventRecord, t: Labels, language: str) -> Cell:
    """The start day, or a clear note that it is unknown and when the event was read."""
    if event.starts_on is not None:
        return event.starts_on
    return t.format("date_unknown", read=format_day(event.source_date, language, "medium"))


def _events_table(events: Sequence[EventRecord], t: Labels, language: str) -> Table:
    return Table(
        (t["date"], t["event"], t["level"], t["place"], t["audiences"], t["source"]),
        tuple(
            (
                _event_day(event, t, language),
                event.title,
                t[f"level_{event.level}"],
                event.place or ("online" if event.online else ""),
                _audiences(event, t),
                Link(event.source_url.split()[0], event.source_url.split()[0]),
            )
            for event in events
        ),
    )


def _examples(
    events: Sequence[EventRecord],
    contacts: Sequence[OutreachRecord],
    names: dict[str, str],
    t: Labels,
    language: str,
) -> list[Example]:
    """Up to three events with the widest reach, then public contacts, as concrete examples."""
    # Events with a known day in the period come first: undated ones were only read then.
    ranked = sorted(
        events,
        key=lambda e: (e.starts_on is None, -(e.participants or 0), -len(e.states),
                       -len(e.audiences), e.slug),
    )  # fmt: skip
    examples = []
    for event in ranked[:3]:
        lines = [line for line in (event.forum, _audiences(event, t)) if line]
        if event.participants:
            lines.append(t.format("example_participants", count=event.participants))
        if event.states:
            shown = ", ".join(names.get(code, code) for code in event.states[:8])
            more = f" (+{len(event.states) - 8})" if len(event.states) > 8 else ""
            lines.append(t.format("example_states", states=shown + more))
        examples.append(
            Example(
                event.title,
                cell_text(_event_day(event, t, language), language),
                tuple(lines),
                event.source_url.split()[0],
            )
        )
    for contact in [c for c in contacts if c.public][: max(0, 3 - len(examples))]:
        examples.append(
            Example(
                f"{names.get(contact.actor_state, contact.actor)} → "
                f"{names.get(contact.target, contact.target)}: "
                f"{t['channel_' + contact.channel]}",
                format_day(contact.on, language),
                tuple(line for line in (contact.summary, t["outcome_" + contact.outcome]) if line),
                contact.source_url.split()[0],
            )
        )
    return examples


def _outreach_table(contacts: Sequence[OutreachRecord], names: dict[str, str], t: Labels) -> Table:
    return Table(
        (t["date"], t["actor"], t["target"], t["channel"], t["outcome"], t["source"]),
        tuple(
            (
                contact.on,
                names.get(contact.actor_state, contact.actor),
                names.get(contact.target, contact.target),
                t[f"channel_{contact.channel}"],
                t[f"outcome_{contact.outcome}"],
                Link(contact.source_url.split()[0], contact.source_url.split()[0]),
            )
            for contact in contacts
            if contact.public
        ),
    )


def _challenges(
    t: Labels,
    found_outlook: Any,
    values: dict[str, IndicatorValue],
    events: Sequence[EventRecord],
    record: Record,
) -> list[str]:
    thresholds = sorted({p.threshold for p in found_outlook.projections})
    found = []
    if not found_outlook.rule_verified:
        found.append(t.format("challenge_rule", thresholds=" / ".join(map(str, thresholds))))
    found.append(
        t.format(
            "challenge_pace",
            deposits=found_outlook.deposits_in_window,
            months=found_outlook.window_months,
            waiting=len(found_outlook.signatories_without_consent),
        )
    )
    pending = sum(value.pending for value in values.values())
    if pending:
        found.append(t.format("challenge_pending", count=pending))
    undated = sum(1 for e in events if e.starts_on is None and e.review is Review.CONFIRMED)
    if undated:
        found.append(t.format("challenge_undated", count=undated))
    names = {state.code: state.name(t.language) for state in record.states}
    for code, reported, computed in _reported_conflicts(record, found_outlook.as_of):
        found.append(
            t.format(
                "challenge_reported",
                state=names.get(code, code),
                reported=format_day(reported, t.language),
                computed=format_day(computed, t.language) if computed else t["not_yet"],
            )
        )
    return found


def _reported_conflicts(record: Record, as_of: date) -> list[tuple[str, date, date | None]]:
    """States the depositary reports in force on a date the rule does not give."""
    from treatywatch.core.entry_into_force import compute_entry_into_force

    treaty = record.treaties[CONVENTION]
    actions = [a for a in known_facts(record.actions, configured_today()) if a.treaty == CONVENTION]
    computed = compute_entry_into_force(treaty.entry_into_force, actions, as_of).for_state
    return [
        (a.state, a.reported_entry_into_force, computed.get(a.state))
        for a in actions
        if a.reported_entry_into_force is not None
        and a.date <= as_of
        and computed.get(a.state) != a.reported_entry_into_force
    ]


def _factor_text(target: Target, t: Labels) -> str:
    top = sorted(
        (f for f in target.factors if f.name != "stage" and f.contribution),
        key=lambda f: -abs(f.contribution),
    )[:3]
    return ", ".join(f"{t['factor_' + f.name]} {f.contribution:+d}" for f in top)


def _targets_table(found: Sequence[Target], step: str, t: Labels) -> Table:
    chosen = [target for target in found if target.next_step == step][:TARGETS_SHOWN]
    return Table(
        (t["state"], t["region"], t["score"], t["factors"]),
        tuple(
            (target.name, t[f"region_{target.region}"], target.score, _factor_text(target, t))
            for target in chosen
        ),
    )


def _all_targets(found: Sequence[Target], t: Labels) -> Table:
    """Every State with its next step, score and each factor's contribution (for XLSX)."""
    names = [factor.name for factor in found[0].factors] if found else []
    return Table(
        (t["state"], "ISO", t["region"], t["recommended_step"], t["score"],
         *(t[f"factor_{name}"] for name in names)),
        tuple(
            (target.name, target.code, t[f"region_{target.region}"],
             t[f"step_{target.next_step.value}"], target.score,
             *(factor.contribution for factor in target.factors))
            for target in found
        ),
    )  # fmt: skip


def _evidence(
    values: dict[str, IndicatorValue],
    states: Sequence[StateStatus],
    events: Sequence[EventRecord],
    record: Record,
    t: Labels,
    language: str,
) -> list[EvidenceSection]:
    by_code = {state.code: state for state in states}
    sections = []

    def title(code: str, count: int) -> str:
        value = values[code]
        return t.format(
            "evidence_for", number=value.indicator.number, title=t[f"indicator_{code}"],
            count=count,
        )  # fmt: skip

    signed = [by_code[code] for code in values["signatories"].evidence]
    signed.sort(key=lambda s: (s.signed or date.min, s.name))
    sections.append(
        EvidenceSection(
            title("signatories", len(signed)),
            Table(
                (t["state"], t["signed_on"], t["source"]),
                tuple((s.name, s.signed, _source_link(s.sources)) for s in signed),
            ),
        )
    )
    consenting = [by_code[code] for code in values["consenting"].evidence]
    sections.append(
        EvidenceSection(
            title("consenting", len(consenting)),
            Table(
                (t["state"], t["consented_on"], t["act"], t["in_force_on"], t["source"]),
                tuple(
                    (
                        s.name,
                        s.consented,
                        t[f"act_{s.consent_type}"],
                        s.in_force,
                        _source_link(s.sources),
                    )
                    for s in consenting
                ),
            ),
        )
    )
    by_slug = {event.slug: event for event in events}
    counted = sorted(
        (by_slug[slug] for slug in values["events"].evidence if slug in by_slug),
        key=lambda e: (e.counted_from, e.slug),
    )
    sections.append(
        EvidenceSection(
            title("events", len(counted)),
            Table(
                (t["date"], t["event"], t["source"]),
                tuple(
                    (_event_day(e, t, language), e.title, _source_link(e.source_url.split()))
                    for e in counted
                ),
            ),
        )
    )
    reference_rows = {
        row["url"]: row
        for row in Reference.objects.values("url", "title", "published_on", "source_date")
    }
    for code in ("adopted_documents", "public_domain"):
        urls = values[code].evidence
        rows = sorted(
            (reference_rows[url] for url in urls if url in reference_rows),
            key=lambda r: (r["published_on"] or r["source_date"], r["url"]),
        )
        sections.append(
            EvidenceSection(
                title(code, values[code].value),
                Table(
                    (t["date"], t["document"], t["source"]),
                    tuple(
                        (
                            r["published_on"] or r["source_date"],
                            r["title"] or "—",
                            Link(r["url"], r["url"]),
                        )
                        for r in rows
                    ),
                ),
            )
        )
    return sections


def _source_link(sources: Sequence[str]) -> Link | None:
    return Link(sources[0], sources[0]) if sources else None


def _add_charts(report: ProgressReport, record: Record, states: Sequence[StateStatus]) -> None:
    t, language = report.t, report.language
    report.charts["indicators"] = charts.indicator_bars(
        [(row.title, row.start, row.end) for row in report.indicators],
        (format_day(report.start, language, "medium"), format_day(report.end, language, "medium")),
    )
    report.chart_alts["indicators"] = t.format(
        "chart_alt_indicators",
        items="; ".join(f"{row.title}: {row.start} → {row.end}" for row in report.indicators),
    )
    points = timeline(end=report.end, record=record)
    series = [(point.month, point.signatories, point.consenting) for point in points]
    report.charts["timeline"] = charts.timeline_lines(
        series, (t["signatories"], t["consenting"]), language, (report.start, report.end)
    )
    if series:
        report.chart_alts["timeline"] = t.format(
            "chart_alt_timeline",
            first=format_day(series[0][0], language, "medium"),
            last=format_day(series[-1][0], language, "medium"),
            signatories=series[-1][1],
            consenting=series[-1][2],
        )
    regions = {state.code: state.un_regional_group for state in record.states}
    report.charts["map"] = charts.status_tiles(
        [(s.code, s.name, regions.get(s.code, "none"), s.status.value) for s in states],
        {key: t[f"region_{key}"] for key in charts.REGION_ORDER},
        {key: t[f"status_{key}"] for key in charts.STATUS_COLOURS},
    )
    counts = Counter(s.status.value for s in states)
    report.chart_alts["map"] = t.format(
        "chart_alt_map",
        counts=", ".join(
            f"{t['status_' + key]}: {counts.get(key, 0)}" for key in charts.STATUS_COLOURS
        ),
    )
