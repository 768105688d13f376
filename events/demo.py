"""Regional trainings in every step of SOP 003, with letters, nominations, the facilities checklist
and the report PDF. The training in the nominations step shows the three kinds of region: one on
time, one over its quota (a paper reply with more names than its quota, entered by the office)
and one late (no answer by the deadline, reminded)."""

import datetime

from django.utils import timezone

from accounts.models import User
from courses.models import CoursePage
from enrolment.factories import make_nik
from events import services
from events.factories import PATH, add_regions, default_data
from events.models import Candidate, FacilityItem, InvitedRegion, RegionalTraining, TrainingPhoto
from procedures import services as core

ROLE_USERS = {
    "Petugas Administrasi": "petugas@demo.test",
    "Kepala Bidang": "kabid@demo.test",
    "Anggota Tim Kerja": "anggota@demo.test",
    "Kepala Dinas": "kadis@demo.test",
    "Ketua Tim Kerja": "ketua@demo.test",
}

TITLES = [
    ("approval", "Pelatihan Pemandu Wisata Desa"),
    ("instruction", "Pelatihan Homestay dan Tata Graha"),
    ("drafting", "Pelatihan Kuliner Khas Osing"),
    ("signing", "Pelatihan Fotografi Destinasi"),
    ("distribution", "Pelatihan Pengelolaan Pokdarwis"),
    ("nominations", "Pelatihan Batik Gajah Oling untuk Perajin Daerah"),
    ("meeting", "Pelatihan Anyaman Bambu Bernilai Ekspor"),
    ("running", "Pelatihan Pemasaran Digital Desa Wisata"),
    ("reporting", "Pelatihan Tata Kelola Sanggar Seni"),
    ("acknowledgement", "Pelatihan Pengemasan Produk Oleh-oleh"),
    ("received", "Pelatihan Pembukuan Koperasi Wisata"),
    ("revision", "Pelatihan Kriya Kayu Tingkat Dasar"),
]

NAMES = [
    "Ayu Kartika",
    "Bagus Wicaksono",
    "Citra Maharani",
    "Dimas Saputra",
    "Eka Pratiwi",
    "Fikri Ramadhan",
    "Gita Anjani",
    "Hendra Kusuma",
]


def candidates_for(region, count, serial):
    rows = []
    for index in range(count):
        number = serial + index
        birth = datetime.date(1985 + number % 15, 1 + number % 12, 1 + number % 27)
        rows.append(
            {
                "full_name": f"{NAMES[number % len(NAMES)]} ({region.name.split()[-1]})",
                "nik": make_nik(birth, female=number % 2 == 0, serial=number, district="350901"),
                "phone": f"08123{number:06d}",
                "email": "",
                "position": "Staf Teknis",
                "agency": f"Dinas Pariwisata {region.name}",
            }
        )
    return rows


def nominate_regions(training, serial):
    """On time: the first region fills its quota through its link; the second answers over quota on
    paper (entered by the office); the third has not answered and was reminded."""
    on_time, over, late = training.regions.order_by("pk")
    for row in candidates_for(on_time, on_time.quota, serial):
        services.nominate(on_time, row)
    for row in candidates_for(over, over.quota + 1, serial + 10):
        Candidate.objects.create(region=over, clash=services.clash_for(training, row["nik"]), **row)
    # Both answered a day ago, before the deadline.
    InvitedRegion.objects.filter(pk__in=[on_time.pk, over.pk]).update(
        answered_at=timezone.now() - datetime.timedelta(days=1)
    )
    services.remind(late)


def load(stdout):
    if RegionalTraining.objects.exists():
        stdout.write("  regional trainings already loaded")
        return
    users = {role: User.objects.get(email=email) for role, email in ROLE_USERS.items()}
    courses = list(CoursePage.objects.live().filter(start_date__gt=timezone.localdate()).order_by("start_date"))
    if not courses:
        stdout.write("  no upcoming class for the regional trainings")
        return
    for index, (target, title) in enumerate(TITLES):
        course = courses[index % len(courses)]
        training = RegionalTraining(
            title=title,
            objectives="Meningkatkan keterampilan peserta dari kabupaten/kota agar mampu mengembangkan usaha "
            "wisata dan ekonomi kreatif di daerahnya.",
            start_date=course.start_date,
            end_date=course.end_date,
            place="Aula Pusat Pelatihan Disbudpar, Jl. Ahmad Yani No. 78, Banyuwangi",
            course=course,
            budget_document="DPA 2.22.01.2.05.0004/2026",
            nomination_deadline=timezone.now() + datetime.timedelta(days=5),
            created_by=users["Petugas Administrasi"],
        ).start()
        add_regions(training)
        core.perform(training, "submit", users["Petugas Administrasi"])
        if target == "revision":
            note = "Kuota per kabupaten melebihi pagu konsumsi di DPA; mohon disesuaikan."
            core.perform(training, "send_back", users["Kepala Bidang"], note=note)
            continue
        walk_to(training, target, users, serial=index * 30 + 1)
        if target not in ("approval", "revision"):
            mark_facilities(training, users)
    stdout.write(f"  {len(TITLES)} regional trainings, one in every step of SOP 003")


def walk_to(training, target, users, serial):
    for name, role in PATH:
        training.refresh_from_db()
        if name == "close_nominations":
            nominate_regions(training, serial)
            if target == "nominations":
                # The deadline has passed for the late region: the screen shows it as late.
                RegionalTraining.objects.filter(pk=training.pk).update(
                    nomination_deadline=timezone.now() - datetime.timedelta(hours=2)
                )
                break
            # The office refuses the extra name of the region over its quota before closing.
            over = training.regions.order_by("pk")[1]
            extra = over.candidates.order_by("-pk").first()
            services.set_candidate_status(training, extra.pk, Candidate.Status.REFUSED)
        if training.state == target:
            break
        if name == "finish_training" and training.course.image_id:
            TrainingPhoto.objects.create(
                training=training, image_id=training.course.image_id, caption="Praktik hari kedua"
            )
        core.perform(training, name, users[role], data=default_data(training, name))
        if name == "finish_training":
            for line in training.budget_lines.all():
                line.realised = line.planned * 9 // 10
                line.save(update_fields=["realised"])


def mark_facilities(training, users):
    """Some items ready, one being prepared, one still needed: the event page lists what is not ready."""
    items = list(training.facilities.order_by("pk"))
    states = [FacilityItem.State.READY, FacilityItem.State.READY, FacilityItem.State.IN_PROGRESS]
    for item, state in zip(items, states + [FacilityItem.State.NEEDED] * len(items), strict=False):
        item.state = (
            state if training.state not in ("running", "reporting", "acknowledgement", "received") else "ready"
        )
        item.responsible = users["Anggota Tim Kerja"]
        item.save(update_fields=["state", "responsible"])
    FacilityItem.objects.create(
        training=training, name="Spanduk kegiatan 3 x 1 m", responsible=users["Ketua Tim Kerja"], state="ready"
    )
