"""Licence applications in every step of SOP 001, with the checklist and the licensing staff accounts.

One application was refused for a document and corrected, one is complete with its signed
decree, one ended in a refusal letter, and a few wait past their standard time.
"""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts import roles
from accounts.demo import ensure_user
from licensing import services
from licensing.factories import attach_documents, ensure_checklist, jpeg_bytes
from licensing.models import LicenceApplication
from procedures import services as core

STAFF = [
    ("frontoffice@demo.test", "Nurul", "Hidayah", roles.FRONT_OFFICE),
    ("backoffice@demo.test", "Rahmat", "Hidayat", roles.BACK_OFFICE),
    ("dinasteknis@demo.test", "Hendra", "Saputra", roles.TECHNICAL_AGENCY),
    ("kabidizin@demo.test", "Yuliani", "Kartika", roles.HEAD_OF_LICENSING),
    ("sekretaris@demo.test", "Ahmad", "Fauzi", roles.SECRETARY),
]

# institution, applicant email, legal form, regency, head, programmes, facilities, target state
INSTITUTIONS = [
    (
        "LKP Cahaya Mandiri",
        "cahaya.mandiri@demo.test",
        "yayasan",
        "Kabupaten Banyuwangi",
        "Hj. Siti Mariam, S.Pd.",
        "Komputer Perkantoran\nBahasa Inggris",
        "3 ruang kelas\n20 unit komputer\n1 ruang tunggu",
        "issued",
    ),
    (
        "LKP Tata Busana Melati",
        "melati@demo.test",
        "perkumpulan",
        "Kabupaten Banyuwangi",
        "Melati Puspitasari",
        "Tata Busana\nBordir",
        "2 ruang praktik\n15 mesin jahit\n4 mesin bordir",
        "technical_review",
    ),
    (
        "LPK Komputer Prima",
        "komputer.prima@demo.test",
        "cv",
        "Kabupaten Banyuwangi",
        "Rudi Hartono, S.Kom.",
        "Desain Grafis\nJaringan Komputer",
        "2 laboratorium komputer\n30 unit komputer",
        "correction",
    ),
    (
        "LKP Bahasa Global Insani",
        "bahasa.global@demo.test",
        "yayasan",
        "Kabupaten Banyuwangi",
        "Dra. Rosita Dewi",
        "Bahasa Inggris\nBahasa Arab",
        "4 ruang kelas\n1 laboratorium bahasa",
        "draft",
    ),
    (
        "LKP Otomotif Jaya Motor",
        "jaya.motor@demo.test",
        "cv",
        "Kabupaten Banyuwangi",
        "Bambang Sutrisno",
        "Otomotif Sepeda Motor",
        "1 bengkel praktik\n6 unit sepeda motor praktik",
        "front_office_check",
    ),
    (
        "LKP Tata Boga Nusantara",
        "tataboga@demo.test",
        "perorangan",
        "Kabupaten Banyuwangi",
        "Ratna Sari Dewi",
        "Tata Boga\nPastry dan Bakery",
        "1 dapur praktik\n4 kompor gas\n2 oven",
        "back_office_intake",
    ),
    (
        "LPK Las Banua Teknik",
        "banua.teknik@demo.test",
        "pt",
        "Kabupaten Banyuwangi",
        "Ir. Syahrani",
        "Pengelasan SMAW",
        "1 bengkel las\n8 mesin las",
        "decree_drafting",
    ),
    (
        "LKP Musik Harmoni",
        "harmoni@demo.test",
        "perkumpulan",
        "Kabupaten Banyuwangi",
        "Yohanes Pattiasina",
        "Musik Keyboard\nGitar",
        "3 studio musik\n6 keyboard",
        "head_approval",
    ),
    (
        "LKP Menjahit Sakinah",
        "sakinah@demo.test",
        "yayasan",
        "Kabupaten Banyuwangi",
        "Nor Aini",
        "Menjahit Pakaian Wanita",
        "1 ruang praktik\n10 mesin jahit",
        "secretary_approval",
    ),
    (
        "LKP Komputer Akbar",
        "akbar@demo.test",
        "cv",
        "Kabupaten Banyuwangi",
        "Akbar Maulana",
        "Komputer Akuntansi",
        "1 laboratorium komputer\n16 unit komputer",
        "signing",
    ),
    (
        "LKP Desain Kreatif",
        "desain.kreatif@demo.test",
        "perorangan",
        "Kabupaten Banyuwangi",
        "Dimas Prakoso",
        "Desain Grafis",
        "1 ruang kelas",
        "refused",
    ),
]

