"""Consultations (Luật 10/2022/QH15, Điều 53–55): drafts in paragraphs and versions, comments
until the deadline, names withheld from colleagues, answers with reasons, the published summary."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from gandan.democracy import access, documents
from gandan.democracy.models import (
    Comment,
    Consultation,
    ConsultationAudience,
    ConsultationStatus,
    ConsultationSubject,
    Decision,
    DemocracyEvent,
    DisclosureItem,
    DraftVersion,
)
from gandan.democracy.services import consultations as services
from gandan.democracy.tests.official_format import (
    all_text,
    assert_official_format,
    open_docx,
)
from gandan.paperwork.rendering import render_docx

NOW = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)  # Friday 20/11/2026, 16:00 in Hà Nội
DRAFT = """Quy chế chi tiêu nội bộ năm 2027
Điều 1. Phạm vi điều chỉnh: các khoản chi từ ngân sách và nguồn thu hợp pháp của nhà trường.

Điều 2. Chi công tác phí: 150.000 đồng/ngày khi đi công tác trong thành phố.
Điều 3. Chi hỗ trợ giáo viên dạy buổi chiều: 50.000 đồng/tiết."""


@pytest.fixture(autouse=True)
def _frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


def _open(school, principal, *, audience=ConsultationAudience.STAFF, anonymous=False, **kw):
    return services.open_consultation(
        organisation=school,
        actor=principal,
        title="Quy chế chi tiêu nội bộ năm 2027",
        subject=ConsultationSubject.SPENDING_RULES,
        audience=audience,
        draft_text=DRAFT,
        deadline=kw.pop("deadline", dt.date(2026, 11, 27)),
        allow_anonymous=anonymous,
        **kw,
    )


def _paragraph(consultation, order):
    return consultation.current_version().paragraphs.get(order=order)


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("Một\nHai", ["Một", "Hai"]),
        ("  Một  \n\n\n  Hai\t  ba ", ["Một", "Hai ba"]),
        ("Một\r\nHai\u00a0\u00a0ba", ["Một", "Hai ba"]),
        ("\n \n", []),
    ],
)
def test_a_draft_splits_into_one_paragraph_per_line(text, paragraphs):
    assert services.split_paragraphs(text) == paragraphs


def test_opening_stores_the_first_version_in_paragraphs(school, principal):
    # when
    consultation = _open(school, principal)
    # then
    version = consultation.current_version()
    assert version.number == 1
    assert [p.order for p in version.paragraphs.all()] == [1, 2, 3, 4]
    assert _paragraph(consultation, 3).text.startswith("Điều 2. Chi công tác phí")
    assert consultation.status == ConsultationStatus.OPEN
    assert consultation.opens_on == dt.date(2026, 11, 20)
    event = DemocracyEvent.objects.get(consultation=consultation)
    assert event.summary == (
        "Lấy ý kiến dự thảo “Quy chế chi tiêu nội bộ năm 2027” đến hết ngày 27/11/2026"
    )


def test_a_deadline_in_the_past_is_refused_and_nothing_is_created(school, principal):
    with pytest.raises(ValidationError):
        _open(school, principal, deadline=dt.date(2026, 11, 19))
    assert not Consultation.objects.exists()
    assert not DraftVersion.objects.exists()


def test_staff_comment_until_the_end_of_the_deadline_day_and_not_after(school, principal, teacher):
    # given: the deadline is Friday 27/11/2026
    consultation = _open(school, principal)
    # when: on the deadline day, late in the evening (23:59 in Hà Nội)
    with time_machine.travel(dt.datetime(2026, 11, 27, 16, 59, tzinfo=dt.UTC), tick=False):
        comment = services.add_comment(
            consultation=consultation,
            author=teacher,
            text="Đề nghị nâng mức hỗ trợ lên 60.000 đồng/tiết.",
            paragraph=_paragraph(consultation, 4),
        )
    # then
    assert comment.paragraph is not None
    assert comment.paragraph.order == 4 and comment.version.number == 1
    # when: one minute later it is the next day
    with (
        time_machine.travel(dt.datetime(2026, 11, 27, 17, 0, tzinfo=dt.UTC), tick=False),
        pytest.raises(ValidationError),
    ):
        services.add_comment(consultation=consultation, author=teacher, text="Muộn.")
    assert Comment.objects.count() == 1


def test_people_outside_the_audience_cannot_comment(school, principal, teacher, parent, outsider):
    # given
    staff_draft = _open(school, principal)
    parents_draft = _open(school, principal, audience=ConsultationAudience.PARENTS)
    # when / then: a parent on a staff draft, a teacher on a parents' draft, an outsider anywhere
    for consultation, person in [
        (staff_draft, parent),
        (parents_draft, teacher),
        (staff_draft, outsider),
        (parents_draft, outsider),
    ]:
        with pytest.raises(ValidationError):
            services.add_comment(consultation=consultation, author=person, text="Ý kiến.")
    assert Comment.objects.count() == 0
    # and the parents' representative comments on the parents' draft
    services.add_comment(consultation=parents_draft, author=parent, text="Đồng ý.")
    assert Comment.objects.get().author == parent


def test_withholding_a_name_needs_the_heads_permission(school, principal, teacher):
    # given
    consultation = _open(school, principal, anonymous=False)
    # when / then
    with pytest.raises(ValidationError):
        services.add_comment(
            consultation=consultation, author=teacher, text="Ý kiến.", anonymous=True
        )
    assert Comment.objects.count() == 0


def test_a_withheld_name_is_seen_by_its_author_and_the_head_only(
    client, school, principal, deputy, teacher, inspector, union_officer
):
    # given
    consultation = _open(school, principal, anonymous=True)
    comment = services.add_comment(
        consultation=consultation,
        author=teacher,
        text="Mức công tác phí chưa phù hợp.",
        paragraph=_paragraph(consultation, 3),
        anonymous=True,
    )
    # then: the predicate
    assert access.can_see_author(teacher, comment)
    assert access.can_see_author(principal, comment)
    for colleague in (deputy, inspector, union_officer):
        assert not access.can_see_author(colleague, comment)
    # then: the page, for a colleague and for the head
    url = reverse("democracy:consultation", args=[consultation.public_id])
    client.force_login(inspector)
    page = client.get(url).content.decode()
    assert "Mức công tác phí chưa phù hợp." in page
    assert "Ý kiến ẩn tên" in page and teacher.full_name not in page
    client.force_login(principal)
    assert teacher.full_name in client.get(url).content.decode()
    # then: the timeline names nobody
    assert teacher.full_name not in " ".join(
        DemocracyEvent.objects.filter(consultation=consultation).values_list("summary", flat=True)
    )


def test_a_revision_adds_a_version_and_keeps_earlier_comments(school, principal, teacher):
    # given
    consultation = _open(school, principal)
    old_paragraph = _paragraph(consultation, 3)
    services.add_comment(
        consultation=consultation, author=teacher, text="Tăng lên.", paragraph=old_paragraph
    )
    # when
    version = services.revise_draft(
        consultation=consultation,
        actor=principal,
        draft_text=DRAFT.replace("150.000", "200.000"),
        note="Tăng mức công tác phí theo góp ý.",
    )
    # then
    assert version.number == 2
    assert "200.000" in _paragraph(consultation, 3).text
    assert Comment.objects.get().version.number == 1
    # and a comment on the old wording is refused
    with pytest.raises(ValidationError):
        services.add_comment(
            consultation=consultation, author=teacher, text="Cũ.", paragraph=old_paragraph
        )
    assert Comment.objects.count() == 1


def test_a_revision_needs_a_note(school, principal):
    consultation = _open(school, principal)
    with pytest.raises(ValidationError):
        services.revise_draft(consultation=consultation, actor=principal, draft_text=DRAFT, note="")
    assert consultation.versions.count() == 1


def test_answers_come_after_closing_and_always_carry_a_reason(school, principal, teacher):
    # given
    consultation = _open(school, principal)
    comment = services.add_comment(consultation=consultation, author=teacher, text="Tăng lên.")
    # when / then: not while open
    with pytest.raises(ValidationError):
        services.answer_comment(
            comment=comment, actor=principal, decision=Decision.ACCEPTED, reason="Đồng ý."
        )
    services.close_consultation(consultation=consultation, actor=principal)
    # when / then: not without a reason, not with an unknown decision
    for decision, reason in [(Decision.NOT_ACCEPTED, "  "), ("maybe", "Vì.")]:
        with pytest.raises(ValidationError):
            services.answer_comment(
                comment=comment, actor=principal, decision=decision, reason=reason
            )
    comment.refresh_from_db()
    assert (comment.decision, comment.reason) == ("", "")
    # when
    services.answer_comment(
        comment=comment,
        actor=principal,
        decision=Decision.PARTLY,
        reason="Tăng lên 55.000 đồng/tiết trong khả năng nguồn thu.",
    )
    # then
    comment.refresh_from_db()
    assert comment.decision == Decision.PARTLY and comment.responded_by == principal


def test_publishing_waits_for_every_answer(school, principal, teacher, media):
    # given
    consultation = _open(school, principal)
    services.add_comment(consultation=consultation, author=teacher, text="Một.")
    services.close_consultation(consultation=consultation, actor=principal)
    # when / then
    with pytest.raises(ValidationError):
        services.publish_consultation(consultation=consultation, actor=principal)
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.CLOSED
    assert consultation.summary_document is None
    assert not DisclosureItem.objects.exists()


@pytest.fixture
def published(school, principal, teacher, inspector, media):
    consultation = _open(school, principal, anonymous=True)
    first = services.add_comment(
        consultation=consultation,
        author=teacher,
        text="Đề nghị nâng mức hỗ trợ lên 60.000 đồng/tiết.",
        paragraph=_paragraph(consultation, 4),
    )
    second = services.add_comment(
        consultation=consultation,
        author=inspector,
        text="Cần quy định rõ chứng từ thanh toán.",
        anonymous=True,
    )
    services.close_consultation(consultation=consultation, actor=principal)
    services.answer_comment(
        comment=first,
        actor=principal,
        decision=Decision.PARTLY,
        reason="Nâng lên 55.000 đồng/tiết, phù hợp nguồn thu.",
    )
    services.answer_comment(
        comment=second,
        actor=principal,
        decision=Decision.ACCEPTED,
        reason="Bổ sung Điều 5 về chứng từ.",
    )
    return services.publish_consultation(consultation=consultation, actor=principal)


def test_publishing_issues_the_summary_and_discloses_it_to_staff(published, principal):
    # then: a report in the school's register
    document = published.summary_document
    assert document.number_symbol == "01/BC-THTT"
    assert document.issued_on == dt.date(2026, 11, 20)
    assert published.status == ConsultationStatus.PUBLISHED
    # then: a published staff disclosure of Điều 46 k10, with the .docx
    item = published.disclosure
    assert item.obligation.code == "noi-bo-tong-hop-y-kien"
    assert item.published_on == dt.date(2026, 11, 20)
    assert item.decision_reference == "01/BC-THTT"
    assert item.document_type.endswith("wordprocessingml.document")


def test_the_summary_lists_opinions_and_reasons_without_names(published, teacher, inspector):
    # when
    text = all_text(open_docx(render_docx(published.summary_document.spec)))
    # then
    assert "Tổng số ý kiến góp ý: 2; tiếp thu: 1; tiếp thu một phần: 1; không tiếp thu: 0." in text
    assert "Đề nghị nâng mức hỗ trợ lên 60.000 đồng/tiết." in text
    assert "Tiếp thu một phần: Nâng lên 55.000 đồng/tiết, phù hợp nguồn thu." in text
    assert "Đoạn 4 (dự thảo lần 1)" in text
    assert teacher.full_name not in text and inspector.full_name not in text


def test_the_summary_docx_has_the_official_format(client, published, teacher):
    # given: any staff member downloads it
    client.force_login(teacher)
    # when
    response = client.get(reverse("democracy:consultation_summary", args=[published.public_id]))
    # then
    assert response.status_code == 200
    assert 'filename="tong-hop-y-kien-01-BC-THTT.docx"' in response["Content-Disposition"]
    assert_official_format(
        open_docx(response.content),
        bodies=["UBND PHƯỜNG HẢI AN", "TRƯỜNG TIỂU HỌC THÀNH TÔ"],
        number="Số: 01/BC-THTT",
        date_line="Hải An, ngày 20 tháng 11 năm 2026",
        heading="BÁO CÁO",
        summary=(
            "Tổng hợp ý kiến và tiếp thu, giải trình về dự thảo quy chế chi tiêu nội bộ năm 2027"
        ),
        signer=["HIỆU TRƯỞNG", "Nguyễn Thị Thu Hà"],
    )


def test_after_publishing_the_draft_can_no_longer_change(published, principal):
    with pytest.raises(ValidationError):
        services.revise_draft(
            consultation=published, actor=principal, draft_text=DRAFT, note="Sửa."
        )
    assert published.versions.count() == 1


def test_a_parents_consultation_is_published_without_a_staff_disclosure(
    school, principal, parent, media
):
    # given
    consultation = _open(school, principal, audience=ConsultationAudience.PARENTS)
    comment = services.add_comment(consultation=consultation, author=parent, text="Đồng ý.")
    services.close_consultation(consultation=consultation, actor=principal)
    services.answer_comment(
        comment=comment, actor=principal, decision=Decision.ACCEPTED, reason="Ghi nhận."
    )
    # when
    consultation = services.publish_consultation(consultation=consultation, actor=principal)
    # then
    assert consultation.summary_document is not None
    assert consultation.disclosure is None
    assert not DisclosureItem.objects.exists()
    assert "Ban đại diện cha mẹ học sinh (để biết)" in consultation.summary_document.spec.recipients


def test_draft_name_drops_a_leading_du_thao():
    assert documents.draft_name("Dự thảo Quy chế dân chủ") == "quy chế dân chủ"
    assert documents.draft_name("Kế hoạch năm học") == "kế hoạch năm học"


def test_through_the_pages_a_teacher_comments_and_later_reads_the_reasoned_answer(
    client, school, principal, teacher, media
):
    # given: the head opens a consultation through the form
    client.force_login(principal)
    response = client.post(
        reverse("democracy:consultation_new"),
        {
            "title": "Quy chế chi tiêu nội bộ năm 2027",
            "subject": "spending_rules",
            "audience": "staff",
            "deadline": "2026-11-27",
            "draft_text": DRAFT,
        },
    )
    consultation = Consultation.objects.get()
    url = reverse("democracy:consultation", args=[consultation.public_id])
    assert response["Location"] == url
    # when: the teacher comments on paragraph 3
    client.force_login(teacher)
    page = client.get(url).content.decode()
    assert "Góp ý đoạn 3" in page
    response = client.post(
        reverse("democracy:comment_add", args=[consultation.public_id]),
        {"paragraph": _paragraph(consultation, 3).pk, "text": "Công tác phí nên là 200.000."},
    )
    comment = Comment.objects.get()
    assert response["Location"] == f"{url}#y-kien-{comment.public_id}"
    # when: the head closes, answers and publishes
    client.force_login(principal)
    client.post(reverse("democracy:consultation_close", args=[consultation.public_id]))
    page = client.get(url).content.decode()
    assert "Ghi tiếp thu, giải trình" in page
    prefix = str(comment.public_id)
    client.post(
        reverse("democracy:comment_answer", args=[comment.public_id]),
        {f"{prefix}-decision": "accepted", f"{prefix}-reason": "Đã sửa Điều 2 ở dự thảo lần 2."},
    )
    # the teacher does not see the answer before it is published
    client.force_login(teacher)
    assert "Đã sửa Điều 2 ở dự thảo lần 2." not in client.get(url).content.decode()
    client.force_login(principal)
    client.post(reverse("democracy:consultation_publish", args=[consultation.public_id]))
    # then
    client.force_login(teacher)
    page = client.get(url).content.decode()
    assert "Đã công khai kết quả tiếp thu, giải trình." in page
    assert "Đã sửa Điều 2 ở dự thảo lần 2." in page and "Tiếp thu" in page
    listing = client.get(reverse("democracy:consultations")).content.decode()
    assert "Quy chế chi tiêu nội bộ năm 2027" in listing


def _panel(rf, user) -> str:
    from django.template.loader import render_to_string

    from gandan.orgs import desk

    panel = desk._PANELS["democracy"]
    request = rf.get("/ban-lam-viec/")
    request.user = user
    return render_to_string(panel.template, panel.context(user, NOW.date()), request=request)


def test_desk_panel_invites_the_people_asked_until_they_have_commented(
    rf, school, principal, teacher, parent
):
    # given
    staff_draft = _open(school, principal)
    parents_draft = services.open_consultation(
        organisation=school,
        actor=principal,
        title="Kế hoạch tổ chức bán trú năm học 2026–2027",
        subject=ConsultationSubject.OTHER,
        audience=ConsultationAudience.PARENTS,
        draft_text="Giờ đón trẻ: 16 giờ 30.",
        deadline=dt.date(2026, 11, 30),
    )
    # then: each sees the draft they are asked about
    teacher_panel, parent_panel = _panel(rf, teacher), _panel(rf, parent)
    assert staff_draft.title in teacher_panel and parents_draft.title not in teacher_panel
    assert parents_draft.title in parent_panel and staff_draft.title not in parent_panel
    # when: the teacher comments
    services.add_comment(consultation=staff_draft, author=teacher, text="Đồng ý.")
    # then
    assert staff_draft.title not in _panel(rf, teacher)
