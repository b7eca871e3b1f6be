"""Corrections of the seeded complaint rules (LAW.md §11, the 2026-12 legal audit).

- Complaints against disciplinary decisions received from 01/7/2026: thụ lý within 07 working
  days, the amended acceptance article covering them too (NĐ 155/2026, new Điều 16 k1 NĐ
  124/2020, crawl, unverified); the 10-day row of Luật Khiếu nại 2011 Điều 50 ends on 30/6/2026.
- The publication of a second-instance decision cites NĐ 124/2020/NĐ-CP, which replaced NĐ
  75/2012/NĐ-CP.

The rows are those of migration 0002 (the one seed of the rules table), upserted again.
"""

import importlib

from django.db import migrations

SEED = "gandan.petitions.migrations.0002_seed_deadline_rules_from_law"


def seed_again(apps, schema_editor):
    importlib.import_module(SEED).seed(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("petitions", "0005_rate_limit_store")]

    operations = [migrations.RunPython(seed_again, migrations.RunPython.noop)]
