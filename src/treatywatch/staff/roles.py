"""The four staff roles and what each may do, as Django groups with permissions.

This module is the one description of the roles; a change here ships with a migration
that calls `sync_roles` again (as `staff/migrations/0001_roles.py` and
`0002_outreach_and_monitor_roles.py` do).

Facts are never deleted by editors: a wrong fact is retracted (retracted_on) and the
corrected one added beside it, so past reports can be reproduced.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ROLES", "permissions_for", "sync_roles"]

# Tables whose rows staff may read; app label → model names.
RECORDS = {
    "treaties": (
        "state", "membership", "treaty", "treatyaction", "declaration", "sourceconflict",
        "datasetload",
    ),
    "events": ("event",),
    "references": ("reference",),
    "outreach": ("outreachcontact",),
    "monitor": (
        "proposal", "run", "sourcestate", "seenitem", "itemfailure", "documentsignature",
        "scancount",
    ),
}  # fmt: skip
# Facts an editor may add and correct, and the outreach log staff keep.
FACTS = {
    "treaties": ("treatyaction", "declaration"),
    "events": ("event",),
    "references": ("reference",),
    "outreach": ("outreachcontact",),
}
# The monitor's own tables: written by its runs, so only admins change or clear them.
MONITOR_TABLES = {
    "monitor": (
        "proposal", "run", "sourcestate", "seenitem", "itemfailure", "documentsignature",
        "scancount",
    )
}  # fmt: skip
# Tables rebuilt from the bundled files by update-data: only admins change them.
REFERENCE_TABLES = {"treaties": ("state", "membership", "treaty", "sourceconflict")}
REVIEWS = (
    "events.review_event",
    "references.review_reference",
    "monitor.review_proposal",
)


def _each(tables: dict[str, tuple[str, ...]], actions: tuple[str, ...]) -> list[str]:
    return [
        f"{app}.{action}_{model}"
        for app, models in tables.items()
        for model in models
        for action in actions
    ]


_VIEWER = [*_each(RECORDS, ("view",)), "auditlog.view_logentry"]
ROLES: dict[str, list[str]] = {
    "viewer": _VIEWER,
    "editor": [*_VIEWER, *_each(FACTS, ("add", "change"))],
    "reviewer": [*_VIEWER, *REVIEWS],
    "admin": [
        *_VIEWER,
        *_each(FACTS, ("add", "change", "delete")),
        *_each(REFERENCE_TABLES, ("add", "change", "delete")),
        *_each(MONITOR_TABLES, ("add", "change", "delete")),
        *REVIEWS,
        *_each({"auth": ("user", "group")}, ("view", "add", "change", "delete")),
        *_each({"axes": ("accessattempt", "accessfailurelog", "accesslog")}, ("view", "delete")),
    ],
}


def permissions_for(role: str) -> list[tuple[str, str]]:
    """(app label, codename) pairs for one role."""
    return [tuple(name.split(".", 1)) for name in ROLES[role]]  # type: ignore[misc]


def sync_roles(apps: Any, schema_editor: Any = None) -> None:
    """Create or update the four groups with exactly their permissions (a data migration)."""
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for role in ROLES:
        wanted = permissions_for(role)
        found = {
            (p.content_type.app_label, p.codename): p
            for p in permission_model.objects.select_related("content_type").filter(
                codename__in=[codename for _app, codename in wanted]
            )
        }
        missing = [f"{app}.{codename}" for app, codename in wanted if (app, codename) not in found]
        if missing:
            raise LookupError(f"role {role!r}: no permission {', '.join(missing)}")
        group, _created = group_model.objects.get_or_create(name=role)
        group.permissions.set([found[pair] for pair in wanted])
