"""Roles are groups created by migration; staff reach the Wagtail admin; only superusers manage users."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from accounts import roles
from accounts.models import User


@pytest.mark.django_db
def test_every_role_exists_with_admin_access():
    for name in roles.STAFF_ROLES + roles.LICENSING_ROLES:
        group = Group.objects.get(name=name)
        assert group.permissions.filter(content_type__app_label="wagtailadmin", codename="access_admin").exists()
        assert roles.role_label(name)


@pytest.mark.django_db
def test_no_role_may_manage_users_or_groups():
    user_permissions = Permission.objects.filter(content_type__app_label__in=["accounts", "auth"])
    assert not Group.objects.filter(permissions__in=user_permissions).exists()


@pytest.mark.django_db
def test_editor_may_edit_pages_and_office_identity():
    editor = Group.objects.get(name=roles.EDITOR)
    codenames = set(editor.page_permissions.values_list("permission__codename", flat=True))
    assert {"add_page", "change_page", "publish_page"} <= codenames
    assert editor.permissions.filter(codename="change_officesettings").exists()


@pytest.mark.django_db
def test_role_helpers(user_factory):
    lead = user_factory(roles=[roles.TEAM_LEAD])
    assert roles.has_role(lead, roles.TEAM_LEAD)
    assert not roles.has_role(lead, roles.HEAD_OF_OFFICE)
    assert roles.user_roles(lead) == {roles.TEAM_LEAD}
    superuser = user_factory(is_superuser=True, is_staff=True)
    assert roles.has_role(superuser, roles.HEAD_OF_OFFICE)
    from django.contrib.auth.models import AnonymousUser

    assert roles.user_roles(AnonymousUser()) == set()


@pytest.mark.django_db
@pytest.mark.parametrize("role", roles.STAFF_ROLES)
def test_each_staff_role_can_open_the_wagtail_admin_but_not_users(client, user_factory, role):
    staff = user_factory(roles=[role])
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200
    response = client.get("/admin/users/")
    assert response.status_code == 302  # Wagtail sends users without permission back to the dashboard
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_a_member_of_the_public_cannot_open_the_admin(client, user_factory):
    client.force_login(user_factory())
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/akun/login/")


@pytest.mark.django_db
def test_staff_log_in_to_the_admin_with_email_and_password(client, user_factory):
    # Through allauth's login, the only one (tests/security/test_login.py covers the second factor).
    user_factory(email="petugas@contoh.test", roles=[roles.ADMIN_OFFICER])
    response = client.post("/akun/login/?next=/admin/", {"login": "petugas@contoh.test", "password": "rahasia-123"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_superuser_creates_and_edits_a_user_in_the_wagtail_admin(client, user_factory):
    admin = user_factory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert client.get("/admin/users/").status_code == 200
    form = client.get(reverse("wagtailusers_users:add"))
    assert form.status_code == 200
    assert 'name="username"' not in form.content.decode()

    team_lead = Group.objects.get(name=roles.TEAM_LEAD)
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "baru@contoh.test",
            "first_name": "Wayan",
            "last_name": "Sudarsana",
            "password1": "Kata-sandi-panjang-42",
            "password2": "Kata-sandi-panjang-42",
            "is_active": "on",
            "groups": [team_lead.pk],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    created = User.objects.get(email="baru@contoh.test")
    assert created.first_name == "Wayan"
    assert created.check_password("Kata-sandi-panjang-42")
    assert list(created.groups.all()) == [team_lead]

    response = client.post(
        reverse("wagtailusers_users:edit", args=[created.pk]),
        {
            "email": "baru@contoh.test",
            "first_name": "I Wayan",
            "last_name": "Sudarsana",
            "is_active": "on",
            "groups": [team_lead.pk],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    created.refresh_from_db()
    assert created.first_name == "I Wayan"
