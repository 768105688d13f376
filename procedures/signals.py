"""Signals other apps listen to without the core importing them (the access log of personal data).

* ``case_viewed(sender=CaseModel, case, user)``: a staff member opened a case's detail screen.
* ``case_file_downloaded(sender=CaseModel, case, user, key)``: a staff member downloaded a private file.
"""

from django.dispatch import Signal

case_viewed = Signal()
case_file_downloaded = Signal()
