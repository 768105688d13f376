"""Resource-person requests in every step, from realistic organisations of the region."""

import datetime
import io

from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.models import User
from categories.models import Category
from procedures import services
from trainer_requests.factories import request_letter_pdf
from trainer_requests.models import ReportPhoto, TrainerRequest

DEMO_TRAINER_EMAIL = "narasumber@demo.test"

# key, organisation, type, regency, contact, email, event, topic, audience, offset days, length, target state
REQUESTS = [
    (
        "kemiren",
        "Desa Wisata Kemiren",
        "village",
        "Kabupaten Banyuwangi",
        "Suhaimi",
        "desawisata.kemiren@demo.test",
        "Pelatihan Pemandu Wisata Budaya Osing",
        "Teknik memandu wisatawan dan bercerita tentang budaya Osing untuk pemuda desa.",
        "25 pemuda anggota Pokdarwis",
        21,
        2,
        "unconfirmed",
    ),
    (
        "sumber-rejeki",
        "Koperasi Serba Usaha Sumber Rejeki",
        "cooperative",
        "Kabupaten Jember",
        "Bambang Sutrisno",
        "ksu.sumberrejeki@demo.test",
        "Bimtek Pembukuan Koperasi",
        "Pembukuan sederhana, neraca dan laporan untuk Rapat Anggota Tahunan.",
        "30 pengurus dan pengawas koperasi",
        18,
        1,
        "received",
    ),
    (
        "rogojampi",
        "Kelompok Wanita Tani Melati Rogojampi",
        "community",
        "Kabupaten Banyuwangi",
        "Siti Fatimah",
        "kwt.melati@demo.test",
        "Pelatihan Olahan Pangan Lokal",
        "Mengolah singkong dan pisang menjadi camilan kemasan yang layak jual.",
        "20 anggota kelompok wanita tani",
        26,
        1,
        "incoming",
    ),
    (
        "smkn1-glagah",
        "SMKN 1 Glagah",
        "school",
        "Kabupaten Banyuwangi",
        "Dra. Endang Purwati",
        "smkn1glagah@demo.test",
        "Kelas Inspirasi Kewirausahaan",
        "Memulai usaha kecil dari keterampilan kejuruan, pemasaran digital untuk siswa.",
        "120 siswa kelas XII",
        24,
        1,
        "analysis",
    ),
    (
        "diskop-jember",
        "Dinas Koperasi Kabupaten Jember",
        "government",
        "Kabupaten Jember",
        "Hari Santoso, S.E.",
        "diskop.jember@demo.test",
        "Pelatihan Pendamping UMKM Kecamatan",
        "Materi pendampingan UMKM: legalitas usaha, NIB, dan akses pembiayaan.",
        "40 pendamping UMKM tingkat kecamatan",
        28,
        3,
        "decision",
    ),
    (
        "gajah-oling",
        "Komunitas Batik Gajah Oling",
        "community",
        "Kabupaten Banyuwangi",
        "Wiwik Sulistyowati",
        "batik.gajaholing@demo.test",
        "Workshop Pewarnaan Alam Batik",
        "Pewarnaan alam dan pengembangan motif batik Gajah Oling untuk pasar wisata.",
        "20 perajin batik",
        14,
        2,
        "trainer_confirmation",
    ),
    (
        "kopi-ijen",
        "PT Kopi Ijen Lestari",
        "company",
        "Kabupaten Bondowoso",
        "Rudi Hartanto",
        "sdm@kopiijen.demo.test",
        "Pelatihan Kemasan dan Merek Produk",
        "Desain kemasan dan merek untuk produk kopi petani mitra.",
        "35 petani mitra dan staf pemasaran",
        14,
        1,
        "conflict",
    ),
    (
        "olehsari",
        "Desa Adat Osing Olehsari",
        "village",
        "Kabupaten Banyuwangi",
        "Ahmad Fauzi",
        "desa.olehsari@demo.test",
        "Pelatihan Tari Seblang untuk Remaja",
        "Pelatihan tari Seblang bagi remaja desa menjelang ritual adat.",
        "30 remaja desa",
        10,
        1,
        "refused",
    ),
    (
        "pantai-boom",
        "Kelompok Sadar Wisata Pantai Boom",
        "community",
        "Kabupaten Banyuwangi",
        "Yuliana Dewi",
        "pokdarwis.boom@demo.test",
        "Pelatihan Foto Produk dengan Ponsel",
        "Memotret produk kuliner dan kerajinan dengan ponsel untuk media sosial.",
        "25 pelaku usaha kuliner",
        35,
        1,
        "scheduled",
    ),
    (
        "srikandi",
        "Koperasi Wanita Srikandi",
        "cooperative",
        "Kabupaten Situbondo",
        "Hj. Nurul Aini",
        "kopwan.srikandi@demo.test",
        "Pelatihan Olahan Pangan Lokal",
        "Olahan pangan lokal dan perizinan PIRT bagi anggota koperasi wanita.",
        "45 anggota koperasi",
        -12,
        1,
        "closed",
    ),
]

