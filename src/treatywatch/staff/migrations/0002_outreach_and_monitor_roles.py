"""Give the roles the outreach log and the monitor's tables: viewers read them, editors keep
the outreach log, reviewers decide on proposed status changes, admins do all."""

from django.db import migrations

from treatywatch.staff.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("staff", "0001_roles"),
        ("outreach", "0001_initial"),
        ("monitor", "0001_initial"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
