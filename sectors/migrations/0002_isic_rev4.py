"""Load ISIC Rev.4 sections (A–U) and divisions (01–99) from sectors/data/isic_rev4.csv."""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "isic_rev4.csv"


def load(apps, schema_editor):
    IsicCode = apps.get_model("sectors", "IsicCode")
    with DATA.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        IsicCode.objects.update_or_create(
            code=row["code"], defaults={"name": row["name"], "section_id": row["section"] or None}
        )


class Migration(migrations.Migration):
    dependencies = [("sectors", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
