"""What grassroots democracy tells people (democracy.notices through gandan.notify): a
conference convened, a consultation opened or about to close, a ballot opened, about to close or
counted, a staff disclosure to acknowledge. Each notice reaches the right people and nobody
else, opens a page they may open, is written once however often the event or the daily job is
replayed, never says how anyone voted nor who wrote an anonymous comment, and is Vietnamese.

Personas (src/gandan/conftest.py, tests/conftest.py): the principal acts (and is not told of
their own act); the deputy, the teacher, the inspector, the clerk and the union chair are the
staff; the parent sits on the parents' board (not staff); the head of Đằng Hải and the outsider
belong elsewhere.
"""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client

from gandan.core.stored_language import english_fragments
from gandan.democracy import notices
from gandan.democracy.models import (
    BallotMethod,
    Channel,
    ConsultationAudience,
    ConsultationSubject,
    DisclosureObligation,
    ElectorateKind,
    RulePreset,
    Secrecy,
)
from gandan.democracy.services import ballots, conferences, consultations, disclosures
from gandan.notify import schedule
from gandan.notify.models import Notification, OutboxMessage, Topic
from gandan.notify.testing import run_worker

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 20, 2, tzinfo=dt.UTC)  # Friday 20/11/2026, 09:00 in Hà Nội
STAFF_BUT_THE_HEAD = ["congdoan", "giaovien", "pho", "thanhtra", "vanthu"]


@pytest.fixture(autouse=True)
def _on_friday_morning():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def cast(principal, deputy, teacher, inspector, clerk, union_officer, parent, outsider):
    """Everyone, the ones who must hear nothing included."""
    return {"principal": principal, "teacher": teacher, "parent": parent, "outsider": outsider}


@pytest.fixture
def elsewhere(other_school_principal):
    return other_school_principal


def _recipients(kind: str) -> list[str]:
    return sorted(
        Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True)
    )


def _opens(user, url: str) -> int:
    client = Client()
    client.force_login(user)
    return client.get(url).status_code


def _stored_text() -> str:
    return repr(list(Notification.objects.values_list("title", "body")))


# The staff conference.


def test_a_convened_conference_tells_everyone_summoned_and_the_union_chair(
    school, cast, elsewhere, union_officer, clerk
):
    # when
    conference = conferences.convene_conference(
        organisation=school,
        actor=cast["principal"],
        work_year_label="năm học 2025–2026",
        work_year_ends=dt.date(2026, 6, 30),
        held_on=dt.date(2026, 12, 5),
        starts_at=dt.time(7, 30),
        place="Hội trường nhà trường",
        union_chair=union_officer,
        secretary=clerk,
    )
    # then: the staff summoned (the union chair among them), not the parent, not elsewhere
    assert _recipients("democracy.conference_convened") == STAFF_BUT_THE_HEAD
    notice = Notification.objects.get(kind="democracy.conference_convened", recipient=union_officer)
    assert notice.topic == Topic.DEMOCRACY
    assert notice.title == (
        "Hội nghị cán bộ, viên chức, người lao động năm học 2025–2026 được triệu tập vào "
        "07 giờ 30 ngày 05 tháng 12 năm 2026 tại Hội trường nhà trường"
    )
    assert "Phối hợp tổ chức: Vũ Đức Thắng, Chủ tịch Công đoàn." in notice.body
    assert _opens(cast["teacher"], notice.url) == 200
    assert _opens(cast["parent"], notice.url) == 404
    # when: told again
    notices.conference_convened(conference, cast["principal"])
    # then
    assert Notification.objects.filter(kind="democracy.conference_convened").count() == 5


# Consultations.


def _consult(school, principal, *, audience=ConsultationAudience.STAFF, deadline=None):
    return consultations.open_consultation(
        organisation=school,
        actor=principal,
        title="Quy chế chi tiêu nội bộ năm 2027",
        subject=ConsultationSubject.SPENDING_RULES,
        audience=audience,
        draft_text="Điều 1. Phạm vi áp dụng.\nĐiều 2. Mức chi hội nghị.",
        deadline=deadline or dt.date(2026, 11, 27),
        allow_anonymous=True,
    )


def test_an_opened_consultation_tells_the_staff_consulted_once(school, cast, elsewhere):
    # when: opened, then the same form sent again
    consultation = _consult(school, cast["principal"])
    assert _consult(school, cast["principal"]) == consultation
    # then
    assert _recipients("democracy.consultation_opened") == STAFF_BUT_THE_HEAD
    notice = Notification.objects.filter(kind="democracy.consultation_opened").first()
    assert notice is not None
    assert notice.title == (
        "Lấy ý kiến dự thảo “Quy chế chi tiêu nội bộ năm 2027” đến hết ngày 27 tháng 11 năm 2026"
    )
    assert _opens(cast["teacher"], notice.url) == 200


