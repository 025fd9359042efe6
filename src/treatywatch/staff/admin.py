"""The staff workspace's titles; each record's admin lives in its own app's admin.py."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("TreatyWatch staff workspace")
admin.site.site_title = _("TreatyWatch staff")
admin.site.index_title = _("Records, reviews and the audit log")
