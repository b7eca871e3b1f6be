"""The step waiting for each person in an evaluation reaches them, and nobody else: the form to
fill when a period opens, the self-assessment to the tổ leader (or the managers), the meeting's
opinion to the head (the head's own to the ward's officer), the written notice to the person,
an appeal to whoever resolves it. The links open for those told; a replay tells nobody twice.
A cycle stores no deadline for its steps, so there are no reminders to test."""

import datetime as dt

import pytest
from django.test import Client

from gandan.evaluation.services import appeals, assessment, cycles, results
from gandan.evaluation.tests.builders import decided_nd90_year, evaluation_of, ward_officer
from gandan.notify.models import Notification, Topic

D = dt.date
LEVELS = {key: "tot" for key in ("principal", "deputy", "teacher", "group_leader", "other_teacher")}


def told(kind: str) -> set[str]:
    return set(Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True))


def opens(user, url: str) -> int:
    client = Client()
    client.force_login(user)
    return client.get(url).status_code


def notice_of(user, kind: str) -> Notification:
    return Notification.objects.get(recipient=user, kind=kind)


@pytest.fixture
def quarter(school, principal, staff, unit_rules, clerk, authority_officer):
    return cycles.open_cycle(
        organisation=school, actor=principal, period_type="quarter", year=2026, number=1
    )


def self_assess(cycle, user):
    return assessment.submit_self_assessment(
        evaluation=evaluation_of(cycle, user),
        actor=user,
        comment="Hoàn thành các nhiệm vụ được giao trong kỳ.",
        general=28,
        task=60,
        task_reason="Sản phẩm ngoài kế hoạch.",
    )


def meeting(cycle, user, recorder):
    return assessment.record_group_opinion(
        evaluation=evaluation_of(cycle, user),
        actor=recorder,
        meeting_on=D(2026, 11, 27),
        minutes="Tổ nhất trí với điểm tự chấm.",
    )


def test_an_opened_period_tells_each_person_evaluated_their_form_waits(quarter, staff, clerk):
    evaluated = set(quarter.evaluations.values_list("person__username", flat=True))
    assert told("evaluation.self_assessment_open") == evaluated
    assert "canbophuong" not in evaluated
    notice = notice_of(staff["teacher"], "evaluation.self_assessment_open")
    assert notice.topic == Topic.EVALUATION
    assert "Trường Tiểu học Thành Tô mở kỳ đánh giá" in notice.title
    for user in staff.values():
        assert opens(user, notice_of(user, "evaluation.self_assessment_open").url) == 200
    # someone else's link stays closed
    assert opens(staff["other_teacher"], notice.url) == 404


def test_a_self_assessment_goes_to_the_tổ_leader_else_the_managers_once(quarter, staff):
    self_assess(quarter, staff["teacher"])
    self_assess(quarter, staff["teacher"])  # rewritten before the meeting: told once
    assert told("evaluation.self_assessed") == {"totruong"}
    notice = notice_of(staff["group_leader"], "evaluation.self_assessed")
    assert "Lê Thị Hồng Nhung đã tự đánh giá" in notice.title
    assert opens(staff["group_leader"], notice.url) == 200
    # tổ 2 has no leader: its teacher's report goes to the head and the deputy
    self_assess(quarter, staff["other_teacher"])
    others = Notification.objects.filter(kind="evaluation.self_assessed", title__contains="Bùi")
    assert {n.recipient.username for n in others} == {"hieutruong", "pho"}
    for notice in others:
        assert opens(notice.recipient, notice.url) == 200


