"""A certificate template's category is the shared ``categories.Category`` (same table, same rows)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("categories", "0001_category_from_courses"),
        ("certificates", "0002_role_permissions"),
    ]
    run_before = [("courses", "0006_shared_categories_and_trainer_pages"), ("categories", "0002_category_table")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="certificatetemplate",
                    name="category",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="certificate_templates", to="categories.category", verbose_name="for the category"),
                ),
            ],
            database_operations=[],
        ),
    ]
