"""Secret ballots unlinkable: papers sealed while a ballot is open, receipts keyed, no time of
voting (models/ballots.py gives the argument).

- Participation loses `voted_at`: the time of each vote paired voters with papers.
- SealedPaper: the encrypted envelope of a paper while its ballot is open.
- Existing papers' receipt hashes were unkeyed sha256 digests; they are re-keyed in place with
  HMAC under SECRET_KEY (the same construction as democracy/sealing.py, which keys exactly
  that digest), so every receipt already given out still checks. Papers of ballots still open
  stay in the clear until close, where they are counted and re-stored with the rest.
  Going back cannot unkey them: after a reverse migration those receipts no longer check.
- Going back gives each participation the time its ballot opened (the true times are gone).
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.utils.crypto import salted_hmac

# Repeated from gandan.democracy.sealing (migrations do not import app code).
PAPER_RECEIPT_SALT = "gandan.democracy.ballot-paper.receipt"


def key_receipt_hashes(apps, schema_editor):
    BallotPaper = apps.get_model("democracy", "BallotPaper")
    papers = list(BallotPaper.objects.using(schema_editor.connection.alias).all())
    for paper in papers:
        paper.receipt_hash = salted_hmac(
            PAPER_RECEIPT_SALT, paper.receipt_hash, secret=settings.SECRET_KEY, algorithm="sha256"
        ).hexdigest()
    BallotPaper.objects.using(schema_editor.connection.alias).bulk_update(
        papers, ["receipt_hash"], batch_size=500
    )


def give_back_a_time(apps, schema_editor):
    Participation = apps.get_model("democracy", "Participation")
    rows = Participation.objects.using(schema_editor.connection.alias).select_related("ballot")
    for participation in rows:
        ballot = participation.ballot
        participation.voted_at = ballot.opened_at or ballot.created_at
        participation.save(update_fields=["voted_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("democracy", "0005_inspection_board_terms_programmes_inspections"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="participation",
            options={"ordering": ["ballot", "voter"]},
        ),
        migrations.AlterField(
            model_name="participation",
            name="voted_at",
            field=models.DateTimeField(null=True, verbose_name="Bỏ phiếu lúc"),
        ),
        migrations.RunPython(migrations.RunPython.noop, give_back_a_time),
        migrations.RemoveField(
            model_name="participation",
            name="voted_at",
        ),
        migrations.CreateModel(
            name="SealedPaper",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("envelope", models.BinaryField()),
                ("receipt_tag", models.CharField(max_length=64)),
                (
                    "ballot",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sealed_papers",
                        to="democracy.ballot",
                    ),
                ),
            ],
            options={
                "ordering": ["id"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("ballot", "receipt_tag"), name="sealed_receipt_once"
                    )
                ],
            },
        ),
        migrations.RunPython(key_receipt_hashes, migrations.RunPython.noop),
    ]
