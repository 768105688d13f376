"""Factories for alumni stories, shared by tests and the demo loader."""

import factory

from django.utils import timezone

from stories.models import AlumniStory


class AlumniStoryFactory(factory.django.DjangoModelFactory):
    """A story about a completed enrolment (pass ``enrolment=``; its participant needs an account)."""

    author = factory.LazyAttribute(lambda o: o.enrolment.participant.user)
    course = factory.LazyAttribute(lambda o: o.enrolment.course)
    display_name = factory.LazyAttribute(lambda o: o.enrolment.participant.full_name.split()[0])
    story = "Setelah kelas ini saya mulai menerima pesanan dari tetangga dan toko oleh-oleh."
    consent_at = factory.LazyFunction(timezone.now)
    status = AlumniStory.Status.SUBMITTED

    class Meta:
        model = AlumniStory
