"""`gandan legal_refs FILE [--json]` on the seed, on Word files and on bad input."""

import json
from io import StringIO

import docx
import pytest
from django.core.management import CommandError, call_command

from gandan.legal.reading import read_text
from gandan.legal.tests.test_references_seed import SEED_PATH, seed_reference_dicts

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = StringIO()
    call_command("legal_refs", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_json_on_the_seed_lists_every_reference_exactly():
    # when
    output = _run(str(SEED_PATH), "--json")

    # then
    assert json.loads(output) == seed_reference_dicts()
    assert "Ủy ban nhân dân" in output  # ensure_ascii=False: Vietnamese is printed as is


def test_plain_output_on_the_seed_is_a_table_with_the_replacement_warnings():
    # when
    output = _run(str(SEED_PATH))

    # then
    lines = output.splitlines()
    assert lines[0] == "Tìm thấy 39 lần viện dẫn văn bản."
    assert lines[1] == "Các lần viện dẫn thuộc 32 văn bản khác nhau."
    header = "STT  Loại văn bản  Số  Năm  Ký hiệu  Ngày  Cơ quan ban hành"
    assert lines[3].split() == header.split()
    row_38 = next(line for line in lines if line.startswith("38 "))
    assert row_38.split() == ["38", "Thông", "tư", "36", "2017", "TT-BGDĐT", "28/12/2017", "—"]
    assert "Luật Tiếp cận thông tin" in output
    warnings = lines.index("Cảnh báo:")
    assert lines[warnings : warnings + 4] == [
        "Cảnh báo:",
        "- Nghị định 149/2018/NĐ-CP đã được thay thế bởi Nghị định 145/2020/NĐ-CP.",
        "- Thông tư 36/2017/TT-BGDĐT đã được thay thế bởi Thông tư 09/2024/TT-BGDĐT.",
        "",
    ]


def test_a_word_file_is_read_through_paragraphs_and_table_cells(tmp_path):
    # given: a paragraph with conversion debris and a table with a merged cell
    path = tmp_path / "ke-hoach.docx"
    document = docx.Document()
    document.add_paragraph("[bookmark: b1]Căn cứ Nghị định số 04/2015/NĐ-CP ngày 09/01/2015;")
    table = document.add_table(rows=2, cols=2)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Thông tư số 36/2017/TT-BGDĐT"
    table.cell(1, 0).text = "Kế hoạch số 52-KH/BDVTU của Ban Dân vận Thành ủy"
    document.add_paragraph("Tổ chức thực hiện tốt Luật tiếp cận thông tin.")
    document.save(path)

    # when
    output = _run(str(path), "--json")

    # then
    assert json.loads(output) == [
        {
            "type": "Nghị định",
            "number": "04",
            "year": 2015,
            "symbol": "NĐ-CP",
            "date": "2015-01-09",
            "issuer": None,
            "text": "Nghị định số 04/2015/NĐ-CP ngày 09/01/2015",
        },
        {
            "type": "Thông tư",
            "number": "36",
            "year": 2017,
            "symbol": "TT-BGDĐT",
            "date": None,
            "issuer": None,
            "text": "Thông tư số 36/2017/TT-BGDĐT",
        },
        {
            "type": "Kế hoạch",
            "number": "52",
            "year": None,
            "symbol": "KH/BDVTU",
            "date": None,
            "issuer": "Ban Dân vận Thành ủy",
            "text": "Kế hoạch số 52-KH/BDVTU của Ban Dân vận Thành ủy",
        },
        {
            "type": "Luật",
            "number": None,
            "year": None,
            "symbol": None,
            "date": None,
            "issuer": None,
            "text": "Luật tiếp cận thông tin",
        },
    ]


def test_debris_is_stripped_from_text_files(tmp_path):
    # given
    path = tmp_path / "plan.txt"
    path.write_text("\ufeff· [bookmark: bookmark13]Quyết định số 676/QĐ-UBND\r\n", encoding="utf-8")

    # when
    text = read_text(path)

    # then
    assert text == "· Quyết định số 676/QĐ-UBND\n"


def test_a_file_without_citations_says_so(tmp_path):
    # given
    path = tmp_path / "empty.txt"
    path.write_text("Trên đây là Kế hoạch của nhà trường.", encoding="utf-8")

    # when / then
    assert _run(str(path)).strip() == "Không tìm thấy văn bản nào được viện dẫn."
    assert json.loads(_run(str(path), "--json")) == []


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("missing.txt", None),
        ("plan.pdf", b"%PDF-1.4"),
        ("latin1.txt", "Quyết định".encode("cp1258", errors="replace") + b"\xff\xfe\xfa"),
        ("broken.docx", b"not a zip"),
    ],
)
def test_unreadable_files_are_refused_in_vietnamese(tmp_path, name, content):
    # given
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)

    # when / then
    with pytest.raises(CommandError) as refused:
        _run(str(path))
    assert str(refused.value).startswith(f"Không đọc được tệp {path}")


def test_a_plan_with_its_header_lists_what_it_cites_not_its_own_number(tmp_path):
    # given: a header with the plan's own number; a text cited twice, once with its date
    path = tmp_path / "ke-hoach.txt"
    path.write_text(
        "ỦY BAN NHÂN DÂN\nXÃ AN HÒA\nSố: 21/KH-UBND\nAn Hòa, ngày 10 tháng 3 năm 2024\n"
        "KẾ HOẠCH\nCông tác dân vận năm 2024\n"
        "Căn cứ Kế hoạch số 20/KH-UBND ngày 02/02/2024 của UBND huyện;\n"
        "Triển khai Kế hoạch 20/KH-UBND đến toàn thể cán bộ.\n",
        encoding="utf-8",
    )

    # when
    output = _run(str(path))
    listed = json.loads(_run(str(path), "--json"))

    # then
    lines = output.splitlines()
    assert lines[:2] == [
        "Tìm thấy 2 lần viện dẫn văn bản.",
        "Các lần viện dẫn thuộc 1 văn bản khác nhau.",
    ]
    assert "21" not in [row.split()[2] for row in lines[5:7]]
    assert [ref["number"] for ref in listed] == ["20", "20"]
    # then: the text is in no register, so it is marked as not checked rather than passed over
    assert lines[-2:] == [
        "Chưa kiểm tra tình trạng hiệu lực:",
        "- Kế hoạch 20/KH-UBND: chưa có trong danh mục văn bản, chưa kiểm tra tình trạng hiệu lực.",
    ]