ORDER = [
    "draft",
    "front_office_check",
    "back_office_intake",
    "technical_review",
    "decree_drafting",
    "head_approval",
    "secretary_approval",
    "signing",
    "issued",
]
NEXT = {
    "front_office_check": ("accept_file", "frontoffice@demo.test"),
    "back_office_intake": ("route_to_technical", "backoffice@demo.test"),
    "technical_review": ("report_inspection", "dinasteknis@demo.test"),
    "decree_drafting": ("draft_decree", "backoffice@demo.test"),
    "head_approval": ("head_approve", "kabidizin@demo.test"),
    "secretary_approval": ("secretary_approve", "sekretaris@demo.test"),
    "signing": ("sign", "kadis@demo.test"),
}


def _inspection(application, recommend):
    facilities = application.facility_list
    return {
        "visit_date": timezone.localdate() - timedelta(days=1),
        "officers": "Ir. Hendra Saputra (NIP 197805122005011003)\nRini Anggraeni, S.T. (NIP 198903152015032002)",
        "findings": [(f, "adequate" if recommend else "inadequate", "") for f in facilities],
        "photos": [SimpleUploadedFile("lokasi.jpg", jpeg_bytes((150, 170, 140)), content_type="image/jpeg")],
        "conclusion": "Sarana dan prasarana sesuai dengan yang dilaporkan."
        if recommend
        else "Ruang kelas sempit dan peralatan praktik belum tersedia.",
        "recommendation": "recommend" if recommend else "not_recommend",
        "reasons": "Lembaga memenuhi standar sarana, prasarana dan tenaga pendidik."
        if recommend
        else "Peralatan praktik desain (komputer) belum tersedia; instruktur baru satu orang.",
    }


def _users():
    from accounts.models import User

    return {user.email: user for user in User.objects.filter(email__endswith="@demo.test")}


def _carry(application, target, users, recommend=True):
    stop = "signing" if target == "refused" else target
    while application.state != stop and application.state in NEXT:
        name, actor_email = NEXT[application.state]
        data = _inspection(application, recommend) if name == "report_inspection" else {}
        core.perform(application, name, users[actor_email], data=data)
        application.refresh_from_db()
    if target == "refused":
        core.perform(application, "sign_refusal", users["kadis@demo.test"])


def load(stdout):
    for email, first, last, role in STAFF:
        ensure_user(email, first, last, role)
    items = ensure_checklist()
    users = _users()
    created = 0
    for name, email, legal_form, regency, head, programmes, facilities, target in INSTITUTIONS:
        if LicenceApplication.objects.filter(institution_name=name).exists():
            continue
        first, _sep, last = head.partition(" ")
        user = users.get(email) or ensure_user(email, first, last)
        application = LicenceApplication(
            user=user,
            institution_name=name,
            legal_form=legal_form,
            address=f"Jl. Jenderal Sudirman No. {created + 7}, Banyuwangi",
            regency=regency,
            head_name=head,
            contact_phone=f"0812{55000000 + created:08d}",
            contact_email=email,
            programmes=programmes,
            instructors_count=3 + created % 4,
            facilities=facilities,
        ).start()
        attach_documents(application, [item for item in items if item.required or created % 2])
        created += 1
        if target == "draft":
            continue
        services.submit(application, user)
        application.refresh_from_db()
        if name in {"LKP Tata Busana Melati", "LPK Komputer Prima"}:
            _refuse_npwp(application, users)
            if target == "correction":
                continue
            # The applicant corrected the refused item and resubmitted: the SOP clock restarted.
            attach_documents(application, [doc.item for doc in services.refused_documents(application)])
            services.submit(application, user)
            application.refresh_from_db()
        _carry(application, target, users, recommend=target != "refused")
    _make_overdue()
    stdout.write(f"  {created} course-licence applications, {len(items)} checklist items")


def _refuse_npwp(application, users):
    verdicts = {
        doc.pk: ("refused", "Foto NPWP buram; unggah hasil pindai berwarna yang terbaca.")
        if doc.item.name == "NPWP lembaga"
        else ("accepted", "")
        for doc in application.documents.select_related("item")
    }
    services.refuse_file(application, users["frontoffice@demo.test"], verdicts)
    application.refresh_from_db()


def _make_overdue():
    """A few applications wait past their standard time, so the overdue views have something to show."""
    now = timezone.now()
    for state, days in (("technical_review", 9), ("front_office_check", 2), ("head_approval", 1)):
        application = LicenceApplication.objects.filter(state=state).order_by("pk").first()
        if application and application.state_due_at and application.state_due_at > now:
            LicenceApplication.objects.filter(pk=application.pk).update(
                state_entered_at=now - timedelta(days=days + 1),
                state_due_at=now - timedelta(days=days),
                clock_started_at=now - timedelta(days=days + 2),
            )
