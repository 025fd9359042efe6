"""Who changed what, when, from which value to which: django-auditlog on every record."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

__all__ = ["AUDITED_MODELS", "audit_trail", "register_audited_models"]

AUDITED_MODELS = (
    "treaties.State",
    "treaties.Membership",
    "treaties.Treaty",
    "treaties.TreatyAction",
    "treaties.Declaration",
    "treaties.SourceConflict",
    "events.Event",
    "references.Reference",
    "outreach.OutreachContact",
    "monitor.Proposal",
)
# Many-to-many fields whose additions and removals are logged too.
M2M_FIELDS = {"events.Event": {"states"}}
TRAIL_LENGTH = 20


def register_audited_models() -> None:
    from auditlog.registry import auditlog

    for label in AUDITED_MODELS:
        model = apps.get_model(label)
        if not auditlog.contains(model):
            auditlog.register(model, m2m_fields=M2M_FIELDS.get(label, set()))


def _value(value: object) -> str:
    text = "" if value is None else str(value)
    return text if text not in ("", "None") else "—"


def _field_label(model: type[Model] | None, field: str) -> str:
    if model is None:
        return field
    try:
        return str(model._meta.get_field(field).verbose_name)
    except FieldDoesNotExist:
        return field


def _changes(entry: Any) -> SafeString:
    model = entry.content_type.model_class()
    # The display form shows choice labels and names of related rows, keyed by field label;
    # many-to-many changes are read from the raw form, where they keep their shape.
    display = entry.changes_display_dict or {}
    rows = []
    for field, change in sorted((entry.changes_dict or {}).items()):
        label = _field_label(model, field)
        if isinstance(change, dict):
            old = change.get("operation", "")
            new = ", ".join(map(str, change.get("objects", [])))
        else:
            old, new = [*list(display.get(label, change)), "", ""][:2]
        rows.append((label, _value(old), _value(new)))
    if not rows:
        return format_html("<em>{}</em>", _("no field changed"))
    return format_html(
        '<ul class="audit-changes">{}</ul>',
        format_html_join("", "<li><strong>{}</strong>: <del>{}</del> → <ins>{}</ins></li>", rows),
    )


def audit_trail(obj: Model, limit: int = TRAIL_LENGTH) -> SafeString:
    """The latest changes to `obj`, newest first, as an HTML table for its admin page."""
    from auditlog.models import LogEntry

    entries = list(
        LogEntry.objects.get_for_object(obj).select_related("actor").order_by("-timestamp")[:limit]
    )
    if not entries:
        return format_html("<p>{}</p>", _("No change has been recorded yet."))
    head = format_html(
        "<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>",
        _("When"),
        _("Who"),
        _("Action"),
        _("Old value → new value"),
    )
    body = format_html_join(
        "",
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (
                entry.timestamp.strftime("%Y-%m-%d %H:%M:%S %Z"),
                entry.actor or _("system (data load or command)"),
                entry.get_action_display(),
                _changes(entry),
            )
            for entry in entries
        ),
    )
    return format_html('<table class="audit-trail">{}<tbody>{}</tbody></table>', head, body)
