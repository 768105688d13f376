"""The roles named in a procedure may open its queue: "view" comes from the declaration after migrate."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from accounts import roles
from procedures import registry
from procedures.permissions import grant_view_permissions, queue_roles
from tests.casework.models import Errand
from tests.casework.procedure import PROCEDURE

pytestmark = pytest.mark.django_db


def view_permission(model):
    content_type = ContentType.objects.get_for_model(model)
    return Permission.objects.get(content_type=content_type, codename=f"view_{model._meta.model_name}")


def test_every_acting_and_viewing_role_of_every_procedure_may_view_its_cases():
    for procedure in registry.all_procedures():
        permission = view_permission(procedure.model)
        for role in queue_roles(procedure):
            assert Group.objects.get(name=role).permissions.filter(pk=permission.pk).exists(), (procedure.code, role)


def test_the_permission_follows_the_declaration_without_a_migration():
    """The tests-only casework app has no data migration: its roles got "view" from the procedure alone."""
    permission = view_permission(Errand)
    holders = set(Group.objects.filter(permissions=permission).values_list("name", flat=True))
    assert holders == {roles.TEAM_MEMBER, roles.TEAM_LEAD, roles.HEAD_OF_UNIT, roles.HEAD_OF_OFFICE}
    assert queue_roles(PROCEDURE) == sorted(holders), "acting roles and the declared viewer"


def test_running_again_after_a_change_restores_and_adds(monkeypatch):
    permission = view_permission(Errand)
    Group.objects.get(name=roles.TEAM_LEAD).permissions.remove(permission)
    monkeypatch.setattr(PROCEDURE, "viewer_roles", ("Pengawas Baru",))
    grant_view_permissions()
    grant_view_permissions()  # idempotent
    assert Group.objects.get(name=roles.TEAM_LEAD).permissions.filter(pk=permission.pk).exists()
    assert Group.objects.get(name="Pengawas Baru").permissions.filter(pk=permission.pk).count() == 1
