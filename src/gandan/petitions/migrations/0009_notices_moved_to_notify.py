"""The case notices move to the one notification mechanism (gandan.notify).

Each petitions notice becomes a notify notice of the topic "cases" with the key that keeps its
uniqueness (case, step, kind, due date; `petitions.notices.notice_key`), its text as the title,
the case page as its link, its read time kept. None is e-mailed again: what was to be e-mailed
was e-mailed by the old reminders. Backwards, the rows come back from the notify notices of
petitions' kinds.
"""

from django.db import migrations

KINDS = ("due_soon", "overdue", "assigned", "contested")


def copy_notices(apps, schema_editor) -> None:
    """petitions.Notification → notify.Notification, once per (recipient, key)."""
    Old = apps.get_model("petitions", "Notification")
    New = apps.get_model("notify", "Notification")
    rows = Old.objects.values(
        "user_id",
        "case_id",
        "case__public_id",
        "step",
        "kind",
        "due_key",
        "message",
        "created_at",
        "read_at",
    ).order_by("pk")
    seen = set(New.objects.filter(kind__startswith="petitions.").values_list("recipient_id", "key"))
    fresh = []
    for row in rows:
        key = f"petitions.{row['kind']}:{row['case_id']}:{row['step']}:{row['due_key']}"
        if (row["user_id"], key) in seen:
            continue
        seen.add((row["user_id"], key))
        fresh.append(
            New(
                recipient_id=row["user_id"],
                topic="cases",
                kind=f"petitions.{row['kind']}",
                key=key,
                title=row["message"][:300],
                url=f"/don-thu/{row['case__public_id']}/",
                urgent=row["kind"] in ("due_soon", "overdue"),
                created_at=row["created_at"],
                read_at=row["read_at"],
                mail_state="none",
            )
        )
    New.objects.bulk_create(fresh, batch_size=500)


def copy_back(apps, schema_editor) -> None:
    Old = apps.get_model("petitions", "Notification")
    New = apps.get_model("notify", "Notification")
    Case = apps.get_model("petitions", "Case")
    known = set(Case.objects.values_list("pk", flat=True))
    for notice in New.objects.filter(kind__in=[f"petitions.{k}" for k in KINDS]):
        kind, _, rest = notice.key.partition(":")
        case_id, step, due_key = rest.split(":", 2)
        if int(case_id) not in known:
            continue
        Old.objects.get_or_create(
            user_id=notice.recipient_id,
            case_id=int(case_id),
            step=step,
            kind=kind.removeprefix("petitions."),
            due_key=due_key,
            defaults={
                "message": notice.title,
                "created_at": notice.created_at,
                "read_at": notice.read_at,
                "emailed_at": notice.created_at,
            },
        )
    New.objects.filter(kind__in=[f"petitions.{k}" for k in KINDS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0008_rule_transition_to_open_cases"),
        ("notify", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(copy_notices, copy_back),
        migrations.RemoveIndex(
            model_name="notification",
            name="petitions_notice_unread",
        ),
        migrations.RemoveConstraint(
            model_name="notification",
            name="petitions_notification_once",
        ),
        migrations.DeleteModel(
            name="Notification",
        ),
    ]