def test_the_meetings_opinion_goes_to_the_head_and_on_the_head_to_the_ward(
    quarter, staff, authority_officer
):
    self_assess(quarter, staff["teacher"])
    meeting(quarter, staff["teacher"], staff["group_leader"])
    meeting(quarter, staff["teacher"], staff["group_leader"])  # a replay
    assert told("evaluation.group_reviewed") == {"hieutruong"}
    notice = notice_of(staff["principal"], "evaluation.group_reviewed")
    assert "chờ quyết định kết quả" in notice.title
    assert opens(staff["principal"], notice.url) == 200
    # the head's own evaluation is decided by the ward's officer (NĐ 233/2026, Điều 13 k3a)
    self_assess(quarter, staff["principal"])
    meeting(quarter, staff["principal"], staff["deputy"])
    on_head = Notification.objects.filter(kind="evaluation.group_reviewed").exclude(
        recipient=staff["principal"]
    )
    assert [n.recipient.username for n in on_head] == ["canbophuong"]
    assert opens(authority_officer, on_head[0].url) == 200
    assert not Notification.objects.filter(
        recipient=staff["principal"], kind="evaluation.group_reviewed", title__contains="Thu Hà"
    ).exists()


@pytest.fixture
def notified_year(school, staff, authority_officer):
    cycle = decided_nd90_year(school, staff, LEVELS)
    results.notify_results(cycle=cycle, actor=staff["principal"], issued_on=D(2026, 6, 8))
    for _ in range(2):  # the ward's notice to the head, sent twice
        results.notify_managed_result(
            evaluation=evaluation_of(cycle, staff["principal"]),
            actor=authority_officer,
            issued_on=D(2026, 6, 8),
        )
    return cycle


def test_each_person_is_told_of_their_written_notice_with_its_download(notified_year, staff):
    assert told("evaluation.result_notified") == {user.username for user in staff.values()}
    assert Notification.objects.filter(kind="evaluation.result_notified").count() == 5
    notice = notice_of(staff["teacher"], "evaluation.result_notified")
    evaluation = evaluation_of(notified_year, staff["teacher"])
    assert evaluation.notice is not None
    assert f"Thông báo số {evaluation.notice.number_symbol}" in notice.title
    assert "ngày 08 tháng 6 năm 2026" in notice.title
    assert f"/danh-gia/{evaluation.public_id}/thong-bao.docx" in notice.body
    assert opens(staff["teacher"], notice.url) == 200
    assert opens(staff["teacher"], f"/danh-gia/{evaluation.public_id}/thong-bao.docx") == 200
    heads = notice_of(staff["principal"], "evaluation.result_notified")
    assert "UBND" in heads.title or "/TB-" in heads.title
    assert opens(staff["principal"], heads.url) == 200


def test_an_appeal_is_told_to_whoever_resolves_it(notified_year, staff, authority_officer):
    for _ in range(2):
        appeals.file_appeal(
            evaluation=evaluation_of(notified_year, staff["teacher"]),
            actor=staff["teacher"],
            text="Tôi đề nghị xem xét lại mức xếp loại.",
            consent=True,
        )
    assert told("evaluation.appealed") == {"hieutruong", "pho"}
    for notice in Notification.objects.filter(kind="evaluation.appealed"):
        assert "Lê Thị Hồng Nhung gửi khiếu nại" in notice.title
        assert opens(notice.recipient, notice.url) == 200
    # the head's appeal: the ward's officer, never her school
    appeals.file_appeal(
        evaluation=evaluation_of(notified_year, staff["principal"]),
        actor=staff["principal"],
        text="Tôi đề nghị xem xét lại mức xếp loại.",
        consent=True,
    )
    on_head = Notification.objects.filter(kind="evaluation.appealed", title__contains="Thu Hà")
    assert [n.recipient.username for n in on_head] == [
        ward_officer(notified_year.organisation).username
    ]
    assert opens(authority_officer, on_head[0].url) == 200


def test_the_notices_are_stored_in_vietnamese(
    notified_year, staff, assert_stored_vietnamese, english_screen
):
    appeals.file_appeal(
        evaluation=evaluation_of(notified_year, staff["teacher"]),
        actor=staff["teacher"],
        text="Tôi đề nghị xem xét lại mức xếp loại.",
        consent=True,
    )
    assert Notification.objects.filter(topic=Topic.EVALUATION).count() > 10
    assert_stored_vietnamese()
