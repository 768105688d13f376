from django.db import migrations

from accounts import roles


def grant(apps, schema_editor):
    # Stories come only from alumni: the editor reviews, corrects or removes them, never adds one.
    roles.grant_model_permissions(apps, roles.EDITOR, "stories", "AlumniStory", actions=("change", "delete", "view"))


class Migration(migrations.Migration):
    dependencies = [("stories", "0001_initial"), ("accounts", "0002_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
