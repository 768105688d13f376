"""Before class trainers point at ``trainers.TrainerPage`` with a real key: drop links to other pages.

The editor only ever offered trainer pages (and the models refused others), so this finds
nothing on a normal installation; it only makes the next migration's constraint safe.
"""

from django.db import migrations


def drop_links_to_other_pages(apps, schema_editor):
    TrainerPage = apps.get_model("trainers", "TrainerPage")
    CourseTrainer = apps.get_model("courses", "CourseTrainer")
    CourseSession = apps.get_model("courses", "CourseSession")
    trainer_pages = TrainerPage.objects.values("pk")
    CourseTrainer.objects.exclude(trainer_id__in=trainer_pages).delete()
    CourseSession.objects.exclude(trainer=None).exclude(trainer_id__in=trainer_pages).update(trainer=None)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0004_team_member_material_drafting"),
        ("trainers", "0003_role_permissions"),
    ]

    operations = [migrations.RunPython(drop_links_to_other_pages, migrations.RunPython.noop)]
