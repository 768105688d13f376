import io

import pytest

from accounts import roles
from accounts.demo import ensure_user
from trainer_requests import demo
from trainer_requests.factories import make_trainer
from trainer_requests.models import TrainerAssignment, TrainerRequest

pytestmark = pytest.mark.django_db


def test_demo_covers_every_step_and_is_idempotent(category):
    ensure_user("teknis@demo.test", "Agus", "Setiawan", roles.TECHNICAL_OFFICER)
    ensure_user("kabid@demo.test", "Bambang", "Hartono", roles.HEAD_OF_UNIT)
    ensure_user("kadis@demo.test", "M.Y.", "Bramuda", roles.HEAD_OF_OFFICE)
    narasumber = ensure_user("narasumber@demo.test", "Yohanes", "Kurniawan")
    make_trainer("Yohanes Kurniawan, S.E., M.M.", user=narasumber, expertise=[category])
    make_trainer("Dra. Luh Made Sari", expertise=[category])
    out = io.StringIO()
    demo.load(out)
    states = set(TrainerRequest.objects.values_list("state", flat=True))
    assert {"unconfirmed", "incoming", "received", "analysis", "decision", "letters", "trainer_confirmation"} <= states
    assert {"scheduled", "closed", "refused"} <= states
    waiting = TrainerAssignment.objects.get(
        trainer__user=narasumber, status="assigned", request__state="trainer_confirmation"
    )
    assert waiting.letter is not None
    override = TrainerAssignment.objects.get(conflict_override=True)
    assert override.override_reason and override.conflicts_at_assignment
    by_whatsapp = TrainerRequest.objects.get(state="received")
    assert by_whatsapp.received_via == "whatsapp" and by_whatsapp.registered_by.email == "teknis@demo.test"
    refused = TrainerRequest.objects.get(state="refused")
    assert refused.letters().filter(kind="trainer_request_refusal").exists()
    closed = TrainerRequest.objects.get(state="closed")
    assert closed.attendance_count and closed.photos.exists()
    count = TrainerRequest.objects.count()
    demo.load(out)
    assert TrainerRequest.objects.count() == count


def test_demo_without_demo_trainer_skips_gracefully(category):
    ensure_user("teknis@demo.test", "Agus", "Setiawan", roles.TECHNICAL_OFFICER)
    ensure_user("kabid@demo.test", "Bambang", "Hartono", roles.HEAD_OF_UNIT)
    ensure_user("kadis@demo.test", "M.Y.", "Bramuda", roles.HEAD_OF_OFFICE)
    out = io.StringIO()
    demo.load(out)
    assert "no published trainer page" in out.getvalue()
    assert TrainerRequest.objects.filter(state="decision").exists()
