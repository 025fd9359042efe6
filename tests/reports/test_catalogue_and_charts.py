"""The report catalogue is complete in three languages; charts draw what they are given."""

import re
from datetime import date

import pytest

from treatywatch.reports import charts
from treatywatch.reports.catalogue import LANGUAGES, MESSAGES, format_day, labels
from treatywatch.reports.drawing import Group, to_png, to_svg


def test_every_message_exists_in_three_languages_with_the_same_placeholders():
    for key, texts in MESSAGES.items():
        assert len(texts) == 3 and all(text.strip() for text in texts), key
        placeholders = [sorted(re.findall(r"\{(\w+)\}", text)) for text in texts]
        assert placeholders[0] == placeholders[1] == placeholders[2], key


def test_labels_refuse_an_unknown_language_and_format_dates():
    assert labels("fr")["evidence"] == "Preuves" and LANGUAGES == ("en", "fr", "es")
    with pytest.raises(ValueError, match="unknown language 'de'"):
        labels("de")
    assert format_day(date(2024, 2, 14), "es") == "14 de febrero de 2024"


def test_status_tiles_draw_one_square_per_state_coloured_by_status():
    states = [("AAA", "A", "african", "signed"), ("BBB", "B", "african", "none"),
              ("CCC", "C", "none", "in_force")]  # fmt: skip
    drawing = charts.status_tiles(states, {}, {})
    groups = [shape for shape in drawing.shapes if isinstance(shape, Group)]
    assert [group.title for group in groups] == ["A: signed", "B: none", "C: in_force"]
    assert groups[0].shapes[0].fill == charts.STATUS_COLOURS["signed"][0]
    svg = to_svg(drawing)
    assert svg.startswith("<svg") and svg.count("<g>") == 3
    assert to_png(drawing).startswith(b"\x89PNG")


def test_indicator_bars_scale_to_the_largest_value():
    drawing = charts.indicator_bars([("a", 10, 20), ("b", 0, 5)], ("start", "end"))
    bars = [s for s in drawing.shapes if getattr(s, "height", 0) == 14]
    assert bars[1].width == pytest.approx(2 * bars[0].width)
    assert bars[2].width == 1  # a zero still shows a hairline
