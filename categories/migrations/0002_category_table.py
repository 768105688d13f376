"""The moved table takes the app's name once every model points at ``categories.Category``.

The apps whose models refer to categories run their switch (``run_before`` this migration), so
on a fresh database every table that refers to ``courses_category`` exists before the rename, and
the database carries the references over to ``categories_category``.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("categories", "0001_category_from_courses")]

    operations = [migrations.AlterModelTable(name="category", table=None)]
