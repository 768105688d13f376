"""Factories for editor-built form pages, shared by tests and the demo loader."""

import factory
import wagtail_factories

from django.utils.text import slugify

from form_pages.models import FormField, FormPage


class FormPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Formulir {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    introduction = "<p>Isi formulir berikut.</p>"
    thank_you_text = "<p>Terima kasih, formulir Anda sudah kami terima.</p>"
    confirmation_text = "Petugas kami akan menghubungi Anda pada jam kerja."
    retention_days = 365

    class Meta:
        model = FormPage


class FormFieldFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(FormPageFactory)
    label = factory.Sequence(lambda n: f"Isian {n}")
    field_type = "singleline"
    required = True

    class Meta:
        model = FormField


def add_fields(page, fields):
    """``fields``: ``(label, field_type, required, choices)`` tuples, added in order."""
    for order, (label, field_type, required, choices) in enumerate(fields):
        FormField.objects.create(
            page=page, sort_order=order, label=label, field_type=field_type, required=required, choices=choices
        )
    return page


def contact_fields():
    return [
        ("Nama lengkap", "singleline", True, ""),
        ("Email", "email", True, ""),
        ("Pesan", "multiline", True, ""),
    ]
