"""Create the viewer, editor, reviewer and admin groups with their permissions."""

from django.db import migrations

from treatywatch.staff.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("treaties", "0001_initial"),
        ("events", "0002_review_permission"),
        ("references", "0002_review_permission"),
        ("auditlog", "__latest__"),
        ("axes", "__latest__"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
