import threading

import pytest

from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from categories.factories import CategoryFactory
from certificates import services
from certificates.factories import CertificateTemplateFactory, passed_enrolment
from certificates.models import Certificate, CertificateTemplate
from courses.factories import CoursePageFactory
from enrolment.models import Enrolment
from enrolment.signals import enrolment_completed
from procedures.numbering import ROMAN_MONTHS

pytestmark = pytest.mark.django_db


def test_completion_signal_issues_once(make_enrolment, user_factory, django_capture_on_commit_callbacks):
    enrolment = make_enrolment(user=user_factory(email="ayu@contoh.test"))
    with django_capture_on_commit_callbacks(execute=True):
        enrolment_completed.send(sender=Enrolment, enrolment=enrolment)
        enrolment_completed.send(sender=Enrolment, enrolment=enrolment)
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.is_valid
    assert certificate.holder_name == enrolment.participant.full_name
    assert certificate.course_title == "Tari Gandrung untuk Pemula"
    assert certificate.hours == 6 and certificate.cohort == "Angkatan II" and certificate.category_name == "Seni Tari"
    assert [m.to for m in mail.outbox] == [[enrolment.participant.email]]
    assert certificate.get_download_url() in mail.outbox[0].body
    assert certificate.verification_code in mail.outbox[0].body


def test_failed_result_gets_no_certificate(enrolment):
    Enrolment.objects.filter(pk=enrolment.pk).update(result=Enrolment.Result.FAILED)
    enrolment.refresh_from_db()
    enrolment_completed.send(sender=Enrolment, enrolment=enrolment)
    assert not Certificate.objects.exists()
    with pytest.raises(services.CertificateError):
        services.issue_certificate(enrolment)


def test_database_refuses_a_second_valid_certificate(enrolment):
    certificate, created = services.issue_certificate(enrolment)
    assert created
    again, created = services.issue_certificate(enrolment)
    assert again == certificate and not created
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            enrolment=enrolment,
            number="X",
            verification_code="X",
            holder_name="X",
            course_title="X",
            issued_at=certificate.issued_at,
        )


def test_numbers_follow_the_pattern_and_are_unique(make_enrolment):
    certificates = [services.issue_certificate(make_enrolment(full_name=f"Peserta {i}"))[0] for i in range(5)]
    numbers = [c.number for c in certificates]
    assert len(set(numbers)) == 5
    first = certificates[0]
    month = ROMAN_MONTHS[first.issued_at.astimezone().month - 1]
    seqs = [int(n.split("/")[0]) for n in numbers]
    assert seqs == list(range(seqs[0], seqs[0] + 5))
    assert numbers[0].endswith(f"/KK/DISBUDPAR/{month}/{first.issued_at.astimezone().year}")
    assert len({c.verification_code for c in certificates}) == 5


def test_template_resolution_class_then_category_then_default(course, category, default_template, catalogue):
    assert CertificateTemplate.objects.for_course(course) == default_template
    by_category = CertificateTemplateFactory(name="Tari", category=category)
    assert CertificateTemplate.objects.for_course(course) == by_category
    by_class = CertificateTemplateFactory(name="Gandrung", course=course)
    assert CertificateTemplate.objects.for_course(course) == by_class
    other = CoursePageFactory(parent=catalogue, category=CategoryFactory(name="Kriya", slug="kriya"))
    assert CertificateTemplate.objects.for_course(other) == default_template


def test_issue_uses_the_resolved_template(enrolment, category):
    template = CertificateTemplateFactory(name="Tari", category=category, number_pattern="{seq:04d}/TARI/{year}")
    certificate, _created = services.issue_certificate(enrolment)
    assert certificate.template == template
    assert certificate.number.startswith("0001/TARI/") or "/TARI/" in certificate.number


@pytest.mark.parametrize(
    "body, ok",
    [
        (
            "Atas {course_title} pada {start_date} s.d. {end_date}, {hours} jam, {grade} {score} {cohort} {category}",
            True,
        ),
        ("Untuk {participant_name}", True),
        ("Untuk {nama_peserta}", False),
        ("Untuk {course_title.__class__}", False),
        ("Kurung { kosong", False),
    ],
)
def test_body_placeholders_are_validated(body, ok):
    template = CertificateTemplate(name="Uji", body=body)
    if ok:
        template.full_clean()
    else:
        with pytest.raises(ValidationError) as error:
            template.full_clean()
        assert "body" in error.value.message_dict


def test_template_rules(course, default_template, category):
    with pytest.raises(ValidationError) as error:
        CertificateTemplate(name="Dua", is_default=True).full_clean()
    assert "is_default" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        CertificateTemplate(name="Pola", number_pattern="KK/{year}").full_clean()
    assert "number_pattern" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        CertificateTemplate(name="Penanda", use_office_signer=False).full_clean()
    assert "signer_name" in error.value.message_dict


def test_reissue_keeps_history(enrolment, user_factory):
    officer = user_factory()
    old, _created = services.issue_certificate(enrolment)
    new = services.reissue(old, officer, "Salah ketik nama", holder_name="Ni Luh Putu Ayu Saraswati Devi")
    old.refresh_from_db()
    assert old.status == Certificate.Status.REPLACED and old.replacement == new
    assert new.replaces == old and new.is_valid and new.number != old.number
    assert new.holder_name == "Ni Luh Putu Ayu Saraswati Devi"
    assert list(Certificate.objects.filter(enrolment=enrolment).order_by("pk")) == [old, new]
    with pytest.raises(services.CertificateError):
        services.reissue(old, officer, "lagi")


def test_revoke_needs_a_reason(enrolment, user_factory):
    certificate, _created = services.issue_certificate(enrolment)
    with pytest.raises(services.CertificateError):
        services.revoke(certificate, None, " ")
    assert services.revoke(certificate, user_factory(), "Peserta tidak memenuhi syarat")
    assert certificate.status == Certificate.Status.REVOKED
    assert not services.revoke(certificate, None, "lagi")


@pytest.mark.postgres
@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="Row locks (SELECT ... FOR UPDATE) need PostgreSQL; SQLite serialises writers instead.",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_issue_gives_unique_numbers_and_one_certificate_per_enrolment(course, default_template):
    enrolments = [passed_enrolment(course, full_name=f"Peserta {i}") for i in range(8)]
    # Every enrolment is issued twice at the same moment: 16 threads.
    targets = enrolments + enrolments
    barrier = threading.Barrier(len(targets))
    errors = []

    def issue(enrolment):
        try:
            barrier.wait()
            services.issue_certificate(enrolment, notify=False)
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue, args=(e,)) for e in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    certificates = list(Certificate.objects.all())
    assert len(certificates) == 8
    assert len({c.number for c in certificates}) == 8
    assert {c.enrolment_id for c in certificates} == {e.pk for e in enrolments}


def test_the_pdf_is_rendered_and_stored_when_the_issue_commits(course, django_capture_on_commit_callbacks):
    enrolment = passed_enrolment(course, full_name="Ni Luh Putu Ayu Saraswati")
    with django_capture_on_commit_callbacks(execute=True):
        certificate, created = services.issue_certificate(enrolment, notify=False)
    certificate.refresh_from_db()
    assert created and certificate.pdf.name.endswith(".pdf")
    with certificate.pdf.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
