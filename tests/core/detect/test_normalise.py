"""Normalisation: what it folds, and that offsets always lead back to the original."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from treatywatch.core.detect.normalise import fold, normalise


def test_case_dashes_and_spaces_fold_to_one_form() -> None:
    """Case, every dash variant and runs of spaces and line breaks fold to one spelling."""
    for written in (
        "Ljubljana–The Hague",
        "LJUBLJANA — THE HAGUE",
        "Ljubljana\u2011the\u00a0Hague",
        "Ljubljana -\tThe\n\nHague",
        "Ljubljana\u2212The Hague",
    ):
        assert fold(written).replace(" ", "") == "ljubljana-thehague", written


def test_nfkc_ligatures_and_diacritics_are_folded() -> None:
    """NFKC turns ligatures and full-width letters into plain ones; diacritics are dropped."""
    assert fold("\ufb01nal \uff2c\uff4a\uff55\uff42") == "final ljub"
    assert fold("Ljubljansko-haaška") == "ljubljansko-haaska"
    assert fold("Straße") == "strasse"


def test_soft_hyphens_and_line_end_hyphenation_are_joined() -> None:
    """A soft hyphen vanishes; a hyphen at a line end before a lower-case letter joins."""
    assert fold("Ljub\u00adljana") == "ljubljana"
    assert fold("Ljub-\n  ljana") == "ljubljana"
    assert fold("Ljub\u00ad\nljana") == "ljubljana"


def test_hyphen_at_line_end_before_capital_is_kept() -> None:
    """'Ljubljana-⏎The Hague' keeps its dash: the next line starts a new word."""
    assert fold("Ljubljana-\nThe Hague") == "ljubljana- the hague"


def test_html_entities_are_decoded_but_ampersands_stay() -> None:
    """Named and numeric entities are decoded; a bare '&' is text."""
    assert fold("Ljubljana&ndash;The&nbsp;Hague") == "ljubljana-the hague"
    assert fold("Lju&#98;ljana &amp; AT&T") == "ljubljana & at&t"


def test_offsets_of_an_entity_cover_the_whole_entity() -> None:
    """A character decoded from '&ndash;' maps back to all seven characters."""
    text = "a&ndash;b"
    folded = normalise(text)
    assert folded.text == "a-b"
    assert text[folded.starts[1] : folded.ends[1]] == "&ndash;"


def test_window_offsets_index_the_whole_text() -> None:
    """Normalising a slice gives offsets into the whole text, not the slice."""
    text = "xxxxx Ljubljana yyyy"
    folded = normalise(text, 6, 15)
    assert folded.text == "ljubljana"
    assert folded.original_span(0, len(folded.text)) == (6, 15)


_ANY_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=()),  # every code point, surrogates too
    max_size=200,
)
_SPECIAL = st.sampled_from(
    ["&ndash;", "&amp;", "&#x2014;", "&shy;", "\u00ad", "-\n", "\u2013", " \n ", "Ljub-\nljana"]
)
_MIXED = st.lists(st.one_of(_ANY_TEXT, _SPECIAL), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(_MIXED)
def test_offsets_always_map_back_into_the_original(text: str) -> None:
    """Every folded character comes from a non-empty, in-bounds, ordered original span."""
    folded = normalise(text)
    assert len(folded.text) == len(folded.starts) == len(folded.ends)
    previous_start = previous_end = 0
    for start, end in zip(folded.starts, folded.ends, strict=True):
        assert 0 <= start < end <= len(text)
        assert start >= previous_start and end >= previous_end
        previous_start, previous_end = start, end


@settings(max_examples=300, deadline=None)
@given(_MIXED)
def test_each_folded_character_is_what_its_source_folds_to(text: str) -> None:
    """Folding a character's own original span gives that character (or, for joined
    hyphenation and collapsed space, a space or nothing)."""
    folded = normalise(text)
    for index, char in enumerate(folded.text):
        source = text[folded.starts[index] : folded.ends[index]]
        assert char in fold(source) or char == " ", (char, source)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=97, max_codepoint=122), max_size=50))
def test_plain_lower_case_ascii_is_unchanged(text: str) -> None:
    """Text that needs no folding comes back identical, one offset per character."""
    folded = normalise(text)
    assert folded.text == text
    assert folded.starts == tuple(range(len(text)))


def _reference_normalise(text: str) -> tuple[str, list[int], list[int]]:
    """A slow, obvious character-by-character version of `normalise`, to compare with."""
    import html
    import re

    from treatywatch.core.detect.normalise import fold_char, is_dash

    entity = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    while position < len(text):
        char, after = text[position], position + 1
        found = entity.match(text, position) if char == "&" else None
        if found is not None and html.unescape(found.group()) != found.group():
            char, after = html.unescape(found.group()), found.end()
        if len(char) == 1 and (char == "\u00ad" or is_dash(char)):
            resume = after
            while resume < len(text) and text[resume] in " \t\u00a0":
                resume += 1
            if resume < len(text) and text[resume] in "\n\r\u2028\u2029\x0b\x0c\x85":
                while resume < len(text) and (
                    text[resume].isspace()
                    or text[resume] in "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e\u0640"
                ):
                    resume += 1
                if (
                    resume < len(text)
                    and chars
                    and chars[-1].isalpha()
                    and (char == "\u00ad" or text[resume].islower())
                ):
                    position = resume
                    continue
        for source in char:
            for folded in fold_char(source):
                if folded == " " and (not chars or chars[-1] == " "):
                    if chars:
                        ends[-1] = after
                    continue
                chars.append(folded)
                starts.append(position)
                ends.append(after)
        position = after
    return "".join(chars), starts, ends


@settings(max_examples=400, deadline=None)
@given(_MIXED)
def test_fast_normalise_agrees_with_the_reference(text: str) -> None:
    """The run-based normaliser gives the same text and offsets as the obvious one."""
    folded = normalise(text)
    reference_text, reference_starts, _reference_ends = _reference_normalise(text)
    assert folded.text == reference_text
    assert list(folded.starts) == reference_starts


@pytest.mark.parametrize("text", ["ß\u200b", "\u200bß", "\u200b\u01c4", "ß\u0301", "ﬃ\u00ad"])
def test_a_growing_and_a_vanishing_character_keep_their_own_offsets(text: str) -> None:
    """'ß' folds to two characters and a zero-width space to none: the lengths balance, but
    each folded character must still point at the character it came from."""
    folded = normalise(text)
    reference_text, reference_starts, _ = _reference_normalise(text)
    assert (folded.text, list(folded.starts)) == (reference_text, reference_starts)
