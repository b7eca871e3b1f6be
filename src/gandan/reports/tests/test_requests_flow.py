"""The 6-month report of 2026, through the pages: the ward requests it, the principal drafts it
from live data, edits, issues (numbered in the register) and submits it; the ward sees it
received on time in the request page and in its incoming register; another school is late;
reminders; a return with comments and the resubmission; replays change nothing."""

import datetime as dt
import io
import re

import pytest
import time_machine
from cryptography.fernet import Fernet
from django.test import Client
from django.utils import timezone
from docx import Document

from gandan.audit.models import AuditEvent
from gandan.paperwork.models import DocumentStatus, OutgoingDocument
from gandan.petitions import secrecy
from gandan.petitions import services as petitions
from gandan.petitions.models import CaseKind, Channel
from gandan.reports.models import (
    IncomingDocument,
    ReportReminder,
    ReportRequest,
    ReportStatus,
    UnitReport,
)

D = dt.date
REQUESTED = D(2026, 6, 15)  # Monday, the day after the 6-month cut-off (14/6)
DUE = D(2026, 6, 16)


def travel(day: dt.date, hour: int = 10):
    return time_machine.travel(
        timezone.make_aware(dt.datetime.combine(day, dt.time(hour))), tick=False
    )


@pytest.fixture(autouse=True)
def identity_key(monkeypatch):
    monkeypatch.setenv(secrecy.KEY_ENV, Fernet.generate_key().decode())
    secrecy.reset_key_cache()
    yield
    secrecy.reset_key_cache()


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def feedback(school, received: dt.date, title: str = "Sân trường đọng nước khi mưa"):
    return petitions.submit_case(
        organisation=school,
        submission=petitions.Submission(
            kind=CaseKind.FEEDBACK,
            title=title,
            content="Sau mỗi trận mưa, sân trường đọng nước, học sinh đi lại khó khăn.",
            channel=Channel.WEB,
            sender=petitions.Sender(name="Trần Văn Phụ Huynh", phone="0987654321"),
            consent=True,
            received_at=timezone.make_aware(dt.datetime.combine(received, dt.time(9))),
        ),
    )


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    lines = [p.text for p in document.paragraphs]

    def cells(tables):
        for table in tables:
            for row in table.rows:
                for cell in row.cells:
                    yield from (p.text for p in cell.paragraphs)
                    yield from cells(cell.tables)

    lines += list(cells(document.tables))
    for section in document.sections:
        lines += [p.text for p in section.header.paragraphs]
    return "\n".join(lines)


