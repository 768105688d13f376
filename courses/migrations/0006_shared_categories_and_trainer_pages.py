"""Classes use the shared ``categories.Category`` and point at ``trainers.TrainerPage`` with real keys.

The category table is unchanged here (``categories.0001`` took the model over); the class
trainer and session keys now reference trainer pages instead of any page.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("categories", "0001_category_from_courses"),
        ("courses", "0005_trainer_links_only_to_trainer_pages"),
        ("trainers", "0004_shared_categories"),
    ]
    run_before = [("categories", "0002_category_table")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="coursepage",
                    name="category",
                    field=models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="courses",
                        to="categories.category",
                        verbose_name="category",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterField(
            model_name="coursesession",
            name="trainer",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="trainer_sessions",
                to="trainers.trainerpage",
                verbose_name="trainer",
            ),
        ),
        migrations.AlterField(
            model_name="coursetrainer",
            name="trainer",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="trainer_courses",
                to="trainers.trainerpage",
                verbose_name="trainer",
            ),
        ),
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="Category")]),
    ]
