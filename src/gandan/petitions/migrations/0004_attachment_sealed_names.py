"""Seal the file names of identifying attachments (a denunciation's scans).

Before, the citizen's own file name (often their name: "don-to-cao-Nguyen-Van-A.pdf") was
stored in plain text beside the sealed file. Now `name_token` holds it sealed with the identity
key and `original_name` keeps only a neutral "tep-dinh-kem.<ext>".

Sealing needs the identity key, which lives outside the database; the one module that seals
(`gandan.petitions.secrecy`) is imported inside the step, and only when there is a row to seal,
so a fresh installation migrates without touching a key.
"""

import mimetypes

from django.db import migrations, models

NEUTRAL = "tep-dinh-kem"


def seal_names(apps, schema_editor):
    Attachment = apps.get_model("petitions", "Attachment")
    rows = Attachment.objects.using(schema_editor.connection.alias).filter(
        is_identifying=True, name_token=""
    )
    if not rows.exists():
        return
    from gandan.petitions import secrecy  # the key is loaded the way the app loads it

    for row in rows.iterator():
        row.name_token = secrecy.seal(row.original_name)
        row.original_name = NEUTRAL + (mimetypes.guess_extension(row.content_type) or "")
        row.save(update_fields=["name_token", "original_name"])


def unseal_names(apps, schema_editor):
    Attachment = apps.get_model("petitions", "Attachment")
    rows = Attachment.objects.using(schema_editor.connection.alias).filter(
        is_identifying=True
    ).exclude(name_token="")
    if not rows.exists():
        return
    from gandan.petitions import secrecy

    for row in rows.iterator():
        row.original_name = secrecy.unseal(row.name_token)[:255]
        row.name_token = ""
        row.save(update_fields=["name_token", "original_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0003_cases_events_identity_reception"),
    ]

    operations = [
        migrations.AddField(
            model_name="attachment",
            name="name_token",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(seal_names, unseal_names),
    ]
