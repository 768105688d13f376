"""A person's certificates for "download my data" and erasure (UU PDP).

Issued certificates are public records: after erasure they stay verifiable by their code with
the masked name only (``mask_name``); the PDF, which prints the full name, is deleted.
"""

import os

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.hooks import PersonalDataSource
from privacy.cases import delete_file


def _certificates(user):
    from certificates.models import Certificate

    return Certificate.objects.filter(enrolment__participant__user=user).order_by("issued_at")


def export(user):
    records, files = [], []
    for certificate in _certificates(user):
        records.append(
            {
                "number": certificate.number,
                "name": certificate.holder_name,
                "class": certificate.course_title,
                "first_day": certificate.start_date,
                "last_day": certificate.end_date,
                "status": str(certificate.status_label),
                "issued_at": certificate.issued_at,
                "verification_code": certificate.verification_code,
            }
        )
        if certificate.pdf:
            files.append((f"{certificate.pk}-{os.path.basename(certificate.pdf.name)}", certificate.pdf))
        else:
            from certificates.rendering import render_certificate

            files.append((f"{certificate.number.replace('/', '-')}.pdf", render_certificate(certificate)))
    return records, files


def erase(user):
    from certificates.models import mask_name

    count = 0
    for certificate in _certificates(user):
        certificate.holder_name = mask_name(certificate.holder_name)
        delete_file(certificate, "pdf")
        certificate.save(update_fields=["holder_name", "pdf"])
        count += 1
    return [gettext("%(count)d certificates kept verifiable with the masked name") % {"count": count}]


def source():
    return PersonalDataSource(key="certificates", title=_("Certificates"), export=export, erase=erase, order=20)
