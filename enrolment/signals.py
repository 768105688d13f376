"""Signals other apps listen to (the certificates app issues certificates on completion)."""

import django.dispatch

#: ``send(sender=Enrolment, enrolment=e)`` after the commit that set ``result`` to passed or failed.
enrolment_completed = django.dispatch.Signal()
