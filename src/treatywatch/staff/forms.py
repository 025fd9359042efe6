"""Admin forms that insist on sources: every URL http(s), every date read not in the future."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from treatywatch.config import today
from treatywatch.core.dataset import treaty_from_entry
from treatywatch.treaties.models import Declaration, TreatyAction
from treatywatch.treaties.repository import to_action, to_declaration

__all__ = ["FactForm", "SourcedForm", "TreatyForm", "check_source_urls"]

_url = URLValidator(schemes=["http", "https"])


def check_source_urls(value: str) -> str:
    """Space-separated http(s) URLs, at least one; ValidationError names the bad one."""
    urls = value.split()
    if not urls:
        raise ValidationError(_("Give the URL of the page the fact was read from."))
    for url in urls:
        try:
            _url(url)
        except ValidationError:
            raise ValidationError(
                _("%(url)s is not an http(s) URL; separate several URLs by spaces."),
                params={"url": url},
            ) from None
    return " ".join(urls)


class SourcedForm(forms.ModelForm):
    """Checks the provenance fields of any record that has them."""

    def clean_source_url(self) -> str:
        return check_source_urls(self.cleaned_data.get("source_url", ""))

    def clean_source_date(self) -> Any:
        read_on = self.cleaned_data.get("source_date")
        if read_on and read_on > today():
            raise ValidationError(
                _("The date read cannot be after today (%(today)s)."),
                params={"today": today().isoformat()},
            )
        return read_on


class FactForm(SourcedForm):
    """Treaty actions and declarations: a new row gets its stable key, which must be new."""

    def _post_clean(self) -> None:
        super()._post_clean()
        if self.errors or not self.instance._state.adding:
            return
        instance = self.instance
        if isinstance(instance, TreatyAction):
            key = to_action(instance).key
        elif isinstance(instance, Declaration):
            key = to_declaration(instance).key
        else:
            return
        if type(instance).objects.filter(key=key).exists():
            self.add_error(
                None,
                ValidationError(
                    _("A row with the key %(key)s exists already: correct that row instead."),
                    params={"key": key},
                ),
            )
            return
        instance.key = key


class TreatyForm(forms.ModelForm):
    """The facts must read as a treaties.yaml entry, each fact with its source."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        facts = cleaned.get("facts")
        slug = cleaned.get("slug") or getattr(self.instance, "slug", "")
        if isinstance(facts, dict):
            try:
                treaty_from_entry({**facts, "slug": slug})
            except (KeyError, TypeError, ValueError) as error:
                self.add_error(
                    "facts",
                    ValidationError(
                        _("The facts do not read as a treaty: %(problem)s"),
                        params={"problem": error},
                    ),
                )
        elif facts is not None:
            self.add_error("facts", _("Expected a mapping of facts, as in treaties.yaml."))
        return cleaned