ORDER = [
    "unconfirmed",
    "incoming",
    "received",
    "analysis",
    "decision",
    "letters",
    "trainer_confirmation",
    "scheduled",
    "closed",
]


def _actor(email):
    return User.objects.filter(email=email).first()


def _trainers():
    from trainers.models import TrainerPage

    demo = TrainerPage.objects.live().filter(user__email=DEMO_TRAINER_EMAIL).first()
    others = list(TrainerPage.objects.live().exclude(pk=getattr(demo, "pk", None)).order_by("pk")[:4])
    return demo, others


def _photo():
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (960, 640), (196, 160, 110))
    draw = ImageDraw.Draw(image)
    draw.rectangle((60, 380, 900, 600), fill=(120, 80, 50))
    draw.text((80, 60), "Dokumentasi kegiatan", fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return ContentFile(buffer.getvalue(), name="dokumentasi.jpg")


def _free_shift(trainer, rows):
    """Days to move ``rows`` (the demo trainer's requests) so they fall on no class the trainer teaches.

    The demo's only scheduling conflict is the one it shows on purpose (two requests for the same
    trainer on the same day, the second approved with a reason); a request landing on one of the
    trainer's class sessions would make that class fail the availability check when it is saved.
    """
    from trainers.schedule import busy_times

    if trainer is None or not rows:
        return 0
    today = timezone.localdate()
    first = min(row[9] for row in rows)
    last = max(row[9] + row[10] - 1 for row in rows)
    for shift in range(0, 120):
        start = today + datetime.timedelta(days=first + shift)
        end = today + datetime.timedelta(days=last + shift)
        items = busy_times([trainer.pk], start, end)[trainer.pk]
        if not any(item.kind != "assignment" for item in items):
            return shift
    return 0


def _create(row, category, shift=0):
    key, organisation, kind, regency, contact, email, event, topic, audience, offset, length, _target = row
    start = timezone.localdate() + datetime.timedelta(days=offset + shift)
    trainer_request = TrainerRequest(
        organisation_name=organisation,
        organisation_type=kind,
        address=f"Kantor {organisation}",
        regency=regency,
        applicant_name=contact,
        phone="0812" + str(abs(hash(key)) % 10**8).zfill(8),
        applicant_email=email,
        topic=topic,
        category=category,
        event_title=event,
        start_date=start,
        end_date=start + datetime.timedelta(days=length - 1),
        start_time=datetime.time(8, 0),
        end_time=datetime.time(15, 0),
        mode=TrainerRequest.Mode.IN_PERSON,
        location=f"Aula {organisation}, {regency}",
        audience_size=int(audience.split()[0]),
        audience_profile=audience,
        letter_name="surat-permohonan.pdf",
        consent_at=timezone.now(),
        # One letter came by WhatsApp and is registered by the technical officer (SOP step 1).
        received_via=TrainerRequest.Channel.WHATSAPP if key == "sumber-rejeki" else TrainerRequest.Channel.ONLINE,
    )
    trainer_request.letter.save("surat-permohonan.pdf", ContentFile(request_letter_pdf(organisation)), save=False)
    return trainer_request.start()


def _advance(trainer_request, target, trainer, teknis, kabid, kadis, override_reason=""):
    number = 100 + trainer_request.pk
    steps = [
        ("unconfirmed", "confirm", None, {}),
        ("incoming", "receive", teknis, {}),
        (
            "received",
            "record",
            teknis,
            {"agenda_number": f"005/{number}/429.110/{timezone.localdate():%Y}", "agenda_date": timezone.localdate()},
        ),
        (
            "analysis",
            "submit_analysis",
            kabid,
            {
                "analysis": "Materi yang diminta sesuai dengan bidang pemberdayaan usaha kecil. Disarankan narasumber "
                "dengan pengalaman praktik lapangan dan penguasaan materi "
                f"{trainer_request.category or 'terkait'}."
            },
        ),
    ]
    for state, name, actor, data in steps:
        if trainer_request.state == target or trainer_request.state != state:
            continue
        if state == "unconfirmed" and trainer_request.received_via != TrainerRequest.Channel.ONLINE:
            name, actor = "register", teknis  # a letter brought by hand or sent by WhatsApp: step 1 is registering it
        services.perform(trainer_request, name, actor, data=data, system=actor is None)
    if trainer_request.state == target:
        return
    if target == "refused":
        services.perform(
            trainer_request,
            "refuse",
            kadis,
            note="Pada tanggal tersebut seluruh narasumber tari sedang bertugas pada festival daerah. "
            "Silakan mengajukan kembali untuk bulan berikutnya.",
        )
        services.perform(trainer_request, "issue_refusal", teknis)
        return
    if trainer is None:
        return
    from trainer_requests.services import conflicts_for

    conflicts = conflicts_for(trainer_request, [trainer])[trainer.pk]
    services.perform(
        trainer_request,
        "approve",
        kadis,
        data={
            "trainers": [trainer],
            "override_conflicts": bool(conflicts),
            "override_reason": override_reason if conflicts else "",
            "conflicts": {trainer.pk: "\n".join(str(c) for c in conflicts)} if conflicts else {},
        },
    )
    if target == "letters":
        return
    services.perform(trainer_request, "issue_letters", teknis)
    if target == "trainer_confirmation":
        return
    from trainer_requests.services import answer_assignment

    for assignment in trainer_request.active_assignments():
        if assignment.trainer.user_id:
            answer_assignment(assignment, assignment.trainer.user, "confirm")
        else:
            answer_assignment(assignment, teknis, "confirm")
    trainer_request.refresh_from_db()
    if target == "closed":
        services.perform(
            trainer_request,
            "close",
            teknis,
            data={
                "attendance_count": 42,
                "report_notes": "Kegiatan berjalan lancar; peserta praktik membuat keripik dan dodol. "
                "Tindak lanjut: pendampingan pengurusan PIRT bagi 12 anggota.",
                "photos": [],
            },
        )
        photo = ReportPhoto(request=trainer_request)
        photo.image.save("dokumentasi.jpg", _photo(), save=False)
        photo.save()


def load(stdout):
    teknis, kabid, kadis = (_actor(f"{who}@demo.test") for who in ("teknis", "kabid", "kadis"))
    if not all((teknis, kabid, kadis)):
        stdout.write("  resource-person requests skipped: demo staff accounts missing")
        return
    demo_trainer, others = _trainers()
    if demo_trainer is None:
        stdout.write(f"  note: no published trainer page for {DEMO_TRAINER_EMAIL}; its assignments are skipped")
    demo_targets = ("trainer_confirmation", "conflict")
    shift = _free_shift(demo_trainer, [row for row in REQUESTS if row[-1] in demo_targets])
    created = 0
    for row in REQUESTS:
        key, organisation, _kind, _regency, _contact, _email, event, *_rest, target = row
        if TrainerRequest.objects.filter(organisation_name=organisation, event_title=event).exists():
            continue
        trainer = {
            "trainer_confirmation": demo_trainer,
            "conflict": demo_trainer,
        }.get(target, others[created % len(others)] if others else None)
        needs_trainer = target in ("conflict", "trainer_confirmation", "scheduled", "closed")
        if needs_trainer and trainer is None:
            continue
        category = (trainer.expertise.first() if trainer is not None else None) or Category.objects.order_by(
            "pk"
        ).first()
        trainer_request = _create(row, category, shift if trainer is demo_trainer and target in demo_targets else 0)
        if trainer is not None and target in ("trainer_confirmation", "scheduled"):
            TrainerRequest.objects.filter(pk=trainer_request.pk).update(preferred_trainer=trainer)
            trainer_request.preferred_trainer = trainer
        state = "letters" if target == "conflict" else target
        _advance(
            trainer_request,
            state,
            trainer,
            teknis,
            kabid,
            kadis,
            override_reason="Sesi lain narasumber hanya beririsan dua jam dan sudah disepakati mundur ke siang hari; "
            "materi kemasan paling sesuai dengan keahlian beliau.",
        )
        created += 1
    stdout.write(f"  {created} resource-person requests")


__all__ = ["ORDER", "load"]
