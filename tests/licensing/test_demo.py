import io

import pytest

from django.urls import reverse

from licensing.models import Licence, LicenceApplication
from licensing.procedure import PROCEDURE

pytestmark = pytest.mark.django_db


def test_demo_covers_every_step_and_is_idempotent(client):
    from accounts import demo as accounts_demo
    from licensing import demo
    from procedures import demo as procedures_demo

    out = io.StringIO()
    accounts_demo.load(out)
    procedures_demo.load(out)
    demo.load(out)
    demo.load(out)
    states = set(LicenceApplication.objects.values_list("state", flat=True))
    assert states == {step.state for step in PROCEDURE.steps}
    assert LicenceApplication.objects.filter(institution_name="LKP Cahaya Mandiri").count() == 1
    melati = LicenceApplication.objects.get(institution_name="LKP Tata Busana Melati")
    assert [e.transition for e in melati.events()][:3] == ["submit", "refuse_file", "resubmit"]
    assert Licence.objects.valid().filter(institution_name="LKP Cahaya Mandiri").exists()
    assert sum(application.is_overdue for application in LicenceApplication.objects.all()) >= 2

    assert "LKP Cahaya Mandiri" in client.get(reverse("licensing:register")).content.decode()
    from accounts.models import User

    client.force_login(User.objects.get(email="backoffice@demo.test"))
    response = client.get(reverse("licence-applications:index"))
    assert response.status_code == 200 and "LKP Komputer Akbar" in response.content.decode()
    for application in LicenceApplication.objects.exclude(tracking_number=None):
        assert client.get(reverse("licence-applications:inspect", args=[application.pk])).status_code == 200
