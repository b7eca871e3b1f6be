"""Plain-text plans: conversion debris, header spellings, and a small complete plan."""

import datetime as dt

import pytest

from gandan.plans.importer import clean_text, parse_plan_text

SYNTHETIC = """\
UBND QUẬN LÊ CHÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TRƯỜNG TIỂU HỌC THÀNH TÔ\tĐộc lập - Tự do - Hạnh phúc
Số: 45/KH-THTT\tLê Chân, ngày 05 tháng 9 năm 2022

KẾ HOẠCH
Tổ chức Hội nghị viên chức
năm học 2022-2023
_______________

Căn cứ Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ về thực hiện dân chủ;
Căn cứ Thông tư số 11/2020/TT-BGDĐT ngày 19/5/2020 của Bộ trưởng Bộ Giáo dục và Đào tạo;
Trường Tiểu học Thành Tô xây dựng kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
- Phát huy quyền làm chủ của viên chức.
- Hội nghị bảo đảm dân chủ, đúng quy định.
II. NỘI DUNG VÀ GIẢI PHÁP
1. Chuẩn bị hội nghị
- Dự thảo các báo cáo.
- Lấy ý kiến các tổ chuyên môn.
- Cơ quan chủ trì: Ban Giám hiệu
- Cơ quan phối hợp: Công đoàn trường; Ban thanh tra nhân dân
- Người phụ trách: Nguyễn Thị Hà
- Thời gian thực hiện: Tháng 8/2022
2. Tổ chức hội nghị
Tổ chức hội nghị toàn thể viên chức.
Cơ quan chủ trì: Công đoàn trường.
Thời gian thực hiện: Từ tháng 9/2022 đến tháng 10/2022
3. Thực hiện nghị quyết hội nghị
• Theo dõi việc thực hiện nghị quyết.
Thời gian thực hiện: Thường xuyên
III. TỔ CHỨC THỰC HIỆN
1. Hiệu trưởng chỉ đạo chung.
2. Công đoàn phối hợp tổ chức.
Trên đây là kế hoạch tổ chức Hội nghị viên chức năm học 2022-2023./.
Nơi nhận:\tHIỆU TRƯỞNG
- Phòng GD&ĐT (để b/c);
- Lưu: VT.
\t(Đã ký)
\tTrần Văn Bình
"""


def test_synthetic_plan_header():
    # when
    plan = parse_plan_text(SYNTHETIC)

    # then
    assert plan.issuer_parent == "UBND QUẬN LÊ CHÂN"
    assert plan.issuer == "TRƯỜNG TIỂU HỌC THÀNH TÔ"
    assert plan.number_symbol == "45/KH-THTT"
    assert plan.place == "Lê Chân"
    assert plan.date == dt.date(2022, 9, 5)
    assert plan.doc_type_title == "KẾ HOẠCH"
    assert plan.title == "Tổ chức Hội nghị viên chức năm học 2022-2023"


def test_synthetic_plan_body():
    # when
    plan = parse_plan_text(SYNTHETIC)

    # then
    assert plan.bases == [
        "Căn cứ Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ về thực hiện dân chủ;",
        "Căn cứ Thông tư số 11/2020/TT-BGDĐT ngày 19/5/2020 của Bộ trưởng Bộ Giáo dục và Đào tạo;",
    ]
    assert plan.preamble == ["Trường Tiểu học Thành Tô xây dựng kế hoạch như sau:"]
    assert [(s.number, s.title, s.kind) for s in plan.sections] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU", "purposes"),
        ("II", "NỘI DUNG VÀ GIẢI PHÁP", "tasks"),
        ("III", "TỔ CHỨC THỰC HIỆN", "organisation"),
    ]
    assert plan.purposes == [
        "Phát huy quyền làm chủ của viên chức.",
        "Hội nghị bảo đảm dân chủ, đúng quy định.",
    ]
    # numbered lines outside the tasks section stay paragraphs, as written
    assert (
        plan.organisation_section == "1. Hiệu trưởng chỉ đạo chung.\n2. Công đoàn phối hợp tổ chức."
    )
    assert plan.closing == ["Trên đây là kế hoạch tổ chức Hội nghị viên chức năm học 2022-2023./."]
    assert plan.recipients == ["Phòng GD&ĐT (để b/c)", "Lưu: VT"]
    assert plan.signer_title == "HIỆU TRƯỞNG"
    assert plan.signer_name == "Trần Văn Bình"


