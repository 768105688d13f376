"""The demo catalogue: enough classes in every category and phase, and every page renders."""

import io

import pytest

from django.utils import timezone

from wagtail import hooks
from wagtail.models import ReferenceIndex

from categories.models import Category
from courses.models import CourseIndexPage, CoursePage, MaterialPage
from portal.hooks import DEMO_CONTENT

pytestmark = pytest.mark.django_db

# The catalogue's loader and the loaders it runs after (accounts, home, sops, procedures);
# the later apps' loaders (trainers, enrolment, ...) are tested by their own apps.
LOADER_APPS = ("accounts", "home", "sops", "procedures", "courses")


def _load_catalogue_demo():
    out = io.StringIO()
    for loader in hooks.get_hooks(DEMO_CONTENT):
        if loader.__module__.split(".")[0] in LOADER_APPS:
            loader(out)


def test_demo_catalogue_has_classes_in_every_category_and_phase(client):
    _load_catalogue_demo()
    today = timezone.localdate()
    classes = list(CoursePage.objects.live().public().select_related("category"))

    assert len(classes) >= 12
    assert {course.category.slug for course in classes} == set(Category.objects.values_list("slug", flat=True))
    assert Category.objects.count() == 5
    assert any(course.end_date < today for course in classes)
    assert any(course.start_date <= today <= course.end_date for course in classes)
    assert any(course.start_date > today for course in classes)
    assert all(course.sessions.exists() for course in classes)
    assert any(course.total_minutes == 1215 for course in classes)  # the exact SOP 002 day
    assert MaterialPage.objects.live().filter(visibility=MaterialPage.Visibility.PUBLIC).exists()
    assert MaterialPage.objects.live().filter(visibility=MaterialPage.Visibility.PARTICIPANTS).exists()

    # The admin's "usage" of images and documents is known although the loader batches the updates.
    course = classes[0]
    assert ReferenceIndex.get_references_to(course.image).filter(object_id=str(course.pk)).exists()
    material = MaterialPage.objects.live().first()
    document = material.attachments.first().document
    assert ReferenceIndex.get_references_to(document).exists()

    catalogue = CourseIndexPage.objects.live().get()
    assert catalogue.url == "/kelas/"
    response = client.get("/kelas/")
    assert response.status_code == 200
    assert response.context["courses"].paginator.count == len(classes)
    for course in classes:
        assert client.get(course.url).status_code == 200, course.url

    # Loading again changes nothing.
    _load_catalogue_demo()
    assert CoursePage.objects.count() == len(classes)
    assert Category.objects.count() == 5
