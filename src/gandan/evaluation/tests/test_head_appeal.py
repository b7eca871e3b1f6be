"""The head's appeal against her result goes to the managing body that decided it.

A complaint goes first to the one who made the decision (Luật Khiếu nại 2011, Điều 7 k1; the
UBND xã's chairman resolves complaints against its own decisions, Điều 17). The head's result
is decided and notified by the ward (NĐ 233/2026, Điều 13 k3a, Điều 15 k2đ), so her appeal is a
case of the ward, handled by its officer: never of her school, where she would handle her own
complaint. A teacher's appeal still goes to the school.

Cast: the head (principal) appeals; the ward's officer (authority_officer) sees and handles the
case; the school's head, deputy, teacher, clerk and inspection board member, another ward's
officer and the Sở's officer get a 404.
"""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gandan.evaluation.models import Appeal, EvaluationEvent
from gandan.evaluation.services import appeals, results
from gandan.evaluation.tests.builders import decided_nd90_year, evaluation_of
from gandan.petitions import access as case_access
from gandan.petitions.models import Case, CaseKind, Channel
from gandan.petitions.services import Sender, Submission, assign_case, submit_case
from gandan.petitions.services.workflow import accept_case

D = dt.date
LEVELS = {key: "tot" for key in ("principal", "deputy", "teacher", "group_leader", "other_teacher")}
TEXT = "Tôi đề nghị xem xét lại mức xếp loại vì trường được xếp loại hoàn thành tốt nhiệm vụ."
OUTSIDE_THE_CASE = (
    "principal",
    "deputy",
    "teacher",
    "clerk",
    "inspector",
    "other_ward_officer",
    "department_officer",
)


@pytest.fixture
def people(staff, authority_officer, other_ward_officer, department_officer) -> dict:
    return staff | {
        "authority_officer": authority_officer,
        "other_ward_officer": other_ward_officer,
        "department_officer": department_officer,
    }


@pytest.fixture
def notified_year(school, people):
    """School year 2025–2026 closed; the school notified its staff, the ward the head."""
    cycle = decided_nd90_year(school, people, LEVELS)
    results.notify_results(cycle=cycle, actor=people["principal"], issued_on=D(2026, 6, 8))
    results.notify_managed_result(
        evaluation=evaluation_of(cycle, people["principal"]),
        actor=people["authority_officer"],
        issued_on=D(2026, 6, 8),
    )
    return cycle


def _heads_appeal(cycle, people) -> Appeal:
    return appeals.file_appeal(
        evaluation=evaluation_of(cycle, people["principal"]),
        actor=people["principal"],
        text=TEXT,
        consent=True,
    )


def test_the_heads_appeal_is_a_complaint_of_the_ward_never_of_her_school(
    notified_year, people, school, ward
):
    # when
    appeal = _heads_appeal(notified_year, people)
    # then: a first-instance complaint in the ward's register
    case = appeal.case
    assert case is not None
    assert (case.organisation, case.kind, case.procedure, case.channel) == (
        ward,
        CaseKind.COMPLAINT,
        "lan_dau",
        Channel.WEB,
    )
    assert not Case.objects.filter(organisation=school).exists()
    assert case.title == (
        "Khiếu nại kết quả xếp loại chất lượng viên chức năm học 2025–2026, "
        "Trường Tiểu học Thành Tô"
    )
    assert "Kết quả do Ủy ban nhân dân phường Hải An quyết định." in case.content
    assert "thông báo số 01/TB-UBND" in case.content
    assert case.contact_name == "Nguyễn Thị Thu Hà"
    event = notified_year.events.get(kind="appealed")
    assert f"hồ sơ {case.display_code} của Ủy ban nhân dân phường Hải An" in event.summary


def test_the_wards_case_runs_on_the_complaint_rules_a_school_case_would(
    notified_year, people, school
):
    # given: the head's appeal, and the same complaint received by a school at the same moment
    case = _heads_appeal(notified_year, people).case
    assert case is not None
    same = submit_case(
        organisation=school,
        submission=Submission(
            kind=CaseKind.COMPLAINT,
            title=case.title,
            content=case.content,
            channel=Channel.WEB,
            sender=Sender(name="Lê Văn Bình", address="Số 3 Lạch Tray, phường Hải An"),
            consent=True,
            received_at=case.received_at,
        ),
    )

    def steps(c):
        return list(c.deadlines.order_by("order").values_list("step", "due", "limit", "unit"))

    # then: the deadlines of the rules in force (thụ lý 07 working days from 1/7/2026)
    assert steps(case) and steps(case) == steps(same)
    acceptance = case.deadlines.get(step="thu_ly")
    assert (acceptance.limit, acceptance.unit) == (7, "working_day")


def test_a_teachers_appeal_still_goes_to_the_school(notified_year, people, school):
    appeal = appeals.file_appeal(
        evaluation=evaluation_of(notified_year, people["teacher"]),
        actor=people["teacher"],
        text=TEXT,
        consent=True,
    )
    assert appeal.case is not None
    assert appeal.case.organisation == school
    assert appeals.resolving_body(evaluation_of(notified_year, people["teacher"])) == school


