from django.contrib.auth.signals import user_logged_in
from django.utils.translation import gettext as _

from procedures.signals import case_file_downloaded, case_viewed


def ask_consent_again(sender, request, user, **kwargs):
    from privacy import consent

    if request is not None and hasattr(request, "session") and consent.needs_consent_again(user):
        request.session[consent.SESSION_KEY] = True


def _case_person(case):
    from privacy.log import person

    return person(case.applicant_name or "", case.applicant_user, case.applicant_email or "")


def log_case_viewed(sender, case, user, **kwargs):
    from privacy.log import record

    what = _("Case %(number)s (%(procedure)s)") % {"number": case.tracking_number, "procedure": case.procedure.name}
    record(user, "view", what, [_case_person(case)])


def log_case_file(sender, case, user, key, **kwargs):
    from privacy.log import record

    what = _("File %(key)s of case %(number)s") % {"key": key, "number": case.tracking_number}
    record(user, "download", what, [_case_person(case)])


def connect():
    user_logged_in.connect(ask_consent_again, dispatch_uid="privacy-consent-again")
    case_viewed.connect(log_case_viewed, dispatch_uid="privacy-case-viewed")
    case_file_downloaded.connect(log_case_file, dispatch_uid="privacy-case-file")
