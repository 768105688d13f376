from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from courses.viewsets import CategoryViewSet
from portal.hooks import DEMO_CONTENT, HOME_SECTION, PUBLIC_SERVICE

register_snippet(CategoryViewSet)


@hooks.register(DEMO_CONTENT, order=0)
def load_demo_courses(stdout):
    from courses.demo import load

    load(stdout)


@hooks.register(HOME_SECTION)
def upcoming_sessions(request, limit):
    """The next sessions of published classes (one row per class: its next session)."""
    from courses.services import upcoming_schedule

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
