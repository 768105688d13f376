"""Who may open what: a role × URL matrix generated from the URL configuration.

Every URL the portal's own apps declare must be listed in ``ACCESS`` below with its kind, so a
new URL that nobody classified fails ``test_every_url_is_classified``. The kinds:

- ``PUBLIC``: anyone (a GET answers 200 to a visitor, a member and staff alike);
- ``TOKEN``: public, but the URL carries a secret (a made-up token or code answers 400, 404 or a
  "not found" check page, never the case);
- ``MEMBER``: a logged-in person's own things (a visitor is sent to the login);
- ``STAFF``: office work, for the listed roles only (a visitor is sent to the login; a member
  and every other role get 403 or 404, never 200). A staff URL without parameters answers 200
  to exactly its roles;
- ``LOGIN``: hands over to allauth's login;
- ``REDIRECT``: public, answers everyone with a permanent redirect (301) elsewhere, not to the login.

Numeric ids in URLs are filled with an id that does not exist: the role check comes first, so a
role without the right gets 403 before any object is looked up, and a role with it gets 404.
The Wagtail admin's own screens (every URL under ``/admin/`` without parameters) are checked
for visitors and members: never 200. Object-level checks (whose file, whose case) are in
test_downloads.py and the apps' own tests.
"""

import re

import pytest

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from accounts import roles
from accounts.models import User

PUBLIC, TOKEN, MEMBER, STAFF, LOGIN, REDIRECT = "public", "token", "member", "staff", "login", "redirect"
DELIVERY = (roles.ADMIN_OFFICER, roles.INSTRUCTOR)
ALL_ROLES = roles.STAFF_ROLES + roles.LICENSING_ROLES

