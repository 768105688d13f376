"""Factories for resource-person requests, shared by the tests and the demo loader."""

import datetime

import factory

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Site

from categories.factories import CategoryFactory
from portal.factories import minimal_pdf
from procedures.factories import CaseFactory
from trainer_requests.models import TrainerRequest


def request_letter_pdf(organisation="Desa Wisata Kemiren"):
    return minimal_pdf(
        "Surat Permohonan Narasumber",
        [organisation, "Dengan hormat, kami mohon bantuan narasumber untuk kegiatan pelatihan warga."],
    )


def trainer_index():
    """The trainer directory page, created under the default site's home page if missing."""
    from trainers.models import TrainerIndexPage

    existing = TrainerIndexPage.objects.first()
    if existing is not None:
        return existing
    home = Site.objects.get(is_default_site=True).root_page
    index = TrainerIndexPage(title="Narasumber", slug="narasumber")
    home.add_child(instance=index)
    return index


def make_trainer(full_name, *, user=None, expertise=(), regency="Kabupaten Banyuwangi", live=True):
    """A published (approved) trainer page; ``live=False`` leaves it a draft."""
    from trainers.models import TrainerPage

    page = TrainerPage(
        title=full_name,
        slug=slugify(full_name)[:200] or "narasumber",
        full_name=full_name,
        user=user,
        regency=regency,
        live=live,
    )
    parent = trainer_index()
    base_slug, n = page.slug, 1
    while parent.get_children().filter(slug=page.slug).exists():
        n += 1
        page.slug = f"{base_slug}-{n}"
    parent.add_child(instance=page)
    if expertise:
        page.expertise.set(expertise)
        page.save()
    return page


class TrainerRequestFactory(CaseFactory):
    """An unconfirmed request for an event two weeks ahead, with a real PDF letter."""

    class Meta:
        model = TrainerRequest

    organisation_name = factory.Sequence(lambda n: f"Koperasi Maju Bersama {n}")
    organisation_type = TrainerRequest.OrganisationType.COOPERATIVE
    address = "Jl. Raya Rogojampi No. 12"
    regency = "Kabupaten Banyuwangi"
    applicant_name = "Siti Rahmawati"
    phone = "081234567890"
    applicant_email = factory.Sequence(lambda n: f"pemohon{n}@contoh.test")
    topic = "Pembukuan sederhana dan laporan keuangan koperasi untuk pengurus."
    category = factory.SubFactory(CategoryFactory, name="Koperasi", slug="koperasi")
    event_title = "Pelatihan Pembukuan Koperasi"
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=1))
    start_time = datetime.time(8, 0)
    end_time = datetime.time(12, 0)
    mode = TrainerRequest.Mode.IN_PERSON
    location = "Balai Desa Rogojampi"
    audience_size = 30
    audience_profile = "Pengurus dan anggota koperasi"
    letter = factory.LazyAttribute(
        lambda o: ContentFile(request_letter_pdf(o.organisation_name), name="surat-permohonan.pdf")
    )
    letter_name = "surat-permohonan.pdf"
    consent_at = factory.LazyFunction(timezone.now)
