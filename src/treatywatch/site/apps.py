from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    name = "treatywatch.site"
    label = "site"
    verbose_name = _("Public site")

    def ready(self) -> None:
        from treatywatch.site import freshness

        freshness.watch_data_models()
