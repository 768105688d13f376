"""Factories for trainer pages and registrations, shared by tests and the demo loader."""

import datetime
import io

import factory
import wagtail_factories
from PIL import Image as PILImage

from django.core.files.base import ContentFile
from django.utils.text import slugify

from procedures.factories import CaseFactory
from trainers.models import StandardModule, TrainerApplication, TrainerIndexPage, TrainerPage


def make_nik(birth_date, female=False, region="351001", serial=1):
    """A plausible NIK for ``birth_date`` (region 35 10 01: Banyuwangi, Jawa Timur by default)."""
    day = birth_date.day + (40 if female else 0)
    return f"{region}{day:02d}{birth_date:%m%y}{serial:04d}"


def jpeg_bytes(size=(120, 160), color=(180, 120, 90)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "JPEG")
    return buffer.getvalue()


def png_bytes(size=(120, 160), color=(90, 140, 180)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def pdf_bytes(title="Curriculum Vitae", lines=("Pengalaman mengajar",)):
    from portal.factories import minimal_pdf

    return minimal_pdf(title, list(lines))


class TrainerIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TrainerIndexPage

    title = "Narasumber"
    slug = "narasumber"
    show_in_menus = True
    introduction = "Para ahli yang mengajar di pelatihan kami."


class TrainerPageFactory(wagtail_factories.PageFactory):
    """A published trainer profile."""

    class Meta:
        model = TrainerPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Narasumber {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    full_name = factory.LazyAttribute(lambda o: f"{o.title}, S.Sn.")
    position = "Praktisi seni"
    short_bio = "Berpengalaman melatih pelaku ekonomi kreatif di Jawa Timur dan Bali."
    regency = "Kabupaten Banyuwangi"
    education = "S1 Seni Tari, ISI Surakarta"
    experience = "Pelatih sanggar tari (2010–sekarang)"
    certifications = "Sertifikat Kompetensi Pelatih BNSP"
    topics = "Tari tradisional\nKoreografi dasar"
    live = True

    @factory.post_generation
    def expertise(self, create, extracted, **kwargs):
        if extracted:
            self.expertise.set(extracted)
            if create:
                self.save()


class StandardModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StandardModule
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"MOD-{n:03d}")
    name = factory.Sequence(lambda n: f"Modul standar {n}")


class TrainerApplicationFactory(CaseFactory):
    """A complete draft registration (photo and CV included) ready to submit."""

    class Meta:
        model = TrainerApplication
        skip_postgeneration_save = True

    user = factory.SubFactory("accounts.factories.UserFactory")
    full_name = factory.LazyAttribute(lambda o: f"{o.user.get_full_name() or 'Pemohon'}, S.Sn., M.Sn.")
    applicant_email = factory.LazyAttribute(lambda o: o.user.email)
    birth_date = datetime.date(1985, 3, 14)
    gender = "male"
    nik = factory.LazyAttribute(lambda o: make_nik(o.birth_date, female=o.gender == "female"))
    phone = "081234567890"
    address = "Jl. Ahmad Yani No. 12, Banyuwangi"
    regency = "Kabupaten Banyuwangi"
    position = "Dosen Seni Tari"
    short_bio = "Pelatih tari gandrung dengan pengalaman lima belas tahun."
    education = "S1 Pendidikan Seni Tari, Universitas Negeri Malang\nS2 Penciptaan Seni, ISI Surakarta"
    work_experience = "Dosen Seni Tari (2012–sekarang)"
    teaching_experience = "Pelatihan tari gandrung untuk guru SD (2022)"
    certifications = "Sertifikat Kompetensi Koreografer"
    topics = "Tari gandrung\nKoreografi dasar"
    photo = factory.LazyFunction(lambda: ContentFile(jpeg_bytes(), name="foto.jpg"))
    photo_name = "foto.jpg"
    cv = factory.LazyFunction(lambda: ContentFile(pdf_bytes(), name="cv.pdf"))
    cv_name = "cv.pdf"

    @factory.post_generation
    def expertise(self, create, extracted, **kwargs):
        if create and extracted:
            self.expertise.set(extracted)
