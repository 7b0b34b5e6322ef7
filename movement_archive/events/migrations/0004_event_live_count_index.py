# A migration of its own: 0003 was already applied to shared databases when this index was added.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_timeline_indexes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="event",
            index=models.Index(condition=models.Q(("live", True)), fields=["live"], name="event_live"),
        ),
    ]
