# The people list is ordered as its index is (sort name, public name, key), and the index carries every access
# column the visibility tests: no temporary B-tree to sort, no table row read for a deep page.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0005_consent_changed_at"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="person",
            options={"ordering": ["sort_name", "public_name"], "verbose_name": "person", "verbose_name_plural": "people"},
        ),
        migrations.RemoveIndex(model_name="person", name="person_list"),
        migrations.AddIndex(
            model_name="person",
            index=models.Index(
                condition=models.Q(("live", True)),
                fields=["sort_name", "public_name", "id", "access", "access_until", "access_group", "access_person", "consent"],
                name="person_list",
            ),
        ),
    ]