def test_synthetic_plan_tasks():
    # when
    tasks = [task.as_dict() for task in parse_plan_text(SYNTHETIC).tasks]

    # then
    assert tasks == [
        {
            "section": "II",
            "number": "1",
            "heading": "Chuẩn bị hội nghị",
            "items": ["Dự thảo các báo cáo.", "Lấy ý kiến các tổ chuyên môn."],
            "lead": "Ban Giám hiệu",
            "coordinating": ["Công đoàn trường", "Ban thanh tra nhân dân"],
            "person_in_charge": "Nguyễn Thị Hà",
            "timeframe": "Tháng 8/2022",
            "start": "2022-08-01",
            "end": "2022-08-31",
            "recurring_from_year": None,
        },
        {
            "section": "II",
            "number": "2",
            "heading": "Tổ chức hội nghị",
            "items": ["Tổ chức hội nghị toàn thể viên chức."],
            "lead": "Công đoàn trường",
            "coordinating": None,
            "person_in_charge": None,
            "timeframe": "Từ tháng 9/2022 đến tháng 10/2022",
            "start": "2022-09-01",
            "end": "2022-10-31",
            "recurring_from_year": None,
        },
        {
            "section": "II",
            "number": "3",
            "heading": "Thực hiện nghị quyết hội nghị",
            "items": ["Theo dõi việc thực hiện nghị quyết."],
            "lead": None,
            "coordinating": None,
            "person_in_charge": None,
            "timeframe": "Thường xuyên",
            "start": None,
            "end": None,
            "recurring_from_year": None,
        },
    ]


def test_synthetic_plan_legal_references():
    # when
    refs = parse_plan_text(SYNTHETIC).legal_refs

    # then
    assert [(ref["found_in"], ref["citation"], ref["date"]) for ref in refs] == [
        ("bases", "Nghị định 04/2015/NĐ-CP", "2015-01-09"),
        ("bases", "Thông tư 11/2020/TT-BGDĐT", "2020-05-19"),
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("· [bookmark: bookmark13]Thường xuyên quán triệt", "· Thường xuyên quán triệt"),
        ("2. [bookmark: b21][bookmark: b19]Đẩy mạnh", "2. Đẩy mạnh"),
        ("[Bookmark: _Toc123]Căn cứ", "Căn cứ"),
        ("công  tác\tdân\u00a0vận ", "công tác dân vận"),
        ("\ufeffKẾ\u200b HOẠCH\f", "KẾ HOẠCH"),
        ("Nha\u0300 nươ\u0301c", "Nhà nước"),  # decomposed marks become NFC
        ("[image: logo.png]", ""),
    ],
)
def test_clean_text_strips_debris(raw, expected):
    # when / then
    assert clean_text(raw) == expected


DEBRIS = """\
 KẾ HOẠCH
Thử nghiệm

II. NHIỆM VỤ  TRỌNG TÂM
1. [bookmark: bookmark21][bookmark: bookmark19]Đẩy mạnh  công tác tuyên truyền
· [bookmark: bookmark13]Thường xuyên quán triệt\u00a0chủ trương.
·Gắn việc xây dựng chương trình với nhiệm vụ chính trị,
\f
- 12 -
xây dựng tập thể đoàn kết.
[bookmark: bookmark41]- Tổ chức thực hiện tốt Luật tiếp cận thông tin.
7
• Tập trung giải quyết đơn thư của BTV
Thành ủy.

Trang 3
 Cơ quan chủ trì:   Sở Giáo dục và Đào tạo.
· Thời gian thực hiện: Quý III/2022.
\x20
"""


def test_debris_is_removed_and_wrapped_lines_joined():
    # when
    plan = parse_plan_text(DEBRIS)

    # then
    assert [(s.number, s.title) for s in plan.sections] == [("II", "NHIỆM VỤ TRỌNG TÂM")]
    [task] = plan.tasks
    assert task.heading == "Đẩy mạnh công tác tuyên truyền"
    assert task.items == [
        "Thường xuyên quán triệt chủ trương.",
        "Gắn việc xây dựng chương trình với nhiệm vụ chính trị, xây dựng tập thể đoàn kết.",
        "Tổ chức thực hiện tốt Luật tiếp cận thông tin.",
        "Tập trung giải quyết đơn thư của BTV Thành ủy.",
    ]
    assert task.lead == "Sở Giáo dục và Đào tạo"
    assert (task.timeframe, task.start, task.end) == (
        "Quý III/2022",
        dt.date(2022, 7, 1),
        dt.date(2022, 9, 30),
    )


def test_a_new_bullet_after_an_unfinished_line_is_not_joined():
    # given: the first item has no final punctuation
    text = "II. NHIỆM VỤ\n1. Việc một\n- Trên địa bàn thành phố\n- Triển khai việc khác.\n"

    # when
    [task] = parse_plan_text(text).tasks

    # then
    assert task.items == ["Trên địa bàn thành phố", "Triển khai việc khác."]


def test_a_paragraph_after_a_heading_is_not_joined_to_it():
    # given
    text = "II. NHIỆM VỤ\n1. Đẩy mạnh tuyên truyền\nNgười đứng đầu chú trọng.\n"

    # when
    [task] = parse_plan_text(text).tasks

    # then
    assert (task.heading, task.items) == ("Đẩy mạnh tuyên truyền", ["Người đứng đầu chú trọng."])


