"""Resource-person requests a person sent (matched by their confirmed email address), for UU PDP."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.hooks import PersonalDataSource, RetentionRule
from privacy.cases import case_files, case_record, delete_file


def _requests(user):
    from trainer_requests.models import TrainerRequest

    return TrainerRequest.objects.filter(applicant_email__iexact=user.email).exclude(email_confirmed_at=None)


def export(user):
    records, files = [], []
    for item in _requests(user).exclude(tracking_number=None):
        records.append(case_record(item, user))
        files += case_files(item, item.tracking_number)
    return records, files


def erase(user):
    count = 0
    for item in _requests(user):
        # The organisation's request and its letter stay in the archive; the contact person does not.
        item.applicant_name = gettext("(erased)")
        item.phone = ""
        item.save(update_fields=["applicant_name", "phone"])
        count += 1
    return [gettext("contact person removed from %(count)d requests") % {"count": count}]


def source():
    return PersonalDataSource(
        key="resource_person_requests", title=_("Resource-person requests"), export=export, erase=erase, order=40
    )


def expired_unconfirmed(cutoff):
    from trainer_requests.models import TrainerRequest

    return TrainerRequest.objects.filter(state="unconfirmed", email_confirmed_at=None, created_at__lt=cutoff)


def purge_unconfirmed(item):
    delete_file(item, "letter")
    for photo in item.photos.all():
        photo.image.delete(save=False)
    item.delete()


def rules():
    return [
        RetentionRule(
            key="trainer_requests.unconfirmed",
            record_type=_("Unconfirmed resource-person requests"),
            collected=_("Organisation, contact person, phone, email, address, event details and request letter"),
            purpose=_("Confirming the email address before the request enters the queue (SOP 001)"),
            who_sees=_("Nobody until the address is confirmed"),
            default_days=7,
            after=_("after sending, when the email address was never confirmed"),
            expired=expired_unconfirmed,
            purge=purge_unconfirmed,
            describe=lambda r: f"{r._meta.verbose_name} #{r.pk} ({r.created_at:%Y-%m-%d})",
        )
    ]
