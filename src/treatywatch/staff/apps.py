from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "treatywatch.staff"
    verbose_name = _("Staff workspace")

    def ready(self) -> None:
        from treatywatch.staff.audit import register_audited_models

        register_audited_models()
