"""Property-based tests of the status engine against a plain reference written here."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import make_action, make_state, make_treaty
from treatywatch.core.dates import add_months
from treatywatch.core.denominators import denominator
from treatywatch.core.records import ActionClass, Delay
from treatywatch.core.status import compute_status

CODES = [f"S{n:02d}" for n in range(12)]
STATES = [make_state(code) for code in CODES]
START = date(2024, 2, 14)
days = st.integers(min_value=0, max_value=1500).map(lambda n: START + timedelta(days=n))
delays = st.builds(
    Delay,
    months=st.integers(0, 12),
    days=st.integers(0, 90),
    anchor=st.sampled_from(["first_day_of_following_month", "end_of_period"]),
)


@st.composite
def histories(draw, with_denunciations=False):
    """Random histories: signatures, consents, maybe denunciations, learnt at random times."""
    actions = []
    for code in draw(st.lists(st.sampled_from(CODES), unique=True, max_size=len(CODES))):
        signed = draw(days)
        learnt = signed + timedelta(days=draw(st.integers(0, 400)))
        actions.append(make_action(code, ActionClass.SIGNATURE, signed, recorded_on=learnt))
        if draw(st.booleans()):
            consent = signed + timedelta(days=draw(st.integers(0, 700)))
            actions.append(
                make_action(code, ActionClass.RATIFICATION, consent, recorded_on=consent)
            )
            if with_denunciations and draw(st.booleans()):
                notice = consent + timedelta(days=draw(st.integers(1, 300)))
                actions.append(
                    make_action(
                        code,
                        ActionClass.DENUNCIATION,
                        notice,
                        recorded_on=notice,
                        effective_on=add_months(notice, 12),
                    )
                )
    return actions


def report(actions, as_of, as_known_on=date(2030, 1, 1), treaty=None):
    return compute_status(
        treaty or make_treaty(), STATES, actions, as_of, as_known_on, denominator("all", STATES)
    )


@settings(max_examples=150, deadline=None)
@given(histories(), days, st.integers(1, 400))
def test_counts_never_fall_as_the_date_grows_without_withdrawals(actions, first, step):
    """Without a withdrawal, signatories, consents and in-force counts only rise with time."""
    earlier, later = report(actions, first), report(actions, first + timedelta(days=step))
    assert later.signatories >= earlier.signatories
    assert later.consenting >= earlier.consenting
    assert later.in_force_for >= earlier.in_force_for


@settings(max_examples=150, deadline=None)
@given(histories(with_denunciations=True), days, st.integers(1, 400))
def test_consents_fall_only_when_a_withdrawal_takes_effect(actions, first, step):
    """A drop in consenting States between two dates needs a denunciation effective between them."""
    second = first + timedelta(days=step)
    earlier, later = report(actions, first), report(actions, second)
    if later.consenting < earlier.consenting:
        assert any(
            a.action_class is ActionClass.DENUNCIATION and first < a.effective_on <= second
            for a in actions
        )


@settings(max_examples=150, deadline=None)
@given(histories(), days, days)
def test_facts_recorded_after_as_known_on_are_invisible(actions, as_of, known_on):
    """A report as known on a date equals one computed from only the facts learnt by then."""
    full = report(actions, as_of, as_known_on=known_on)
    learnt = [a for a in actions if a.learnt_on <= known_on]
    assert full.to_json() == report(learnt, as_of, as_known_on=date(2030, 1, 1)).to_json() | {
        "as_known_on": known_on.isoformat()
    }


def reference_entry_into_force(actions, threshold, delay, later, up_to):
    """Plainly: sort deposits, take the threshold-th, apply the delay; later States their own."""

    def apply(rule, day):
        end = add_months(day, rule.months) + timedelta(days=rule.days)
        if rule.anchor == "end_of_period":
            return end
        return date(end.year + end.month // 12, end.month % 12 + 1, 1)

    deposits = sorted(
        (a.date, a.state)
        for a in actions
        if a.action_class is ActionClass.RATIFICATION and a.date <= up_to
    )
    if len(deposits) < threshold:
        return None, {}
    trigger_day = deposits[threshold - 1][0]
    general = apply(delay, trigger_day)
    per_state = {}
    for day, state in deposits:
        per_state[state] = general if day <= trigger_day else max(general, apply(later, day))
    return general, per_state


@settings(max_examples=300, deadline=None)
@given(histories(), st.integers(1, 6), delays, delays, days)
def test_entry_into_force_matches_a_plain_reference(actions, threshold, delay, later, as_of):
    """The treaty's and each State's entry into force equal the reference implementation's."""
    treaty = make_treaty(threshold=threshold, delay=delay, later=later)
    result = report(actions, as_of, treaty=treaty)
    general, per_state = reference_entry_into_force(actions, threshold, delay, later, as_of)
    assert result.entry_into_force == general
    for state in result.states:
        assert state.in_force == per_state.get(state.code)
