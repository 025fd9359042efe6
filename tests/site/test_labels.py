"""Translations: every core indicator text is marked, every catalogue entry translated."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from treatywatch.site.labels import INDICATOR_STRINGS, _core_strings

LOCALE = Path(__file__).resolve().parents[2] / "src" / "treatywatch" / "locale"


def test_core_indicator_texts_are_marked_for_translation() -> None:
    """Changing an indicator text in the core fails here until labels.py follows."""
    assert _core_strings() == set(INDICATOR_STRINGS)


@pytest.mark.parametrize("language", ["fr", "es"])
def test_catalogue_is_complete_and_compiled(language: str) -> None:
    """No empty or fuzzy entry; the .mo holds exactly what the .po says."""
    folder = LOCALE / language / "LC_MESSAGES"
    with (folder / "django.po").open("rb") as handle:
        catalogue = read_po(handle, locale=language)
    compiled = gettext.GNUTranslations((folder / "django.mo").open("rb"))
    assert len(catalogue) > 300
    for message in catalogue:
        if not message.id:
            continue
        assert "fuzzy" not in message.flags, message.id
        if isinstance(message.id, tuple):
            assert all(message.string), message.id
            assert compiled.ngettext(message.id[0], message.id[1], 5) == message.string[-1]
        else:
            assert message.string, message.id
            assert compiled.gettext(message.id) == message.string
