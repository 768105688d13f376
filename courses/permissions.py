"""Who may draft training materials (SOP "Penyiapan Bahan/Materi Diklat", step 2).

The Anggota Tim Kerja prepare the draft material and submit it to the review workflow; the
Ketua Tim Kerja and the Kepala Bidang review and approve it (migration 0003). Wagtail page
permissions apply to a whole subtree, not to a page type, so the team members get "add" and
"change" (never "publish") on the class catalogue and on the material library, and the
hooks in ``courses.wagtail_hooks`` keep them to material pages inside those subtrees: they
cannot create, edit or copy the classes or the index pages themselves.

Catalogue and library pages are usually created after the migrations ran (by an editor or
the demo loader), so every new one gets the grant when it is created (``grant_on_new_index``).
"""

from django.db.models.signals import post_save

from accounts import roles

DRAFTING_PAGE_PERMISSIONS = ("add_page", "change_page")
DRAFTING_DOCUMENT_PERMISSIONS = ("add_document", "choose_document")


def grant_material_drafting(page_id, *, Group, Permission, ContentType, GroupPagePermission):
    """Give the team members add/change on the subtree of ``page_id`` (models passed in so migrations can call it)."""
    group, _created = Group.objects.get_or_create(name=roles.TEAM_MEMBER)
    page_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    for codename in DRAFTING_PAGE_PERMISSIONS:
        permission, _created = Permission.objects.get_or_create(
            content_type=page_type, codename=codename, defaults={"name": codename.replace("_", " ")}
        )
        GroupPagePermission.objects.get_or_create(group=group, page_id=page_id, permission=permission)


def grant_material_publishing(page_id, *, Group, Permission, ContentType, GroupPagePermission):
    """Give the Kepala Bidang "publish" on the subtree of ``page_id``: the last approver of the
    material review workflow publishes the approved material (migration 0003), here and nowhere else."""
    group, _created = Group.objects.get_or_create(name=roles.HEAD_OF_UNIT)
    page_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    permission, _created = Permission.objects.get_or_create(
        content_type=page_type, codename="publish_page", defaults={"name": "Can publish any page"}
    )
    GroupPagePermission.objects.get_or_create(group=group, page_id=page_id, permission=permission)


def _runtime_models():
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import GroupPagePermission

    return {
        "Group": Group,
        "Permission": Permission,
        "ContentType": ContentType,
        "GroupPagePermission": GroupPagePermission,
    }


def grant_on_new_index(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_material_drafting(instance.pk, **_runtime_models())
        grant_material_publishing(instance.pk, **_runtime_models())


def connect_signals():
    from courses.models import CourseIndexPage, MaterialIndexPage

    for model in (CourseIndexPage, MaterialIndexPage):
        post_save.connect(grant_on_new_index, sender=model, dispatch_uid=f"courses-drafting-{model.__name__}")


def drafts_materials_only(user, page):
    """True when the user's right to add or change at ``page`` comes only from the material-drafting grant.

    Such users (the Anggota Tim Kerja) may create and edit material pages there, nothing else.
    """
    from wagtail.models import GroupPagePermission

    if not user.is_authenticated or user.is_superuser or not roles.has_role(user, roles.TEAM_MEMBER):
        return False
    other_rights = (
        GroupPagePermission.objects.filter(
            group__user=user,
            page__in=page.get_ancestors(inclusive=True),
            permission__codename__in=DRAFTING_PAGE_PERMISSIONS,
        )
        .exclude(group__name=roles.TEAM_MEMBER)
        .exists()
    )
    return not other_rights
