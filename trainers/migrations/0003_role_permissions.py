from django.db import migrations

from accounts import roles

REVIEWING_ROLES = [roles.TEAM_LEAD, roles.TEAM_MEMBER, roles.HEAD_OF_UNIT]


def grant(apps, schema_editor):
    for role in REVIEWING_ROLES:
        roles.grant_model_permissions(apps, role, "trainers", "TrainerApplication", actions=("view",))
        roles.grant_model_permissions(apps, role, "trainers", "TrainerProfileUpdate", actions=("view",))
    # The team keeps the list of standard modules it verifies against (SOP step 3).
    for role in (roles.TEAM_LEAD, roles.TEAM_MEMBER):
        roles.grant_model_permissions(
            apps, role, "trainers", "StandardModule", actions=("add", "change", "delete", "view")
        )


class Migration(migrations.Migration):
    dependencies = [("trainers", "0002_applications"), ("accounts", "0002_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
