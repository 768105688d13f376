from django.db import migrations

from accounts import roles


def grant(apps, schema_editor):
    # The reviewing roles' "view" on registrations and profile updates comes from the procedures'
    # declarations (procedures.permissions, after every migrate).
    # The team keeps the list of standard modules it verifies against (SOP step 3).
    for role in (roles.TEAM_LEAD, roles.TEAM_MEMBER):
        roles.grant_model_permissions(
            apps, role, "trainers", "StandardModule", actions=("add", "change", "delete", "view")
        )


class Migration(migrations.Migration):
    dependencies = [("trainers", "0002_applications"), ("accounts", "0002_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
