"""Remove Wagtail's default "Editors" and "Moderators" groups: the office roles are the only groups.

Wagtail creates both (with page, image and document rights on the whole site) in its first
migrations; left beside the SOP roles they are a second, unreviewed way to grant those rights.
Users in them keep their account and lose only that membership. Wagtail's default "Moderators
approval" task then has no group (only superusers approve with it); the office's workflows use
the SOP roles.
"""

from django.db import migrations

WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]


def remove_default_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    # Not recreated on the way back: the groups carried no office data.
    operations = [migrations.RunPython(remove_default_groups, migrations.RunPython.noop)]
