"""One-page factsheets per State, for advocacy meetings, in English, French or Spanish."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.template.loader import render_to_string

from treatywatch.config import today as configured_today
from treatywatch.core.evidence import Review
from treatywatch.core.status import StateStatus, Status
from treatywatch.core.targets import Target, load_weights
from treatywatch.core.validate import resolve_state
from treatywatch.events.repository import event_records
from treatywatch.references.models import Reference
from treatywatch.reports.catalogue import Labels, format_day, labels
from treatywatch.reports.targets import targets
from treatywatch.treaties.filters import members_on
from treatywatch.treaties.queries import status_report
from treatywatch.treaties.repository import load_record

__all__ = ["Factsheet", "StateNotFound", "build_factsheet", "render_factsheet_html"]

SHOWN_ITEMS = 6
SHOWN_PEERS = 10


class StateNotFound(LookupError):
    pass


@dataclass(frozen=True)
class Item:
    day: str
    title: str
    url: str


@dataclass
class Factsheet:
    language: str
    t: Labels
    as_of: date
    code: str
    name: str
    status: StateStatus
    target: Target
    region: str
    peers_signed: list[str]
    peers_total: int
    rome_party: bool
    pledges: list[tuple[str, str]]
    signatories: int
    consenting: int
    items: list[Item] = field(default_factory=list)
    talking_points: list[str] = field(default_factory=list)

    def day(self, value: date | None) -> str:
        return format_day(value, self.language) if value else self.t["not_yet"]


def build_factsheet(code: str, language: str = "en", as_of: date | None = None) -> Factsheet:
    """Everything the factsheet says about one State on `as_of` (default today)."""
    t = labels(language)
    as_of = as_of or configured_today()
    record = load_record()
    resolved = resolve_state(code, record.states_by_code)
    if resolved is None:
        raise StateNotFound(f"unknown State {code!r}: use an ISO alpha-2 or alpha-3 code")
    report = status_report(as_of=as_of, language=language, record=record)
    status = report.state(resolved)
    rome = status_report(as_of=as_of, treaty="rome-statute", record=record).state(resolved)
    target = next(item for item in targets(as_of, language) if item.code == resolved)
    region = record.states_by_code[resolved].un_regional_group
    group = [
        s for s in report.states
        if s.code != resolved and record.states_by_code[s.code].un_regional_group == region
    ]  # fmt: skip
    peers_signed = sorted(s.name for s in group if s.signed is not None)
    pledges = []
    for pledge in load_weights().pledges:
        if pledge.members_on <= as_of and resolved in members_on(
            record, pledge.organisation, pledge.members_on
        ):
            pledges.append((pledge.name, pledge.source_url))
    sheet = Factsheet(
        language=language,
        t=t,
        as_of=as_of,
        code=resolved,
        name=status.name,
        status=status,
        target=target,
        region=region,
        peers_signed=peers_signed if region != "none" else [],
        peers_total=len(group) if region != "none" else 0,
        rome_party=rome.status in (Status.CONSENTED, Status.IN_FORCE),
        pledges=pledges if status.consented is None else [],
        signatories=report.signatories,
        consenting=report.consenting,
    )
    sheet.items = _items(resolved, as_of, language)
    sheet.talking_points = _talking_points(sheet)
    return sheet


def _items(code: str, as_of: date, language: str) -> list[Item]:
    """The latest confirmed events and references involving the State; undated ones last."""
    found: list[tuple[date | None, date, str, str]] = [
        (event.starts_on, event.counted_from, event.title, event.source_url.split()[0])
        for event in event_records(review=Review.CONFIRMED, state=code, end=as_of)
    ]
    for row in Reference.objects.filter(country_id=code, review=Review.CONFIRMED.value):
        if (row.published_on or row.source_date) <= as_of:
            found.append(
                (row.published_on, row.published_on or row.source_date,
                 row.title or row.publisher or row.url, row.url)
            )  # fmt: skip
    found.sort(key=lambda item: (item[0] is not None, item[1]), reverse=True)
    undated = labels(language)["undated"]
    return [
        Item(format_day(day, language, "medium") if day else undated, title, url)
        for day, _, title, url in found[:SHOWN_ITEMS]
    ]


def _talking_points(sheet: Factsheet) -> list[str]:
    t = sheet.t
    points = [t[f"talk_{sheet.target.next_step.value}"]]
    if sheet.peers_signed and sheet.target.next_step.value in ("sign", "ratify"):
        shown = sheet.peers_signed[:SHOWN_PEERS]
        more = len(sheet.peers_signed) - len(shown)
        points.append(
            t.format("talk_peers", names=", ".join(shown) + (f" (+{more})" if more else ""))
        )
    for name, _ in sheet.pledges[:1]:
        points.append(t.format("talk_pledge", pledge=name))
    return points


def render_factsheet_html(sheet: Factsheet) -> str:
    t = sheet.t
    factors = [
        {"label": t[f"factor_{factor.name}"], "contribution": f"{factor.contribution:+d}"}
        for factor in sheet.target.factors
        if factor.contribution
    ]
    context = {
        "s": sheet,
        "t": t,
        "title": t.format("factsheet_title", state=sheet.name),
        "as_of_text": t.format("factsheet_as_of", day=format_day(sheet.as_of, sheet.language)),
        "status_heading": t["factsheet_status"],
        "status_label": t[f"status_{sheet.status.status.value}"],
        "signed_text": sheet.day(sheet.status.signed),
        "consented_text": sheet.day(sheet.status.consented),
        "in_force_text": sheet.day(sheet.status.in_force),
        "step_label": t[f"step_{sheet.target.next_step.value}"],
        "region_label": t[f"region_{sheet.region}"],
        "peers_text": t.format(
            "peers_signed", signed=len(sheet.peers_signed), total=sheet.peers_total
        )
        if sheet.peers_total
        else "",
        "factors": factors,
        "facts": [
            t["fact_adopted"],
            t["fact_scope"],
            t.format(
                "fact_counts",
                signatories=sheet.signatories,
                consenting=sheet.consenting,
                day=format_day(sheet.as_of, sheet.language),
            ),
        ],
        "involving": t["involving"],
        "footer": t.format(
            "factsheet_footer", today=format_day(configured_today(), sheet.language)
        ),
        "sources": list(sheet.status.sources)[:3],
    }
    return render_to_string("reports/factsheet.html", context)
