from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal import pagecache
from portal.hooks import DEMO_CONTENT, MEMBER_AREA_PANEL, PAGE_PANEL, MemberPanel, Panel
from stories.models import AlumniStory

PANEL_STORIES = 3


class AlumniStoryViewSet(SnippetViewSet):
    """The editor's review queue: open a story, set it to published or not published, add a note."""

    model = AlumniStory
    icon = "openquote"
    menu_label = _("Alumni stories")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["display_name", "course", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["story", "display_name"]
    ordering = ["status", "-created_at"]

    def get_queryset(self, request):
        return AlumniStory.objects.select_related("course")


register_snippet(AlumniStoryViewSet)


@hooks.register("after_edit_snippet")
def record_review(request, instance):
    """Whoever saves a story with a decision is recorded as its reviewer."""
    if isinstance(instance, AlumniStory) and instance.status != AlumniStory.Status.SUBMITTED:
        AlumniStory.objects.filter(pk=instance.pk).update(reviewed_by=request.user, reviewed_at=timezone.now())


@hooks.register(MEMBER_AREA_PANEL)
def my_stories(request):
    from stories.forms import completed_enrolments

    stories = list(AlumniStory.objects.filter(author=request.user).select_related("course")[:20])
    can_write = completed_enrolments(request.user).exists()
    if not stories and not can_write:
        return None
    return MemberPanel(
        _("My alumni stories"), "stories/member_panel.html", {"stories": stories, "can_write": can_write}, order=70
    )


@hooks.register(PAGE_PANEL)
def stories_on_class_and_category(request, page):
    """Approved stories under a class, and on the catalogue for the chosen category (or the newest)."""
    label = getattr(getattr(page, "_meta", None), "label", "")
    pagecache.tag(request, "stories")
    stories = AlumniStory.objects.for_listing()
    if label == "courses.CoursePage":
        stories = stories.filter(course_id=page.pk)
    elif label == "courses.CourseIndexPage":
        category = request.GET.get("category") if request is not None else None
        if category:
            stories = stories.filter(course__category__slug=category)
    else:
        return None
    items = list(stories[:PANEL_STORIES])
    if not items:
        return None
    return Panel(_("Alumni stories"), "stories/page_panel.html", {"stories": items}, order=50)


@hooks.register(DEMO_CONTENT, order=80)
def load_demo_stories(stdout):
    from stories.demo import load

    load(stdout)
