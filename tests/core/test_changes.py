from datetime import date

from tests.factories import make_action
from treatywatch.core.changes import change_log, participation_timeline
from treatywatch.core.records import ActionClass

SIG, RAT = ActionClass.SIGNATURE, ActionClass.RATIFICATION
ACTIONS = [
    make_action("AAA", SIG, date(2024, 2, 14)),
    make_action("BBB", SIG, date(2024, 3, 2)),
    make_action("AAA", RAT, date(2024, 5, 31)),
    make_action("CCC", SIG, date(2024, 5, 1), recorded_on=date(2026, 6, 1)),
]
REGIONS = {"AAA": "african", "BBB": "western_european_others", "CCC": "african"}


def test_change_log_is_newest_first_and_respects_record_time():
    """Changes come newest first; one learnt after as_known_on is absent."""
    log = change_log("test-treaty", ACTIONS, [], {"AAA": "Atlantis"}, as_known_on=date(2026, 1, 1))
    assert [(c.on, c.state, c.kind) for c in log] == [
        (date(2024, 5, 31), "AAA", "ratification"),
        (date(2024, 3, 2), "BBB", "signature"),
        (date(2024, 2, 14), "AAA", "signature"),
    ]
    assert log[0].summary == "Atlantis deposited its instrument of ratification."
    assert len(change_log("test-treaty", ACTIONS, [], {}, as_known_on=date(2026, 6, 1))) == 4


def test_timeline_counts_cumulatively_by_month_and_region():
    """Each month shows everyone who had signed or consented by its last day."""
    points = participation_timeline(
        "test-treaty", ACTIONS, REGIONS, date(2024, 2, 1), date(2024, 6, 15), date(2026, 12, 1)
    )
    assert [p.month.strftime("%Y-%m") for p in points] == [
        "2024-02",
        "2024-03",
        "2024-04",
        "2024-05",
        "2024-06",
    ]
    assert [p.signatories for p in points] == [1, 2, 2, 3, 3]
    assert [p.consenting for p in points] == [0, 0, 0, 1, 1]
    assert points[3].signatories_by_region == {"african": 2, "western_european_others": 1}
