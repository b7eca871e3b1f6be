"""The movement's documents, opened with python-docx: type, summary, number, and content."""

import datetime as dt
import io
import re

import docx
import pytest
from django.urls import reverse

from gandan.democracy.services import ballots
from gandan.emulation import documents
from gandan.emulation.services import nominations, review
from gandan.emulation.tests.conftest import register

DAY = dt.date(2026, 11, 28)


def _open(content: bytes):
    return docx.Document(io.BytesIO(content))


def _texts(document) -> list[str]:
    return [p.text.replace("\n", " ") for p in document.paragraphs if p.text.strip()]


def _cells(document, table: int) -> list[list[str]]:
    return [
        [cell.text.replace("\n", " ").strip() for cell in row.cells]
        for row in document.tables[table].rows
    ]


def _download(client, user, name, public_id) -> object:
    client.force_login(user)
    response = client.get(reverse(name, args=[public_id]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return _open(response.content)


def test_the_registration_form_is_a_letter_to_the_head_without_a_number(client, submitted, teacher):
    # when
    document = _download(client, teacher, "emulation:registration_form", submitted.public_id)
    # then: a công văn ("V/v …" under a blank number), addressed to the head, signed by her
    head = _cells(document, 0)
    assert head[0][0] == "UBND PHƯỜNG HẢI AN TRƯỜNG TIỂU HỌC THÀNH TÔ"
    number, summary = head[1][0].split(" V/v ")
    assert number == "Số: " + "\u00a0" * 6 + "/"  # blank until the school files it
    assert summary == "đăng ký xây dựng mô hình “Dân vận khéo” năm học 2025 - 2026"
    texts = _texts(document)
    assert texts[0] == "Kính gửi: Hiệu trưởng Trường Tiểu học Thành Tô."
    assert "QUYẾT ĐỊNH" not in texts and "BIÊN BẢN" not in texts
    assert "2. Lĩnh vực: Văn hóa - xã hội." in texts
    assert "Phụ huynh ít nắm được việc học của con." in texts
    assert "Lê Thị Hồng Nhung (Giáo viên) đăng ký xây dựng mô hình" in texts[1]
    assert _cells(document, -1)[0][1] == "NGƯỜI ĐĂNG KÝ Lê Thị Hồng Nhung"


def test_a_units_registration_form_comes_from_the_unit(campaign, teacher, subject_group):
    registration = register(campaign, teacher, unit=subject_group)
    from gandan.paperwork.rendering import render_docx

    document = _open(render_docx(documents.registration_form_spec(registration)))
    assert _cells(document, 0)[0][0] == "TRƯỜNG TIỂU HỌC THÀNH TÔ TỔ CHUYÊN MÔN KHỐI 1"
    assert _cells(document, -1)[0][1] == "TM. TỔ CHUYÊN MÔN KHỐI 1 GIÁO VIÊN Lê Thị Hồng Nhung"
    assert "Tập thể cam kết" in _texts(document)[-1]


def test_the_minutes_give_each_result_and_are_signed_by_chair_and_secretary(
    client, reviewed, principal
):
    # when
    document = _download(client, principal, "emulation:minutes", reviewed.campaign.public_id)
    # then
    # Phụ lục III, Mẫu 1.9: no place and date line under the Tiêu ngữ.
    assert _cells(document, 0)[1] == ["Số: 01/BB-THTT", ""]
    texts = _texts(document)
    assert texts[0] == "BIÊN BẢN"
    assert texts[1] == (
        "Họp Hội đồng xét công nhận mô hình, điển hình “Dân vận khéo” năm học 2025 - 2026"
    )
    # start (the first score card) and end, chair and secretary (Mẫu 1.9)
    assert any(re.fullmatch(r"Thời gian bắt đầu: \d\d giờ \d\d phút, ngày .+\.", t) for t in texts)
    assert any(
        re.fullmatch(r"Cuộc họp kết thúc vào \d\d giờ \d\d phút, ngày .+\./\.", t) for t in texts
    )
    assert "Chủ trì: Hoàng Thị Thanh Tâm, Chủ tịch Hội đồng." in texts
    assert "Thư ký: Đặng Thị Ngọc Ánh." in texts
    assert "- Hoàng Thị Thanh Tâm, Chủ tịch Hội đồng;" in texts
    # only the individual criteria were used: the registration is the teacher's own
    assert "Tiêu chí đối với cá nhân (tối đa 100 điểm):" in texts
    assert "Tiêu chí đối với tập thể (tối đa 100 điểm):" not in texts
    assert _cells(document, 1)[1] == [
        "1",
        "Zalo “Phụ huynh đồng hành”",
        "Lê Thị Hồng Nhung",
        "2",
        "85/100",
    ]
    assert "- “Zalo “Phụ huynh đồng hành””, Lê Thị Hồng Nhung (85 điểm)." in texts
    left, right = _cells(document, -1)[0]
    assert left.startswith("THƯ KÝ Đặng Thị Ngọc Ánh Nơi nhận:")
    assert left.endswith("- Lưu: VT, Hồ sơ.")
    assert right == "CHỦ TỊCH HỘI ĐỒNG Hoàng Thị Thanh Tâm"


def test_the_minutes_report_the_councils_secret_ballot(
    campaign, principal, inspector, clerk, teacher, deputy
):
    from gandan.emulation.models import Campaign, Registration
    from gandan.emulation.services import campaigns, registrations
    from gandan.emulation.tests.conftest import advance_to, full_card

    campaigns.set_council(
        campaign=campaign, actor=principal, chair=inspector, secretary=clerk, members=[deputy]
    )
    registration = register(campaign, teacher)
    advance_to(campaign, principal, "implementation")
    registrations.add_update(registration=registration, author=teacher, text="Đã làm.")
    registrations.submit_registration(registration=registration, actor=teacher)
    campaign = advance_to(Campaign.objects.get(), principal, "review")
    ballot = review.open_shortlist_ballot(campaign=campaign, actor=inspector)
    option = ballot.options.get()
    for member in (inspector, clerk):
        ballots.cast_ballot(ballot=ballot, voter=member, choices=[str(option.pk)])
    review.close_shortlist_ballot(campaign=Campaign.objects.get(), actor=inspector)
    registration = Registration.objects.get()
    for member in (inspector, clerk, deputy):
        review.score_registration(
            registration=registration, member=member, points=full_card(registration, 18)
        )
    campaign = review.conclude_review(
        campaign=Campaign.objects.get(), actor=inspector, issued_on=DAY
    )
    from gandan.paperwork.rendering import render_docx

    texts = _texts(_open(render_docx(campaign.minutes.spec)))
    assert "III. BỎ PHIẾU KÍN LỰA CHỌN DANH SÁCH ĐỀ NGHỊ" in texts
    assert "2/3 thành viên đã bỏ phiếu" in next(t for t in texts if t.startswith("Hội đồng bỏ"))
    assert "- 1. Zalo “Phụ huynh đồng hành” (Lê Thị Hồng Nhung): 2/3 phiếu; được đề nghị." in texts


@pytest.mark.parametrize(
    ("level", "merit", "upward"),
    [("recognised", False, False), ("school_merit", True, False), ("upward", True, True)],
)
def test_the_decision_recognises_at_the_chosen_level(
    client, reviewed, principal, level, merit, upward
):
    # given
    review.recognise_registration(
        registration=reviewed, actor=principal, level=level, issued_on=DAY
    )
    # when
    document = _download(client, principal, "emulation:decision", reviewed.public_id)
    # then
    assert _cells(document, 0)[1] == ["Số: 02/QĐ-THTT", "Hải An, ngày 28 tháng 11 năm 2026"]
    texts = _texts(document)
    assert texts[0] == "QUYẾT ĐỊNH"
    assert texts[1] == "Về việc công nhận mô hình “Dân vận khéo” năm học 2025 - 2026"
    assert texts[2] == "HIỆU TRƯỞNG TRƯỜNG TIỂU HỌC THÀNH TÔ"
    # the head's power to decide first (Phụ lục I, II.6a), then the council's minutes
    assert texts[3].startswith("Căn cứ Thông tư số 28/2020/TT-BGDĐT ngày 04 tháng 9 năm 2020")
    assert texts[4].startswith("Căn cứ Biên bản số 01/BB-THTT ngày 28 tháng 11 năm 2026 của Hội")
    first = next(line for line in texts if line.startswith("Điều 1."))
    assert "(điểm đánh giá của Hội đồng: 85/100)" in first
    assert ("tặng Giấy khen của Hiệu trưởng" in first) is merit
    assert any("Đề nghị Ủy ban nhân dân phường Hải An" in line for line in texts) is upward
    assert _cells(document, -1)[0][1] == "HIỆU TRƯỞNG Nguyễn Thị Thu Hà"


def test_the_good_example_decision_quotes_the_vote(
    client, campaign, principal, deputy, teacher, union_officer
):
    nomination = nominations.nominate(
        campaign=campaign,
        nominator=union_officer,
        nominee=teacher,
        deed="Trả lại ví cho phụ huynh.",
    )
    nominations.answer_nomination(nomination=nomination, user=teacher, consent=True)
    ballot = nominations.open_nomination_vote(nomination=nomination, actor=principal)
    for voter in (principal, deputy, union_officer):
        ballots.cast_ballot(ballot=ballot, voter=voter, choices=["yes"])
    nominations.close_nomination_vote(nomination=nomination, actor=principal)
    nominations.recognise_nomination(nomination=nomination, actor=principal, issued_on=DAY)
    # when
    document = _download(client, teacher, "emulation:nomination_decision", nomination.public_id)
    # then
    assert _cells(document, 0)[1][0] == "Số: 01/QĐ-THTT"
    texts = _texts(document)
    assert texts[1] == "Về việc công nhận gương “Người tốt, việc tốt” năm học 2025 - 2026"
    assert any(line.endswith(": 3/3 phiếu tán thành.") for line in texts), texts
    assert (
        "Điều 1. Công nhận Lê Thị Hồng Nhung, Giáo viên là gương “Người tốt, việc tốt” trong "
        "phong trào thi đua “Dân vận khéo” năm học 2025 - 2026, với việc làm: Trả lại ví cho phụ "
        "huynh." in texts
    )
