"""Page rights follow the SOP roles: nobody but a superuser takes the site down or hides it.

Found in issue 14: the Kepala Bidang had "publish" on the root page (for the material review
workflow) and could unpublish the home page with all its descendants, and set privacy anywhere.
"""

import pytest

from django.contrib.auth.models import Group

from wagtail.models import GroupPagePermission

from accounts import roles
from courses.factories import MaterialIndexPageFactory, MaterialPageFactory
from home.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    return HomePage.objects.first()


@pytest.mark.parametrize("role", roles.STAFF_ROLES + roles.LICENSING_ROLES)
def test_no_staff_role_can_take_the_home_page_down_or_hide_it(user_factory, home, role):
    user = user_factory(roles=[role])
    permissions = home.permissions_for_user(user)
    assert not permissions.can_unpublish()
    assert not permissions.can_delete()
    assert not permissions.can_move()
    assert not permissions.can_set_view_restrictions()


def test_the_head_of_unit_cannot_unpublish_the_home_page_in_the_admin(client, user_factory, home):
    client.force_login(user_factory(roles=[roles.HEAD_OF_UNIT]))
    client.post(f"/admin/pages/{home.pk}/unpublish/", {"include_descendants": "on"})
    home.refresh_from_db()
    assert home.live
    assert client.get("/").status_code == 200


def test_the_editor_still_publishes_site_content_but_a_superuser_alone_unpublishes_home(user_factory, home):
    editor = user_factory(roles=[roles.EDITOR])
    assert home.permissions_for_user(editor).can_publish()
    assert not home.permissions_for_user(editor).can_unpublish()
    superuser = user_factory(is_superuser=True, is_staff=True)
    assert home.permissions_for_user(superuser).can_unpublish()


def test_the_head_of_unit_publishes_materials_only(user_factory, home):
    kabid = user_factory(roles=[roles.HEAD_OF_UNIT])
    library = MaterialIndexPageFactory(parent=home)
    material = MaterialPageFactory(parent=library)
    assert material.permissions_for_user(kabid).can_publish()
    assert not GroupPagePermission.objects.filter(group__name=roles.HEAD_OF_UNIT, page__depth=1).exists()
    for page in home.get_children().exclude(pk=library.pk).specific():
        assert not page.permissions_for_user(kabid).can_publish(), page
        assert not page.permissions_for_user(kabid).can_set_view_restrictions(), page


def test_wagtails_default_groups_are_gone():
    names = set(Group.objects.values_list("name", flat=True))
    assert not names & {"Editors", "Moderators"}
    assert names == set(roles.STAFF_ROLES + roles.LICENSING_ROLES)