def test_only_the_wards_officer_sees_the_heads_appeal(client, notified_year, people, request):
    # given: the school's clerk and an inspection board member too (joined after the year)
    people = people | {name: request.getfixturevalue(name) for name in ("clerk", "inspector")}
    case = _heads_appeal(notified_year, people).case
    assert case is not None
    detail = reverse("petitions:detail", args=[case.public_id])
    # when / then: the school's people and the other authorities' officers get a 404
    for persona in OUTSIDE_THE_CASE:
        user = people[persona]
        client.force_login(user)
        assert client.get(detail).status_code == 404, persona
        assert not case_access.can(user, case, "view"), persona
        listing = client.get(reverse("petitions:list"))
        assert case.display_code not in listing.content.decode(), persona
    # when / then: the ward's officer opens it and finds it in the ward's cases
    client.force_login(people["authority_officer"])
    assert client.get(detail).status_code == 200
    listing = client.get(reverse("petitions:list"))
    assert listing.status_code == 200
    assert case.display_code in listing.content.decode()
    # the ward's reception pages stay closed, and the list links none of them
    for page in ("schedule", "walk_in", "register", "dashboard"):
        assert client.get(reverse(f"petitions:{page}")).status_code == 404, page
        assert reverse(f"petitions:{page}") not in listing.content.decode(), page


def test_the_wards_officer_handles_it_and_the_head_cannot(client, notified_year, people):
    # given
    case = _heads_appeal(notified_year, people).case
    assert case is not None
    officer, head = people["authority_officer"], people["principal"]
    # when: the head tries to accept it, or to be named its resolver
    client.force_login(head)
    before = (case.status, case.accepted_on, case.handler_id, case.events.count())
    url = reverse("petitions:action", args=[case.public_id, "thu-ly"])
    assert client.post(url).status_code == 404
    with pytest.raises(ValidationError):
        assign_case(case=case, actor=officer, handler=head)
    case.refresh_from_db()
    # then: nothing changed
    assert (case.status, case.accepted_on, case.handler_id, case.events.count()) == before
    # when: the ward's officer names herself and accepts it
    assign_case(case=case, actor=officer, handler=officer)
    client.force_login(officer)
    assert client.post(url).status_code == 302
    # then
    case.refresh_from_db()
    assert case.handler == officer
    assert case.accepted_on == D(2026, 11, 28)
    assert accept_case(case=case, actor=officer) == case  # a replay changes nothing


def test_the_heads_appeal_sent_twice_is_one_case(client, notified_year, people, ward):
    # given
    head = evaluation_of(notified_year, people["principal"])
    url = reverse("evaluation:appeal", args=[head.public_id])
    data = {"kind": CaseKind.COMPLAINT, "text": TEXT, "consent": "on"}
    client.force_login(people["principal"])
    # when: a double click
    first = client.post(url, data)
    second = client.post(url, data)
    # then
    assert (first.status_code, second.status_code) == (302, 302)
    assert Appeal.objects.filter(evaluation=head).count() == 1
    assert Case.objects.filter(organisation=ward).count() == 1
    assert not Case.objects.exclude(organisation=ward).exists()
    assert notified_year.events.filter(kind="appealed").count() == 1


def test_the_appeal_page_says_where_the_appeal_goes(client, notified_year, people):
    client.force_login(people["principal"])
    head = evaluation_of(notified_year, people["principal"])
    body = client.get(reverse("evaluation:appeal", args=[head.public_id])).content.decode()
    assert "sổ đơn thư của Ủy ban nhân dân phường Hải An" in body
    assert "sổ đơn thư của nhà trường" not in body
    client.force_login(people["teacher"])
    mine = evaluation_of(notified_year, people["teacher"])
    body = client.get(reverse("evaluation:appeal", args=[mine.public_id])).content.decode()
    assert "sổ đơn thư của nhà trường" in body


def test_the_evaluation_page_links_the_ward_officer_to_the_case(client, notified_year, people):
    case = _heads_appeal(notified_year, people).case
    assert case is not None
    head = evaluation_of(notified_year, people["principal"])
    client.force_login(people["authority_officer"])
    body = client.get(reverse("evaluation:detail", args=[head.public_id])).content.decode()
    assert reverse("petitions:detail", args=[case.public_id]) in body
    assert reverse("petitions:tracked", args=[case.tracking_code]) not in body
    # the head follows hers by its tracking code; the deputy, who reads her evaluation, sees none
    client.force_login(people["principal"])
    body = client.get(reverse("evaluation:detail", args=[head.public_id])).content.decode()
    assert reverse("petitions:detail", args=[case.public_id]) not in body
    assert reverse("petitions:tracked", args=[case.tracking_code]) in body
    client.force_login(people["deputy"])
    response = client.get(reverse("evaluation:detail", args=[head.public_id]))
    assert response.status_code == 200
    body = response.content.decode()
    assert case.tracking_code not in body and case.display_code not in body


def test_no_managing_body_to_take_it_is_a_clear_refusal_that_changes_nothing(
    notified_year, people, school
):
    # given: the school no longer recorded under its ward
    school.parent = None
    school.save(update_fields=["parent"])
    before = (Appeal.objects.count(), Case.objects.count(), EvaluationEvent.objects.count())
    # when / then
    with pytest.raises(ValidationError, match="chưa có cơ quan quản lý trên hệ thống"):
        _heads_appeal(notified_year, people)
    assert (Appeal.objects.count(), Case.objects.count(), EvaluationEvent.objects.count()) == (
        before
    )


def test_a_department_holds_no_cases(department):
    with pytest.raises(ValidationError, match="Chỉ trường học"):
        submit_case(
            organisation=department,
            submission=Submission(
                kind=CaseKind.COMPLAINT,
                title="Khiếu nại kết quả xếp loại",
                content="Tôi đề nghị xem xét lại kết quả xếp loại của tôi.",
                channel=Channel.WEB,
                sender=Sender(name="Lê Văn Bình", address="Số 3 Lạch Tray, phường Hải An"),
                consent=True,
            ),
        )
    assert not Case.objects.exists()
