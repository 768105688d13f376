from django.db import migrations

from accounts import roles


def grant(apps, schema_editor):
    # Petugas Administrasi issues, revokes, re-issues and prints certificates and edits their templates
    # (SOP 000, step 5); the other office roles may look certificates up.
    roles.grant_admin_access(apps, roles.ADMIN_OFFICER)
    roles.grant_model_permissions(apps, roles.ADMIN_OFFICER, "certificates", "Certificate", actions=("add", "change", "view"))
    roles.grant_model_permissions(apps, roles.ADMIN_OFFICER, "certificates", "CertificateTemplate")
    for role in (roles.TEAM_MEMBER, roles.TEAM_LEAD, roles.HEAD_OF_UNIT, roles.HEAD_OF_OFFICE):
        roles.grant_model_permissions(apps, role, "certificates", "Certificate", actions=("view",))


class Migration(migrations.Migration):
    dependencies = [("certificates", "0001_initial"), ("accounts", "0002_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
