"""Real plans of other schools and authorities (issue 12, point 13), and the structures they use.

The fixtures are copied from public web pages (source in each file's first lines) and trimmed.
"""

import datetime as dt
from pathlib import Path

import docx

from gandan.plans.importer import ParsedPlan, parse_plan_file, parse_plan_text

FIXTURES = Path(__file__).parent / "fixtures"


def _fixture(name: str) -> str:
    """The fixture's text without its leading "# Source" comment lines."""
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return "\n".join(lines)


def _citations(plan: ParsedPlan) -> list[str]:
    return [ref["citation"] for ref in plan.legal_refs]


def test_a_school_plan_with_the_page_title_above_and_items_written_1quan_triet():
    # when
    plan = parse_plan_text(_fixture("th-noi-hoang-qcdc-2021.txt"))

    # then: the header is read from the header, not from the page title above it
    assert plan.issuer_parent == "PHÒNG GD&ĐT YÊN DŨNG"
    assert plan.issuer == "TRƯỜNG TIỂU HỌC NỘI HOÀNG"
    assert plan.number_symbol == "79/KH-THNH"
    assert (plan.place, plan.date) == ("Nội Hoàng", dt.date(2021, 10, 15))
    assert plan.title == "Thực hiện Quy chế dân chủ cơ sở năm học 2021-2022"
    # then: "1Quán triệt…" (the space lost) is the first task of section II
    assert [(s.number, s.title, s.kind) for s in plan.sections] == [
        ("I", "MỤC ĐÍCH", "purposes"),
        ("II", "NỘI DUNG THỰC HIỆN", "tasks"),
    ]
    assert plan.sections[1].paragraphs == []
    (task,) = plan.tasks
    assert (task.section, task.number) == ("II", "1")
    assert task.heading.startswith("Quán triệt tinh thần của Quy chế dân chủ tới toàn thể đơn vị")
    assert _citations(plan) == ["Nghị định 04/2015/NĐ-CP", "Quyết định 04/QĐ-BGDĐT"]
    assert plan.notes == []


def test_an_authority_plan_with_sections_numbered_in_arabic_numerals():
    # when
    plan = parse_plan_text(_fixture("bgddt-1611-kh-2022.txt"))

    # then: the site's name above the header is not part of the plan
    assert plan.issuer == "BỘ GIÁO DỤC VÀ ĐÀO TẠO"
    assert plan.issuer_parent is None
    assert plan.number_symbol == "1611/KH-BGDĐT"
    # then: "1. Mục đích yêu cầu" is a section, not a line of the preamble
    assert len(plan.preamble) == 1
    assert plan.preamble[0].startswith("Thực hiện Kế hoạch số 1521/KH-BGDĐT")
    assert [(s.number, s.title, s.kind) for s in plan.sections] == [
        ("1", "Mục đích yêu cầu", "purposes")
    ]
    assert len(plan.purposes) == 2
    assert plan.purposes[0].startswith("Đánh giá công tác duy trì")
    assert plan.tasks == []
    assert _citations(plan) == [
        "Kế hoạch 1521/KH-BGDĐT",
        "Kết luận 51-KL/TW",
        "Nghị định 20/2014/NĐ-CP",
        "Thông tư 07/2016/TT-BGDĐT",
    ]


def test_a_provincial_plan_whose_site_title_cites_the_plan_itself():
    # when
    plan = parse_plan_text(_fixture("bac-ninh-155-kh-ubnd-2017.txt"))

    # then: the site's title and metadata are neither header, preamble nor citations
    assert plan.number_symbol == "155/KH-UBND"
    assert plan.issuer_parent == "ỦY BAN NHÂN DÂN"
    assert plan.issuer == "TỈNH BẮC NINH"
    assert (plan.place, plan.date) == ("Bắc Ninh", dt.date(2017, 5, 26))
    assert not any("Số hiệu" in text or "Nơi ban hành" in text for text in plan.preamble)
    assert "155/KH-UBND" not in " ".join(_citations(plan))
    # then: "Luật Hộ tịch năm 2014" is the law by its name, not "Luật /2014"
    assert _citations(plan) == [
        "Luật Hộ tịch năm 2014",
        "Nghị định 123/2015/NĐ-CP",
        "Luật Hộ tịch",
        "Quyết định 101/QĐ-TTG",
    ]
    assert [(s.number, s.title) for s in plan.sections] == [("I", "MỤC TIÊU")]
    assert [(t.number, t.heading) for t in plan.tasks] == [("1", "Mục tiêu tổng quát")]


def test_upper_case_page_chrome_above_the_header_is_not_the_issuer():
    # given: a school site prints the post's title and counters above the document
    text = (
        "TIN TỨC - SỰ KIỆN\nKẾ HOẠCH THỰC HIỆN QUY CHẾ DÂN CHỦ NĂM HỌC 2022-2023\nLượt xem: 120\n"
        "PHÒNG GD&ĐT CƯ KUIN\nTRƯỜNG MN TUỔI THƠ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 12/KH-MNTT\nEa Tiêu, ngày 30 tháng 09 năm 2022\n"
        "KẾ HOẠCH\nThực hiện quy chế dân chủ năm học 2022-2023\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n- Phát huy quyền làm chủ.\n"
    )

    # when
    plan = parse_plan_text(text)

    # then
    assert plan.issuer_parent == "PHÒNG GD&ĐT CƯ KUIN"
    assert plan.issuer == "TRƯỜNG MN TUỔI THƠ"
    assert plan.title == "Thực hiện quy chế dân chủ năm học 2022-2023"
    assert [s.title for s in plan.sections] == ["MỤC ĐÍCH, YÊU CẦU"]


