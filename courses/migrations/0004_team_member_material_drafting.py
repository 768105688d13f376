"""Anggota Tim Kerja draft training materials (SOP "Penyiapan Bahan/Materi Diklat", step 2).

They get "add" and "change" page permissions (not "publish") on every class catalogue and
material library that exists, and may upload and choose documents for the attachments.
Catalogue and library pages created later get the same grant when they are created
(``courses.permissions.grant_on_new_index``). The hooks in ``courses.wagtail_hooks`` keep
them to material pages; publication happens only through the review workflow of 0003.
"""

from django.db import migrations

from accounts import roles
from courses.permissions import DRAFTING_DOCUMENT_PERMISSIONS, DRAFTING_PAGE_PERMISSIONS, grant_material_drafting


def grant(apps, schema_editor):
    models = {
        "Group": apps.get_model("auth", "Group"),
        "Permission": apps.get_model("auth", "Permission"),
        "ContentType": apps.get_model("contenttypes", "ContentType"),
        "GroupPagePermission": apps.get_model("wagtailcore", "GroupPagePermission"),
    }
    for model_name in ("CourseIndexPage", "MaterialIndexPage"):
        for page_id in apps.get_model("courses", model_name).objects.values_list("pk", flat=True):
            grant_material_drafting(page_id, **models)

    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        group, _created = models["Group"].objects.get_or_create(name=roles.TEAM_MEMBER)
        document_type, _created = models["ContentType"].objects.get_or_create(
            app_label="wagtaildocs", model="document"
        )
        for codename in DRAFTING_DOCUMENT_PERMISSIONS:
            permission, _created = models["Permission"].objects.get_or_create(
                content_type=document_type, codename=codename, defaults={"name": codename.replace("_", " ")}
            )
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )


def revoke(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        group__name=roles.TEAM_MEMBER,
        permission__codename__in=DRAFTING_PAGE_PERMISSIONS,
        page__content_type__app_label="courses",
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0003_material_review_workflow"),
        ("accounts", "0002_roles"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
