from django.db import migrations, models


def create_the_row(apps, schema_editor):
    apps.get_model("delivery", "PurgeClock").objects.get_or_create(pk=1, defaults={"version": 0})


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="PurgeClock",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("version", models.BigIntegerField(default=0)),
            ],
            options={"verbose_name": "purge clock"},
        ),
        migrations.RunPython(create_the_row, migrations.RunPython.noop),
    ]
