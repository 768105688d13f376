from django.db import migrations

from accounts import roles

ACTING_ROLES = [roles.TECHNICAL_OFFICER, roles.HEAD_OF_UNIT, roles.HEAD_OF_OFFICE]


def grant(apps, schema_editor):
    for role in ACTING_ROLES:
        roles.grant_model_permissions(apps, role, "trainer_requests", "TrainerRequest", actions=("view",))


class Migration(migrations.Migration):
    dependencies = [("trainer_requests", "0001_initial"), ("accounts", "0002_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
