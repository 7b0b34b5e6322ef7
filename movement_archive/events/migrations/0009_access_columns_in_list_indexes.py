# The timeline's indexes carry the key and the access columns the visibility tests, so that a deep page is read
# from the index alone; the index for counting visible events holds the access columns instead of "live" only.

from django.db import migrations, models

ACCESS_COLUMNS = ["access", "access_until", "access_group", "access_person", "consent"]


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0008_consent_changed_at"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="event", name="event_live_chronology"),
        migrations.RemoveIndex(model_name="event", name="event_live_kind_chronology"),
        migrations.RemoveIndex(model_name="event", name="event_live"),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                condition=models.Q(("live", True)),
                fields=["date_sort", "date_upper", "title", "id", *ACCESS_COLUMNS],
                name="event_live_chronology",
            ),
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                condition=models.Q(("live", True)),
                fields=["kind", "date_sort", "date_upper", "title", "id", *ACCESS_COLUMNS],
                name="event_live_kind_chronology",
            ),
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(condition=models.Q(("live", True)), fields=ACCESS_COLUMNS, name="event_live_access"),
        ),
    ]
