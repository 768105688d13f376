"""Participants in every state across the catalogue demo's classes (loaded after courses, order 20).

* finished classes: everyone evaluated, passed and failed (peserta@demo.test passed one);
* a running class: attendance of the sessions held so far, paper pre-test scores, a question
  bank, and peserta@demo.test accepted so they can check in with the session QR;
* an upcoming full class with a waiting list; an open class with registrations waiting for
  verification, sent back for correction, rejected, withdrawn and a walk-in.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from courses.models import CoursePage
from enrolment import seats, services
from enrolment.attendance import countable_sessions
from enrolment.factories import make_nik, question_bank
from enrolment.models import Attendance, Enrolment, Participant, TestResult
from procedures import services as core

FIRST = [
    "Siti",
    "Made",
    "Ayu",
    "Budi",
    "Dewi",
    "Agus",
    "Ratna",
    "Hendra",
    "Wulan",
    "Eko",
    "Lestari",
    "Joko",
    "Nur",
    "Rizky",
    "Putri",
    "Yusuf",
    "Indah",
    "Bayu",
    "Fitri",
    "Arif",
    "Kadek",
    "Nyoman",
    "Sri",
    "Dimas",
]
LAST = [
    "Rahmawati",
    "Wirawan",
    "Lestari",
    "Santoso",
    "Anggraini",
    "Prasetyo",
    "Sari",
    "Gunawan",
    "Handayani",
    "Saputra",
    "Kusuma",
    "Hidayat",
]
REGENCIES = ["Banyuwangi", "Banyuwangi", "Banyuwangi", "Jember", "Situbondo", "Bondowoso"]
DISTRICTS = ["Glagah", "Giri", "Kabat", "Rogojampi", "Genteng", "Srono", "Muncar", "Kalipuro"]
OCCUPATIONS = ["Pelaku UMKM", "Ibu rumah tangga", "Mahasiswa", "Anggota sanggar", "Perajin", "Pegawai desa"]

QUESTIONS = [
    ("Bahan utama anyaman yang paling umum di Banyuwangi adalah…", ["Bambu", "Plastik", "Besi"], 0),
    ("Sebelum dianyam, bilah bambu sebaiknya…", ["Langsung dicat", "Diraut dan dijemur", "Direndam oli"], 1),
    ("Pola anyaman paling dasar disebut…", ["Anyaman sasak (satu-satu)", "Anyaman kepang tiga", "Makrame"], 0),
    ("Agar anyaman awet dan tidak berjamur…", ["Disimpan lembap", "Dilapisi pernis", "Dicuci sabun"], 1),
    (
        "Harga jual produk dihitung dari…",
        ["Biaya bahan saja", "Bahan, tenaga dan keuntungan", "Harga pesaing saja"],
        1,
    ),
]


def _person(index):
    first = FIRST[index % len(FIRST)]
    last = LAST[(index * 7) % len(LAST)]
    female = index % 3 != 1
    birth = datetime.date(1975 + index % 28, 1 + index % 12, 1 + (index * 3) % 28)
    return {
        "full_name": f"{first} {last}",
        "email": f"peserta.{first.lower()}.{last.lower()}{index}@demo.test",
        "nik": make_nik(birth, female, serial=1000 + index),
        "birth_date": birth,
        "gender": "female" if female else "male",
        "phone": f"0812{3300000 + index:07d}",
        "address": f"Dusun Krajan RT {1 + index % 9:02d} RW 0{1 + index % 4}",
        "regency": REGENCIES[index % len(REGENCIES)],
        "district": DISTRICTS[index % len(DISTRICTS)] if REGENCIES[index % len(REGENCIES)] == "Banyuwangi" else "",
        "education": ["sma", "smp", "s1", "diploma", "sd"][index % 5],
        "occupation": OCCUPATIONS[index % len(OCCUPATIONS)],
        "current_skills": "Keterampilan dasar kerajinan dan menjual di pasar desa.",
        "training_needs": "Meningkatkan mutu produk dan memasarkannya secara daring.",
        "consent_at": timezone.now(),
    }


def _participant(index, officer, user=None):
    data = _person(index)
    participant = Participant.objects.filter(nik=data["nik"]).first()
    if participant is None:
        participant = Participant.objects.create(registered_by=None if user else officer, user=user, **data)
    return participant


def _peserta(officer):
    user = User.objects.filter(email="peserta@demo.test").first()
    if user is None:
        return None
    participant = Participant.objects.filter(user=user).first()
    if participant is None:
        birth = datetime.date(1994, 8, 17)
        participant = Participant.objects.create(
            user=user,
            full_name="Ni Luh Putu Sari",
            email=user.email,
            nik=make_nik(birth, True, serial=77),
            birth_date=birth,
            gender="female",
            phone="081234500077",
            address="Jl. Kepiting No. 12, Kelurahan Kepatihan",
            regency="Banyuwangi",
            district="Banyuwangi",
            education="s1",
            occupation="Pemilik usaha kerajinan",
            current_skills="Menganyam dan memotret produk dengan ponsel.",
            training_needs="Desain produk dan pemasaran daring.",
            consent_at=timezone.now(),
        )
    return participant


def _enrol(participant, course, officer, walk_in=None):
    # Any earlier enrolment (withdrawn ones too) keeps the loader idempotent.
    existing = Enrolment.objects.filter(participant=participant, course=course).order_by("-pk").first()
    if existing is not None:
        return existing
    walk_in = participant.user_id is None if walk_in is None else walk_in
    enrolment = Enrolment(participant=participant, course=course, walk_in=walk_in).start()
    core.perform(enrolment, "submit", participant.user if not walk_in else officer, system=True)
    return enrolment


def _accept(enrolment, officer):
    if enrolment.state == "verification":
        services.decide(enrolment, officer)
        enrolment.refresh_from_db()
    return enrolment


def _attend(enrolment, sessions, skip=()):
    for number, session in enumerate(sessions):
        status = "absent" if number in skip else ("late" if number % 7 == 3 else "present")
        Attendance.objects.get_or_create(enrolment=enrolment, session=session, defaults={"status": status})


def _scores(enrolment, pre, post=None):
    TestResult.objects.get_or_create(
        enrolment=enrolment, kind="pre", defaults={"score": Decimal(pre), "source": "manual"}
    )
    if post is not None:
        TestResult.objects.get_or_create(
            enrolment=enrolment, kind="post", defaults={"score": Decimal(post), "source": "manual"}
        )


def _finished_class(course, people, officer, instructor, peserta=None):
    sessions = countable_sessions(course)
    enrolments = [_accept(_enrol(p, course, officer), officer) for p in people]
    if peserta is not None:
        enrolments.insert(0, _accept(_enrol(peserta, course, officer), officer))
    services.open_evaluation(course, officer)
    for number, enrolment in enumerate(enrolments):
        enrolment.refresh_from_db()
        if enrolment.state != "evaluation":
            continue
        failing = number % 5 == 4
        _attend(enrolment, sessions, skip=range(len(sessions) // 2 + 1) if failing and number % 2 else ())
        _scores(enrolment, 45 + number * 3 % 30, 70 + number * 5 % 30)
        enrolment = Enrolment.objects.get(pk=enrolment.pk)
        services.evaluate(
            enrolment,
            instructor,
            final_score=Decimal(58 if failing else 75 + number * 3 % 20),
            feedback="Karya rapi dan dipresentasikan dengan percaya diri."
            if not failing
            else "Karya belum selesai; perlu latihan lanjutan.",
        )


def load(stdout):
    officer = User.objects.filter(email="petugas@demo.test").first()
    instructor = User.objects.filter(email="instruktur@demo.test").first()
    if officer is None or instructor is None:
        stdout.write("  enrolment demo skipped: demo staff accounts missing")
        return
    courses = {c.slug: c for c in CoursePage.objects.all()}
    peserta = _peserta(officer)
    index = 0

    def people(count):
        nonlocal index
        batch = [_participant(index + n, officer) for n in range(count)]
        index += count
        return batch

    today = timezone.localdate()
    # Finished classes: evaluated, passed and failed; peserta@demo.test passed the first.
    finished = [c for c in courses.values() if c.end_date < today and c.live]
    finished.sort(key=lambda c: c.end_date, reverse=True)
    for number, course in enumerate(finished[:2]):
        _finished_class(course, people(8), officer, instructor, peserta if number == 0 else None)

    # A running class: attendance so far, pre-test scores, a question bank; peserta accepted.
    running = [c for c in courses.values() if c.start_date <= today <= c.end_date and c.live]
    running.sort(key=lambda c: c.start_date)
    if running:
        course = running[0]
        question_bank(course, QUESTIONS)
        group = [_accept(_enrol(p, course, officer), officer) for p in people(8)]
        if peserta is not None:
            _accept(_enrol(peserta, course, officer), officer)
        services.start_class(course, officer)
        held = [s for s in countable_sessions(course) if s.ends_at <= timezone.now()]
        for number, enrolment in enumerate(group):
            _attend(enrolment, held, skip=(0,) if number == 5 else ())
            _scores(enrolment, 40 + number * 4)

    # Upcoming: a full class with a waiting list, and an open class with every verification outcome.
    upcoming = sorted(
        (c for c in courses.values() if c.start_date > today and c.live and c.capacity), key=lambda c: c.capacity
    )
    if upcoming:
        full = upcoming[0]
        for participant in people(full.capacity + 3):
            _accept(_enrol(participant, full, officer), officer)
    if len(upcoming) > 1:
        open_class = upcoming[1]
        group = [_enrol(p, open_class, officer, walk_in=False) for p in people(7)]
        for enrolment in group[:3]:
            _accept(enrolment, officer)
        if group[3].state == "verification":
            core.perform(
                group[3], "send_back", officer, note="Foto KTP kurang jelas; mohon lengkapi alamat sesuai KTP."
            )
        if group[4].state == "verification":
            core.perform(group[4], "reject", officer, note="Usia belum memenuhi syarat minimal 17 tahun.")
        if group[5].state == "verification":
            core.perform(group[5], "withdraw", group[5].participant.user, system=True)
        # group[6] waits for verification; one more walk-in registered in person today.
        _enrol(_participant(900, officer), open_class, officer, walk_in=True)
    # The catalogue demo guessed seat counts; from here on they are the real ones.
    for course in CoursePage.objects.all():
        with transaction.atomic():
            seats.sync_seats(seats.lock_seats(course))
    stdout.write(f"  {Enrolment.objects.count()} enrolments of {Participant.objects.count()} participants")
