from django.conf import settings
from django.urls import include, path, re_path
from django.views.i18n import JavaScriptCatalog
from django.views.static import serve

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as account_views
from portal import views

urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path(".well-known/jwks.json", views.jwks, name="jwks"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    # Every login goes through allauth (/akun/): throttled, email verified, second factor for staff.
    # Django's own admin is not mounted: staff work in Wagtail's.
    path("admin/login/", account_views.admin_login, name="admin_login_redirect"),
    re_path(r"^admin/password_reset/", account_views.admin_password_reset),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("akun/", include("allauth.urls")),
    path("saya/privasi/", include("privacy.urls")),
    path("saya/", include("accounts.urls")),
    path("status/", include("procedures.urls")),
    path("cari/", include("search.urls")),
    path("kelas/", include("courses.urls")),
    path("peserta/", include("enrolment.urls")),
    path("narasumber/", include("trainers.urls")),
    path("permintaan-narasumber/", include("trainer_requests.urls")),
    path("sertifikat/", include("certificates.urls")),
    path("izin-kursus/", include("licensing.urls")),
    path("konsultasi/", include("consultations.urls")),
    path("pelatihan-daerah/", include("events.urls")),
    path("formulir/", include("form_pages.urls")),
    path("bagikan/", include("sharing.urls")),
    path("saya/cerita/", include("stories.urls")),
]

if settings.DEBUG:
    # Only public image files are served from /media/ in development; documents go through
    # Wagtail's serve view and private files through permission-checked views.
    urlpatterns += [
        re_path(
            r"^media/(?P<path>(?:images|original_images)/.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]

urlpatterns += [
    # Wagtail's login for pages restricted to logged-in users is allauth's too.
    path("_util/login/", account_views.admin_login, {"default": "/"}, name="page_privacy_login_redirect"),
    # Wagtail's page view with routing in two queries (portal.views.route); Wagtail's own URLs follow.
    re_path(r"^((?:[\w\-]+/)*)$", views.serve, name="portal_serve"),
    path("", include(wagtail_urls)),
]

handler400 = "portal.views.bad_request"
handler403 = "portal.views.permission_denied"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
