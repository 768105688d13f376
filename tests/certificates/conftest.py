import datetime

import pytest

from django.conf import settings
from django.utils import timezone

from wagtail.models import Locale, Page, Site

from categories.factories import CategoryFactory
from certificates.factories import CertificateTemplateFactory, passed_enrolment
from courses.factories import CourseIndexPageFactory, CoursePageFactory, CourseSessionFactory


@pytest.fixture
def catalogue(db):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:  # an earlier transactional test flushed the data the migrations created
        from wagtail.coreutils import get_supported_content_language_variant

        Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
        home = root.add_child(instance=Page(title="Beranda", slug="beranda"))
        site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    return CourseIndexPageFactory(parent=site.root_page.specific)


@pytest.fixture
def category(db):
    return CategoryFactory(name="Seni Tari", slug="seni-tari")


@pytest.fixture
def course(catalogue, category):
    """A finished two-day class with 3 + 3 hours of agenda."""
    start = timezone.localdate() - datetime.timedelta(days=10)
    course = CoursePageFactory(
        parent=catalogue,
        title="Tari Gandrung untuk Pemula",
        category=category,
        cohort="Angkatan II",
        start_date=start,
        end_date=start + datetime.timedelta(days=1),
    )
    for day in (start, start + datetime.timedelta(days=1)):
        CourseSessionFactory(page=course, date=day, start_time=datetime.time(8), end_time=datetime.time(11))
    return course


@pytest.fixture
def default_template(db):
    return CertificateTemplateFactory(name="Default", is_default=True)


@pytest.fixture
def enrolment(course, default_template):
    return passed_enrolment(course)


@pytest.fixture
def make_enrolment(course, default_template):
    def make(**kwargs):
        return passed_enrolment(course, **kwargs)

    return make
