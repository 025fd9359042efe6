"""Detection of the same event entered twice, on handmade events."""

from datetime import date

from treatywatch.core.event_duplicates import likely_duplicates, title_similarity
from treatywatch.core.evidence import EventRecord


def event(slug, title, starts, ends=None, place="", forum=""):
    return EventRecord(
        slug=slug,
        title=title,
        starts_on=starts,
        ends_on=ends,
        level="international",
        source_url="https://example.org",
        source_date=date(2026, 1, 1),
        place=place,
        forum=forum,
    )


def test_same_event_with_paraphrased_title_and_overlapping_dates_is_reported():
    """Two entries of the signing ceremony, one spanning two days, are flagged with reasons."""
    first = event("a", "Signing ceremony of the Ljubljana – The Hague Convention",
                  date(2024, 2, 14), place="Peace Palace, The Hague")  # fmt: skip
    second = event("b", "Ljubljana-The Hague Convention signing ceremony",
                   date(2024, 2, 14), date(2024, 2, 15), place="The Hague")  # fmt: skip
    [pair] = likely_duplicates([first, second])
    assert (pair.first, pair.second) == ("a", "b")
    assert "dates overlap" in pair.reasons and "same place" in pair.reasons


def test_events_on_different_days_are_not_reported():
    """The ceremony and the next day's seminar at the same place are two events."""
    first = event("a", "Signing ceremony", date(2024, 2, 14), place="Peace Palace")
    second = event("b", "Signing ceremony", date(2024, 2, 15), place="Peace Palace")
    assert likely_duplicates([first, second]) == []


def test_unrelated_titles_on_the_same_day_are_not_reported():
    first = event("a", "Workshop for judges in Dakar", date(2025, 3, 10), place="Dakar")
    second = event("b", "Parliamentary hearing on ratification", date(2025, 3, 10), place="Riga")
    assert likely_duplicates([first, second]) == []


def test_different_session_numbers_tell_events_apart():
    """'15th session' and '17th session' side events are different even with the same title."""
    first = event("a", "Side event on the MLA Initiative", None, forum="ASP, 15th session")
    second = event("b", "Side event on the MLA Initiative", None, forum="ASP, 17th session")
    assert likely_duplicates([first, second]) == []


def test_undated_entries_need_a_near_identical_title():
    first = event("a", "Briefing on the MLA Initiative", None)
    second = event("b", "Briefing on the MLA Initiative", date(2020, 1, 1))
    third = event("c", "Briefing on something else entirely", None)
    pairs = likely_duplicates([first, second, third])
    assert [(p.first, p.second) for p in pairs] == [("a", "b")]
    assert "a date is unknown" in pairs[0].reasons


def test_pairs_a_reviewer_marked_distinct_are_not_reported_again():
    first = event("a", "Seminar on the Convention", date(2025, 1, 1))
    second = event("b", "Seminar on the Convention", date(2025, 1, 1))
    assert likely_duplicates([first, second], distinct={frozenset({"a", "b"})}) == []


def test_title_similarity_ignores_case_accents_and_small_words():
    assert title_similarity("Séminaire sur la Convention", "seminaire convention") == 1.0
    assert title_similarity("", "anything") == 0.0
