from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction

from portal import pagecache
from portal.hooks import DEMO_CONTENT, HOME_SECTION, PUBLIC_SERVICE, STARTER_DATA, Panel
from trainers.hooks import TRAINER_PROFILE_SECTION, TRAINER_SCHEDULE_SOURCE


@hooks.register(STARTER_DATA, order=0)
def load_starter_catalogue(setup):
    from courses.starter import load

    load(setup)


@hooks.register(DEMO_CONTENT, order=0)
def load_demo_courses(stdout):
    from courses.demo import load

    load(stdout)


@hooks.register(DEMO_CONTENT, order=15)
def load_demo_class_trainers(stdout):
    """After the demo trainers exist (trainers, order 10): who teaches each demo class."""
    from courses.demo import link_trainers

    link_trainers(stdout)


@hooks.register(TRAINER_SCHEDULE_SOURCE)
def class_bookings(trainer_ids, start_date, end_date):
    from courses.teaching import class_bookings

    return class_bookings(trainer_ids, start_date, end_date)


@hooks.register(TRAINER_PROFILE_SECTION)
def classes_taught_section(request, trainer_page):
    from courses.teaching import classes_taught

    pagecache.tag(request, "courses")
    return Panel("", "courses/trainer_classes.html", {"classes": list(classes_taught(trainer_page))}, order=10)


@hooks.register(HOME_SECTION)
def upcoming_sessions(request, limit):
    """The next sessions of published classes (one row per class: its next session)."""
    from courses.services import upcoming_schedule

    pagecache.tag(request, "courses")
    return upcoming_schedule(limit)


@hooks.register(PUBLIC_SERVICE)
def class_catalogue_service():
    from courses.models import CourseIndexPage

    index = CourseIndexPage.objects.live().public().only("url_path").first()
    return {
        "title": _("Training classes"),
        "description": _("Free creative classes and trainings: dance, crafts, digital marketing, cooperatives."),
        "url": index.url if index else "/kelas/",
    }


@hooks.register("before_serve_document")
def protect_participant_materials(document, request):
    """Refuse files of participants-only materials to anyone but participants and staff."""
    from courses.services import document_access

    allowed = document_access(document, request.user)
    if allowed:
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def _is_material(page_or_class):
    from courses.models import MaterialPage

    cls = page_or_class if isinstance(page_or_class, type) else type(page_or_class)
    return issubclass(cls, MaterialPage)


@hooks.register("construct_page_action_menu")
def materials_publish_only_through_review(menu_items, request, context):
    """Materials are published by the review workflow (SOP Penyiapan Bahan/Materi Diklat), not directly."""
    page = context.get("page")
    if request.user.is_superuser or page is None or not _is_material(page):
        return
    menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


def _refuse_direct_publish(request, page_or_class):
    publishing = request.method == "POST" and "action-publish" in request.POST
    if publishing and not request.user.is_superuser and _is_material(page_or_class):
        messages.error(request, _("Training materials are published by the review workflow: submit for review."))
        return redirect(request.get_full_path())
    return None


@hooks.register("before_edit_page")
def refuse_material_publish_on_edit(request, page):
    return _refuse_direct_publish(request, page.specific_class or type(page))


@hooks.register("before_create_page")
def refuse_material_publish_on_create(request, parent_page, page_class):
    return _refuse_direct_publish(request, page_class)


# --- Anggota Tim Kerja draft materials only (see courses.permissions) -----------------------


def _refuse_non_material(request, page_or_class, explore_page):
    from courses.permissions import drafts_materials_only

    if _is_material(page_or_class) or not drafts_materials_only(request.user, explore_page):
        return None
    messages.error(request, _("Team members prepare training materials here; classes are kept by the editors."))
    return redirect(reverse("wagtailadmin_explore", args=(explore_page.pk,)))


@hooks.register("before_create_page")
def team_members_create_materials_only(request, parent_page, page_class):
    return _refuse_non_material(request, page_class, parent_page)


@hooks.register("before_edit_page")
def team_members_edit_materials_only(request, page):
    return _refuse_non_material(request, page.specific_class or type(page), page.get_parent() or page)


@hooks.register("before_copy_page")
def team_members_copy_materials_only(request, page):
    return _refuse_non_material(request, page.specific_class or type(page), page.get_parent() or page)


# --- No publication of materials around the review ----------------------------------------


class ReviewedPublishBulkAction(PublishBulkAction):
    """Wagtail's bulk "Publish" without the way around the material review.

    Only superusers may bulk-publish a material page; for everyone else materials are listed
    as "no access" on the confirmation screen, and "include descendants" on a class publishes
    its other draft subpages but leaves draft materials to the review workflow.
    """

    def check_perm(self, page):
        if _is_material(page.specific_class or type(page)) and not self.request.user.is_superuser:
            return False
        return super().check_perm(page)

    @classmethod
    def execute_action(cls, objects, include_descendants=False, user=None, **kwargs):
        if user is None or user.is_superuser or not include_descendants:
            return super().execute_action(objects, include_descendants=include_descendants, user=user, **kwargs)
        from courses.models import MaterialPage

        num_parents, _children = super().execute_action(objects, include_descendants=False, user=user, **kwargs)
        num_children = 0
        for page in objects:
            drafts = page.get_descendants().not_live().not_type(MaterialPage).defer_streamfields().specific()
            for draft in drafts.iterator():
                if draft.permissions_for_user(user).can_publish():
                    (draft.get_latest_revision() or draft.save_revision(user=user)).publish(user=user)
                    num_children += 1
        return num_parents, num_children


# Registered after Wagtail's own (order 0), so it replaces the "publish" page bulk action.
hooks.register("register_bulk_action", ReviewedPublishBulkAction, order=100)


@hooks.register("before_bulk_action")
def refuse_bulk_material_publish(request, action_type, objects, action_class_instance):
    """A second lock: whatever publish action is registered, materials never reach it for non-superusers."""
    if action_type != "publish" or request.user.is_superuser:
        return None
    if any(_is_material(page.specific_class or type(page)) for page in objects):
        messages.error(request, _("Training materials are published by the review workflow: submit for review."))
        return redirect(reverse("wagtailadmin_explore_root"))
    return None
