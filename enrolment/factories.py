"""Factories for participants and enrolments, shared by the tests and the demo loader."""

import datetime

import factory

from enrolment.models import Choice, Enrolment, Participant, Question
from procedures.factories import CaseFactory

REGENCIES = ["Banyuwangi", "Jember", "Situbondo", "Bondowoso", "Lumajang"]


def make_nik(birth_date, female=False, serial=1, district="3510" + "01"):
    """A plausible NIK (Banyuwangi, district 01) for a birth date: what portal.nik accepts."""
    day = birth_date.day + (40 if female else 0)
    return f"{district}{day:02d}{birth_date.month:02d}{birth_date.year % 100:02d}{serial % 10000 or 1:04d}"


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    full_name = factory.Faker("name", locale="id_ID")
    email = factory.Sequence(lambda n: f"peserta{n}@contoh.test")
    gender = Participant.Gender.FEMALE
    birth_date = factory.Sequence(lambda n: datetime.date(1980 + n % 20, 1 + n % 12, 1 + n % 28))
    nik = factory.LazyAttributeSequence(
        lambda o, n: make_nik(o.birth_date, o.gender == Participant.Gender.FEMALE, serial=n + 1)
    )
    phone = "081234567890"
    address = "Jl. Diponegoro No. 5"
    regency = factory.Sequence(lambda n: REGENCIES[n % len(REGENCIES)])
    district = factory.Sequence(lambda n: ["Glagah", "Giri", "Kabat", "Genteng"][n % 4])
    education = Participant.Education.SMA
    occupation = "Pelaku UMKM"
    current_skills = "Menjahit dan menganyam dasar"
    training_needs = "Ingin belajar membuat produk bernilai jual"
    consent_at = factory.LazyFunction(lambda: datetime.datetime.now(datetime.UTC))


class EnrolmentFactory(CaseFactory):
    """A draft enrolment; move it with ``enrolment.services`` (submit, decide, ...)."""

    class Meta:
        model = Enrolment

    participant = factory.SubFactory(ParticipantFactory)


def question_bank(course, items):
    """``items``: [(text, [choices], index of the correct one)]."""
    questions = []
    for order, (text, choices, correct) in enumerate(items):
        question = Question.objects.filter(course=course, text=text).first()
        if question is None:
            question = Question(course=course, text=text, sort_order=order)
            for index, choice in enumerate(choices):
                question.choices.add(Choice(text=choice, is_correct=index == correct, sort_order=index))
            question.save()
        questions.append(question)
    return questions
