from django.db import migrations

from accounts import roles


def grant(apps, schema_editor):
    # Staff (JFU) write and correct the work plan (SOP 003 step 1); the team keeps the facilities
    # checklist (SOP 004) and the heads follow it.
    roles.grant_model_permissions(apps, roles.ADMIN_OFFICER, "events", "RegionalTraining", actions=("add", "change", "view"))
    for role in (roles.ADMIN_OFFICER, roles.TEAM_MEMBER, roles.TEAM_LEAD):
        roles.grant_admin_access(apps, role)
        roles.grant_model_permissions(apps, role, "events", "FacilityItem", actions=("add", "change", "view"))
    for role in (roles.HEAD_OF_UNIT, roles.HEAD_OF_OFFICE):
        roles.grant_admin_access(apps, role)
        roles.grant_model_permissions(apps, role, "events", "FacilityItem", actions=("view",))


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial"), ("accounts", "0002_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
