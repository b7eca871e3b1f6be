"""The seed plan (Trường Tiểu học Thành Tô, 2022) read from its .txt conversion."""

import json
import os
from pathlib import Path

import pytest

from gandan.plans.importer import ParsedPlan, parse_plan_file

SEED_NAME = "000_a8963762d9174dc6.txt"
REPO = Path(__file__).resolve().parents[4]
LEAD = "Sở Giáo dục và Đào tạo, các phòng Sở và các đơn vị giáo dục"
RECURRING = "Từ năm 2022 đến các năm tiếp theo"


def _seed_path() -> Path:
    # shared/ sits beside the checkout, on a developer's machine and in CI alike.
    candidates = [Path(os.environ.get("GANDAN_SHARED", REPO.parent / "shared")) / "seeds"]
    candidates.append(Path("/work/shared/seeds"))
    for folder in candidates:
        if (folder / SEED_NAME).is_file():
            return folder / SEED_NAME
    pytest.fail(f"seed plan {SEED_NAME} not found in {candidates}")


@pytest.fixture(scope="module")
def seed() -> ParsedPlan:
    return parse_plan_file(_seed_path())


def test_seed_has_the_three_roman_sections(seed):
    # when
    sections = [(s.number, s.title, s.kind) for s in seed.sections]

    # then
    assert sections == [
        ("I", "MỤC ĐÍCH, YÊU CẦU", "purposes"),
        ("II", "NHIỆM VỤ TRỌNG TÂM", "tasks"),
        ("III", "TỔ CHỨC THỰC HIỆN", "organisation"),
    ]


