"""Loading the lexicon: the bundled files load, and bad files get precise errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatywatch.core.detect.lexicon import LexiconError, load_language_file, load_lexicon

_GOOD_ENTRY = """\
  - text: "Konwencja lublańsko-haska"
    form: short
    attested: true
    source_url: https://example.org/pl
    source_date: 2026-11-29
"""


def _write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_bundled_lexicon_has_the_six_seed_languages() -> None:
    """The bundled lexicon loads and covers at least en, fr, es, de, nl and sl."""
    langs = {lexicon.lang for lexicon in load_lexicon()}
    assert {"en", "fr", "es", "de", "nl", "sl"} <= langs


def test_every_bundled_name_has_a_source() -> None:
    """Every bundled name carries an http(s) source URL and a read date."""
    for lexicon in load_lexicon():
        for name in lexicon.names:
            assert name.source_url.startswith("http")
            assert name.source_date.year >= 2023


def test_a_well_formed_file_loads(tmp_path: Path) -> None:
    """The documented format loads with spellings and names."""
    body = "language: pl\nljubljana: [Lublana, Lublanie]\nthe_hague: [Haga]\nnames:\n"
    lexicon = load_language_file(_write(tmp_path, "pl.yaml", body + _GOOD_ENTRY))
    assert lexicon.ljubljana == ("Lublana", "Lublanie")
    assert lexicon.names[0].form == "short"
    assert lexicon.names[0].lang == "pl"


@pytest.mark.parametrize(
    ("field", "replacement", "message"),
    [
        ("form: short", "form: nickname", "entry 2: form: 'nickname' is not one of"),
        ("source_url: https://example.org/pl", "source_url: example.org", "entry 2: source_url"),
        ("source_date: 2026-11-29", "source_date: 29.11.2026", "entry 2: source_date"),
        ('text: "Konwencja lublańsko-haska"', 'text: ""', "entry 2: text: required"),
        ("attested: true", "attested: maybe", "entry 2: attested"),
    ],
)
def test_bad_entry_names_file_line_entry_and_field(
    tmp_path: Path, field: str, replacement: str, message: str
) -> None:
    """A broken second entry is reported as 'file:line: entry 2: field: message'."""
    body = "language: pl\nnames:\n" + _GOOD_ENTRY + _GOOD_ENTRY.replace(field, replacement)
    path = _write(tmp_path, "pl.yaml", body)
    with pytest.raises(LexiconError) as raised:
        load_language_file(path)
    assert str(raised.value).startswith(f"{path}:8: ")
    assert message in str(raised.value)


def test_language_must_match_the_file_name(tmp_path: Path) -> None:
    """'language: cs' in pl.yaml is an error naming the field."""
    path = _write(tmp_path, "pl.yaml", "language: cs\nnames: []\n")
    with pytest.raises(LexiconError, match=r"pl.yaml: language: 'cs' does not match"):
        load_language_file(path)


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    """A YAML syntax error reports the file and the line."""
    path = _write(tmp_path, "pl.yaml", "language: pl\nnames:\n  - text: [unclosed\n")
    with pytest.raises(LexiconError, match=r"pl.yaml: line \d+: not valid YAML"):
        load_language_file(path)


def test_unknown_field_warns_and_is_ignored(tmp_path: Path) -> None:
    """An unexpected field warns with its name; the entry still loads."""
    body = "language: pl\nnames:\n" + _GOOD_ENTRY + "    colour: blue\n"
    with pytest.warns(UserWarning, match="entry 1: colour: unknown field"):
        lexicon = load_language_file(_write(tmp_path, "pl.yaml", body))
    assert len(lexicon.names) == 1


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    """A folder without language files is reported, not silently empty."""
    with pytest.raises(LexiconError, match=r"no <lang>\.yaml"):
        load_lexicon(tmp_path)
