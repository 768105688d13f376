"""Factories for certificates, shared by the tests, the benchmark and the demo loader.

``passed_enrolment`` makes a participant who completed a class with *lulus* directly in the
database (the enrolment app's own flow is tested there); it is what certificates consume.
"""

import datetime
import itertools

import factory

from django.utils import timezone

from certificates.models import Certificate, CertificateTemplate

_nik_serial = itertools.count(1)


def demo_nik(serial, birth=datetime.date(1990, 5, 17)):
    """A plausible, unique NIK (Banyuwangi district code, birth date, serial)."""
    return f"351001{birth:%d%m%y}{serial % 10000 or 1:04d}"


class CertificateTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CertificateTemplate

    name = factory.Sequence(lambda n: f"Templat sertifikat {n}")
    is_default = False


def passed_enrolment(
    course, full_name="Ni Luh Putu Ayu Saraswati Dewi", user=None, grade="A", score="88.50", email=None
):
    """A completed, passed enrolment of a new participant in ``course``."""
    from enrolment.models import Enrolment, Participant

    serial = next(_nik_serial)
    while Participant.objects.filter(nik=demo_nik(serial)).exists():
        serial = next(_nik_serial)
    participant = Participant.objects.create(
        user=user,
        full_name=full_name,
        email=email if email is not None else (user.email if user else f"peserta{serial}@contoh.test"),
        nik=demo_nik(serial),
        birth_date=datetime.date(1990, 5, 17),
        gender="female",
        phone="081234567890",
        address="Jl. Ahmad Yani No. 1",
        regency="Banyuwangi",
        education="sma",
        occupation="Perajin",
        current_skills="Menganyam",
        training_needs="Pemasaran",
        consent_at=timezone.now(),
    )
    return Enrolment.objects.create(
        participant=participant,
        course=course,
        state="completed",
        tracking_number=f"TST-{serial:06d}",
        result=Enrolment.Result.PASSED,
        grade=grade,
        final_score=score,
        completed_at=timezone.now(),
    )


class CertificateFactory(factory.django.DjangoModelFactory):
    """An issued certificate row; use ``services.issue_certificate`` when numbering matters."""

    class Meta:
        model = Certificate

    number = factory.Sequence(lambda n: f"{n + 1:03d}/KK/TEST/I/2026")
    verification_code = factory.Sequence(lambda n: f"TEST-CODE-{n:04d}-AAAA")
    holder_name = "Ni Luh Putu Ayu Saraswati Dewi"
    course_title = "Tari Gandrung untuk Pemula"
    start_date = datetime.date(2026, 1, 5)
    end_date = datetime.date(2026, 1, 7)
    hours = "24.00"
    category_name = "Seni Tari"
    cohort = "Angkatan II"
    grade = "A"
    office_name = "Dinas Kebudayaan dan Pariwisata Kabupaten Banyuwangi"
    place = "Banyuwangi"
    signers = factory.LazyFunction(
        lambda: [{"name": "Drs. Ṣalāḥ Nguyễn", "title": "Kepala Dinas", "rank": "", "nip": "", "signature_id": None}]
    )
    issued_at = factory.LazyFunction(timezone.now)
