"""Give the licensing roles what the SOP asks of them in the admin.

Every acting role sees the applications (the case screen is where they act: that "view"
permission comes from the procedure's declaration, ``procedures.permissions``); the back
office and the head of licensing maintain the requirement checklist and may revoke
licences; everyone in the chain may view issued licences.
"""

from django.db import migrations

from accounts import roles

ACTING_ROLES = [
    roles.FRONT_OFFICE,
    roles.BACK_OFFICE,
    roles.TECHNICAL_AGENCY,
    roles.HEAD_OF_LICENSING,
    roles.SECRETARY,
    roles.HEAD_OF_OFFICE,
]
CHECKLIST_KEEPERS = [roles.BACK_OFFICE, roles.HEAD_OF_LICENSING]


def grant(apps, schema_editor):
    for role in ACTING_ROLES:
        roles.grant_admin_access(apps, role)
        roles.grant_model_permissions(apps, role, "licensing", "Licence", actions=("view",))
        roles.grant_model_permissions(apps, role, "licensing", "RequirementItem", actions=("view",))
    for role in CHECKLIST_KEEPERS:
        roles.grant_model_permissions(
            apps, role, "licensing", "RequirementItem", actions=("add", "change", "delete", "view")
        )
        roles.grant_model_permissions(apps, role, "licensing", "Licence", actions=("view", "change"))
    roles.grant_model_permissions(
        apps, roles.HEAD_OF_LICENSING, "licensing", "LicensingSettings", actions=("change", "view")
    )


class Migration(migrations.Migration):
    dependencies = [("licensing", "0001_initial"), ("accounts", "0002_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
