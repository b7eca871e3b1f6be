"""The table of the rate-limit counters (settings.CACHES["ratelimit"] without REDIS_URL).

Created whatever the configuration, so that an installation that starts on Redis can later run
without it; Django's own createcachetable makes it (the DatabaseCache schema). Migrating back
drops it: counters are only minutes-long state.
"""

from django.core.management import call_command
from django.db import migrations

TABLE = "gandan_rate_limits"


def create_table(apps, schema_editor):
    call_command("createcachetable", TABLE, database=schema_editor.connection.alias, verbosity=0)


def drop_table(apps, schema_editor):
    connection = schema_editor.connection
    if TABLE in connection.introspection.table_names():
        schema_editor.execute(f"DROP TABLE {connection.ops.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0004_attachment_sealed_names"),
    ]

    operations = [migrations.RunPython(create_table, drop_table)]
