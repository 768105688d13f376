"""Automatic issue: a certificate as soon as a participant's result becomes *lulus*."""

import logging

from django.dispatch import receiver

from enrolment.signals import enrolment_completed

logger = logging.getLogger(__name__)


@receiver(enrolment_completed, dispatch_uid="certificates.issue_on_completion")
def issue_on_completion(sender, enrolment, **kwargs):
    from certificates.services import issue_certificate

    if enrolment.result != enrolment.Result.PASSED:
        return
    try:
        issue_certificate(enrolment)
    except Exception:
        # The result is already committed; staff can issue from the class screen, so a rendering
        # or mail problem here must not turn the instructor's evaluation into an error page.
        logger.exception("Automatic certificate issue failed for enrolment %s", enrolment.pk)
