"""A person's course-provider licence applications for "download my data" (UU PDP).

Licence files are official records kept under the archive rules: erasure leaves them (a legal
hold stops the automatic erasure; a superuser who confirms it knowingly erases the account only).
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.hooks import PersonalDataSource
from privacy.cases import case_files, case_record


def _applications(user):
    from licensing.models import LicenceApplication

    return LicenceApplication.objects.filter(user=user)


def export(user):
    records, files = [], []
    for item in _applications(user).exclude(tracking_number=None):
        records.append(case_record(item, user))
        files += case_files(item, item.tracking_number)
    return records, files


def legal_hold(user):
    if _applications(user).exclude(tracking_number=None).exists():
        return gettext("licence files are kept under the archive rules")
    return ""


def source():
    return PersonalDataSource(
        key="licence_applications", title=_("Licence applications"), export=export, legal_hold=legal_hold, order=60
    )
