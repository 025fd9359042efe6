"""Every label the pages show for a code of the data, in the reader's language."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from treatywatch.core.indicators import INDICATORS, Indicator

__all__ = [
    "ACTION_LABELS",
    "DECLARATION_LABELS",
    "EVENT_LEVEL_LABELS",
    "GROUP_LABELS",
    "INDICATOR_SHORT",
    "INDICATOR_STRINGS",
    "REGION_LABELS",
    "STATUS_HELP",
    "STATUS_LABELS",
    "indicator_text",
]

STATUS_LABELS: dict[str, Promise] = {
    "none": _("Not signed"),
    "signed": _("Signed"),
    "consented": _("Ratified"),
    "in_force": _("In force"),
    "withdrawn": _("Withdrawn"),
}
STATUS_HELP: dict[str, Promise] = {
    "none": _("No signature recorded."),
    "signed": _("Signed, no instrument of ratification deposited yet."),
    "consented": _(
        "Ratified, accepted, approved or acceded: bound once the Convention enters into force "
        "for it."
    ),
    "in_force": _("The Convention is in force for this State."),
    "withdrawn": _("Signature withdrawn or Convention denounced."),
}
REGION_LABELS: dict[str, Promise] = {
    "african": _("African Group"),
    "asia_pacific": _("Asia-Pacific Group"),
    "eastern_european": _("Eastern European Group"),
    "latin_american_caribbean": _("Latin American and Caribbean Group"),
    "western_european_others": _("Western European and Others Group"),
    "none": _("No UN regional group"),
}
GROUP_LABELS: dict[str, Promise] = {
    "UN": _("United Nations"),
    "EU": _("European Union"),
    "AU": _("African Union"),
    "COE": _("Council of Europe"),
    "OAS": _("Organization of American States"),
    "ROME": _("Rome Statute parties"),
}
ACTION_LABELS: dict[str, Promise] = {
    "signature": _("Signature"),
    "ratification": _("Ratification"),
    "acceptance": _("Acceptance"),
    "approval": _("Approval"),
    "accession": _("Accession"),
    "succession": _("Succession"),
    "definitive_signature": _("Definitive signature"),
    "provisional_application": _("Provisional application"),
    "withdrawal_of_signature": _("Withdrawal of signature"),
    "denunciation": _("Denunciation"),
}
DECLARATION_LABELS: dict[str, Promise] = {
    "reservation": _("Reservation"),
    "interpretive_declaration": _("Interpretive declaration"),
    "annex_opt_in": _("Annex opt-in"),
    "central_authority": _("Central authority"),
    "provisional_application": _("Provisional application"),
    "objection": _("Objection"),
    "territorial_application": _("Territorial application"),
    "other": _("Other declaration"),
}
EVENT_LEVEL_LABELS: dict[str, Promise] = {
    "international": _("International"),
    "regional": _("Regional"),
    "national": _("National"),
}

# The core's indicator texts (English, no Django there), marked here for translation.
# tests/site/test_labels.py fails when the core changes one without this list.
INDICATOR_STRINGS = (
    gettext_noop("States that have signed"),
    gettext_noop(
        "States that signed the Convention on or before the date, whatever they did next."
    ),
    gettext_noop(
        "Counted by the status engine from the signatures in the record, as known on the "
        "as-known-on date, over the chosen denominator."
    ),
    gettext_noop(
        "Depends on the depositary record we hold; the denominator changes the count (Kosovo)."
    ),
    gettext_noop("States that have ratified"),
    gettext_noop(
        "States whose instrument of ratification, acceptance, approval or accession was "
        "deposited on or before the date and not denounced."
    ),
    gettext_noop("Counted by the status engine from instruments of consent in the record."),
    gettext_noop("Treaty databases may lump ratification, acceptance and approval together."),
    gettext_noop("Events in international or national fora on the Convention"),
    gettext_noop(
        "Confirmed events about the Convention (or the initiative that prepared it) that started "
        "on or before the date."
    ),
    gettext_noop(
        "Count of confirmed events in the register; an event without a known day counts from "
        "the date we read about it."
    ),
    gettext_noop(
        "Only events documented publicly or entered by staff; small national events are missed."
    ),
    gettext_noop("References in documents adopted in international or national fora"),
    gettext_noop(
        "Confirmed references to the Convention in resolutions, conclusions, laws, bills and "
        "official records, published on or before the date; syndicated copies count once."
    ),
    gettext_noop(
        "Detected references are counted only after a reviewer confirms them; duplicates share a "
        "cluster and count once."
    ),
    gettext_noop(
        "Official document collections are incomplete; see the coverage on the indicator page."
    ),
    gettext_noop("References in the public domain"),
    gettext_noop(
        "Confirmed references to the Convention in news, blogs, statements and other public "
        "texts published on or before the date; syndicated copies count once."
    ),
    gettext_noop("As for indicator 4, over public-domain sources."),
    gettext_noop("Coverage of news and web sources varies by language and period."),
)


def indicator_text(indicator: Indicator) -> dict[str, str]:
    """The indicator's title, definition, method and limitations in the active language."""
    return {
        "title": gettext(indicator.title),
        "definition": gettext(indicator.definition),
        "method": gettext(indicator.method),
        "limitations": gettext(indicator.limitations),
    }


def _core_strings() -> set[str]:
    return {
        text
        for indicator in INDICATORS
        for text in (
            indicator.title,
            indicator.definition,
            indicator.method,
            indicator.limitations,
        )
    }


INDICATOR_SHORT: dict[str, Promise] = {
    "signatories": _("Signatures"),
    "consenting": _("Ratifications"),
    "events": _("Events in fora"),
    "adopted_documents": _("Adopted documents"),
    "public_domain": _("Public references"),
}
