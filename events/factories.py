"""Factories for regional trainings, shared by the tests and the demo loader."""

import datetime
from decimal import Decimal

import factory

from django.utils import timezone

from events.models import BudgetLine, InvitedRegion, RegionalTraining
from procedures import services
from procedures.factories import CaseFactory

REGIONS = [
    ("Kabupaten Jember", 3, "Dinas Tenaga Kerja Kabupaten Jember"),
    ("Kabupaten Situbondo", 2, "Dinas Tenaga Kerja Kabupaten Situbondo"),
    ("Kabupaten Bondowoso", 2, "Dinas Tenaga Kerja Kabupaten Bondowoso"),
]

#: The path of transitions (and who makes them) from the approved plan to the report received.
PATH = [
    ("approve", "Kepala Bidang"),
    ("instruct", "Kepala Bidang"),
    ("submit_drafts", "Petugas Administrasi"),
    ("sign", "Kepala Bidang"),
    ("distribute", "Petugas Administrasi"),
    ("close_nominations", "Petugas Administrasi"),
    ("record_meeting", "Anggota Tim Kerja"),
    ("finish_training", "Anggota Tim Kerja"),
    ("submit_report", "Anggota Tim Kerja"),
    ("acknowledge", "Kepala Dinas"),
]


class RegionalTrainingFactory(CaseFactory):
    """A draft plan; ``submit`` it with ``procedures.services.perform(t, "submit", staff)``."""

    class Meta:
        model = RegionalTraining

    title = "Pelatihan Pengolahan Hasil Perikanan"
    objectives = "Peserta mampu mengolah ikan menjadi produk bernilai jual dan menghitung harga pokoknya."
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=21))
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=2))
    place = "Aula UPT Pelatihan, Jl. Adi Sucipto 12, Banyuwangi"
    budget_document = "DPA 2.16.01.2.02.0012/2026"
    nomination_deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))


def add_regions(training, regions=REGIONS):
    for index, (name, quota, address) in enumerate(regions, start=1):
        InvitedRegion.objects.create(
            training=training,
            name=name,
            quota=quota,
            address=address,
            officer_name=f"Operator {name.split()[-1]}",
            officer_email=f"operator{index}@{name.split()[-1].lower()}.test",
        )
    BudgetLine.objects.create(
        training=training, description="Konsumsi peserta", account_code="5.1.02.01.01.0052", planned=Decimal(8400000)
    )
    BudgetLine.objects.create(
        training=training,
        description="Honorarium narasumber",
        account_code="5.1.02.02.01.0003",
        planned=Decimal(4500000),
    )
    return training


def walk(training, users, until, data=None):
    """Perform the :data:`PATH` transitions until (and without) ``until``; ``users`` maps role → user."""
    data = data or {}
    for name, role in PATH:
        if name == until:
            return training
        training.refresh_from_db()
        if training.state not in training.procedure.transition(name).sources:
            continue
        services.perform(training, name, users[role], data=data.get(name, default_data(training, name)))
    return training


def default_data(training, name):
    if name == "submit_drafts":
        return {
            "invitation_text": training.invitation_text,
            "cover_letter_text": training.cover_letter_text,
            "decree_text": training.decree_text,
        }
    if name == "record_meeting":
        return {
            "meeting_minutes": "Rapat membahas jadwal, konsumsi dan pembagian tugas panitia.",
            "meeting_attendees": "Kepala Bidang, Ketua Tim Kerja, Anggota Tim Kerja",
            "meeting_decisions": "Registrasi ulang pukul 07.30; asrama disiapkan H-1.",
        }
    if name == "submit_report":
        return {"report_text": training.report_text}
    return {}
