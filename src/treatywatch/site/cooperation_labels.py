"""Labels for the relations and network pages, in the reader's language.

The engine's reasons are English sentences written by the core; these are the words around them.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

__all__ = [
    "ANSWER_HELP",
    "ANSWER_LABELS",
    "ARTICLE_ROLE_LABELS",
    "BASIS_LABELS",
    "BOUND_LABELS",
    "COOPERATION_LABELS",
    "CRIME_LABELS",
    "EFFECT_LABELS",
    "OPT_IN_LABELS",
    "crime_label",
]

ANSWER_LABELS: dict[str, Promise] = {
    "yes": _("Yes"),
    "no": _("No"),
    "uncertain": _("Uncertain"),
}
ANSWER_HELP: dict[str, Promise] = {
    "yes": _("The Convention applies between these two States for this request on this date."),
    "no": _(
        "The Convention does not apply between these two States for this request on this date: "
        "look for another legal basis."
    ),
    "uncertain": _(
        "The answer rests on facts or rules that are not verified, or on declarations whose "
        "reach is unknown: read the reasons below and check them before relying on the "
        "Convention."
    ),
}
EFFECT_LABELS: dict[str, Promise] = {
    "supports": _("supports"),
    "note": _("note"),
    "doubt": _("doubt"),
    "blocks": _("blocks"),
}
BOUND_LABELS: dict[str, Promise] = {
    "yes": _("Bound"),
    "uncertain": _("Possibly bound"),
    "no": _("Not bound"),
}
OPT_IN_LABELS: dict[str, Promise] = {
    "not_needed": _("No opt-in needed (core crime)"),
    "yes": _("Opted in"),
    "unknown": _("Opt-in uncertain"),
    "no": _("Not opted in"),
}
COOPERATION_LABELS: dict[str, Promise] = {
    "mutual_legal_assistance": _("Mutual legal assistance"),
    "extradition": _("Extradition"),
    "transfer_of_sentenced_persons": _("Transfer of sentenced persons"),
    "other": _("Other cooperation"),
}
CRIME_LABELS: dict[str, Promise] = {
    "genocide": _("Genocide"),
    "crimes_against_humanity": _("Crimes against humanity"),
    "war_crimes": _("War crimes"),
    "aggression": _("The crime of aggression (annex crime)"),
    "torture": _("Torture (annex crime)"),
    "enforced_disappearance": _("Enforced disappearance (annex crime)"),
}
ARTICLE_ROLE_LABELS: dict[str, Promise] = {
    "cooperation": _("governs this kind of cooperation"),
    "crime": _("on the crime"),
}
BASIS_LABELS: dict[str, Promise] = {
    "convention": _("The Convention"),
    "general_practice": _("General practice, not verified for this Convention"),
}


def crime_label(key: str) -> str:
    """A crime's name for the form and the answer; keys without a label read as words."""
    label = CRIME_LABELS.get(key)
    return str(label) if label is not None else key.replace("_", " ").capitalize()