# name → (kind, roles that may open it (STAFF only), HTTP method the view answers)
ACCESS = {
    "healthz": (PUBLIC, (), "get"),
    "favicon": (REDIRECT, (), "get"),  # to the static icon
    "jwks": (PUBLIC, (), "get"),  # the office's public signing key
    "javascript-catalog": (PUBLIC, (), "get"),
    "page_privacy_login_redirect": (LOGIN, (), "get"),
    "wagtailcore_login": (LOGIN, (), "get"),  # Wagtail's name for the same path, shadowed by the one above
    "accounts:member_area": (MEMBER, (), "get"),
    "accounts:profile": (MEMBER, (), "get"),
    "procedures:lookup": (PUBLIC, (), "get"),
    "procedures:verify_letter_form": (PUBLIC, (), "get"),
    "procedures:verify_letter": (TOKEN, (), "get"),
    "procedures:detail": (TOKEN, (), "get"),
    "search:search": (PUBLIC, (), "get"),
    "courses:course_ics": (TOKEN, (), "get"),
    "courses:session_ics": (TOKEN, (), "get"),
    "enrolment:enrol": (MEMBER, (), "get"),
    "enrolment:profile": (MEMBER, (), "get"),
    "enrolment:detail": (MEMBER, (), "get"),
    "enrolment:withdraw": (MEMBER, (), "post"),
    "enrolment:resubmit": (MEMBER, (), "get"),
    "enrolment:take_test": (MEMBER, (), "get"),
    "enrolment:work_photo": (MEMBER, (), "get"),
    "enrolment:check_in": (MEMBER, (), "get"),
    "enrolment:claim": (TOKEN, (), "get"),
    "enrolment:staff_index": (STAFF, DELIVERY, "get"),
    "enrolment:walk_in": (STAFF, (roles.ADMIN_OFFICER,), "get"),
    "enrolment:resend_claim": (STAFF, (roles.ADMIN_OFFICER,), "post"),
    "enrolment:staff_course": (STAFF, DELIVERY, "get"),
    "enrolment:staff_start": (STAFF, DELIVERY, "post"),
    "enrolment:staff_open_evaluation": (STAFF, DELIVERY, "post"),
    "enrolment:scores": (STAFF, DELIVERY, "get"),
    "enrolment:score_sheet": (STAFF, DELIVERY, "get"),
    "enrolment:participants_xlsx": (STAFF, DELIVERY, "get"),
    "enrolment:report": (STAFF, DELIVERY, "get"),
    "enrolment:roll_call": (STAFF, DELIVERY, "get"),
    "enrolment:session_qr": (STAFF, DELIVERY, "get"),
    "enrolment:attendance_sheet": (STAFF, DELIVERY, "get"),
    "trainers:register": (PUBLIC, (), "get"),  # a visitor gets the service intro; sending needs a login
    "trainers:application": (MEMBER, (), "get"),
    "trainers:application_file": (MEMBER, (), "get"),
    "trainers:request_update": (MEMBER, (), "get"),
    "trainers:answer_schedule": (MEMBER, (), "get"),
    "trainers:schedule_ics": (TOKEN, (), "get"),
    "trainers:rotate_calendar": (MEMBER, (), "post"),  # the trainer themselves, or staff who edit the page
    "trainer_requests:request": (PUBLIC, (), "get"),
    "trainer_requests:sent": (PUBLIC, (), "get"),
    "trainer_requests:confirm": (TOKEN, (), "get"),
    "trainer_requests:assignment": (MEMBER, (), "get"),
    "trainer_requests:assignment_letter": (MEMBER, (), "get"),
    "trainer_requests:case": (TOKEN, (), "get"),
    "trainer_requests:case_letter": (TOKEN, (), "get"),
    "certificates:verify_form": (PUBLIC, (), "get"),
    "certificates:verify": (TOKEN, (), "get"),
    "certificates:download": (MEMBER, (), "get"),
    "certificates:credential": (MEMBER, (), "get"),  # the holder's own Open Badges credential
    "certificates:badge": (MEMBER, (), "get"),
    "certificates:status": (TOKEN, (), "get"),  # by verification code
    "certificates:issuer": (PUBLIC, (), "get"),
    "licensing:index": (PUBLIC, (), "get"),  # a visitor gets the service intro, a member their applications
    "licensing:start": (MEMBER, (), "get"),
    "licensing:register": (PUBLIC, (), "get"),
    "licensing:detail": (MEMBER, (), "get"),
    "licensing:edit": (MEMBER, (), "get"),
    "licensing:download": (MEMBER, (), "get"),
    "consultations:ask": (MEMBER, (), "get"),
    "consultations:detail": (MEMBER, (), "get"),
    "consultations:download": (MEMBER, (), "get"),
    "form_pages:upload": (TOKEN, (), "get"),
    "sharing:card": (TOKEN, (), "get"),
    "sharing:poster": (TOKEN, (), "get"),
    "stories:submit": (MEMBER, (), "get"),
    "stories:withdraw": (MEMBER, (), "post"),
    "privacy:overview": (MEMBER, (), "get"),
    "privacy:download": (MEMBER, (), "get"),
    "privacy:request_erasure": (MEMBER, (), "post"),
    "privacy:consent": (MEMBER, (), "get"),
    "events:nominate": (TOKEN, (), "get"),
}

SKIPPED_PREFIXES = ("admin/", "akun/", "documents/", "i18n/", "_util/authenticate_with_password", "^")
FILLERS = {
    "int": "999999",
    "str": "tidak-ada-0000",
    "slug": "tidak-ada",
    "uuid": "00000000-0000-4000-8000-000000000000",
}


