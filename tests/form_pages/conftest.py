import pytest

from django.core.cache import cache

from wagtail.models import Site

from form_pages.factories import FormPageFactory, add_fields


@pytest.fixture(autouse=True)
def clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def upload_form(home):
    page = FormPageFactory(
        parent=home,
        title="Daftar Minat Kelas",
        slug="daftar-minat",
        to_address="kantor@contoh.test",
        subject="Minat kelas baru",
        confirmation_text="Kami kabari saat kelas dibuka.",
    )
    return add_fields(
        page,
        [
            ("Nama lengkap", "singleline", True, ""),
            ("Email", "email", True, ""),
            ("Pesan", "multiline", False, ""),
            ("Contoh karya", "file", False, ""),
        ],
    )


@pytest.fixture
def pdf_bytes():
    from courses.factories import minimal_pdf

    return minimal_pdf("Portofolio")
