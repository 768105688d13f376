"""Staff screens: certificate templates, the certificate register with revoke/re-issue,
and a screen per class to issue certificates and print them (ZIP or one combined PDF)."""

import django_filters

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from certificates.bulk import stream_zip
from certificates.forms import IssueForm, ReissueForm, RevokeForm
from certificates.models import Certificate, CertificateTemplate
from certificates.rendering import stream_print_pdf
from certificates.services import CertificateError, certificate_pdfs, ensure_pdf, issue_for_course, reissue, revoke
from portal.storage import private_file_response


class CertificateTemplateViewSet(ModelViewSet):
    model = CertificateTemplate
    icon = "doc-full-inverse"
    menu_label = gettext_lazy("Certificate templates")
    add_to_admin_menu = False
    list_display = ["name", Column("scope_display", label=gettext_lazy("Used for")), "orientation", "updated_at"]
    search_fields = ["name", "title"]
    copy_view_enabled = True


class CertificatePermissionPolicy(ModelPermissionPolicy):
    """Certificates are issued, revoked and re-issued through their own actions, never edited or deleted."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


register_permission_policy(Certificate, CertificatePermissionPolicy(Certificate))


class CertificateFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Class"), queryset=lambda request: _courses_with_certificates()
    )
    revoked = django_filters.BooleanFilter(
        label=gettext_lazy("Revoked"), field_name="revoked_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Certificate
        fields = []


def _courses_with_certificates():
    from courses.models import CoursePage

    return CoursePage.objects.filter(certificates__isnull=False).distinct().order_by("-start_date")


class CertificateIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("replacement")

    def get_edit_url(self, instance):
        return self.get_inspect_url(instance)


class CertificateInspectView(InspectView):
    template_name = "certificates/admin/certificate_inspect.html"

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, revoke_form=None, reissue_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        certificate = self.object
        user = self.request.user
        may_change = user.has_perm("certificates.change_certificate")
        context.update(
            certificate=certificate,
            may_change=may_change and certificate.is_valid,
            revoke_form=revoke_form or RevokeForm(prefix="revoke"),
            reissue_form=reissue_form
            or ReissueForm(prefix="reissue", initial={"holder_name": certificate.holder_name}),
            history=self.history(certificate),
        )
        return context

    @staticmethod
    def history(certificate):
        """Every certificate of the same enrolment, newest first (the re-issue chain)."""
        return Certificate.objects.filter(enrolment_id=certificate.enrolment_id).select_related("replacement")

    def post(self, request, *args, **kwargs):
        certificate = self.object
        if not request.user.has_perm("certificates.change_certificate"):
            raise PermissionDenied
        action = request.POST.get("action")
        revoke_form = reissue_form = None
        try:
            if action == "revoke":
                revoke_form = RevokeForm(request.POST, prefix="revoke")
                if revoke_form.is_valid():
                    if revoke(certificate, request.user, revoke_form.cleaned_data["reason"]):
                        messages.success(
                            request, _("Certificate %(number)s revoked.") % {"number": certificate.number}
                        )
                    else:
                        messages.warning(request, _("The certificate was already revoked."))
                    return redirect(request.path)
            elif action == "reissue":
                reissue_form = ReissueForm(request.POST, prefix="reissue")
                if reissue_form.is_valid():
                    new = reissue(
                        certificate,
                        request.user,
                        reissue_form.cleaned_data["reason"],
                        holder_name=reissue_form.cleaned_data["holder_name"],
                    )
                    messages.success(
                        request,
                        _("Certificate %(old)s replaced by %(new)s.") % {"old": certificate.number, "new": new.number},
                    )
                    return redirect("certificate-register:inspect", new.pk)
        except CertificateError as error:
            messages.error(request, str(error))
            return redirect(request.path)
        messages.error(request, _("The action was not carried out: please correct the form."))
        return self.render_to_response(self.get_context_data(revoke_form=revoke_form, reissue_form=reissue_form))


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = gettext_lazy("Certificates")
    add_to_admin_menu = False
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = CertificateFilterSet
    search_fields = ["number", "holder_name", "course_title", "verification_code"]
    ordering = ["-issued_at"]
    list_per_page = 50
    list_display = [
        "number",
        "holder_name",
        "course_title",
        StatusTagColumn("status_label", label=gettext_lazy("Status"), primary=lambda c: c.is_valid),
        DateColumn("issued_at", label=gettext_lazy("Issued")),
    ]
    form_fields = ["holder_name"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("pdf/<int:pk>/", self.pdf_view, name="pdf")]

    def pdf_view(self, request, pk):
        _require(request, "view")
        certificate = get_object_or_404(Certificate.objects.select_related("template"), pk=pk)
        ensure_pdf(certificate)
        return private_file_response(certificate.pdf, filename=certificate.filename)


def _require(request, action):
    if not request.user.has_perm(f"certificates.{action}_certificate"):
        raise PermissionDenied


class ClassesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("certificates.view_certificate")


class CertificateClassesViewSet(ViewSet):
    """Issue and print per class: passed participants, issue for the selected ones, ZIP and print PDF."""

    icon = "list-ul"
    menu_label = gettext_lazy("Issue and print by class")
    menu_item_class = ClassesMenuItem
    inspect_url_name = "certificate-register:inspect"

    def get_urlpatterns(self):
        return [
            path("", self.classes_view, name="index"),
            path("<int:course_pk>/", self.course_view, name="course"),
            path("<int:course_pk>/zip/", self.course_zip_view, name="course_zip"),
            path("<int:course_pk>/print.pdf", self.course_pdf_view, name="course_pdf"),
        ]

    @staticmethod
    def _course(course_pk):
        from courses.models import CoursePage

        return get_object_or_404(CoursePage, pk=course_pk)

    @staticmethod
    def valid_for_course(course):
        return (
            Certificate.objects.valid()
            .filter(course=course)
            .select_related("template", "enrolment__participant")
            .order_by("holder_name", "pk")
        )

    # --- views ---------------------------------------------------------------------
    def classes_view(self, request):
        from courses.models import CoursePage
        from enrolment.models import Enrolment

        _require(request, "view")
        passed = Q(enrolments__result=Enrolment.Result.PASSED)
        courses = (
            CoursePage.objects.filter(passed)
            .annotate(
                passed_count=Count("enrolments", filter=passed, distinct=True),
                issued_count=Count("certificates", filter=Q(certificates__revoked_at__isnull=True), distinct=True),
            )
            .order_by("-end_date")
        )
        return TemplateResponse(
            request,
            "certificates/admin/classes.html",
            {"courses": courses, "page_title": _("Certificates by class"), "header_icon": "doc-full"},
        )

    def course_view(self, request, course_pk):
        from enrolment.models import Enrolment

        _require(request, "view")
        course = self._course(course_pk)
        passed = list(
            Enrolment.objects.filter(course=course, result=Enrolment.Result.PASSED)
            .select_related("participant")
            .order_by("participant__full_name")
        )
        certificates = {c.enrolment_id: c for c in self.valid_for_course(course)}
        choices = [(e.pk, e.participant.full_name) for e in passed]
        form = IssueForm(request.POST or None, choices=choices)
        if request.method == "POST":
            _require(request, "add")
            if form.is_valid():
                try:
                    created, existing = issue_for_course(
                        course, request.user, enrolment_ids=form.cleaned_data["enrolments"]
                    )
                except CertificateError as error:
                    messages.error(request, str(error))
                else:
                    messages.success(
                        request,
                        _("%(created)d certificate(s) issued, %(existing)d already had one.")
                        % {"created": created, "existing": existing},
                    )
                return redirect(self.get_url_name("course"), course.pk)
            messages.error(request, _("Choose at least one participant."))
        rows = [(e, certificates.get(e.pk)) for e in passed]
        return TemplateResponse(
            request,
            "certificates/admin/course.html",
            {
                "course": course,
                "rows": rows,
                "form": form,
                "may_issue": request.user.has_perm("certificates.add_certificate"),
                "issued_count": len(certificates),
                "zip_url": reverse(self.get_url_name("course_zip"), args=[course.pk]),
                "pdf_url": reverse(self.get_url_name("course_pdf"), args=[course.pk]),
                "index_url": reverse(self.get_url_name("index")),
                "inspect_url_name": self.inspect_url_name,
                "page_title": course.title,
                "header_icon": "doc-full",
            },
        )

    def _streaming(self, chunks, filename, content_type):
        response = StreamingHttpResponse(chunks, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response

    def course_zip_view(self, request, course_pk):
        _require(request, "view")
        course = self._course(course_pk)
        certificates = self.valid_for_course(course).iterator(chunk_size=50)
        return self._streaming(
            stream_zip(certificate_pdfs(certificates)),
            f"sertifikat-{slugify(course.title)[:60] or course.pk}.zip",
            "application/zip",
        )

    def course_pdf_view(self, request, course_pk):
        _require(request, "view")
        course = self._course(course_pk)
        certificates = self.valid_for_course(course).iterator(chunk_size=50)
        return self._streaming(
            stream_print_pdf(certificates),
            f"cetak-sertifikat-{slugify(course.title)[:60] or course.pk}.pdf",
            "application/pdf",
        )


class CertificatesGroup(ViewSetGroup):
    menu_label = gettext_lazy("Certificates")
    menu_icon = "doc-full"
    menu_order = 160
    items = [
        CertificateViewSet("certificate-register"),
        CertificateClassesViewSet("certificate-classes"),
        CertificateTemplateViewSet("certificate-templates"),
    ]
