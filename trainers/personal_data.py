"""A person's trainer applications for "download my data", erasure and retention (UU PDP)."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.hooks import PersonalDataSource, RetentionRule
from privacy.cases import case_files, case_record, delete_file

IN_REVIEW = ("analysis", "verification", "recommendation", "decision", "correction")


def _applications(user):
    from trainers.models import TrainerApplication

    return TrainerApplication.objects.filter(user=user)


def export(user):
    records, files = [], []
    for application in _applications(user):
        if application.tracking_number is None:
            record = {"step": str(application.state_label), "created_at": application.created_at}
        else:
            record = case_record(application, user)
        record["nik"] = application.nik
        records.append(record)
        files += case_files(application, application.tracking_number or f"draft-{application.pk}")
    return records, files


def delete_uploads(application):
    deleted = sum(1 for name in ("photo", "cv") if delete_file(application, name))
    for certificate in application.certificates.all():
        certificate.file.delete(save=False)
        certificate.delete()
        deleted += 1
    application.save(update_fields=["photo", "cv"])
    return deleted


def erase(user):
    deleted = 0
    for application in _applications(user):
        deleted += delete_uploads(application)
        application.nik = ""
        application.phone = ""
        application.address = ""
        application.birth_date = None
        application.save(update_fields=["nik", "phone", "address", "birth_date"])
    return [gettext("trainer applications anonymised, %(count)d uploads deleted") % {"count": deleted}]


def legal_hold(user):
    if _applications(user).filter(state__in=IN_REVIEW).exists():
        return gettext("a trainer application is being reviewed")
    return ""


def source():
    return PersonalDataSource(
        key="trainer_applications",
        title=_("Trainer applications"),
        export=export,
        erase=erase,
        legal_hold=legal_hold,
        order=30,
    )


def expired_rejected_uploads(cutoff):
    from django.db.models import Q

    from trainers.models import TrainerApplication

    return (
        TrainerApplication.objects.filter(state="rejected", updated_at__lt=cutoff)
        .filter(~Q(photo="") | ~Q(cv="") | Q(certificates__isnull=False))
        .distinct()
    )


def rules():
    return [
        RetentionRule(
            key="trainers.rejected_uploads",
            record_type=_("Uploads of rejected trainer applications"),
            collected=_("Photo, CV and certificates uploaded with a trainer application"),
            purpose=_("Reviewing the application (SOP trainer registration) and answering an objection"),
            who_sees=_("The applicant; the reviewing officers, team lead and head of unit"),
            default_days=365,
            after=_("after the rejection"),
            expired=expired_rejected_uploads,
            purge=delete_uploads,
            describe=lambda a: f"{a._meta.verbose_name} {a.tracking_number} (uploads)",
        )
    ]
