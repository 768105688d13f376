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

CHECKLIST = [
    # name, description, required, accepted types
    ("Akta pendirian lembaga", "Akta notaris pendirian lembaga beserta perubahannya, bila ada.", True, "documents"),
    ("NPWP lembaga", "Nomor Pokok Wajib Pajak atas nama lembaga.", True, "documents"),
    ("Susunan pengurus", "Susunan pengurus lembaga yang ditandatangani ketua.", True, "documents"),
    ("Kurikulum/program kursus", "Kurikulum tiap program kursus yang akan diselenggarakan.", True, "pdf"),
    ("Daftar instruktur dan ijazah", "Daftar instruktur beserta salinan ijazah/sertifikat kompetensi.", True, "pdf"),
    ("Bukti kepemilikan/sewa gedung", "Sertifikat atau perjanjian sewa gedung minimal 2 tahun.", True, "documents"),
    ("Foto sarana dan prasarana", "Foto ruang belajar, ruang praktik dan peralatan.", True, "images"),
    ("Surat keterangan domisili", "Dari kelurahan setempat.", True, "documents"),
    ("Rekomendasi organisasi mitra", "Bila ada: dukungan dari asosiasi profesi atau dunia usaha.", False, "documents"),
]


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
    items = []
    for order, (name, description, required, accepted) in enumerate(CHECKLIST, start=1):
        item, _created = RequirementItem.objects.get_or_create(
            name=name,
            defaults={
                "description": description,
                "required": required,
                "accepted_types": accepted,
                "sort_order": order,
            },
        )
        items.append(item)
    return items


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