def request_six_months(officer) -> ReportRequest:
    response = client_of(officer).post(
        "/bao-cao/yeu-cau/moi/",
        {"kind": "six_months", "year": "2026", "due_on": DUE.isoformat(), "instructions": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return ReportRequest.objects.get()


def report_of(school) -> UnitReport:
    return UnitReport.objects.select_related("document").get(organisation=school)


@pytest.fixture
def cases(school, principal):
    with travel(D(2026, 6, 1)):
        feedback(school, D(2025, 12, 10), "Trước kỳ báo cáo")  # before 15/12/2025: not counted
        feedback(school, D(2025, 12, 15), "Ngày đầu kỳ")
        feedback(school, D(2026, 3, 2), "Giữa kỳ")
        feedback(school, D(2026, 5, 20), "Cuối kỳ")


def test_the_six_month_report_from_request_to_receipt(
    school, other_school, ward, authority_officer, principal, other_school_principal, cases
):
    ward_client = client_of(authority_officer)
    head = client_of(principal)

    # given: the ward requests the 6-month report on 15/6/2026, due 16/6
    with travel(REQUESTED):
        report_request = request_six_months(authority_officer)
    assert (report_request.period_start, report_request.period_end) == (
        D(2025, 12, 15),
        D(2026, 6, 14),
    )
    assert report_request.period_needs_verification
    assert set(report_request.unit_reports.values_list("organisation", flat=True)) == {
        school.pk,
        other_school.pk,
    }
    report = report_of(school)

    with travel(REQUESTED):
        # when: the principal opens her list and drafts the report from live data
        listing = head.get("/bao-cao/cua-truong/").content.decode()
        assert report_request.title in listing
        assert "16/06/2026" in listing
        assert head.post(f"/bao-cao/cua-truong/{report.public_id}/lap-du-thao/").status_code == 302
        report.refresh_from_db()
        assert report.status == ReportStatus.DRAFT
        sections = {s["key"]: s["text"] for s in report.sections()}
        # then: the body holds the count of cases received in the period (3 of the 4)
        assert "tiếp nhận 3 đơn thư" in sections["don_thu"], sections["don_thu"]
        figures = {f["code"]: f["text"] for f in report.figures}
        assert figures["cases_received"] == "3"
        page = head.get(f"/bao-cao/cua-truong/{report.public_id}/").content.decode()
        assert "tiếp nhận 3 đơn thư" in page
        assert "Ban hành báo cáo" in page
        assert "Gửi báo cáo" not in page  # not issued yet

        # the draft download is marked as a draft, with a blank number
        draft = head.get(f"/bao-cao/cua-truong/{report.public_id}/du-thao.docx")
        assert draft.status_code == 200
        draft_text = docx_text(draft.content)
        assert "DỰ THẢO" in draft_text
        assert re.search(r"Số:\s+/BC-THTT", draft_text) is None  # no symbol before issue

        # when: she edits a section (optimistic version) ...
        edit = {key: text for key, text in sections.items()}
        edit["kien_nghi"] = "- Đề nghị UBND phường hỗ trợ kinh phí sửa sân trường."
        edit["version"] = str(report.version)
        assert head.post(f"/bao-cao/cua-truong/{report.public_id}/", edit).status_code == 302
        report.refresh_from_db()
        assert "hỗ trợ kinh phí" in {s["key"]: s["text"] for s in report.sections()}["kien_nghi"]
        # ... and a stale form is refused without change
        stale = head.post(f"/bao-cao/cua-truong/{report.public_id}/", edit)
        assert stale.status_code == 200
        assert "vừa được người khác sửa" in stale.content.decode()

        # when: she issues it, twice (a double click)
        head.post(f"/bao-cao/cua-truong/{report.public_id}/ban-hanh/")
        head.post(f"/bao-cao/cua-truong/{report.public_id}/ban-hanh/")
    report = report_of(school)
    # then: one numbered report in the school's register, dated today
    assert report.status == ReportStatus.ISSUED
    assert report.document is not None
    assert OutgoingDocument.objects.filter(organisation=school).count() == 1
    assert report.document.number_symbol == "01/BC-THTT"
    assert report.document.issued_on == REQUESTED

    # the issued .docx in official format
    with travel(REQUESTED):
        issued = head.get(f"/bao-cao/cua-truong/{report.public_id}/van-ban.docx")
    assert issued.status_code == 200
    text = docx_text(issued.content)
    assert "Số: 01/BC-THTT" in text
    assert "Hải An, ngày 15 tháng 6 năm 2026" in text
    assert "BÁO CÁO" in text
    assert (
        "Kết quả thực hiện công tác dân vận chính quyền và quy chế dân chủ ở cơ sở "
        "6 tháng đầu năm 2026"
    ) in " ".join(text.split())  # the summary breaks over two centred lines
    assert "HIỆU TRƯỞNG" in text
    assert "Nguyễn Thị Thu Hà" in text
    assert "Nơi nhận:" in text
    assert "- UBND phường Hải An (để báo cáo);" in text
    assert "- Sở Giáo dục và Đào tạo Hải Phòng (để báo cáo);" in text
    assert "- Lưu: VT." in text
    assert "hỗ trợ kinh phí sửa sân trường" in text
    assert "DỰ THẢO" not in text

    # when: she submits it on 16/6, twice
    with travel(DUE):
        head.post(f"/bao-cao/cua-truong/{report.public_id}/gui/")
        before = AuditEvent.objects.count()
        head.post(f"/bao-cao/cua-truong/{report.public_id}/gui/")
        assert AuditEvent.objects.count() == before
    report = report_of(school)
    # then: received on time, registered once at the ward
    assert report.status == ReportStatus.SUBMITTED
    assert (report.received_on, report.is_late) == (DUE, False)
    incoming = IncomingDocument.objects.get()
    assert (incoming.authority, incoming.arrival_number, incoming.received_on) == (ward, 1, DUE)
    assert incoming.number_symbol == "01/BC-THTT"

    with travel(DUE):
        # and: the ward sees Thành Tô on time, Đằng Hải not yet
        page = ward_client.get(f"/bao-cao/yeu-cau/{report_request.public_id}/").content.decode()
        assert "1 đúng hạn · 0 quá hạn · 1 chưa gửi" in page
        assert "01/BC-THTT" in page
        register = ward_client.get("/bao-cao/van-ban-den/").content.decode()
        assert "01/BC-THTT" in register
        assert "Trường Tiểu học Thành Tô" in register
        assert "Đúng hạn" in register
        # it opens the received report read-only and downloads it
        received = ward_client.get(f"/bao-cao/da-nhan/{report.public_id}/")
        assert received.status_code == 200
        assert "hỗ trợ kinh phí" in received.content.decode()
        download = ward_client.get(f"/bao-cao/da-nhan/{report.public_id}/van-ban.docx")
        assert download.status_code == 200
        assert "01/BC-THTT" in docx_text(download.content)

    # when: on 17/6 the ward reminds those that have not submitted, twice the same day
    other = report_of(other_school)
    with travel(D(2026, 6, 17)):
        ward_client.post(f"/bao-cao/yeu-cau/{report_request.public_id}/nhac/", {"message": ""})
        ward_client.post(f"/bao-cao/yeu-cau/{report_request.public_id}/nhac/", {"message": ""})
    # then: only Đằng Hải is reminded, once; its head sees it on the report page
    assert list(ReportReminder.objects.values_list("report", flat=True)) == [other.pk]
    other.refresh_from_db()
    assert other.reminder_count == 1
    other_head = client_of(other_school_principal)
    with travel(D(2026, 6, 17)):
        page = other_head.get(f"/bao-cao/cua-truong/{other.public_id}/").content.decode()
    assert "Cấp trên nhắc gửi báo cáo" in page
    assert "trước ngày 16/06/2026" in page

    # when: Đằng Hải drafts and issues on 17/6, submits on 18/6, after the due date
    with travel(D(2026, 6, 17)):
        other_head.post(f"/bao-cao/cua-truong/{other.public_id}/lap-du-thao/")
        other_head.post(f"/bao-cao/cua-truong/{other.public_id}/ban-hanh/")
    with travel(D(2026, 6, 18)):
        other_head.post(f"/bao-cao/cua-truong/{other.public_id}/gui/")
        other = report_of(other_school)
        # then: received late, and shown late
        assert (other.received_on, other.is_late) == (D(2026, 6, 18), True)
        assert other.document is not None and other.document.number_symbol == "01/BC-THĐH"
        page = ward_client.get(f"/bao-cao/yeu-cau/{report_request.public_id}/").content.decode()
        assert "1 đúng hạn · 1 quá hạn · 0 chưa gửi" in page
        register = ward_client.get("/bao-cao/van-ban-den/").content.decode()
        assert "Quá hạn" in register
    assert list(
        IncomingDocument.objects.order_by("arrival_number").values_list("arrival_number", flat=True)
    ) == [1, 2]
    assert list(UnitReport.objects.late().values_list("organisation", flat=True)) == [
        other_school.pk
    ]

    # when: the ward returns Thành Tô's report with a comment
    with travel(D(2026, 6, 18)):
        ward_client.post(
            f"/bao-cao/da-nhan/{report.public_id}/tra-lai/",
            {"comment": "Bổ sung kết quả tiếp công dân định kỳ của Hiệu trưởng."},
        )
    report = report_of(school)
    assert report.status == ReportStatus.RETURNED
    assert report.return_comment == "Bổ sung kết quả tiếp công dân định kỳ của Hiệu trưởng."

    # then: the principal sees the comment, completes the report, issues and resubmits it
    with travel(D(2026, 6, 19)):
        page = head.get(f"/bao-cao/cua-truong/{report.public_id}/").content.decode()
        assert "Bổ sung kết quả tiếp công dân" in page
        sections = {s["key"]: s["text"] for s in report.sections()}
        sections["don_thu"] += "\n- Hiệu trưởng tiếp công dân định kỳ vào thứ Ba hằng tuần."
        head.post(
            f"/bao-cao/cua-truong/{report.public_id}/",
            {**sections, "version": str(report.version)},
        )
        head.post(f"/bao-cao/cua-truong/{report.public_id}/ban-hanh/")
        head.post(f"/bao-cao/cua-truong/{report.public_id}/gui/")
    report = report_of(school)
    assert report.status == ReportStatus.RESUBMITTED
    assert report.document is not None
    assert report.document.number_symbol == "02/BC-THTT"
    assert (report.received_on, report.resubmitted_on, report.is_late) == (
        DUE,
        D(2026, 6, 19),
        False,
    )
    # the first report keeps its number, withdrawn; the ward's register has the new one too
    first = OutgoingDocument.objects.get(organisation=school, number=1)
    assert first.status == DocumentStatus.WITHDRAWN
    assert "02/BC-THTT" in first.withdrawal_reason
    assert list(
        IncomingDocument.objects.order_by("arrival_number").values_list("number_symbol", flat=True)
    ) == ["01/BC-THTT", "01/BC-THĐH", "02/BC-THTT"]
