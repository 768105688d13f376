import datetime
import zoneinfo
from decimal import Decimal

import pytest

from accounts import roles
from licensing import services
from licensing.factories import LicenceApplicationFactory, attach_documents, ensure_checklist
from procedures import services as core

JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")

# Each later state, the transition that reaches it and the role that performs it.
PATH = [
    ("back_office_intake", "accept_file", roles.FRONT_OFFICE),
    ("technical_review", "route_to_technical", roles.BACK_OFFICE),
    ("decree_drafting", "report_inspection", roles.TECHNICAL_AGENCY),
    ("head_approval", "draft_decree", roles.BACK_OFFICE),
    ("secretary_approval", "head_approve", roles.HEAD_OF_LICENSING),
    ("signing", "secretary_approve", roles.SECRETARY),
    ("issued", "sign", roles.HEAD_OF_OFFICE),
]


def inspection_data(recommend=True, photos=()):
    return {
        "visit_date": datetime.date(2026, 11, 20),
        "officers": "Ir. Hendra Saputra (NIP 197805122005011003)\nRini Anggraeni, S.T.",
        "findings": [
            ("2 ruang kelas", "adequate", "Bersih, ventilasi baik"),
            ("15 mesin jahit", "adequate" if recommend else "missing", ""),
        ],
        "photos": list(photos),
        "conclusion": "Sarana memadai." if recommend else "Ruang praktik belum tersedia.",
        "recommendation": "recommend" if recommend else "not_recommend",
        "reasons": "Memenuhi standar sarana dan prasarana."
        if recommend
        else "Mesin jahit dan ruang praktik belum tersedia.",
    }


@pytest.fixture(autouse=True)
def english(settings):
    """Assertions read the English msgids; the portal's default language is Indonesian."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def checklist(db):
    return ensure_checklist()


@pytest.fixture
def staff(user_factory):
    """One user per office role (licensing roles and the others), keyed by role name."""
    every_role = [*roles.STAFF_ROLES, *roles.LICENSING_ROLES]
    return {
        role: user_factory(email=f"{role.lower().replace(' ', '.')}@dinas.test", roles=[role]) for role in every_role
    }


@pytest.fixture
def applicant(user_factory):
    return user_factory(email="pemohon@lkp.test")


@pytest.fixture
def draft(checklist, applicant):
    application = LicenceApplicationFactory(user=applicant, institution_name="LKP Tata Busana Melati")
    attach_documents(application)
    return application


@pytest.fixture
def submitted(draft, applicant):
    services.submit(draft, applicant)
    return draft


@pytest.fixture
def advance(staff):
    """Carry an application along the happy path up to ``state``."""

    def run(application, state, recommend=True):
        for _target, name, role in PATH:
            if application.state == state:
                break
            data = inspection_data(recommend) if name == "report_inspection" else {}
            if name == "sign" and not recommend:
                name = "sign_refusal"
            core.perform(application, name, staff[role], data=data)
            application.refresh_from_db()
        return application

    return run


@pytest.fixture
def sop_page(db):
    """The published SOP 001 page: its standards drive the clock (step 4 = 4 days)."""
    from wagtail.models import Page

    from sops.factories import SOPIndexPageFactory, SOPPageFactory, SOPStepFactory

    index = SOPIndexPageFactory(parent=Page.objects.get(depth=2))
    sop = SOPPageFactory(parent=index, procedure_code="course_licence", steps=[])
    times = [(30, "minutes"), (10, "minutes"), (10, "minutes"), (4, "days"), (10, "minutes")]
    times += [(5, "minutes"), (5, "minutes"), (5, "minutes"), (3, "minutes")]
    for number, (value, unit) in enumerate(times, start=1):
        SOPStepFactory(page=sop, number=number, sort_order=number, time_value=Decimal(value), time_unit=unit)
    sop.save_revision().publish()
    return sop
