"""The conference's minutes (Mẫu 1.9) and resolution (Mẫu 1.1) pass the plan .docx's format
checks (Nghị định 30/2020/NĐ-CP, Phụ lục I) and say what happened."""

import datetime as dt

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gandan.democracy.models import AgendaKind, BallotMethod, BallotPurpose, Secrecy
from gandan.democracy.services import ballots, conferences
from gandan.democracy.tests.official_format import (
    all_text,
    assert_official_format,
    body_texts,
    open_docx,
    runs,
)

OPENED = dt.datetime(2026, 10, 12, 7, 0, tzinfo=dt.UTC)  # 14:00 in Hà Nội
CLOSED = dt.datetime(2026, 10, 12, 9, 30, tzinfo=dt.UTC)  # 16:30
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _frozen_time():
    with time_machine.travel(CLOSED, tick=False):
        yield


@pytest.fixture
def closed(
    school, principal, deputy, teacher, inspector, clerk, union_officer, more_teachers, media
):
    extra = more_teachers(3)
    present = [principal, deputy, teacher, inspector, clerk, union_officer]
    conference = conferences.convene_conference(
        organisation=school,
        actor=principal,
        work_year_label="năm học 2025–2026",
        work_year_ends=dt.date(2026, 8, 31),
        held_on=dt.date(2026, 10, 12),
        place="Hội trường Trường Tiểu học Thành Tô",
        union_chair=union_officer,
        secretary=clerk,
    )
    conferences.record_attendance(
        conference=conference,
        actor=principal,
        present=[person.pk for person in present],
        absence_reasons={extra[0].pk: "ốm", extra[1].pk: "đi tập huấn"},
    )
    conference = conferences.open_conference(conference=conference, actor=principal, at=OPENED)
    agenda = {item.kind: item for item in conference.agenda.all()}
    conferences.record_agenda_item(
        item=agenda[AgendaKind.HEAD_REPORT],
        actor=clerk,
        presenter="Nguyễn Thị Thu Hà, Hiệu trưởng",
        notes="Năm học 2025–2026 hoàn thành 12/12 chỉ tiêu.",
    )
    conferences.attach_document(
        item=agenda[AgendaKind.HEAD_REPORT],
        actor=clerk,
        upload=SimpleUploadedFile("bao-cao-tong-ket.pdf", PDF, content_type="application/pdf"),
    )
    election = conferences.open_conference_vote(
        item=agenda[AgendaKind.DECISIONS],
        actor=principal,
        title="Bầu Ban Thanh tra nhân dân nhiệm kỳ 2026–2028",
        method=BallotMethod.ELECTION,
        secrecy=Secrecy.SECRET,
        purpose=BallotPurpose.INSPECTION_BOARD,
        candidates=[teacher, inspector, extra[2]],
        seats=3,
    )
    options = {option.label: str(option.pk) for option in election.options.all()}
    everyone = list(options.values())
    for person in present[:5]:
        ballots.cast_ballot(ballot=election, voter=person, choices=everyone)
    ballots.close_ballot(ballot=election, actor=principal)
    conferences.set_resolution_points(
        conference=conference,
        actor=principal,
        points=["100% giáo viên đạt chuẩn nghề nghiệp", "Xây dựng trường học hạnh phúc"],
    )
    vote = conferences.open_conference_vote(
        item=agenda[AgendaKind.RESOLUTION],
        actor=principal,
        title="Thông qua nghị quyết hội nghị",
        secrecy=Secrecy.OPEN,
    )
    for person in present[:5]:
        ballots.cast_ballot(ballot=vote, voter=person, choices=["yes"])
    ballots.close_ballot(ballot=vote, actor=principal)
    return conferences.close_conference(conference=conference, actor=principal, ended_at=CLOSED)


def _download(client, user, conference, kind):
    client.force_login(user)
    response = client.get(
        reverse("democracy:conference_document", args=[conference.public_id, kind])
    )
    assert response.status_code == 200
    assert response["Content-Type"].endswith("wordprocessingml.document")
    return open_docx(response.content)


BODIES = ["UBND PHƯỜNG HẢI AN", "TRƯỜNG TIỂU HỌC THÀNH TÔ"]
# The en dash typed in the title prints as the hyphen with spaces of official text.
TITLE = "Hội nghị cán bộ, viên chức, người lao động năm học 2025 - 2026"


def test_minutes_have_the_official_format_signed_by_chair_and_secretary(client, closed, teacher):
    # when: any staff member downloads the minutes
    document = _download(client, teacher, closed, "bien-ban")
    # then
    assert_official_format(
        document,
        bodies=BODIES,
        number="Số: 01/BB-THTT",
        date_line="",
        heading="BIÊN BẢN",
        summary=TITLE,
        signer=["CHỦ TỌA", "Nguyễn Thị Thu Hà"],
        co_signer=["THƯ KÝ", "Đặng Thị Ngọc Ánh"],
        recipients_last="- Lưu: VT, Hồ sơ.",
    )


