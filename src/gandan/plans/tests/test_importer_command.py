"""The `import_plan` management command."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from gandan.plans.tests.test_importer import _seed_path


def test_json_prints_the_parsed_seed():
    # given
    out = StringIO()

    # when
    call_command("import_plan", str(_seed_path()), "--json", stdout=out)

    # then
    data = json.loads(out.getvalue())
    assert [s["number"] for s in data["sections"]] == ["I", "II", "III"]
    assert len(data["tasks"]) == 6
    assert data["tasks"][3]["lead"] == "Sở Giáo dục và Đào tạo, các phòng Sở và các đơn vị giáo dục"
    assert data["tasks"][3]["timeframe"] == "Từ năm 2022 đến các năm tiếp theo"
    assert data["legal_refs"]
    # ensure_ascii=False: Vietnamese is printed as written
    assert "NHIỆM VỤ TRỌNG TÂM" in out.getvalue()


def test_saving_needs_an_organisation():
    # when / then
    with pytest.raises(CommandError, match="--org"):
        call_command("import_plan", str(_seed_path()))


def test_saving_stores_a_draft_plan_in_the_organisation(school):
    # given
    from gandan.plans.models import Plan, PlanStatus

    out = StringIO()
    # when
    call_command("import_plan", str(_seed_path()), "--org", "th-thanh-to", stdout=out)
    # then
    plan = Plan.objects.get()
    assert plan.organisation == school
    assert plan.status == PlanStatus.DRAFT
    assert plan.tasks.count() == 6
    assert plan.source_name == _seed_path().name
    assert "Đã nhập kế hoạch dự thảo" in out.getvalue()
    assert str(plan.public_id) in out.getvalue()


@pytest.mark.django_db
def test_saving_into_an_unknown_organisation_is_refused():
    from gandan.plans.models import Plan

    with pytest.raises(CommandError, match="không-có"):
        call_command("import_plan", str(_seed_path()), "--org", "không-có")
    assert not Plan.objects.exists()


@pytest.mark.parametrize("name", ["plan.pdf", "missing.txt"])
def test_unreadable_files_are_refused(tmp_path, name):
    # when / then
    with pytest.raises(CommandError):
        call_command("import_plan", str(tmp_path / name), "--json")


def test_a_broken_docx_is_refused(tmp_path):
    # given
    path = tmp_path / "broken.docx"
    path.write_bytes(b"not a zip")

    # when / then
    with pytest.raises(CommandError, match="Không đọc được"):
        call_command("import_plan", str(path), "--json")
