"""Who the managing body rates, per decree version (LAW.md §5, "Who tracks / rates").

NĐ 233/2026, Điều 13 k2a, k3a (read in the OCR of the official PDF, so the rule set stays
`needs_verification`): the head of the body that manages the unit (for a primary school the
UBND xã/phường, its `parent`) tracks, evaluates and rates the unit's head; k3b: the unit's head
rates the deputies. NĐ 90/2020: its article on who rates was not read; encoded the same and
noted for verification. The notes say so, so that the admin shows it beside the flag.
"""

from django.db import migrations, models

NOTES = {
    "nd-233-2026-vien-chuc": (
        " Điều 13 k2a, k3a: người đứng đầu cơ quan quản lý đơn vị (với trường tiểu học: Chủ "
        "tịch UBND cấp xã) theo dõi, đánh giá, xếp loại người đứng đầu đơn vị; k3b: người đứng "
        "đầu đơn vị xếp loại cấp phó và viên chức; Điều 15 k2đ: cấp xếp loại thông báo bằng văn "
        "bản (bản OCR, cần đối chiếu)."
    ),
    "nd-90-2020-vien-chuc": (
        " (5) Cơ quan quản lý xếp loại người đứng đầu như NĐ 233/2026 Điều 13 — chưa đọc được "
        "điều tương ứng của NĐ 90/2020, cần xác minh (có thể gồm cả cấp phó)."
    ),
}


def add_notes(apps, schema_editor):
    RuleSet = apps.get_model("evaluation", "EvaluationRuleSet")
    for code, note in NOTES.items():
        for rule_set in RuleSet.objects.filter(code=code):
            if note.strip() not in rule_set.notes:
                rule_set.notes = f"{rule_set.notes}{note}"
                rule_set.needs_verification = True
                rule_set.save(update_fields=["notes", "needs_verification"])


def remove_notes(apps, schema_editor):
    RuleSet = apps.get_model("evaluation", "EvaluationRuleSet")
    for code, note in NOTES.items():
        for rule_set in RuleSet.objects.filter(code=code):
            rule_set.notes = rule_set.notes.replace(note, "")
            rule_set.save(update_fields=["notes"])


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0002_seed_rule_sets_from_law")]

    operations = [
        migrations.AddField(
            model_name="evaluationruleset",
            name="rated_by_managing_body",
            field=models.CharField(
                choices=[
                    ("head", "Người đứng đầu"),
                    ("head_and_deputies", "Người đứng đầu và cấp phó"),
                ],
                default="head",
                max_length=20,
                verbose_name="Cơ quan quản lý trực tiếp đánh giá, xếp loại",
            ),
        ),
        migrations.RunPython(add_notes, remove_notes),
    ]
