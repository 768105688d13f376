"""The Kepala Bidang publishes training materials only, not the whole site (issue 14).

Migration 0003 gave the Kepala Bidang "publish" on the root page so the material review
workflow could publish the approved material; publish on the root also let the role unpublish
the home page with everything below it and set privacy on any page. The workflow only needs
it where materials live: the class catalogue and the material library (``courses.permissions``
grants it on every new catalogue or library page as well).
"""

from django.db import migrations

from accounts import roles
from courses.permissions import grant_material_publishing


def restrict(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission.objects.filter(
        group__name=roles.HEAD_OF_UNIT, page__depth=1, permission__codename="publish_page"
    ).delete()
    for model in ("courseindexpage", "materialindexpage"):
        content_type = ContentType.objects.filter(app_label="courses", model=model).first()
        if content_type is None:
            continue
        for page_id in Page.objects.filter(content_type=content_type).values_list("pk", flat=True):
            grant_material_publishing(
                page_id,
                Group=Group,
                Permission=Permission,
                ContentType=ContentType,
                GroupPagePermission=GroupPagePermission,
            )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0009_material_review"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(restrict, migrations.RunPython.noop)]