def test_a_parents_consultation_tells_the_parents_board_only(school, cast):
    # when
    _consult(school, cast["principal"], audience=ConsultationAudience.PARENTS)
    # then
    assert _recipients("democracy.consultation_opened") == ["phuhuynh"]
    notice = Notification.objects.get(kind="democracy.consultation_opened")
    assert _opens(cast["parent"], notice.url) == 200


def test_a_consultation_about_to_close_reminds_who_has_not_commented(school, cast, teacher):
    # given: ends tomorrow; the teacher has commented without a name; one ending later
    consultation = _consult(school, cast["principal"], deadline=dt.date(2026, 11, 21))
    _consult(school, cast["principal"], deadline=dt.date(2026, 11, 30))
    consultations.add_comment(
        consultation=consultation, author=teacher, text="Đề nghị tăng mức chi.", anonymous=True
    )
    # when
    created = notices.reminders()
    # then: everyone consulted who has not commented, the head included; never the teacher
    assert created == 5
    assert _recipients("democracy.consultation_closing") == [
        "congdoan",
        "hieutruong",
        "pho",
        "thanhtra",
        "vanthu",
    ]
    notice = Notification.objects.filter(kind="democracy.consultation_closing").first()
    assert notice is not None and notice.urgent
    assert notice.title == (
        "Sắp hết hạn góp ý dự thảo “Quy chế chi tiêu nội bộ năm 2027”: hết ngày 21 tháng 11 "
        "năm 2026"
    )
    assert teacher.full_name not in _stored_text()  # the anonymous author is named nowhere
    # when: the job again, today and tomorrow
    assert notices.reminders() == 0
    assert notices.reminders(dt.date(2026, 11, 21)) == 0


# Ballots.


def _ballot(school, principal, closes_at=None, secrecy=Secrecy.SECRET):
    ballot = ballots.create_ballot(
        organisation=school,
        actor=principal,
        title="Thông qua mức đóng góp quỹ phúc lợi 50.000 đồng/tháng",
        method=BallotMethod.MOTION,
        secrecy=secrecy,
        electorate_kind=ElectorateKind.ALL_STAFF,
        rule=RulePreset.CONFERENCE,
        closes_at=closes_at,
    )
    return ballots.open_ballot(ballot=ballot, actor=principal)


def test_an_opened_ballot_asks_the_electorate_to_vote(school, cast, elsewhere):
    # when
    ballot = _ballot(school, cast["principal"], closes_at=NOW + dt.timedelta(days=3, hours=8))
    # then
    assert _recipients("democracy.ballot_opened") == STAFF_BUT_THE_HEAD
    notice = Notification.objects.filter(kind="democracy.ballot_opened").first()
    assert notice is not None
    assert notice.title == (
        "Mời bỏ phiếu kín: “Thông qua mức đóng góp quỹ phúc lợi 50.000 đồng/tháng”, kết thúc "
        "lúc 17 giờ 00 ngày 23 tháng 11 năm 2026"
    )
    assert _opens(cast["teacher"], notice.url) == 200
    # when: opening again is refused, and told again
    with pytest.raises(ValidationError):
        ballots.open_ballot(ballot=ballot, actor=cast["principal"])
    notices.ballot_opened(ballot, cast["principal"])
    # then
    assert Notification.objects.filter(kind="democracy.ballot_opened").count() == 5


def test_a_ballot_about_to_close_reminds_who_has_not_voted_and_its_result_tells_nothing_of_votes(
    school, cast, teacher, deputy
):
    # given: closes tomorrow at 17:00; the teacher and the deputy voted
    ballot = _ballot(school, cast["principal"], closes_at=NOW + dt.timedelta(days=1, hours=8))
    ballots.cast_ballot(ballot=ballot, voter=teacher, choices=["yes"])
    ballots.cast_ballot(ballot=ballot, voter=deputy, choices=["no"])
    # when
    assert notices.reminders() == 4
    # then: the four who have not voted (the head among them)
    assert _recipients("democracy.ballot_closing") == [
        "congdoan",
        "hieutruong",
        "thanhtra",
        "vanthu",
    ]
    reminder = Notification.objects.filter(kind="democracy.ballot_closing").first()
    assert reminder is not None and reminder.urgent
    assert reminder.body == "Bạn chưa bỏ phiếu."
    assert notices.reminders() == 0
    # when: closed
    ballots.close_ballot(ballot=ballot, actor=cast["principal"])
    # then: the electorate hears of the result: how many voted, nothing of who chose what
    assert _recipients("democracy.ballot_closed") == STAFF_BUT_THE_HEAD
    result = Notification.objects.filter(kind="democracy.ballot_closed").first()
    assert result is not None
    assert result.title.endswith(": 2/6 người đã bỏ phiếu")
    stored = _stored_text()
    for said in ["Tán thành", "Không tán thành", teacher.full_name, deputy.full_name]:
        assert said not in stored
    assert _opens(teacher, result.url) == 200


