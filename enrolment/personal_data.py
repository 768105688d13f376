"""What the enrolment app holds about a person, for "download my data", erasure and retention (UU PDP)."""

import datetime

from django.db.models import Max
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.hooks import PersonalDataSource, RetentionRule
from privacy.cases import case_files, case_record, delete_file

PROFILE_FIELDS = (
    "full_name",
    "email",
    "nik",
    "birth_date",
    "gender",
    "phone",
    "address",
    "regency",
    "district",
    "education",
    "occupation",
    "disability",
    "current_skills",
    "training_needs",
    "consent_at",
    "created_at",
    "updated_at",
)
#: Steps during which the class still needs the person's data (a legal hold on automatic erasure).
ONGOING = ("verification", "correction", "waitlisted", "accepted", "attending", "evaluation")


def _participant(user):
    from enrolment.models import Participant

    return Participant.objects.filter(user=user).first()


def export(user):
    participant = _participant(user)
    if participant is None:
        return {}, []
    profile = {name: getattr(participant, name) for name in PROFILE_FIELDS}
    enrolments, files = [], []
    for enrolment in participant.enrolments.exclude(tracking_number=None).select_related("course"):
        record = case_record(enrolment, user)
        pre, post = enrolment.test_scores
        record.update(
            {
                "class": enrolment.course.title,
                "attendance": [
                    {"session": str(a.session), "status": a.get_status_display(), "recorded_at": a.recorded_at}
                    for a in enrolment.attendances.select_related("session")
                ],
                "pre_test": pre,
                "post_test": post,
                "final_score": enrolment.final_score,
                "result": enrolment.get_result_display() if enrolment.result else "",
                "feedback": enrolment.feedback,
            }
        )
        enrolments.append(record)
        files += case_files(enrolment, enrolment.tracking_number)
    return {"profile": profile, "enrolments": enrolments}, files


def erased_nik(participant):
    """A placeholder that keeps the unique column unique and is no one's NIK (not 16 digits)."""
    return f"X{participant.pk:015d}"[:16]


def anonymise(participant):
    """No NIK, phone, address, contact or free text left; year of birth, gender and regency stay for statistics."""
    participant.full_name = gettext("(erased participant)")
    participant.email = ""
    participant.nik = erased_nik(participant)
    participant.phone = ""
    participant.address = ""
    participant.birth_date = datetime.date(participant.birth_date.year, 1, 1)
    participant.occupation = ""
    participant.disability = ""
    participant.current_skills = ""
    participant.training_needs = ""
    participant.user = None
    participant.save()


def erase(user):
    participant = _participant(user)
    if participant is None:
        return []
    deleted = 0
    for enrolment in participant.enrolments.all():
        if delete_file(enrolment, "work_photo"):
            deleted += 1
        enrolment.motivation = ""
        enrolment.save(update_fields=["work_photo", "motivation"])
    anonymise(participant)
    return [gettext("participant profile anonymised, %(count)d uploads deleted") % {"count": deleted}]


def legal_hold(user):
    participant = _participant(user)
    if participant and participant.enrolments.filter(state__in=ONGOING).exists():
        return gettext("a class is still in progress")
    return ""


def source():
    return PersonalDataSource(
        key="classes", title=_("Classes"), export=export, erase=erase, legal_hold=legal_hold, order=10
    )


# --- Retention --------------------------------------------------------------------------------


def expired_participants(cutoff):
    """Profiles whose last class ended before ``cutoff`` and that are not anonymised yet."""
    from enrolment.models import Participant

    return (
        Participant.objects.exclude(nik__startswith="X")
        .annotate(last_class=Max("enrolments__course__end_date"))
        .filter(last_class__lt=cutoff.date())
        .exclude(enrolments__state__in=ONGOING)
        .distinct()
    )


def purge_participant(participant):
    for enrolment in participant.enrolments.all():
        delete_file(enrolment, "work_photo")
        enrolment.motivation = ""
        enrolment.save(update_fields=["work_photo", "motivation"])
    anonymise(participant)


def rules():
    return [
        RetentionRule(
            key="enrolment.participant",
            record_type=_("Participant profile (NIK and contact data)"),
            collected=_(
                "Name, NIK, date of birth, gender, phone, email, address, education, occupation, "
                "accommodation needs, skills and training needs; attendance, test scores and evaluation"
            ),
            purpose=_("Verifying registrations (SOP 000), running the class, issuing certificates and statistics"),
            who_sees=_(
                "The person; the admin officer (full NIK, to verify it); the class's instructors (name, "
                "accommodation, attendance and scores; NIK and phone masked)"
            ),
            default_days=5 * 365,
            after=_("after the last class"),
            expired=expired_participants,
            purge=purge_participant,
            describe=lambda p: f"{p._meta.verbose_name} #{p.pk} (last class {p.last_class:%Y-%m-%d})",
        )
    ]
