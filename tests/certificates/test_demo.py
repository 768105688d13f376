import io

import pytest

from certificates import demo
from certificates.factories import passed_enrolment
from certificates.models import Certificate, CertificateTemplate

pytestmark = pytest.mark.django_db


def test_demo_loader_is_idempotent(course, user_factory):
    peserta = user_factory(email="peserta@demo.test")
    user_factory(email="petugas@demo.test")
    passed_enrolment(course, full_name="Peserta Demo", user=peserta)
    for name in ("Ayu Lestari", "bagus prasetyo", "Citra Dewi"):
        passed_enrolment(course, full_name=name)
    demo.load(io.StringIO())
    after_first = sorted(Certificate.objects.values_list("number", "revoked_reason", "replaces_id"))
    demo.load(io.StringIO())
    assert sorted(Certificate.objects.values_list("number", "revoked_reason", "replaces_id")) == after_first
    assert CertificateTemplate.objects.filter(is_default=True).count() == 1
    assert CertificateTemplate.objects.filter(category=course.category).count() == 1
    # Four passed: one revoked (no valid certificate left), one re-issued (replaced by a new one).
    assert Certificate.objects.valid().count() == 3
    assert Certificate.objects.filter(revoked_reason=demo.REVOKED_REASON).count() == 1
    replaced = Certificate.objects.get(revoked_reason=demo.REISSUE_REASON)
    assert replaced.status == Certificate.Status.REPLACED
    assert Certificate.objects.valid().filter(enrolment__participant__user=peserta).exists()
