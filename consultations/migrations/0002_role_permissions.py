"""Once gave the acting roles "view" on consultations by hand; the procedure's declaration now does
(``procedures.permissions``, after every migrate). Kept so the migration history stays whole."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("consultations", "0001_initial"), ("accounts", "0002_roles")]
    operations = []
