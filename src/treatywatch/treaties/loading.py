"""Bringing the bundled dataset and imported files into the database, all or nothing."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from auditlog.context import disable_auditlog
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

from treatywatch.core.dataset import Dataset, dataset_digest, load_dataset, treaty_to_entry
from treatywatch.core.records import Action, Declaration
from treatywatch.core.tabular import Problem, TableError, read_table
from treatywatch.core.validate import (
    ACTION_COLUMNS,
    DECLARATION_COLUMNS,
    Context,
    validate_actions,
    validate_declarations,
)
from treatywatch.treaties import models
from treatywatch.treaties.repository import (
    action_fields,
    changed_fields,
    declaration_fields,
    load_record,
)

__all__ = [
    "Freshness",
    "WriteSummary",
    "bundled_freshness",
    "ensure_database",
    "export_rows",
    "import_file",
    "update_data",
]


@dataclass
class WriteSummary:
    """What a load or import did, per table: added, changed, unchanged, kept, retracted."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)
    changes: list[str] = field(default_factory=list)

    def count(self, table: str, outcome: str) -> None:
        self.counts.setdefault(table, Counter())[outcome] += 1

    def total(self, outcome: str) -> int:
        return sum(counter[outcome] for counter in self.counts.values())

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {table: dict(counter) for table, counter in self.counts.items()}


@dataclass(frozen=True)
class Freshness:
    loaded_digest: str | None
    bundled_digest: str
    just_loaded: bool = False

    @property
    def never_loaded(self) -> bool:
        return self.loaded_digest is None

    @property
    def outdated(self) -> bool:
        return self.loaded_digest is not None and self.loaded_digest != self.bundled_digest


def migrate_if_needed() -> bool:
    """Apply pending migrations; True if there were any."""
    executor = MigrationExecutor(connection)
    if not executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return False
    call_command("migrate", verbosity=0, interactive=False)
    return True


def bundled_freshness() -> Freshness:
    latest = models.DatasetLoad.objects.order_by("-loaded_at", "-id").first()
    return Freshness(latest.digest if latest else None, dataset_digest())


def ensure_database(today: date | None = None) -> Freshness:
    """Create the database and load the bundled data on first use; report staleness otherwise."""
    migrate_if_needed()
    freshness = bundled_freshness()
    if freshness.never_loaded:
        update_data(today=today)
        return Freshness(freshness.bundled_digest, freshness.bundled_digest, just_loaded=True)
    return freshness


def update_data(dataset: Dataset | None = None, today: date | None = None) -> WriteSummary:
    """Bring the bundled dataset in, keeping every row that staff entered or changed."""
    today = today or date.today()
    dataset = dataset or load_dataset(today=today)
    summary = WriteSummary()
    # A load is logged as a DatasetLoad with its summary; the audit log is for people's edits.
    with transaction.atomic(), disable_auditlog():
        _replace_reference_tables(dataset, summary)
        _merge_facts(models.TreatyAction, dataset.actions, action_fields, "actions", summary, today)
        _merge_facts(
            models.Declaration,
            dataset.declarations,
            declaration_fields,
            "declarations",
            summary,
            today,
        )
        from treatywatch.events.loading import merge_bundled_events
        from treatywatch.references.loading import merge_bundled_references

        summary.counts["events"] = Counter(merge_bundled_events(dataset.events))
        summary.counts["references"] = Counter(merge_bundled_references(dataset.references))
        models.DatasetLoad.objects.create(digest=dataset.digest, summary=summary.as_dict())
    return summary


def _replace_reference_tables(dataset: Dataset, summary: WriteSummary) -> None:
    for state in dataset.states:
        _, created = models.State.objects.update_or_create(
            code=state.code,
            defaults={
                "alpha2": state.alpha2,
                "numeric": state.numeric,
                "name_en": state.names["en"],
                "name_fr": state.names["fr"],
                "name_es": state.names["es"],
                "un_status": str(state.un_status),
                "un_regional_group": state.un_regional_group,
                "source_url": state.source_url,
                "source_date": state.source_date,
                "note": state.note,
            },
        )
        summary.count("states", "added" if created else "unchanged")
    models.Membership.objects.all().delete()
    models.Membership.objects.bulk_create(
        models.Membership(
            state_id=m.state,
            organisation=m.organisation,
            joined=m.joined,
            left=m.left,
            source_url=m.source_url,
            source_date=m.source_date,
            note=m.note,
        )
        for m in dataset.memberships
    )
    summary.count("memberships", "replaced")
    for treaty in dataset.treaties.values():
        models.Treaty.objects.update_or_create(
            slug=treaty.slug,
            defaults={
                "title": treaty.title,
                "short_title": treaty.short_title,
                "facts": treaty_to_entry(treaty),
            },
        )
        summary.count("treaties", "loaded")
    models.SourceConflict.objects.all().delete()
    models.SourceConflict.objects.bulk_create(
        models.SourceConflict(
            subject=c.subject,
            claim=c.claim,
            source_url=c.source_url,
            source_date=c.source_date,
            our_reading=c.our_reading,
        )
        for c in dataset.conflicts
    )


