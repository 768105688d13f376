"""Extension points of the catalogue that other apps fill in through Wagtail hooks.

``is_course_participant``: ``fn(user, course_page) -> bool`` registered by the enrolment app.
``course_page`` is the class a participants-only material belongs to, or ``None`` for a
material in the shared library (answer "is this user a participant of any class").
Until an app registers one, only office staff count as participants.

``register_course_page_panel``: ``fn(request, course_page) -> portal.hooks.Panel | None`` adds a
part to the class page (the enrolment app's registration box: "Daftar", the waiting list or the
visitor's own registration). The page includes each panel's template with ``panel_context``.
"""

from wagtail import hooks

from accounts import roles
from portal.hooks import collect_panels

IS_COURSE_PARTICIPANT = "is_course_participant"
COURSE_PAGE_PANEL = "register_course_page_panel"

# Roles that prepare or run classes and may always read their restricted materials.
MATERIAL_STAFF_ROLES = (roles.INSTRUCTOR, roles.ADMIN_OFFICER, roles.EDITOR, roles.TEAM_LEAD, roles.HEAD_OF_UNIT)


def is_course_staff(user, page=None):
    """Office staff who may see everything of a class: the roles above or an editor of the page."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or roles.has_role(user, *MATERIAL_STAFF_ROLES):
        return True
    if page is not None:
        return page.permissions_for_user(user).can_edit()
    return False


def is_course_participant(user, course_page):
    """True when a registered hook says the user takes part in the class, or the user is staff."""
    if not user.is_authenticated:
        return False
    if is_course_staff(user, course_page):
        return True
    return any(fn(user, course_page) for fn in hooks.get_hooks(IS_COURSE_PARTICIPANT))


def course_page_panels(request, page):
    """The panels other apps add to a class page, in their order."""
    return collect_panels(COURSE_PAGE_PANEL, request, page)
