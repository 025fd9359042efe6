"""Labels for the pledge's pages (events, targets, outlook), in the reader's language."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

__all__ = [
    "AUDIENCE_LABELS",
    "EVENT_KIND_LABELS",
    "FACTOR_LABELS",
    "MEASURE_LABELS",
    "NEXT_STEP_HELP",
    "NEXT_STEP_LABELS",
    "SCENARIO_LABELS",
]

EVENT_KIND_LABELS: dict[str, Promise] = {
    "conference": _("Conference"),
    "meeting": _("Meeting"),
    "side_event": _("Side event"),
    "seminar": _("Seminar"),
    "workshop": _("Workshop"),
    "training": _("Training"),
    "ceremony": _("Ceremony"),
    "statement": _("Statement"),
    "publication": _("Publication"),
    "other": _("Other"),
}
MEASURE_LABELS: dict[str, Promise] = {
    "sign": _("Encourage signature"),
    "ratify": _("Encourage ratification"),
    "encourage_others": _("Encourage others"),
    "use_provisions": _("Use of the Convention's provisions"),
    "raise_in_fora": _("Raise in multilateral and regional fora"),
    "public_awareness": _("Public awareness"),
    "training": _("Training of judges and prosecutors"),
}
AUDIENCE_LABELS: dict[str, Promise] = {
    "judges": _("Judges"),
    "prosecutors": _("Prosecutors"),
    "central_authority_staff": _("Central-authority staff"),
    "diplomats": _("Diplomats"),
    "parliamentarians": _("Parliamentarians"),
    "civil_society": _("Civil society"),
    "general_public": _("General public"),
    "academics": _("Academics"),
    "officials": _("Officials"),
}
NEXT_STEP_LABELS: dict[str, Promise] = {
    "sign": _("Sign the Convention"),
    "ratify": _("Ratify the Convention"),
    "encourage_others": _("Encourage others"),
    "use_convention": _("Use the Convention"),
}
NEXT_STEP_HELP: dict[str, Promise] = {
    "sign": _(
        "Signing is the first step towards becoming a party. A State that has not signed "
        "can also join later by accession. Once a party, it can ask the other parties "
        "for evidence, extradition and other assistance in cases of genocide, crimes "
        "against humanity and war crimes, on one common legal basis."
    ),
    "ratify": _(
        "A signature does not bind the State. Depositing an instrument of ratification, "
        "acceptance or approval makes it a party, so that its judges, prosecutors and "
        "central authority can use the Convention with the other parties."
    ),
    "encourage_others": _(
        "The State has deposited its instrument; the Convention is not yet in force for it. "
        "It can encourage other States to sign and ratify, in bilateral contacts and in "
        "international and regional fora, and prepare the practitioners who will apply it."
    ),
    "use_convention": _(
        "The Convention is in force for the State. The next steps are to use it in requests for "
        "mutual legal assistance and extradition, to train the practitioners who will apply it, "
        "and to encourage other States to join."
    ),
}
# Names of the score's factors; what each measures and why is in data/targets.yaml.
FACTOR_LABELS: dict[str, Promise] = {
    "stage": _("Where the State stands"),
    "diplomatic_conference": _("Named at the 2023 Diplomatic Conference"),
    "rome_statute_party": _("Rome Statute party"),
    "regional_peers_signed": _("Share of its regional group that signed"),
    "months_signed_without_consent": _("Months since signature without ratification"),
    "pledged_to_consider_ratification": _("Covered by a public pledge to consider ratification"),
    "recent_statements": _("Recent events and references involving it"),
    "stated_intent_in_outreach": _("Stated intent in a recent contact"),
    "recent_outreach": _("Contacted in the last 6 months"),
    "follow_up_due": _("A follow-up is due"),
}
SCENARIO_LABELS: dict[str, Promise] = {
    "pace": _("At the current pace"),
}
