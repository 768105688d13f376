"""What the licence SOP's transitions do besides moving the case (declared in ``licensing/procedure.py``).

Each function runs inside its transition's transaction with the :class:`procedures.services.Move`
being applied, so a refused check (a missing document, a refused item without a reason) undoes
the step as well.
"""

from licensing import services


def check_submission(application, move):
    """Step 1: every required document is uploaded and none is still refused."""
    services.check_ready(application)


def accept_file(application, move):
    """Step 2, front office: the file is complete; every document is accepted."""
    services.accept_all_documents(application, move.event, move.actor)


def refuse_file(application, move):
    """Step 2, front office: the file goes back with a verdict and reason per document."""
    services.record_verdicts(application, move.data.get("verdicts") or {}, move.event, move.actor)


def report_inspection(application, move):
    """Step 4, technical office: the field inspection report (BAP) and the recommendation."""
    services.record_inspection(application, move.data, move.actor)


def draft_decree(application, move):
    """Step 5, back office: the draft decree."""
    services.record_decree_draft(application, move.data)


def sign(application, move):
    """Step 8, head of office: the signed licence decree (SK) and the licence in the public register."""
    services.issue_decree(application, move.actor)


def sign_refusal(application, move):
    """Step 8 when not recommended: the signed refusal letter."""
    services.issue_refusal(application, move.actor)
