"""Two forms the editor built: a contact form and an interest list with a portfolio upload."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from form_pages.factories import add_fields, contact_fields
from form_pages.models import FormPage, FormPageSubmission, FormUpload
from home.demo import ensure_child
from home.models import HomePage
from portal.factories import minimal_pdf

INTEREST_FIELDS = [
    ("Nama lengkap", "singleline", True, ""),
    ("Email", "email", True, ""),
    ("Nomor WhatsApp", "singleline", False, ""),
    (
        "Kecamatan",
        "dropdown",
        True,
        "Banyuwangi\nGlagah\nGiri\nKabat\nRogojampi\nSonggon\nGenteng\nSrono\nMuncar\nLainnya",
    ),
    ("Kelas yang diminati", "checkboxes", True, "Batik Gajah Oling\nAnyaman Bambu\nTari Gandrung\nFoto Produk"),
    ("Contoh karya (PDF atau foto, opsional)", "file", False, ""),
]

SUBMISSIONS = [
    ("Ahmad Rofiq", "rofiq@contoh.test", "Glagah", ["Batik Gajah Oling"], True),
    ("Nur Aini", "nuraini@contoh.test", "Rogojampi", ["Anyaman Bambu", "Foto Produk"], False),
    ("Komang Ayu", "komang.ayu@contoh.test", "Genteng", ["Tari Gandrung"], False),
]


def load(stdout):
    home = HomePage.objects.first()
    contact = FormPage.objects.filter(slug="hubungi-kami").first()
    if contact is None:
        contact = ensure_child(
            home,
            FormPage,
            "hubungi-kami",
            title="Hubungi Kami",
            introduction="<p>Sampaikan pertanyaan, saran, atau pengaduan. Kami membalas pada hari kerja.</p>",
            thank_you_text="<p>Terima kasih. Pesan Anda sudah kami terima dan akan dibalas dalam 2 hari kerja.</p>",
            confirmation_text="Petugas kami membalas pesan pada hari kerja, pukul 08.00–15.30 WIB.",
            to_address="pelatihan@banyuwangikab.example.go.id",
            subject="Pesan baru dari formulir Hubungi Kami",
            retention_days=365,
            retention_action=FormPage.Retention.DELETE,
        )
        add_fields(contact, contact_fields())
    interest = FormPage.objects.filter(slug="minat-kelas-berikutnya").first()
    if interest is None:
        interest = ensure_child(
            home,
            FormPage,
            "minat-kelas-berikutnya",
            title="Daftar Minat Kelas Berikutnya",
            introduction=(
                "<p>Belum ada jadwal kelas yang cocok? Tinggalkan data Anda; kami kabari saat kelas yang "
                "diminati dibuka. Lampirkan contoh karya bila ada.</p>"
            ),
            thank_you_text="<p>Terima kasih. Kami akan mengabari Anda saat pendaftaran kelas dibuka.</p>",
            confirmation_text="Anda tercatat dalam daftar minat. Kami mengabari lewat email saat kelas dibuka.",
            retention_days=180,
            retention_action=FormPage.Retention.ARCHIVE,
        )
        add_fields(interest, INTEREST_FIELDS)
        fields = {field.label: field.clean_name for field in interest.get_form_fields()}
        for days, (name, email, district, classes, with_file) in enumerate(SUBMISSIONS, start=1):
            data = {
                fields["Nama lengkap"]: name,
                fields["Email"]: email,
                fields["Nomor WhatsApp"]: "",
                fields["Kecamatan"]: district,
                fields["Kelas yang diminati"]: classes,
                fields["Contoh karya (PDF atau foto, opsional)"]: "",
            }
            submission = FormPageSubmission.objects.create(page=interest, form_data=data)
            FormPageSubmission.objects.filter(pk=submission.pk).update(
                submit_time=timezone.now() - datetime.timedelta(days=days)
            )
            if with_file:
                upload = FormUpload(
                    page=interest,
                    submission=submission,
                    field_name=fields["Contoh karya (PDF atau foto, opsional)"],
                    original_name="portofolio-batik.pdf",
                    content_type="application/pdf",
                    size=0,
                )
                content = minimal_pdf("Portofolio batik Ahmad Rofiq")
                upload.file.save("portofolio-batik.pdf", ContentFile(content), save=False)
                upload.size = len(content)
                upload.save()
                data[fields["Contoh karya (PDF atau foto, opsional)"]] = upload.full_url
                FormPageSubmission.objects.filter(pk=submission.pk).update(form_data=data)
    stdout.write(f"  forms: {contact.title}, {interest.title}")
