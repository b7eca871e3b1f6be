"""The `import_plan` management command."""

import json
import sys
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import CommandError, call_command

from gandan.orgs.models import Organisation, OrgKind
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


def test_saving_without_the_service_is_refused(monkeypatch):
    # given: no gandan.plans.services.save_imported_plan
    monkeypatch.setitem(sys.modules, "gandan.plans.services", None)

    # when / then
    with pytest.raises(CommandError) as refused:
        call_command("import_plan", str(_seed_path()), "--org", "th-thanh-to")
    assert str(refused.value) == "Chưa hỗ trợ lưu kế hoạch; dùng --json."


@pytest.mark.django_db
def test_saving_hands_the_parsed_plan_to_the_service(monkeypatch):
    # given
    authority = Organisation.objects.create(
        kind=OrgKind.EDUCATION_DEPARTMENT, slug="so-gd-hp", name="Sở Giáo dục và Đào tạo"
    )
    school = Organisation.objects.create(
        kind=OrgKind.SCHOOL, slug="th-thanh-to", name="Trường Tiểu học Thành Tô", parent=authority
    )
    calls = []

    def save_imported_plan(*, organisation, parsed, user):
        calls.append((organisation, parsed, user))
        return parsed.title

    fake = SimpleNamespace(save_imported_plan=save_imported_plan)
    monkeypatch.setitem(sys.modules, "gandan.plans.services", fake)
    out = StringIO()

    # when
    call_command("import_plan", str(_seed_path()), "--org", "th-thanh-to", stdout=out)

    # then
    [(organisation, parsed, user)] = calls
    assert (organisation, user) == (school, None)
    assert len(parsed.tasks) == 6
    assert "Thực hiện công tác dân vận" in out.getvalue()


@pytest.mark.django_db
def test_saving_into_an_unknown_organisation_is_refused(monkeypatch):
    # given
    fake = SimpleNamespace(save_imported_plan=lambda **kwargs: None)
    monkeypatch.setitem(sys.modules, "gandan.plans.services", fake)

    # when / then
    with pytest.raises(CommandError, match="không-có"):
        call_command("import_plan", str(_seed_path()), "--org", "không-có")


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
