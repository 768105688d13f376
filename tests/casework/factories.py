import factory

from accounts.factories import UserFactory
from procedures.factories import CaseFactory

from .models import Errand


class ErrandFactory(CaseFactory):
    class Meta:
        model = Errand

    user = factory.SubFactory(UserFactory)
    applicant_name = factory.LazyAttribute(lambda o: o.user.get_full_name() or "Pemohon Uji")
    applicant_email = factory.LazyAttribute(lambda o: o.user.email)
    phone = "081234567890"
    subject = "Mencatat piutang pelanggan"
    question = "Bagaimana mencatat pelanggan yang membayar dengan tempo dua minggu?"
