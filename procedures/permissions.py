"""The roles named in a procedure may open its queue: their "view" permission comes from the declaration.

After every ``migrate`` the core gives each acting role (and each ``viewer_roles`` role) of every
registered procedure the "view" permission on the procedure's case model, creating the role's
group if needed. A flow therefore writes no data migration for its queue; adding a role to a
step in ``procedure.py`` is enough. (Permissions that are not about following cases, such as
editing a checklist, stay in the flow's data migrations.)
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from procedures import registry


def queue_roles(procedure):
    return sorted(procedure.acting_roles() | set(procedure.viewer_roles))


def grant_view_permissions(using="default", **kwargs):
    """``post_migrate`` receiver: every role of every registered procedure may view its cases."""
    for procedure in registry.all_procedures():
        model = procedure.model
        if model is None:
            continue
        content_type = ContentType.objects.db_manager(using).get_for_model(model, for_concrete_model=True)
        permission, _created = Permission.objects.using(using).get_or_create(
            content_type=content_type,
            codename=f"view_{model._meta.model_name}",
            defaults={"name": f"Can view {model._meta.verbose_name_raw}"},
        )
        for role in queue_roles(procedure):
            group, _created = Group.objects.using(using).get_or_create(name=role)
            group.permissions.add(permission)
