"""Factories and file builders for licence applications, shared by the tests and the demo."""

import io

import factory
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.factories import UserFactory
from licensing.models import LicenceApplication, RequirementItem
from procedures.factories import CaseFactory


def pdf_bytes(title="Dokumen", lines=()):
    """A one-page PDF with readable text (fast: reportlab, which xhtml2pdf already brings)."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(72, 770, title[:90])
    pdf.setFont("Helvetica", 10)
    for index, line in enumerate(lines):
        pdf.drawString(72, 740 - index * 14, str(line)[:110])
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def jpeg_bytes(color=(180, 200, 220), size=(320, 240)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG")
    return buffer.getvalue()


def upload_for(item, name_hint="dokumen"):
    """A valid upload for a checklist item: a photo for image-only items, a PDF otherwise."""
    if item.accepted_types == "images":
        return SimpleUploadedFile(f"{name_hint}.jpg", jpeg_bytes(), content_type="image/jpeg")
    return SimpleUploadedFile(f"{name_hint}.pdf", pdf_bytes(item.name, [name_hint]), content_type="application/pdf")


def ensure_checklist():
    """The checklist of the starter data (from SOP 001 in the SOP library)."""
    from licensing.starter import ensure_checklist as starter_checklist

    return starter_checklist()


class RequirementItemFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Persyaratan {n}")
    description = "Salinan yang sah."
    required = True
    accepted_types = "documents"
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = RequirementItem


class LicenceApplicationFactory(CaseFactory):
    """A draft with complete institution data; add documents with :func:`attach_documents`."""

    user = factory.SubFactory(UserFactory)
    institution_name = factory.Sequence(lambda n: f"LKP Contoh Terampil {n}")
    legal_form = "yayasan"
    address = "Jl. Ahmad Yani Km 3 No. 12"
    regency = "Kota Banjarbaru"
    head_name = "Siti Rahmah, S.Pd."
    contact_phone = "081234567890"
    contact_email = factory.LazyAttribute(lambda o: o.user.email)
    programmes = "Tata Busana\nKomputer Perkantoran"
    instructors_count = 4
    facilities = "2 ruang kelas\n15 mesin jahit\n10 komputer"

    class Meta:
        model = LicenceApplication


def attach_documents(application, items=None):
    """Upload a valid file for every active checklist item (or the given ones)."""
    from licensing.services import store_upload
    from portal.uploads import validate_upload

    documents = []
    for item in items if items is not None else RequirementItem.objects.active():
        upload = upload_for(item, item.name.lower().replace(" ", "-").replace("/", "-"))
        mime = validate_upload(upload, item.allowed_types, item.max_bytes)
        documents.append(store_upload(application, item, upload, mime))
    return documents
