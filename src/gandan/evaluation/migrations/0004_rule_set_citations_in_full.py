"""The căn cứ of an evaluation decision or notice names the decree's number, date, issuer and
subject (Nghị định 30/2020/NĐ-CP, Phụ lục I): the seeded rule sets' citations, in full."""

from django.db import migrations

SEED = "gandan.evaluation.migrations.0002_seed_rule_sets_from_law"


def full_citations(apps, schema_editor):
    import importlib

    seed = importlib.import_module(SEED)
    RuleSet = apps.get_model("evaluation", "EvaluationRuleSet")
    RuleSet.objects.filter(code=seed.OLD).update(citation=seed.OLD_CITATION)
    RuleSet.objects.filter(code=seed.NEW).update(citation=seed.NEW_CITATION)


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0003_rule_set_names_who_the_managing_body_rates")]

    operations = [migrations.RunPython(full_citations, migrations.RunPython.noop)]
