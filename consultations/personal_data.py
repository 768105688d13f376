"""A person's consultations for "download my data" and erasure (UU PDP)."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.hooks import PersonalDataSource
from privacy.cases import case_files, case_record, delete_file


def _consultations(user):
    from consultations.models import Consultation

    return Consultation.objects.filter(user=user)


def export(user):
    records, files = [], []
    for item in _consultations(user).exclude(tracking_number=None):
        records.append(case_record(item, user))
        files += case_files(item, item.tracking_number)
    return records, files


def erase(user):
    deleted = 0
    for item in _consultations(user):
        deleted += delete_file(item, "attachment")
        item.applicant_name = gettext("(erased)")
        item.phone = ""
        item.save(update_fields=["attachment", "applicant_name", "phone"])
    return [gettext("consultations anonymised, %(count)d uploads deleted") % {"count": deleted}]


def source():
    return PersonalDataSource(key="consultations", title=_("Consultations"), export=export, erase=erase, order=50)