def test_a_heading_wrapped_mid_phrase_is_joined():
    # given
    text = "II. NHIỆM VỤ\n1. Đẩy mạnh công tác tuyên truyền\nvề dân vận\n- Việc một.\n"

    # when
    [task] = parse_plan_text(text).tasks

    # then
    assert (task.heading, task.items) == (
        "Đẩy mạnh công tác tuyên truyền về dân vận",
        ["Việc một."],
    )


HEADER_VARIANTS = [
    # one cell a line, as a table converts
    "UBND QUẬN LÊ CHÂN\nTRƯỜNG TIỂU HỌC THÀNH TÔ\nSố: 123/KH-THTT\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Lê Chân, ngày 05 tháng 8 năm 2022\n",
    # two columns separated by tabs, tight spacing
    "UBND QUẬN LÊ CHÂN\t\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TRƯỜNG TIỂU HỌC THÀNH TÔ\tĐộc lập – Tự do – Hạnh phúc\n"
    "Số:123/KH-THTT\t\tLê Chân,ngày 5 tháng 8 năm 2022\n",
    # columns separated by runs of spaces, loose spacing inside the number and date
    "UBND QUẬN LÊ CHÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TRƯỜNG TIỂU HỌC THÀNH TÔ       Độc lập - Tự do - Hạnh phúc\n"
    "      ---------                      -----------------\n"
    "Số : 123 / KH-THTT        Lê Chân, ngày  05  tháng  08  năm  2022\n",
    # the conversion collapsed the columns into single spaces
    "UBND QUẬN LÊ CHÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TRƯỜNG TIỂU HỌC THÀNH TÔ Độc lập - Tự do - Hạnh phúc\n"
    "Số: 123/KH-THTT Lê Chân, ngày 05 tháng 8 năm 2022\n",
]


@pytest.mark.parametrize("header", HEADER_VARIANTS)
def test_header_with_different_spacing(header):
    # given
    text = header + "\nKẾ HOẠCH\nThực hiện dân chủ ở cơ sở\n\nI. MỤC ĐÍCH\n- Một.\n"

    # when
    plan = parse_plan_text(text)

    # then
    assert (
        plan.issuer_parent,
        plan.issuer,
        plan.number_symbol,
        plan.place,
        plan.date,
        plan.title,
    ) == (
        "UBND QUẬN LÊ CHÂN",
        "TRƯỜNG TIỂU HỌC THÀNH TÔ",
        "123/KH-THTT",
        "Lê Chân",
        dt.date(2022, 8, 5),
        "Thực hiện dân chủ ở cơ sở",
    )


def test_header_with_a_blank_number_keeps_the_symbol():
    # given: drafts leave the number for the clerk to fill in
    text = "TRƯỜNG TIỂU HỌC THÀNH TÔ\nSố:      /KH-THTT\nKẾ HOẠCH\nThử\n"

    # when
    plan = parse_plan_text(text)

    # then
    assert (plan.issuer, plan.issuer_parent, plan.number_symbol) == (
        "TRƯỜNG TIỂU HỌC THÀNH TÔ",
        None,
        "/KH-THTT",
    )
    assert (plan.place, plan.date) == (None, None)


def test_header_with_an_impossible_date_has_no_date():
    # given
    text = "TRƯỜNG A\nHà Nội, ngày 31 tháng 02 năm 2022\nKẾ HOẠCH\nThử\n"

    # when
    plan = parse_plan_text(text)

    # then
    assert (plan.place, plan.date) == ("Hà Nội", None)


def test_text_without_document_type_is_read_as_body():
    # given
    text = "Căn cứ Luật Giáo dục 2019;\nI. MỤC ĐÍCH\n- Một.\n"

    # when
    plan = parse_plan_text(text)

    # then
    assert (plan.doc_type_title, plan.title) == (None, "")
    assert plan.bases == ["Căn cứ Luật Giáo dục 2019;"]
    assert plan.purposes == ["Một."]


def test_numbered_lines_in_other_sections_are_tasks_only_without_a_tasks_section():
    # given
    with_tasks = "II. NHIỆM VỤ\n1. Việc một\nIV. CHẾ ĐỘ BÁO CÁO\n1. Báo cáo quý.\n"
    without = "I. MỤC ĐÍCH\n- Một.\nII. CÁC VIỆC CẦN LÀM\n1. Việc một\n- Làm.\n"

    # when
    first = parse_plan_text(with_tasks)
    second = parse_plan_text(without)

    # then
    assert [t.heading for t in first.tasks] == ["Việc một"]
    assert first.sections[1].paragraphs == ["1. Báo cáo quý."]
    assert [(t.section, t.heading, t.items) for t in second.tasks] == [("II", "Việc một", ["Làm."])]
