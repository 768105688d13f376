"""How long the regions' nominations are kept (UU PDP): candidates who never became participants.

A candidate who was enrolled lives on as the enrolment's participant profile (the enrolment app's
rule covers it); the nomination record itself, and every candidate not enrolled, is deleted a
period after the training ended.
"""

from django.utils.translation import gettext_lazy as _

from portal.hooks import RetentionRule


def expired_candidates(cutoff):
    from events.models import Candidate

    return Candidate.objects.filter(region__training__end_date__lt=cutoff.date()).select_related("region__training")


def purge_candidate(candidate):
    candidate.delete()


def rules():
    return [
        RetentionRule(
            key="events.candidate",
            record_type=_("Nominations of the regions (regional trainings)"),
            collected=_("Name, NIK, phone, email, position and agency of the candidates a region nominates"),
            purpose=_("Choosing the participants of a regional training (SOP 003 step 7) and enrolling them"),
            who_sees=_("The region's officer (its own candidates only, through its link); the office staff"),
            default_days=365,
            after=_("after the training ended"),
            expired=expired_candidates,
            purge=purge_candidate,
            describe=lambda c: f"{c._meta.verbose_name} #{c.pk} ({c.region.training.end_date:%Y-%m-%d})",
        )
    ]