def test_minutes_follow_form_1_9_from_what_happened(client, closed, teacher):
    # when
    texts = body_texts(_download(client, teacher, closed, "bien-ban"))
    text = "\n".join(texts)
    # then: start, place, participants, chair, secretary, content, end (Mẫu 1.9)
    assert "Thời gian bắt đầu: 14 giờ 00 phút, ngày 12 tháng 10 năm 2026." in texts
    assert "Địa điểm: Hội trường Trường Tiểu học Thành Tô." in texts
    assert "số người được triệu tập: 9; có mặt: 6 (66,7%); vắng mặt: 3." in text
    assert "- Vắng mặt: Giáo Viên Số 1 (lý do: ốm)." in texts
    assert "- Vắng mặt: Giáo Viên Số 3 (không có lý do)." in texts
    assert "Thư ký: Đặng Thị Ngọc Ánh." in texts
    assert "Người trình bày: Nguyễn Thị Thu Hà, Hiệu trưởng." in texts
    assert "Năm học 2025 - 2026 hoàn thành 12/12 chỉ tiêu." in texts
    assert (
        "Chủ trì: Nguyễn Thị Thu Hà, Hiệu trưởng; phối hợp: Vũ Đức Thắng, Chủ tịch Công đoàn."
        in texts
    )
    assert "- Tài liệu: bao-cao-tong-ket.pdf." in texts
    assert (
        "Biểu quyết “Thông qua nghị quyết hội nghị” (biểu quyết công khai): 5/6 người có mặt "
        "tán thành (83,3%), 0 không tán thành, 0 không biểu quyết; được thông qua."
    ) in texts
    assert "- Lê Thị Hồng Nhung: 5 phiếu (83,3% số người có mặt); trúng cử." in texts
    assert texts[-1] == "Hội nghị kết thúc vào 16 giờ 30 phút, ngày 12 tháng 10 năm 2026./."
    # the points of business in the order of Điều 51 k4
    headings = [t for t in texts if t[:2] in {f"{n}." for n in range(1, 10)}]
    assert [h.split(". ", 1)[0] for h in headings] == [str(n) for n in range(1, 10)]


def test_resolution_has_the_official_format_with_the_union_chair_co_signing(
    client, closed, teacher
):
    # when
    document = _download(client, teacher, closed, "nghi-quyet")
    # then
    assert_official_format(
        document,
        bodies=BODIES,
        number="Số: 02/NQ-THTT",
        date_line="Hải An, ngày 12 tháng 10 năm 2026",
        heading="NGHỊ QUYẾT",
        summary=TITLE,
        signer=["HIỆU TRƯỞNG", "Nguyễn Thị Thu Hà"],
        co_signer=["TM. BAN CHẤP HÀNH CÔNG ĐOÀN", "CHỦ TỊCH", "Vũ Đức Thắng"],
    )


def test_resolution_states_its_bases_the_decisions_and_the_six_monthly_checks(
    client, closed, teacher
):
    # when
    document = _download(client, teacher, closed, "nghi-quyet")
    texts = body_texts(document)
    # then: the bases in italics (Phụ lục I, II.6b), then "QUYẾT NGHỊ:"
    bases = [p for p in document.paragraphs if p.text.startswith("Căn cứ")]
    assert [p.text for p in bases][-1] == (
        "Căn cứ Biên bản số 01/BB-THTT ngày 12 tháng 10 năm 2026 của Hội nghị cán bộ, viên "
        "chức, người lao động năm học 2025 - 2026."
    )
    # Phụ lục I, II.6b: a Law is cited by its name and date, without number or issuer.
    assert bases[0].text == ("Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;")
    assert all(run.italic for p in bases for run in runs(p))
    assert "QUYẾT NGHỊ:" in texts
    text = all_text(document)
    assert "Điều 2. Kết quả bầu Ban Thanh tra nhân dân nhiệm kỳ 2026 - 2028" in text
    # the last name of the list ends with "."
    assert "- Lê Thị Hồng Nhung." in texts
    assert "- 100% giáo viên đạt chuẩn nghề nghiệp;" in texts
    assert "định kỳ 6 tháng kiểm tra, đánh giá việc thực hiện" in text
    assert "với 5/6 người có mặt tán thành (83,3%)./." in text


def test_documents_of_a_conference_not_yet_closed_are_not_found(
    client, school, principal, union_officer, teacher
):
    conference = conferences.convene_conference(
        organisation=school,
        actor=principal,
        work_year_label="năm học 2025–2026",
        work_year_ends=dt.date(2026, 8, 31),
        held_on=dt.date(2026, 10, 20),
        place="Hội trường",
        union_chair=union_officer,
    )
    client.force_login(principal)
    for kind in ("bien-ban", "nghi-quyet", "khac"):
        url = reverse("democracy:conference_document", args=[conference.public_id, kind])
        assert client.get(url).status_code == 404
