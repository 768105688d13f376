from django.db import migrations

from accounts import roles

# The acting roles' "view" on enrolments comes from the procedure (procedures.permissions, after migrate).
GRANTS = {
    roles.ADMIN_OFFICER: {
        "Participant": ("add", "change", "view"),
        "Question": ("add", "change", "delete", "view"),
        "CompletionRule": ("add", "change", "view"),
    },
    roles.INSTRUCTOR: {
        "Participant": ("view",),
        "Question": ("add", "change", "delete", "view"),
        "CompletionRule": ("add", "change", "view"),
    },
}


def grant(apps, schema_editor):
    for role, models in GRANTS.items():
        roles.grant_admin_access(apps, role)
        for model, actions in models.items():
            roles.grant_model_permissions(apps, role, "enrolment", model, actions=actions)


class Migration(migrations.Migration):
    dependencies = [("enrolment", "0001_initial"), ("accounts", "0002_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
