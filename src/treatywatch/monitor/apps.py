from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitorAppConfig(AppConfig):
    name = "treatywatch.monitor"
    verbose_name = _("Monitor")
