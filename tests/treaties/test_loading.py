"""Loading the bundled dataset and importing files: all or nothing, idempotent, staff edits kept."""

import shutil
from datetime import date
from pathlib import Path

import pytest

from treatywatch.core.dataset import DATA_DIR, load_dataset
from treatywatch.core.tabular import TableError
from treatywatch.treaties import models
from treatywatch.treaties.loading import (
    ensure_database,
    export_rows,
    import_file,
    update_data,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "imports"
TODAY = date(2026, 11, 29)
pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    ensure_database(TODAY)


def snapshot():
    """Everything in the record, to compare before and after a refused import."""
    return export_rows(), models.TreatyAction.objects.count(), models.Declaration.objects.count()


def test_first_use_loads_the_bundle_once(loaded):
    """The first call loads the bundled data; the second finds it current and loads nothing."""
    assert models.State.objects.count() == 198
    assert models.TreatyAction.objects.filter(treaty="ljubljana-the-hague").count() >= 42
    freshness = ensure_database(TODAY)
    assert not freshness.just_loaded and not freshness.outdated
    assert models.DatasetLoad.objects.count() == 1


def test_import_adds_then_is_idempotent(loaded):
    """A clean import adds its rows; the same file again changes nothing."""
    first = import_file(FIXTURES / "good_actions.csv", today=TODAY)
    assert first.total("added") == 3
    second = import_file(FIXTURES / "good_actions.csv", today=TODAY)
    assert second.total("added") == 0 and second.total("unchanged") == 3
    row = models.TreatyAction.objects.get(
        treaty="ljubljana-the-hague", state="ITA", action_class="signature"
    )
    assert row.origin == models.Origin.IMPORT and row.place == "Brussels"


def test_import_reports_changed_rows(loaded, tmp_path):
    """A row with the same key but a new value is counted as changed and updated."""
    import_file(FIXTURES / "good_actions.csv", today=TODAY)
    edited = tmp_path / "edited.csv"
    edited.write_text(
        (FIXTURES / "good_actions.csv").read_text().replace("Brussels", "The Hague"),
        encoding="utf-8",
    )
    summary = import_file(edited, today=TODAY)
    assert summary.total("changed") == 1
    assert any("place" in change for change in summary.changes)


def test_bad_import_names_every_problem_and_writes_nothing(loaded):
    """Each bad row is reported as file:line: field: message and the record is untouched."""
    before = snapshot()
    with pytest.raises(TableError) as caught:
        import_file(FIXTURES / "bad_actions.csv", today=TODAY)
    messages = [str(problem) for problem in caught.value.problems]
    name = str(FIXTURES / "bad_actions.csv")
    expected = {
        2: ("state", "unknown State 'ATL'"),
        3: ("date", "in the future"),
        4: ("action_class", "without an earlier signature"),
        6: ("date", "duplicate of the row on line 5"),
        7: ("date", "not a real date"),
        8: ("source_url", "required"),
        9: ("date", "before the treaty opened for signature"),
    }
    for line, (field, text) in expected.items():
        assert any(m.startswith(f"{name}:{line}: {field}: ") and text in m for m in messages), (
            line,
            messages,
        )
    assert snapshot() == before


def test_good_json_declarations_import(loaded):
    summary = import_file(FIXTURES / "good_declarations.json", today=TODAY)
    assert summary.total("added") == 2
    opt_in = models.Declaration.objects.get(state="SVN", kind="annex_opt_in")
    assert opt_in.annexes == "H" and opt_in.made_on is None


def test_bad_json_reports_the_line_each_object_starts_on(loaded):
    """JSON rows are located by the line their object starts on; a placeholder date is refused."""
    before = snapshot()
    with pytest.raises(TableError) as caught:
        import_file(FIXTURES / "bad_declarations.json", today=TODAY)
    messages = [str(problem) for problem in caught.value.problems]
    name = str(FIXTURES / "bad_declarations.json")
    assert f"{name}:2: target_state: required" in messages
    assert any(m.startswith(f"{name}:11: valid_until: is before valid_from") for m in messages)
    assert any(m.startswith(f"{name}:11: made_on: ") and "placeholder" in m for m in messages)
    assert snapshot() == before


def test_failure_midway_through_writing_rolls_everything_back(loaded, monkeypatch):
    """If the database fails on the last row, the rows before it are not kept either."""
    before = snapshot()
    original = models.TreatyAction.objects.create
    calls = []

    def failing_create(**fields):
        calls.append(fields["key"])
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return original(**fields)

    monkeypatch.setattr(models.TreatyAction.objects, "create", failing_create)
    with pytest.raises(RuntimeError):
        import_file(FIXTURES / "good_actions.csv", today=TODAY)
    assert len(calls) == 3
    assert snapshot() == before


def test_unsupported_file_is_refused(loaded, tmp_path):
    path = tmp_path / "actions.xlsx"
    path.write_bytes(b"PK")
    with pytest.raises(TableError, match="unsupported format"):
        import_file(path, today=TODAY)


def copy_bundle(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("lexicon", "convention"))
    return target


def test_update_data_keeps_staff_rows_and_retracts_dropped_ones(loaded, tmp_path):
    """Staff edits survive an update; a row the bundle no longer has is retracted, not deleted."""
    cyprus = models.TreatyAction.objects.get(state="CYP", treaty="ljubljana-the-hague")
    cyprus.place = "Brussels (entered by staff)"
    cyprus.origin = models.Origin.STAFF
    cyprus.save()
    data = copy_bundle(tmp_path)
    actions = data / "actions" / "ljubljana-the-hague.csv"
    lines = actions.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if ",CYP," not in line and ",CAF," not in line]
    actions.write_text("".join(kept), encoding="utf-8")
    summary = update_data(load_dataset(data, today=TODAY), today=TODAY)
    assert summary.counts["actions"]["retracted"] == 1
    cyprus.refresh_from_db()
    assert cyprus.place == "Brussels (entered by staff)" and cyprus.retracted_on is None
    car = models.TreatyAction.objects.get(state="CAF", treaty="ljubljana-the-hague")
    assert car.retracted_on == TODAY


def test_every_bundled_row_has_a_source():
    """The real bundle loads cleanly, and every fact in it names a source and a date read."""
    dataset = load_dataset(today=TODAY)
    facts = [*dataset.states, *dataset.memberships, *dataset.actions, *dataset.declarations]
    assert facts
    for fact in facts:
        assert fact.source_url.startswith("http") and fact.source_date, fact
    for treaty in dataset.treaties.values():
        for name, cited in treaty.facts.items():
            assert cited.source_url.startswith("http") and cited.source_date, (treaty.slug, name)


@pytest.mark.parametrize("column", ["source_url", "source_date"])
def test_a_bundled_row_without_a_source_is_refused(tmp_path, column):
    """Blanking one row's source makes the whole bundle fail, naming file, line and field."""
    data = copy_bundle(tmp_path)
    actions = data / "actions" / "ljubljana-the-hague.csv"
    import csv

    rows = list(csv.DictReader(actions.open(encoding="utf-8")))
    rows[4][column] = ""
    with actions.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(TableError) as caught:
        load_dataset(data, today=TODAY)
    assert any(
        str(p).endswith(f"ljubljana-the-hague.csv:6: {column}: required")
        for p in caught.value.problems
    )
