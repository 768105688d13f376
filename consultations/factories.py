import factory

from accounts.factories import UserFactory
from consultations.models import Consultation
from procedures.factories import CaseFactory


class ConsultationFactory(CaseFactory):
    """A draft consultation; submit it with ``procedures.services.perform(c, "submit", c.user)``."""

    class Meta:
        model = Consultation

    user = factory.SubFactory(UserFactory)
    applicant_name = factory.LazyAttribute(lambda o: o.user.get_full_name() or "Peserta Alumni")
    applicant_email = factory.LazyAttribute(lambda o: o.user.email)
    phone = "081234567890"
    training = "Pembukuan Sederhana UMKM"
    subject = "Mencatat piutang pelanggan"
    question = "Bagaimana mencatat pelanggan yang membayar dengan tempo dua minggu?"