def _upsert_facts(model, facts, to_fields, table, summary, origin, keep_others):  # type: ignore[no-untyped-def]
    """Add or update each fact by its key; with `keep_others`, rows of another origin stay."""
    existing = {row.key: row for row in model.objects.filter(key__in=[fact.key for fact in facts])}
    for fact in facts:
        fields = to_fields(fact)
        row = existing.get(fact.key)
        if row is None:
            model.objects.create(key=fact.key, origin=origin, **fields)
            summary.count(table, "added")
        elif keep_others and row.origin != origin:
            summary.count(table, "kept")
        elif changes := changed_fields(row, fields):
            model.objects.filter(pk=row.pk).update(origin=origin, **fields)
            summary.count(table, "changed")
            summary.changes.append(f"{fact.key}: {', '.join(sorted(changes))}")
        else:
            summary.count(table, "unchanged")


def _merge_facts(model, facts, to_fields, table: str, summary: WriteSummary, today: date) -> None:  # type: ignore[no-untyped-def]
    """Bundled facts in, staff rows kept; a bundled row the bundle dropped is retracted."""
    _upsert_facts(model, facts, to_fields, table, summary, models.Origin.BUNDLED, keep_others=True)
    bundled_keys = {fact.key for fact in facts}
    dropped = model.objects.filter(origin=models.Origin.BUNDLED, retracted_on__isnull=True).exclude(
        key__in=bundled_keys
    )
    for row in dropped:
        # Kept for past reports, but no longer counted from today.
        model.objects.filter(pk=row.pk).update(retracted_on=today)
        summary.count(table, "retracted")


def import_file(path: Path, today: date | None = None) -> WriteSummary:
    """Check every row of a CSV or JSON file of actions or declarations; write all or nothing."""
    today = today or date.today()
    columns, rows = read_table(path)
    record = load_record()
    context = Context(record.states_by_code, record.treaties, today, record.actions)
    name = str(path)
    facts: list[Action] | list[Declaration]
    if "kind" in columns and "action_class" not in columns:
        facts, problems = validate_declarations(name, rows, context)
        model, to_fields, table = models.Declaration, declaration_fields, "declarations"
    elif "action_class" in columns or "action" in columns:
        facts, problems = validate_actions(name, rows, context)
        model, to_fields, table = models.TreatyAction, action_fields, "actions"
    else:
        raise TableError(
            [
                Problem(
                    name,
                    1,
                    "header",
                    "neither treaty actions (action_class) nor declarations (kind)",
                )
            ]
        )
    if problems:
        raise TableError(problems)
    summary = WriteSummary()
    with transaction.atomic():
        _upsert_facts(
            model, facts, to_fields, table, summary, models.Origin.IMPORT, keep_others=False
        )
        from treatywatch.site import freshness

        freshness.bump()  # updates in place save no model, so tell the page caches
    return summary


def export_rows() -> dict[str, list[dict[str, str]]]:
    """The whole record as rows in the bundled files' columns, ready for CSV or JSON."""

    def cell(value: object) -> str:
        if value is None:
            return ""
        return value.isoformat() if isinstance(value, date) else str(value)

    record = load_record()
    actions = []
    for action in sorted(record.actions, key=lambda a: (a.treaty, a.date, a.state, a.action_class)):
        fields = action_fields(action)
        fields["treaty"], fields["state"] = fields.pop("treaty_id"), fields.pop("state_id")
        fields["action"] = fields.pop("raw_action")
        actions.append({column: cell(fields.get(column)) for column in ACTION_COLUMNS})
    declarations = []
    for declaration in sorted(record.declarations, key=lambda d: d.key):
        fields = declaration_fields(declaration)
        fields["treaty"], fields["state"] = fields.pop("treaty_id"), fields.pop("state_id")
        fields["target_state"] = fields.pop("target_state_id")
        declarations.append({column: cell(fields.get(column)) for column in DECLARATION_COLUMNS})
    states = [
        {
            "code": s.code,
            "alpha2": s.alpha2,
            "numeric": s.numeric,
            "name_en": s.names["en"],
            "name_fr": s.names["fr"],
            "name_es": s.names["es"],
            "un_status": str(s.un_status),
            "un_regional_group": s.un_regional_group,
            "source_url": s.source_url,
            "source_date": s.source_date.isoformat(),
            "note": s.note,
        }
        for s in record.states
    ]
    memberships = [
        {
            "state": m.state,
            "organisation": m.organisation,
            "joined": cell(m.joined),
            "left": cell(m.left),
            "source_url": m.source_url,
            "source_date": m.source_date.isoformat(),
            "note": m.note,
        }
        for m in record.memberships
    ]
    return {
        "states": states,
        "memberships": memberships,
        "actions": actions,
        "declarations": declarations,
    }