def portal_urls():
    """(name, example path) of every URL of the portal's own URL configuration."""

    def walk(resolver, prefix, namespace):
        for pattern in resolver.url_patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                if not pattern.namespace and str(pattern.pattern).startswith(SKIPPED_PREFIXES):
                    continue
                yield from walk(pattern, route, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name and not route.startswith(SKIPPED_PREFIXES):
                if route.startswith("_util/authenticate_with_password") or pattern.name == "wagtail_serve":
                    continue
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                path = re.sub(r"<(?:(\w+):)?\w+>", lambda m: FILLERS.get(m.group(1) or "str", "x"), route)
                yield name, "/" + path

    return sorted(set(walk(get_resolver(), "", None)))


def admin_screens():
    """Every URL under /admin/ without parameters (Wagtail's screens and the portal's viewsets)."""
    found = set()

    def walk(resolver, prefix):
        for pattern in resolver.url_patterns:
            route = prefix + str(pattern.pattern)
            if "<" in route or "(?P" in route or "^" in route or "$" in route:
                continue
            if isinstance(pattern, URLResolver):
                yield from walk(pattern, route)
            else:
                yield route

    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and str(pattern.pattern) == "admin/":
            found.update("/admin/" + route for route in walk(pattern, "") if "." not in route.rsplit("/", 1)[-1])
    # The admin's translations and icon sprite are static assets, public on purpose.
    skipped = ("/admin/login", "/admin/logout", "/admin/password_reset", "/admin/jsi18n/", "/admin/sprite/")
    return sorted(path for path in found if not path.startswith(skipped))


def request(client, method, path):
    return client.post(path) if method == "post" else client.get(path)


def login_redirect(response):
    """To allauth's login, directly or through /admin/login/ (which hands over to it)."""
    return response.status_code == 302 and response["Location"].startswith(("/akun/login/", "/admin/login/"))


@pytest.fixture
def people(db):
    """A client for a visitor, a member and one account per office role."""
    clients = {"anonymous": Client()}
    member = User.objects.create_user("warga@contoh.test", "x", first_name="Warga")
    clients["member"] = Client()
    clients["member"].force_login(member)
    for role in ALL_ROLES:
        user = User.objects.create_user(f"{role.lower().replace(' ', '-')}@contoh.test", "x", is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        clients[role] = Client()
        clients[role].force_login(user)
    return clients


def test_every_url_is_classified():
    names = {name for name, _path in portal_urls()}
    assert names - set(ACCESS) == set(), "classify the new URLs in ACCESS"
    assert set(ACCESS) - names == set(), "URLs listed in ACCESS that no longer exist"


@pytest.mark.django_db
def test_role_url_matrix(people):
    matrix = []
    failures = []
    for name, path in portal_urls():
        kind, allowed, method = ACCESS[name]
        row = {}
        for who, client in people.items():
            response = request(client, method, path)
            status = response.status_code
            row[who] = status
            parameterless = "999999" not in path and "tidak-ada" not in path and "0000-4000" not in path
            if kind == PUBLIC:
                ok = status == 200
            elif kind == LOGIN:
                ok = login_redirect(response)
            elif kind == REDIRECT:
                ok = status == 301 and not login_redirect(response)
            elif kind == TOKEN:
                # A check page answers "not found" on its own page (200); every other token URL
                # refuses a made-up token (400/404/410) or sends to the login first.
                verify = "verifikasi" in path or "/surat/" in path
                ok = status in ((200, 404) if verify else (302, 400, 404, 410))
            elif kind == MEMBER:
                ok = login_redirect(response) if who == "anonymous" else status != 500
            else:  # STAFF
                if who == "anonymous":
                    ok = login_redirect(response)
                elif who in allowed:
                    ok = status in ((200, 302) if parameterless else (404, 405))
                else:
                    ok = status in (403, 404) and status != 200
            if not ok:
                failures.append(f"{kind:<6} {path} {who}: {status}")
        matrix.append((path, kind, row))
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_admin_screens_are_closed_to_visitors_and_members(people):
    screens = admin_screens()
    assert len(screens) > 20
    failures = []
    for path in screens:
        for who in ("anonymous", "member"):
            response = people[who].get(path)
            if response.status_code == 200:
                failures.append(f"{path} {who}: 200")
            elif who == "anonymous" and not (login_redirect(response) or response.status_code in (403, 404, 405)):
                failures.append(f"{path} {who}: {response.status_code} {response.get('Location', '')}")
    assert not failures, "\n".join(failures)
