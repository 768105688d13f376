from django.db import migrations

from accounts import roles


def grant(apps, schema_editor):
    roles.grant_model_permissions(apps, roles.EDITOR, "form_pages", "SubmissionArchive", actions=("view",))


class Migration(migrations.Migration):
    dependencies = [("form_pages", "0001_initial"), ("accounts", "0002_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
