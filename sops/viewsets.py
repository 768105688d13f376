"""Admin screens of the SOP library: every SOP the portal ships, and adopting one as the office's own."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy

from sops import adoption, library
from sops.forms import AdoptionForm
from sops.links import procedure_choices
from sops.models import SOPIndexPage


def may_publish_pages(user):
    return user.is_active and PagePermissionPolicy().user_has_permission(user, "publish")


def may_adopt(user, entry):
    """Editors who may publish the SOP page: the adopted page, or a new one under the SOP index."""
    page = adoption.adopted_page(entry.key)
    if page is not None:
        return page.permissions_for_user(user).can_publish()
    index = SOPIndexPage.objects.first()
    if index is None:
        return user.is_superuser
    permissions = index.permissions_for_user(user)
    return permissions.can_add_subpage() and permissions.can_publish_subpage()


class LibraryMenuItem(MenuItem):
    def is_shown(self, request):
        return may_publish_pages(request.user)


class SOPLibraryViewSet(ViewSet):
    """SOP Library: the library's SOPs with their adoption, and the adoption form (``/admin/sop-library/``)."""

    icon = "list-ol"
    menu_label = gettext_lazy("SOP library")
    menu_order = 190
    add_to_admin_menu = True
    menu_item_class = LibraryMenuItem

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("<slug:key>/", self.adopt_view, name="adopt"),
        ]

    def index_view(self, request):
        if not may_publish_pages(request.user):
            raise PermissionDenied
        pages = adoption.adopted_pages()
        services = dict(procedure_choices())
        rows = [
            {
                "entry": entry,
                "page": pages.get(entry.key),
                "service": services.get(entry.procedure, ""),
                "adopt_url": reverse(self.get_url_name("adopt"), args=[entry.key]),
            }
            for entry in library.entries()
        ]
        return TemplateResponse(
            request,
            "sops/admin/library_index.html",
            {"rows": rows, "page_title": _("SOP library"), "header_icon": self.icon},
        )

    def adopt_view(self, request, key):
        try:
            entry = library.get(key)
        except KeyError:
            raise Http404 from None
        if not may_adopt(request.user, entry):
            raise PermissionDenied
        page = adoption.adopted_page(key)
        initial = self._initial(page)
        form = AdoptionForm(request.POST or None, initial=initial, adopted=page is not None)
        if request.method == "POST" and form.is_valid():
            result = adoption.adopt(
                entry,
                form.adoption(),
                user=request.user,
                replace_content=form.cleaned_data.get("replace_content", False),
            )
            self._report(request, entry, result)
            return redirect("wagtailadmin_pages:edit", result.page.pk)
        return TemplateResponse(
            request,
            "sops/admin/library_adopt.html",
            {
                "entry": entry,
                "page": page,
                "form": form,
                "index_url": reverse(self.get_url_name("index")),
                "page_title": _("Adopt “%(title)s”") % {"title": entry.title},
                "header_icon": self.icon,
            },
        )

    @staticmethod
    def _initial(page):
        if page is None:
            return adoption.office_adoption().header()
        return {name: getattr(page, name) for name in adoption.Adoption.HEADER}

    @staticmethod
    def _report(request, entry, result):
        if result.created:
            messages.success(request, _("“%(title)s” is now your SOP and is published.") % {"title": entry.title})
        elif not result.changed:
            messages.info(request, _("Nothing changed on “%(title)s”.") % {"title": entry.title})
        elif result.published:
            messages.success(request, _("“%(title)s” is updated and published.") % {"title": entry.title})
        else:
            messages.success(request, _("“%(title)s” is updated.") % {"title": entry.title})
        for note in result.notes:
            messages.warning(request, note)