def test_an_urgent_reminder_is_mailed_with_the_page_address(school, cast, clerk):
    # given
    clerk.email = "anh@truong.edu.vn"
    clerk.save()
    ballot = _ballot(school, cast["principal"], closes_at=NOW + dt.timedelta(hours=30))
    assert OutboxMessage.objects.count() == 0  # the opening notice waits for the digest
    # when
    notices.reminders()
    assert mail.outbox == []
    run_worker()
    # then
    [sent] = mail.outbox
    assert sent.to == ["anh@truong.edu.vn"]
    assert sent.subject.startswith("Sắp kết thúc bỏ phiếu kín “Thông qua mức đóng góp")
    assert f"http://127.0.0.1:8000/dan-chu/bieu-quyet/{ballot.public_id}/" in sent.body


def test_the_worker_runs_the_reminders_each_morning_and_once(school, cast):
    # given
    _ballot(school, cast["principal"], closes_at=NOW + dt.timedelta(hours=30))
    assert schedule.JOBS["democracy.reminders"].path == "gandan.democracy.notices.reminders"
    # when
    first = schedule.run_due(NOW)
    second = schedule.run_due(NOW + dt.timedelta(hours=3))
    # then
    assert "democracy.reminders" in first and "democracy.reminders" not in second
    assert Notification.objects.filter(kind="democracy.ballot_closing").count() == 6


def test_the_command_runs_the_same_job(school, cast, capsys):
    _ballot(school, cast["principal"], closes_at=NOW + dt.timedelta(hours=30))
    call_command("democracy_reminders", "--today", "2026-11-20")
    call_command("democracy_reminders")
    assert capsys.readouterr().out.splitlines() == [
        "Đã tạo 6 thông báo mới.",
        "Đã tạo 0 thông báo mới.",
    ]


# Disclosures.


def _disclose(school, principal, code: str):
    item = disclosures.record_disclosure(
        organisation=school,
        obligation=DisclosureObligation.objects.get(code=code),
        actor=principal,
        title="Kế hoạch công tác tháng 11",
        body="Nội dung đã công khai để mọi người đọc.",
        decision_date=dt.date(2026, 11, 2),
        year=2026,
    )
    return disclosures.publish_disclosure(
        item=item,
        actor=principal,
        published_on=dt.date(2026, 11, 20),
        channels=[Channel.NOTICE_BOARD],
        proof_url="https://thanhto.edu.vn/cong-khai",
    )


def test_a_staff_disclosure_asks_each_staff_member_to_acknowledge_it(school, cast, elsewhere):
    # when
    _disclose(school, cast["principal"], "noi-bo-ke-hoach-cong-tac")
    # then
    assert _recipients("democracy.disclosure_published") == STAFF_BUT_THE_HEAD
    notice = Notification.objects.filter(kind="democracy.disclosure_published").first()
    assert notice is not None
    assert notice.title == ("Nội dung công khai cần xác nhận đã đọc: “Kế hoạch công tác tháng 11”")
    assert _opens(cast["teacher"], notice.url) == 200


def test_a_public_disclosure_asks_nobody_to_acknowledge(school, cast):
    _disclose(school, cast["principal"], "cong-khai-thu-chi-tai-chinh")
    assert Notification.objects.count() == 0


# Stored language.


def test_notices_are_stored_in_vietnamese_with_english_on_the_screen(
    english_screen, school, cast, union_officer
):
    # when
    conferences.convene_conference(
        organisation=school,
        actor=cast["principal"],
        work_year_label="năm học 2025–2026",
        work_year_ends=dt.date(2026, 6, 30),
        held_on=dt.date(2026, 12, 5),
        place="Hội trường nhà trường",
        union_chair=union_officer,
    )
    _consult(school, cast["principal"], deadline=dt.date(2026, 11, 21))
    ballot = _ballot(school, cast["principal"], closes_at=NOW + dt.timedelta(hours=30))
    notices.reminders()
    ballots.close_ballot(ballot=ballot, actor=cast["principal"])
    _disclose(school, cast["principal"], "noi-bo-ke-hoach-cong-tac")
    # then
    assert Notification.objects.values("kind").distinct().count() == 7
    text = _stored_text()
    assert [fragment for fragment in english_fragments() if fragment in text] == []
    assert "bỏ phiếu kín" in text
