"""Factories for SOP pages, shared by tests and anyone who needs an SOP in a fixture."""

from decimal import Decimal

import factory
import wagtail_factories

from sops.models import SOPIndexPage, SOPPage, SOPStep


class SOPIndexPageFactory(wagtail_factories.PageFactory):
    title = "Standar Operasional Prosedur"
    slug = factory.Sequence(lambda n: f"sop-{n}")

    class Meta:
        model = SOPIndexPage


class SOPStepFactory(factory.django.DjangoModelFactory):
    number = factory.Sequence(lambda n: n + 1)
    sort_order = factory.SelfAttribute("number")
    activity = factory.Sequence(lambda n: f"Kegiatan langkah {n + 1}")
    actor = "Ketua Tim Kerja"
    requirements = "Disposisi"
    time_value = Decimal(10)
    time_unit = "minutes"
    output = "Disposisi"

    class Meta:
        model = SOPStep


class SOPPageFactory(wagtail_factories.PageFactory):
    """An SOP with two steps unless ``steps=[]`` (then add them with SOPStepFactory)."""

    title = factory.Sequence(lambda n: f"SOP Contoh {n}")
    issuer = "Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat – Bidang Pemberdayaan Usaha Kecil"
    sop_number = factory.Sequence(lambda n: f"061/{1000 + n}/DISKOPUKM")

    class Meta:
        model = SOPPage

    @factory.post_generation
    def steps(self, create, extracted, **kwargs):
        if not create or extracted is not None:
            return
        SOPStepFactory(page=self, number=1, sort_order=1, actor="Ketua Tim Kerja")
        SOPStepFactory(
            page=self, number=2, sort_order=2, actor="Anggota Tim Kerja", time_value=Decimal(1), time_unit="hours"
        )
