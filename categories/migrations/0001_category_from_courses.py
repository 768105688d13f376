"""``Category`` moves here from ``courses`` with its table, rows, permissions and search index.

The model only changes app in Django's state: the table ``courses_category`` and its rows stay
as they are (``0002`` renames the table once every app points here). The content type is
renamed rather than recreated, so the roles' permissions on categories, the search index and
the log entries keep following the same rows.
"""

import django.db.models.deletion
import modelsearch.index
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    _rename_content_type(apps, schema_editor, "courses", "categories")


def move_content_type_back(apps, schema_editor):
    _rename_content_type(apps, schema_editor, "categories", "courses")


def _rename_content_type(apps, schema_editor, old_label, new_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    old = ContentType.objects.using(db).filter(app_label=old_label, model="category").first()
    if old is None:
        return
    new = ContentType.objects.using(db).filter(app_label=new_label, model="category").first()
    if new is None:
        old.app_label = new_label
        old.save(update_fields=["app_label"])
    else:
        # Both exist (a content type was created early): keep the permissions the roles hold.
        taken = set(Permission.objects.using(db).filter(content_type=new).values_list("codename", flat=True))
        Permission.objects.using(db).filter(content_type=old).exclude(codename__in=taken).update(content_type=new)
    ContentType.objects.clear_cache()


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("courses", "0004_team_member_material_drafting"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Category",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        ("name", models.CharField(max_length=100, unique=True, verbose_name="name")),
                        ("slug", models.SlugField(max_length=100, unique=True, verbose_name="slug")),
                        ("description", models.TextField(blank=True, verbose_name="description")),
                        (
                            "icon",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtailimages.image",
                                verbose_name="icon or image",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "category",
                        "verbose_name_plural": "categories",
                        "ordering": ["name"],
                        "db_table": "courses_category",
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
