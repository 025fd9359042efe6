"""The Convention structure files, the crimes and the request checklist."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from treatywatch.core.checklist import load_checklist
from treatywatch.core.convention import (
    CONVENTION_DIR,
    CooperationKind,
    load_convention,
    parse_cooperation,
)
from treatywatch.core.crimes import resolve_crime
from treatywatch.core.tabular import TableError

MLA = CooperationKind.MUTUAL_LEGAL_ASSISTANCE


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the bundled convention folder to break."""
    copy = tmp_path / "convention"
    shutil.copytree(CONVENTION_DIR, copy)
    return copy


def problems(error: pytest.ExceptionInfo[TableError]) -> list[str]:
    return [str(problem) for problem in error.value.problems]


def test_bundled_structure_loads_and_stays_unverified() -> None:
    """Part III governs MLA, Annex H is aggression; no row claims to be read in the text."""
    convention = load_convention()
    assert [part.reference for part in convention.parts_for(MLA)] == ["Part III"]
    assert convention.annex("h").crimes == ("aggression",)
    assert {"aggression", "torture", "enforced_disappearance"} <= set(convention.annex_crimes)
    rows = [*convention.parts, *convention.articles, *convention.annexes]
    assert rows and not any(row.verified for row in rows)
    assert all(row.source_url.startswith("https://") for row in rows)
    assert all(not rule.verified for rule in convention.rules.values())


def test_every_problem_is_named_by_file_line_and_field(folder: Path) -> None:
    """Bad rows in each file are all reported as file:line: field: message."""
    with (folder / "articles.csv").open("a") as handle:
        handle.write("4x,9,,teleportation,maybe,ftp://x,2026-13-01,\n")
    with (folder / "annexes.csv").open("a") as handle:
        handle.write("H,,Aggression,false,https://example.org/a,2026-11-29,\n")
    (folder / "rules.yaml").write_text(
        "annex_opt_in_reciprocal:\n  value: sometimes\n  source_url: https://example.org\n"
        "  source_date: 2026-11-29\n  verified: false\nmagic: {}\n"
    )
    with pytest.raises(TableError) as error:
        load_convention(folder)
    found = problems(error)
    expected = [
        "articles.csv:6: number: '4x' is not a positive number",
        "articles.csv:6: part: Part 9 is not in parts.csv",
        "articles.csv:6: cooperation: unknown value 'teleportation'",
        "articles.csv:6: topic: required",
        "articles.csv:6: verified: expected true or false",
        "articles.csv:6: source_url: 'ftp://x' is not an http(s) URL",
        "articles.csv:6: source_date:",
        "annexes.csv:5: letter: Annex H appears twice",
        "annexes.csv:5: crimes: 'Aggression' is not a crime key",
        "rules.yaml:1: annex_opt_in_reciprocal.value: expected bool or null",
        "rules.yaml:6: magic: unknown rule",
    ]
    for message in expected:
        assert any(line.startswith(message) for line in found), (message, found)


@pytest.mark.parametrize(
    ("text", "key", "letters"),
    [
        ("genocide", "genocide", ()),
        ("Crimes-against-humanity", "crimes_against_humanity", ()),
        ("war crimes", "war_crimes", ()),
        ("aggression", "aggression", ("H",)),
        ("crime of aggression", "aggression", ("H",)),
        ("h", "aggression", ("H",)),
        ("Annex H", "aggression", ("H",)),
        ("enforced-disappearance", "enforced_disappearance", ()),
    ],
)
def test_crimes_by_name_or_letter(text: str, key: str, letters: tuple[str, ...]) -> None:
    """Crimes resolve by key in any spelling, annex crimes also by letter."""
    crime = resolve_crime(text, load_convention())
    assert (crime.key, crime.letters) == (key, letters)


def test_cooperation_aliases() -> None:
    """`MLA` and `transfer` are accepted; anything else names the choices."""
    assert parse_cooperation("MLA") is MLA
    assert parse_cooperation("transfer") is CooperationKind.TRANSFER_OF_SENTENCED_PERSONS
    with pytest.raises(ValueError, match="choose one of: mutual_legal_assistance"):
        parse_cooperation("surrender")


def test_bundled_checklist_cites_every_item_and_no_unsourced_article() -> None:
    """Every kind has contents or refusal grounds; general practice never cites an article."""
    checklist = load_checklist(convention=load_convention())
    for kind in CooperationKind:
        assert checklist.for_kind(kind)
    for item in checklist.items:
        assert item.sources and all(s.url.startswith("http") for s in item.sources)
        assert not item.verified
        if item.basis == "general_practice":
            assert item.article is None
    data = checklist.to_json(CooperationKind.EXTRADITION)
    assert data["contents"] and data["refusal_grounds"]
    assert {item["kind"] for item in data["refusal_grounds"]} == {"refusal"}


def test_checklist_problems_name_line_and_field(folder: Path) -> None:
    """An unsourced article, an unknown source and an unknown kind are each reported."""
    path = folder / "checklist.yaml"
    text = path.read_text()
    text += (
        "  - id: made-up\n"
        "    cooperation: [extradition, teleportation]\n"
        "    kind: content\n"
        "    text: Something.\n"
        "    article: 33\n"
        "    basis: general_practice\n"
        "    verified: false\n"
        "    sources: [nowhere]\n"
    )
    path.write_text(text)
    line = text.count("\n") - 7
    with pytest.raises(TableError) as error:
        load_checklist(path, convention=load_convention())
    found = problems(error)
    assert f"checklist.yaml:{line}: cooperation: unknown kind 'teleportation'" in found
    assert any(f.startswith(f"checklist.yaml:{line}: article: only an item on") for f in found)
    assert f"checklist.yaml:{line}: sources: unknown source 'nowhere'" in found
