"""Factories for the catalogue, shared by tests, the benchmark and the demo loader."""

import datetime

import factory
import wagtail_factories

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from wagtail.documents import get_document_model

from categories.factories import CategoryFactory
from courses.models import (
    CourseIndexPage,
    CoursePage,
    CourseSession,
    MaterialAttachment,
    MaterialIndexPage,
    MaterialPage,
    SeatCount,
)
from portal.factories import minimal_pdf

# SOP 002 "Penyelenggaraan Kegiatan Pengembangan Kompetensi Teknis": the 19 rows of one training
# day as (start, end, title, kind). Rows 6/7, 9/10 and 13/14 run in parallel (trainer and
# participants); the durations add up to the SOP's total of 1,215 minutes.
SOP_002_DAY = [
    ("07:30", "07:35", "Peserta melakukan registrasi", "registration"),
    (
        "07:35",
        "08:35",
        "Penyerahan surat tugas, biodata, jadwal dan toolkit; arahan kegiatan",
        "registration",
    ),
    ("08:35", "08:50", "Peserta menempati ruangan yang disediakan panitia", "registration"),
    ("08:50", "08:55", "Penandatanganan daftar hadir dan perkenalan narasumber", "ceremony"),
    ("08:55", "09:40", "Pre test", "pre_test"),
    ("09:40", "11:55", "Narasumber menyampaikan paparan materi", "material"),
    ("09:40", "11:55", "Peserta menyimak, mencatat, bertanya dan menanggapi", "material"),
    ("11:55", "12:10", "Break pertama", "break"),
    ("12:10", "14:25", "Paparan lanjutan, dialog dan diskusi dua arah", "material"),
    ("12:10", "14:25", "Pendamping memantau jalannya pelatihan dan membantu narasumber", "material"),
    ("14:25", "15:25", "Ishoma", "break"),
    ("15:25", "15:40", "Penandatanganan daftar hadir sesi selanjutnya", "registration"),
    ("15:40", "17:55", "Materi lanjutan, diskusi dan tugas kelompok", "group_work"),
    ("15:40", "17:55", "Peserta mengerjakan tugas dan diskusi kelompok", "group_work"),
    ("17:55", "18:10", "Break kedua", "break"),
    ("18:10", "18:55", "Post test", "post_test"),
    ("18:55", "20:25", "Presentasi tugas kelompok dan tanggapan peserta", "presentation"),
    ("20:25", "20:55", "Tanggapan narasumber terhadap hasil diskusi, kesimpulan", "presentation"),
    ("20:55", "21:00", "Arahan jadwal berikutnya dan pengarsipan daftar hadir", "ceremony"),
]


def _time(value):
    return datetime.time.fromisoformat(value)


def add_sop_002_day(course, day):
    """Append the exact SOP 002 training day to a class's agenda (unsaved; save the page after)."""
    for order, (start, end, title, kind) in enumerate(SOP_002_DAY):
        course.sessions.add(
            CourseSession(
                date=day, start_time=_time(start), end_time=_time(end), title=title, kind=kind, sort_order=order
            )
        )


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseIndexPage

    title = "Kelas"
    slug = "kelas"
    introduction = "Kelas pelatihan yang dibuka untuk masyarakat."


class CoursePageFactory(wagtail_factories.PageFactory):
    """A published upcoming class with open registration, a week from now."""

    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Kelas Pelatihan {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    summary = "Kelas praktik untuk pemula."
    category = factory.SubFactory(CategoryFactory)
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=1))
    location_name = "Aula Pusat Pelatihan"
    location_address = "Jl. Ahmad Yani No. 78, Banyuwangi"
    capacity = 20
    mode = CoursePage.Mode.IN_PERSON


class CourseSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourseSession

    page = factory.SubFactory(CoursePageFactory)
    date = factory.LazyAttribute(lambda o: o.page.start_date)
    start_time = datetime.time(8, 0)
    end_time = datetime.time(10, 0)
    title = factory.Sequence(lambda n: f"Sesi {n}")
    kind = CourseSession.Kind.MATERIAL


class MaterialIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MaterialIndexPage

    title = "Pustaka Bahan Ajar"
    slug = "bahan-ajar"


class MaterialPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MaterialPage

    title = factory.Sequence(lambda n: f"Modul {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    description = "<p>Modul pegangan peserta.</p>"
    learning_objectives = "Memahami dasar\nMempraktikkan teknik"
    visibility = MaterialPage.Visibility.PUBLIC


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Berkas {n}")
    file = factory.LazyAttribute(
        lambda o: ContentFile(minimal_pdf(o.title, ["Bahan ajar pelatihan"]), name=f"{slugify(o.title)}.pdf")
    )


class MaterialAttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MaterialAttachment

    page = factory.SubFactory(MaterialPageFactory)
    document = factory.SubFactory(DocumentFactory)


def set_seats(course, accepted, waitlisted=0):
    seat_count = SeatCount.for_course(course)
    seat_count.accepted, seat_count.waitlisted = accepted, waitlisted
    seat_count.save()
    return seat_count
