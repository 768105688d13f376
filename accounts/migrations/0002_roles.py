"""Create the office roles as groups so every installation has them, with their base rights.

Each flow app grants its own model permissions to these roles in its own migrations.
"""

from django.db import migrations

from accounts import roles

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    for name in roles.STAFF_ROLES + roles.LICENSING_ROLES:
        roles.grant_admin_access(apps, name)

    editor = Group.objects.get(name=roles.EDITOR)
    root = Page.objects.filter(depth=1).first()
    page_ct, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    if root:
        for codename in EDITOR_PAGE_PERMISSIONS:
            permission, _created = Permission.objects.get_or_create(
                content_type=page_ct, codename=codename, defaults={"name": codename.replace("_", " ")}
            )
            GroupPagePermission.objects.get_or_create(group=editor, page=root, permission=permission)

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection:
        for app_label, codenames in COLLECTION_PERMISSIONS.items():
            model = "image" if app_label == "wagtailimages" else "document"
            ct, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
            for codename in codenames:
                permission, _created = Permission.objects.get_or_create(
                    content_type=ct, codename=codename, defaults={"name": codename.replace("_", " ")}
                )
                GroupCollectionPermission.objects.get_or_create(
                    group=editor, collection=root_collection, permission=permission
                )
    # Editors also maintain the office identity shown in the header and footer.
    roles.grant_model_permissions(apps, roles.EDITOR, "portal", "OfficeSettings", actions=("change",))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=roles.STAFF_ROLES + roles.LICENSING_ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("portal", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