def test_the_plan_citing_its_own_number_is_not_a_citation():
    # given
    text = (
        "UBND XÃ AN HÒA\nSố: 21/KH-UBND\nAn Hòa, ngày 10 tháng 3 năm 2024\nKẾ HOẠCH\n"
        "Công tác dân vận năm 2024\n\nI. TỔ CHỨC THỰC HIỆN\n"
        "Các bộ phận báo cáo kết quả thực hiện Kế hoạch số 21/KH-UBND ngày 10/3/2024 "
        "theo Kế hoạch số 20/KH-UBND ngày 02/02/2024 của UBND huyện.\n"
    )

    # when
    plan = parse_plan_text(text)

    # then
    assert _citations(plan) == ["Kế hoạch 20/KH-UBND"]


def test_arabic_top_level_sections_carry_their_tasks_numbered_2_1():
    # given: no Roman numerals anywhere; tasks are numbered within their section
    text = (
        "KẾ HOẠCH\nChuyển đổi số năm 2024\n\n"
        "1. Mục đích, yêu cầu\n- Nâng cao hiệu quả.\n"
        "2. Nhiệm vụ và giải pháp\n2.1. Số hóa hồ sơ\n- Thời gian: Quý II/2024\n"
        "2.2. Tập huấn giáo viên\n"
        "3. Tổ chức thực hiện\nCác tổ chuyên môn triển khai.\n"
    )

    # when
    plan = parse_plan_text(text)

    # then
    assert [(s.number, s.title, s.kind) for s in plan.sections] == [
        ("1", "Mục đích, yêu cầu", "purposes"),
        ("2", "Nhiệm vụ và giải pháp", "tasks"),
        ("3", "Tổ chức thực hiện", "organisation"),
    ]
    assert [(t.section, t.number, t.heading) for t in plan.tasks] == [
        ("2", "2.1", "Số hóa hồ sơ"),
        ("2", "2.2", "Tập huấn giáo viên"),
    ]
    assert plan.tasks[0].timeframe == "Quý II/2024"
    assert plan.organisation_section == "Các tổ chuyên môn triển khai."


def test_a_numbered_sentence_is_not_an_arabic_section():
    # given: a plan with Roman sections whose numbered lines are tasks, and a list without sections
    text = (
        "KẾ HOẠCH\nThử\n\nI. NHIỆM VỤ\n1. Tổ chức hội nghị viên chức.\n"
        "2. Công khai tài chính theo quy định, báo cáo kết quả về Phòng trước ngày 30/6.\n"
    )

    # when
    plan = parse_plan_text(text)

    # then
    assert [s.number for s in plan.sections] == ["I"]
    assert [t.number for t in plan.tasks] == ["1", "2"]


def test_a_text_without_recognisable_structure_says_so():
    # given
    text = "Biên bản họp tổ chuyên môn ngày 5/9.\nCác thành viên thống nhất nội dung.\n"

    # when
    plan = parse_plan_text(text)

    # then
    assert plan.sections == [] and plan.tasks == []
    assert plan.notes == [
        "Không nhận ra cấu trúc kế hoạch: không thấy dòng tên loại văn bản (KẾ HOẠCH…) "
        "và không thấy mục nào đánh số (I., II. hoặc 1., 2.). Hãy kiểm tra tệp hoặc nhập tay."
    ]
    assert ParsedPlan.from_dict(plan.as_dict()).notes == plan.notes


def test_a_plan_with_a_title_but_no_sections_says_so():
    # when
    plan = parse_plan_text("KẾ HOẠCH\nCông tác hè 2024\n\nCác tổ chuẩn bị lịch trực hè.\n")

    # then
    assert plan.title == "Công tác hè 2024"
    assert plan.notes == [
        "Không thấy mục nào đánh số (I., II. hoặc 1., 2.): toàn bộ nội dung được để ở phần mở đầu."
    ]


def test_the_same_plans_read_from_word_files_give_the_same_structure(tmp_path):
    # given: each fixture as a Word file, one paragraph per line
    for name in (
        "th-noi-hoang-qcdc-2021.txt",
        "bgddt-1611-kh-2022.txt",
        "bac-ninh-155-kh-ubnd-2017.txt",
    ):
        text = _fixture(name)
        document = docx.Document()
        for line in text.splitlines():
            document.add_paragraph(line)
        path = tmp_path / name.replace(".txt", ".docx")
        document.save(path)

        # when
        from_word = parse_plan_file(path)

        # then
        from_text = parse_plan_text(text)
        assert from_word.as_dict() == from_text.as_dict(), name