def test_seed_has_six_task_headings_without_debris(seed):
    # when
    headings = [(t.section, t.number, t.heading) for t in seed.tasks]

    # then
    assert headings == [
        (
            "II",
            "1",
            "Tổ chức quán triệt và thể chế hóa chủ trương, đường lối của Đảng, chính sách, "
            "pháp luật của Nhà nước về công tác dân vận",
        ),
        (
            "II",
            "2",
            "Đẩy mạnh công tác tuyên truyền, giáo dục nhận thức về ý nghĩa, tầm quan trọng "
            "của công tác dân vận",
        ),
        (
            "II",
            "3",
            "Tiếp tục thực hiện tốt phong trào thi đua “Dân vận khéo”, gắn với đẩy mạnh học tập "
            "và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        ),
        (
            "II",
            "4",
            "Tiếp tục tổ chức triển khai có hiệu quả Chương trình tổng thể cải cách hành chính "
            "nhà nước giai đoạn 2021 - 2030",
        ),
        (
            "II",
            "5",
            "Tăng cường giáo dục đạo đức công vụ, nâng cao tinh thần trách nhiệm, ý thức phục "
            "vụ Nhân dân của cán bộ, công chức, viên chức",
        ),
        (
            "II",
            "6",
            "Tổ chức thực hiện tốt Luật tiếp cận thông tin; tập trung giải quyết các bức xúc, "
            "kiến nghị của Nhân dân",
        ),
    ]


def test_seed_tasks_one_to_four_have_lead_and_recurring_time_frame(seed):
    # when
    fields = [(t.lead, t.timeframe, t.start, t.end, t.recurring_from_year) for t in seed.tasks]

    # then
    assert (
        fields == [(LEAD, RECURRING, None, None, 2022)] * 4 + [(None, None, None, None, None)] * 2
    )
    assert all(t.coordinating is None and t.person_in_charge is None for t in seed.tasks)


def test_seed_task_items_are_whole_paragraphs(seed):
    # when
    counts = [len(t.items) for t in seed.tasks]

    # then: the lead and time frame lines are fields, not items
    assert counts == [6, 1, 3, 4, 3, 3]
    # a paragraph the conversion wrapped after a comma is joined again
    assert seed.tasks[0].items[3].endswith("người học; xây dựng tập thể đoàn kết, thống nhất.")
    # the unbulleted paragraph under task 2 is its item
    assert seed.tasks[1].items[0].startswith("Người đứng đầu các cơ quan, đơn vị chú trọng")
    # "[bookmark: …]- " before a dash bullet is debris, and the dash is the bullet
    assert seed.tasks[3].items[1].startswith("Đổi mới căn bản hoạt động quản lý")
    assert seed.tasks[5].items[0].startswith("Tổ chức thực hiện tốt Luật tiếp cận thông tin")


def test_seed_header_fields(seed):
    # then: the seed has no header table, so number, place and date are unknown
    assert seed.doc_type_title == "KẾ HOẠCH"
    assert seed.title == (
        "Thực hiện công tác dân vận của chính quyền và quy chế dân chủ ở cơ sở "
        "Trường Tiểu học Thành Tô"
    )
    assert seed.number_symbol is None
    assert seed.place is None
    assert seed.date is None
    assert seed.issuer_parent is None
    # the issuer is named by the preamble: "Trường Tiểu học Thành Tô ban hành Kế hoạch …"
    assert seed.issuer == "Trường Tiểu học Thành Tô"


def test_seed_bases(seed):
    # then
    assert len(seed.bases) == 2
    assert seed.bases[0].startswith(
        "Căn cứ Kế hoạch số 52-KH/BDVTU-BCSĐUBNDTP ngày 12/01/2022 của Ban Dân vận Thành ủy"
    )
    assert seed.bases[0].endswith(
        "của Ban Bí thư Trung ương Đảng về việc tiếp tục thực hiện quy chế dân chủ ở cơ sở;"
    )
    assert seed.bases[1] == (
        "Căn cứ Kế hoạch số 81/KH-SGDĐT ngày 20/07/2022 Thực hiện công tác dân vận của "
        "chính quyền và quy chế dân chủ ở cơ sở ngành Giáo dục và Đào tạo Hải Phòng."
    )


def test_seed_purposes_organisation_and_closing(seed):
    # then
    assert len(seed.purposes) == 7
    # "… của BTV⏎Thành ủy ban hành …": a line the conversion broke mid-sentence
    assert "Quyết định số 446-QĐ/TU ngày 26/11/2021 của BTV Thành ủy ban hành" in seed.purposes[2]
    assert seed.organisation_section.split("\n") == seed.sections[2].paragraphs
    assert len(seed.sections[2].paragraphs) == 3
    assert seed.sections[2].paragraphs[1].startswith("Phối hợp, tổ chức tuyên truyền")
    assert seed.sections[1].paragraphs == []
    assert seed.closing == [
        "Trên đây là Kế hoạch thực hiện công tác dân vận của chính quyền và quy chế dân chủ "
        "ở cơ sở của trường Tiểu học Thành Tô"
    ]
    assert seed.signer_title is None
    assert seed.signer_name is None
    assert seed.recipients == []


def test_seed_leaves_no_debris(seed):
    # when
    dumped = json.dumps(seed.as_dict(), ensure_ascii=False)

    # then
    assert "[bookmark" not in dumped
    assert "·" not in dumped
    assert "  " not in dumped


def test_seed_legal_references(seed):
    # when
    citations = [(ref["found_in"], ref["citation"]) for ref in seed.legal_refs]

    # then: every citation, in order, repeats included
    assert len(citations) == 39
    assert citations[:7] == [
        ("bases", "Kế hoạch 52-KH/BDVTU-BCSĐUBNDTP"),
        ("bases", "Hướng dẫn 08-HD/BDVTU"),
        ("bases", "Quyết định 676/QĐ-UBND"),
        ("bases", "Kế hoạch 49-KH/BTVTU-ĐUKCCQTP"),
        ("bases", "Chỉ thị 29-CT/TU"),
        ("bases", "Kết luận 65-KL/TW"),
        ("bases", "Kế hoạch 81/KH-SGDĐT"),
    ]
    assert {
        ("section:I", "Chỉ thị 33/CTg"),
        ("section:I", "Quyết định 23-QĐ/TW"),
        ("section:I", "Quyết định 446-QĐ/TU"),
        ("task:5", "Chỉ thị 1737/CT-BGDĐT"),
        ("task:6", "Luật Tiếp cận thông tin"),
        ("task:6", "Nghị định 04/2015/NĐ-CP"),
        ("task:6", "Nghị định 149/2018/NĐ-CP"),
        ("task:6", "Thông tư 11/2020/TT-BGDĐT"),
    } <= set(citations)
    assert citations.count(("task:6", "Nghị định 04/2015/NĐ-CP")) == 2


def test_seed_legal_reference_fields(seed):
    # when
    first = seed.legal_refs[0]
    broken = next(ref for ref in seed.legal_refs if ref["number"] == "446")

    # then
    assert first == {
        "type": "Kế hoạch",
        "number": "52",
        "year": None,
        "symbol": "KH/BDVTU-BCSĐUBNDTP",
        "date": "2022-01-12",
        "issuer": "Ban Dân vận Thành ủy và Ban Cán sự đảng Ủy ban nhân dân thành phố",
        "text": "Kế hoạch số 52-KH/BDVTU-BCSĐUBNDTP ngày 12/01/2022 của Ban Dân vận Thành ủy "
        "và Ban Cán sự đảng Ủy ban nhân dân thành phố",
        "citation": "Kế hoạch 52-KH/BDVTU-BCSĐUBNDTP",
        "found_in": "bases",
    }
    assert broken["issuer"] == "BTV Thành ủy"


def test_seed_json_shape(seed):
    # when
    data = json.loads(json.dumps(seed.as_dict(), ensure_ascii=False))

    # then
    assert list(data) == [
        "title",
        "doc_type_title",
        "number_symbol",
        "issuer_parent",
        "issuer",
        "place",
        "date",
        "bases",
        "preamble",
        "purposes",
        "sections",
        "tasks",
        "organisation_section",
        "closing",
        "signer_title",
        "signer_name",
        "recipients",
        "legal_refs",
        "notes",
    ]
    assert list(data["sections"][0]) == ["number", "title", "kind", "paragraphs"]
    assert data["tasks"][0] == {
        "section": "II",
        "number": "1",
        "heading": seed.tasks[0].heading,
        "items": seed.tasks[0].items,
        "lead": LEAD,
        "coordinating": None,
        "person_in_charge": None,
        "timeframe": RECURRING,
        "start": None,
        "end": None,
        "recurring_from_year": 2022,
    }
