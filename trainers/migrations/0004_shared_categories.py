"""Expertise and standard modules use the shared ``categories.Category`` (same table, same rows)."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("categories", "0001_category_from_courses"),
        ("trainers", "0003_role_permissions"),
    ]
    run_before = [("categories", "0002_category_table")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="standardmodule",
                    name="category",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="standard_modules",
                        to="categories.category",
                        verbose_name="category",
                    ),
                ),
                migrations.AlterField(
                    model_name="trainerapplication",
                    name="expertise",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="trainer_applications",
                        to="categories.category",
                        verbose_name="areas of expertise",
                    ),
                ),
                migrations.AlterField(
                    model_name="trainerpage",
                    name="expertise",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True, related_name="trainers", to="categories.category", verbose_name="areas of expertise"
                    ),
                ),
                migrations.AlterField(
                    model_name="trainerprofileupdate",
                    name="expertise",
                    field=models.ManyToManyField(
                        blank=True, related_name="+", to="categories.category", verbose_name="areas of expertise"
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
