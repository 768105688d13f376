from django.db import migrations

from accounts import roles


def grant(apps, schema_editor):
    # Every role that signs or handles letters may look them up; revoking is for superusers.
    for role in roles.STAFF_ROLES + roles.LICENSING_ROLES:
        roles.grant_model_permissions(apps, role, "procedures", "Letter", actions=("view",))
    # Admin officers keep the holiday calendar the SOP clock uses.
    for role in (roles.ADMIN_OFFICER, roles.FRONT_OFFICE):
        roles.grant_model_permissions(apps, role, "procedures", "Holiday")
        roles.grant_model_permissions(apps, role, "procedures", "WorkingHours", actions=("change",))


class Migration(migrations.Migration):
    dependencies = [("procedures", "0001_initial"), ("accounts", "0002_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
