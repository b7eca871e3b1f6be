"""Uploaded Office files are judged from the zip directory before any XML is parsed: a small
file that expands to far more than a school's document (a zip bomb) is refused in Vietnamese,
quickly, by `check_archive`, in `check_upload` (every stored attachment) and in the plan
import form (the one place that parses an uploaded .docx).

The incident: a 233 KB .docx expanding to 103 MB of XML held a worker 38 s and 350 MB.
"""

import io
import time
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gandan.core import uploads
from gandan.core.uploads import check_archive, check_upload
from gandan.paperwork.document import DocType, DocumentSpec, Paragraph, Signer
from gandan.paperwork.rendering import render_docx
from gandan.plans.models import Plan

REFUSAL = "khi giải nén quá lớn hoặc có quá nhiều thành phần"
PARAGRAPH = "<w:p><w:r><w:t>Nhiệm vụ thực hiện</w:t></w:r></w:p>".encode()


def real_docx() -> bytes:
    spec = DocumentSpec(
        managing_body="UBND PHƯỜNG THÀNH TÔ",
        issuing_body="TRƯỜNG TIỂU HỌC THÀNH TÔ",
        doc_type=DocType.PLAN,
        summary="Thực hiện công tác dân vận năm 2026",
        place="Hải Phòng",
        signer=Signer(name="Nguyễn Thị Thu Hà", title="HIỆU TRƯỞNG"),
        body=tuple(Paragraph(f"Nhiệm vụ {n}: tuyên truyền, vận động.") for n in range(200)),
    )
    return render_docx(spec)


def bomb_docx(expanded_bytes: int) -> bytes:
    """A real .docx whose document.xml is replaced by `expanded_bytes` of repeated paragraphs."""
    source = zipfile.ZipFile(io.BytesIO(real_docx()))
    body = PARAGRAPH * (expanded_bytes // len(PARAGRAPH))
    xml = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body>" + body + b"</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for item in source.infolist():
            data = xml if item.filename == "word/document.xml" else source.read(item)
            archive.writestr(item.filename, data)
    return out.getvalue()


def many_members_docx(count: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for n in range(count):
            archive.writestr(f"word/media/part{n}.xml", f"<p>{n}</p>")
    return out.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    # As in the incident: about 100 MB of XML in a few hundred KB.
    return bomb_docx(100 * 1024 * 1024)


def test_the_crafted_bomb_is_small_and_expands_like_the_incidents(bomb):
    expanded = sum(item.file_size for item in zipfile.ZipFile(io.BytesIO(bomb)).infolist())
    assert len(bomb) < 600 * 1024 and expanded > 100 * 1024 * 1024


def test_a_bomb_is_refused_from_the_directory_in_well_under_a_second(bomb):
    started = time.perf_counter()
    with pytest.raises(ValidationError) as refused:
        check_archive(io.BytesIO(bomb), name="ke-hoach.docx")
    assert time.perf_counter() - started < 0.5
    assert refused.value.code == "archive_too_large"
    assert refused.value.messages == [
        "Tệp “ke-hoach.docx” khi giải nén quá lớn hoặc có quá nhiều thành phần, vượt giới hạn "
        "an toàn nên không được mở."
    ]


def test_a_small_file_compressed_too_well_is_refused_by_its_ratio():
    # given: 5 MB of XML (under the size limit) in about 20 KB
    small_bomb = bomb_docx(5 * 1024 * 1024)
    assert len(small_bomb) * uploads.MAX_COMPRESSION_RATIO < 5 * 1024 * 1024
    with pytest.raises(ValidationError) as refused:
        check_archive(io.BytesIO(small_bomb), name="a.docx")
    assert refused.value.code == "archive_ratio"


def test_an_archive_of_too_many_members_is_refused():
    with pytest.raises(ValidationError) as refused:
        check_archive(io.BytesIO(many_members_docx(uploads.MAX_MEMBERS + 1)), name="a.docx")
    assert refused.value.code == "archive_too_many_members"
    check_archive(io.BytesIO(many_members_docx(100)), name="a.docx")


def test_a_real_document_and_a_file_that_is_no_archive_pass():
    check_archive(io.BytesIO(real_docx()), name="ke-hoach.docx")
    check_archive(io.BytesIO(b"PK\x03\x04 not really a zip archive"), name="x.docx")


def test_the_check_leaves_the_file_at_its_start(bomb):
    handle = io.BytesIO(real_docx())
    handle.seek(100)
    check_archive(handle)
    assert handle.tell() == 0


def test_check_upload_refuses_a_bomb_as_an_attachment(bomb):
    upload = SimpleUploadedFile("minh-chung.docx", bomb)
    with pytest.raises(ValidationError) as refused:
        check_upload(upload)
    assert REFUSAL in refused.value.messages[0]
    assert check_upload(SimpleUploadedFile("a.docx", real_docx())).content_type.endswith(
        "wordprocessingml.document"
    )


def test_the_plan_import_refuses_a_bomb_before_parsing_it(client, principal, bomb):
    # given
    client.force_login(principal)
    # when
    started = time.perf_counter()
    response = client.post(
        reverse("plans:import"), {"file": SimpleUploadedFile("ke-hoach.docx", bomb)}
    )
    # then: the form again with the reason, in far less than the incident's 38 s; nothing saved
    assert time.perf_counter() - started < 10
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert Plan.objects.count() == 0
