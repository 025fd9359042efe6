"""Turning the core's issues into a ValidationError that any model form can show."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from treatywatch.core.event_rules import Issue

__all__ = ["RuleCheckedModel", "issues_to_error"]


def issues_to_error(issues: Iterable[Issue], excluded: Collection[str] = ()) -> ValidationError:
    """One error per field; issues on fields the form does not show become general errors
    naming the field, since a form cannot attach an error to a field it lacks."""
    errors: dict[str, list[str]] = {}
    for issue in issues:
        if issue.field in excluded:
            errors.setdefault(NON_FIELD_ERRORS, []).append(f"{issue.field}: {issue.message}")
        else:
            errors.setdefault(issue.field, []).append(issue.message)
    return ValidationError(errors)


class RuleCheckedModel:
    """Mixin: remembers which fields a form left out, for `clean()` to report correctly."""

    _excluded_from_form: frozenset[str] = frozenset()

    def full_clean(self, exclude: Any = None, *args: Any, **kwargs: Any) -> None:
        self._excluded_from_form = frozenset(exclude or ())
        super().full_clean(exclude, *args, **kwargs)  # type: ignore[misc]
