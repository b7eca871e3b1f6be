"""Who may see and do what with consultations, conferences and the inspection board: every page
and action against the cast; a refusal is a 404 and changes nothing.

- principal: the head: manages consultations and conferences, records the elected board,
  answers recommendations.
- union_officer: staff, union chair of the conferences: comments, records the proceedings,
  recognises the election; sees the board's inspections and the oversight page.
- inspector: staff, on the inspection board: comments; announces and concludes inspections,
  follows up recommendations, puts the board's report before the conference.
- teacher: staff: reads and comments; no inspections, no oversight page.
- parent: on the parents' board: the parents' consultation only.
- authority_officer (the ward): reads; changes nothing.
- outsider, other_school_principal: nothing of Thành Tô.
"""

import datetime as dt

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from gandan.democracy.models import (
    AgendaDocument,
    AgendaItem,
    AgendaKind,
    Attendee,
    Ballot,
    BallotMethod,
    BallotPurpose,
    BoardTerm,
    Comment,
    Conference,
    Consultation,
    ConsultationAudience,
    ConsultationSubject,
    Decision,
    DemocracyEvent,
    DisclosureItem,
    Inspection,
    Programme,
    Recommendation,
    ResolutionCheck,
    Secrecy,
)
from gandan.democracy.services import ballots, conferences, consultations
from gandan.democracy.services import inspection as board
from gandan.paperwork.models import OutgoingDocument

NOW = dt.datetime(2026, 11, 20, 3, tzinfo=dt.UTC)  # Friday 20/11/2026
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PERSONAS = [
    "principal",
    "union_officer",
    "inspector",
    "teacher",
    "parent",
    "authority_officer",
    "outsider",
    "other_school_principal",
    "anonymous",
]


@pytest.fixture(autouse=True)
def _frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


def _conference(school, principal, union_officer, held_on, present):
    conference = conferences.convene_conference(
        organisation=school,
        actor=principal,
        work_year_label="năm học 2025–2026",
        work_year_ends=dt.date(2026, 8, 31),
        held_on=held_on,
        place="Hội trường",
        union_chair=union_officer,
    )
    conferences.record_attendance(
        conference=conference, actor=principal, present=[p.pk for p in present]
    )
    return conference


def _item(conference, kind):
    return conference.agenda.get(kind=kind)


def _adopt_resolution(conference, principal, present):
    conferences.set_resolution_points(conference=conference, actor=principal, points=["Đạt."])
    vote = conferences.open_conference_vote(
        item=_item(conference, AgendaKind.RESOLUTION),
        actor=principal,
        title="Thông qua nghị quyết",
        secrecy=Secrecy.OPEN,
    )
    for person in present:
        ballots.cast_ballot(ballot=vote, voter=person, choices=["yes"])
    ballots.close_ballot(ballot=vote, actor=principal)


def _board_election(conference, principal, present, candidates):
    ballot = conferences.open_conference_vote(
        item=_item(conference, AgendaKind.DECISIONS),
        actor=principal,
        title="Bầu Ban Thanh tra nhân dân",
        method=BallotMethod.ELECTION,
        secrecy=Secrecy.SECRET,
        purpose=BallotPurpose.INSPECTION_BOARD,
        candidates=candidates,
        seats=3,
    )
    picks = [str(option.pk) for option in ballot.options.all()]
    for person in present:
        ballots.cast_ballot(ballot=ballot, voter=person, choices=picks)
    return ballots.close_ballot(ballot=ballot, actor=principal)


@pytest.fixture
def world(
    school,
    principal,
    union_officer,
    inspector,
    teacher,
    parent,
    authority_officer,
    outsider,
    other_school_principal,
    more_teachers,
    media,
):
    extra = more_teachers(4)
    staff = [principal, union_officer, inspector, teacher, *extra]  # eight
    # Consultations: open (staff), open (parents), closed with an answered comment.
    open_staff = consultations.open_consultation(
        organisation=school,
        actor=principal,
        title="Quy chế chi tiêu nội bộ năm 2027",
        subject=ConsultationSubject.SPENDING_RULES,
        audience=ConsultationAudience.STAFF,
        draft_text="Điều 1.\nĐiều 2.",
        deadline=dt.date(2026, 11, 30),
        allow_anonymous=True,
    )
    open_parents = consultations.open_consultation(
        organisation=school,
        actor=principal,
        title="Kế hoạch bán trú",
        subject=ConsultationSubject.OTHER,
        audience=ConsultationAudience.PARENTS,
        draft_text="Giờ đón trẻ 16 giờ 30.",
        deadline=dt.date(2026, 11, 30),
    )
    closed = consultations.open_consultation(
        organisation=school,
        actor=principal,
        title="Quy chế thực hiện dân chủ",
        subject=ConsultationSubject.DEMOCRACY_RULES,
        audience=ConsultationAudience.STAFF,
        draft_text="Điều 1.",
        deadline=dt.date(2026, 11, 30),
    )
    answered = consultations.add_comment(consultation=closed, author=teacher, text="Đồng ý.")
    consultations.close_consultation(consultation=closed, actor=principal)
    consultations.answer_comment(
        comment=answered, actor=principal, decision=Decision.ACCEPTED, reason="Ghi nhận."
    )
    # Conferences: B held and closed (with the board's election), A convened, S in session.
    with time_machine.travel(dt.datetime(2026, 10, 12, 3, tzinfo=dt.UTC), tick=False):
        held = _conference(school, principal, union_officer, dt.date(2026, 10, 12), staff)
        conferences.open_conference(conference=held, actor=principal)
        election = _board_election(held, principal, staff, [inspector, extra[0], extra[1]])
        _adopt_resolution(held, principal, staff)
        held = conferences.close_conference(conference=held, actor=principal)
        term = board.constitute_board(ballot=election, actor=principal, head=inspector)
    convened = _conference(school, principal, union_officer, dt.date(2026, 11, 20), staff)
    document = conferences.attach_document(
        item=_item(convened, AgendaKind.HEAD_REPORT),
        actor=principal,
        upload=SimpleUploadedFile("bao-cao.pdf", PDF, content_type="application/pdf"),
    )
    sitting = _conference(school, principal, union_officer, dt.date(2026, 11, 20), staff)
    conferences.open_conference(conference=sitting, actor=principal)
    _adopt_resolution(sitting, principal, staff)
    pending = _board_election(sitting, principal, staff, [inspector, extra[0], extra[2]])
    # The board's work: a concluded inspection with one open and one answered recommendation.
    inspection = board.notify_inspection(
        term=term,
        actor=inspector,
        subject="Quỹ phúc lợi",
        target="Kế toán",
        notified_on=dt.date(2026, 11, 2),
        starts_on=dt.date(2026, 11, 9),
    )
    inspection = board.conclude_inspection(
        inspection=inspection,
        actor=inspector,
        findings="Thiếu chứng từ.",
        recommendations=["Bổ sung chứng từ", "Công khai quỹ"],
        concluded_on=dt.date(2026, 11, 13),
    )
    open_rec, answered_rec = inspection.recommendations.all()
    board.answer_recommendation(recommendation=answered_rec, actor=principal, answer="Sẽ làm.")
    return {
        "school": school,
        "open_staff": open_staff,
        "open_parents": open_parents,
        "closed": closed,
        "answered": answered,
        "held": held,
        "convened": convened,
        "sitting": sitting,
        "document": document,
        "term": term,
        "pending": pending,
        "inspection": inspection,
        "open_rec": open_rec,
        "answered_rec": answered_rec,
    }


def _login(client, request, persona):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))


def _get_urls(w):
    slug = f"?truong={w['school'].slug}"
    return {
        "consultations": reverse("democracy:consultations") + slug,
        "consultation": reverse("democracy:consultation", args=[w["open_staff"].public_id]),
        "parents_consultation": reverse(
            "democracy:consultation", args=[w["open_parents"].public_id]
        ),
        "consultation_new": reverse("democracy:consultation_new"),
        "revise": reverse("democracy:consultation_revise", args=[w["open_staff"].public_id]),
        "summary_draft": reverse("democracy:consultation_summary", args=[w["closed"].public_id]),
        "conferences": reverse("democracy:conferences") + slug,
        "conference_new": reverse("democracy:conference_new"),
        "conference": reverse("democracy:conference", args=[w["convened"].public_id]),
        "attendance": reverse("democracy:conference_attendance", args=[w["convened"].public_id]),
        "minutes": reverse("democracy:conference_document", args=[w["held"].public_id, "bien-ban"]),
        "agenda_document": reverse("democracy:agenda_document", args=[w["document"].public_id]),
        "board": reverse("democracy:board") + slug,
        "oversight": reverse("democracy:board_oversight") + slug,
        "inspection": reverse("democracy:inspection", args=[w["inspection"].public_id]),
        "board_report": reverse("democracy:board_report", args=[w["term"].public_id]),
    }


GET_ENDPOINTS = [
    "consultations",
    "consultation",
    "parents_consultation",
    "consultation_new",
    "revise",
    "summary_draft",
    "conferences",
    "conference_new",
    "conference",
    "attendance",
    "minutes",
    "agenda_document",
    "board",
    "oversight",
    "inspection",
    "board_report",
]
# One letter per endpoint, in the order above: Y = 200, n = 404, L = 302 to the login page.
# Pages without an object or ?truong= in their address are of the user's own school.
GET_MATRIX = {
    "principal":              "YYYYYYYYYYYYYYYY",
    "union_officer":          "YYYnnnYnYnYYYYYY",
    "inspector":              "YYYnnnYnYnYYYYYY",
    "teacher":                "YYYnnnYnYnYYYnnn",
    "parent":                 "YnYnnnnnnnnnnnnn",
    "authority_officer":      "YYYnnnYnYnYYYYYY",
    "outsider":               "nnnnnnnnnnnnnnnn",
    "other_school_principal": "nnnYnnnYnnnnnnnn",
    "anonymous":              "LLLLLLLLLLLLLLLL",
}  # fmt: skip
CODES = {"Y": 200, "n": 404, "L": 302}


@pytest.mark.parametrize("persona", PERSONAS)
def test_read_matrix(client, request, world, persona):
    # given
    _login(client, request, persona)
    urls = _get_urls(world)
    # when
    found = {endpoint: client.get(urls[endpoint]).status_code for endpoint in GET_ENDPOINTS}
    # then
    expected = {
        endpoint: CODES[letter]
        for endpoint, letter in zip(GET_ENDPOINTS, GET_MATRIX[persona], strict=True)
    }
    assert found == expected


def _state(school):
    """Everything of Thành Tô that a POST here could change."""
    return (
        tuple(
            Consultation.objects.filter(organisation=school)
            .order_by("pk")
            .values_list("status", "versions__number")
        ),
        tuple(Comment.objects.order_by("pk").values_list("text", "decision", "reason")),
        tuple(
            Conference.objects.filter(organisation=school)
            .order_by("pk")
            .values_list("status", "resolution_points", "minutes_document")
        ),
        tuple(Attendee.objects.order_by("pk").values_list("present")),
        tuple(AgendaItem.objects.order_by("pk").values_list("notes", "presenter")),
        AgendaDocument.objects.count(),
        tuple(Ballot.objects.order_by("pk").values_list("status")),
        tuple(BoardTerm.objects.order_by("pk").values_list("ends_on", "recognised_on")),
        Programme.objects.count(),
        tuple(Inspection.objects.order_by("pk").values_list("status")),
        tuple(Recommendation.objects.order_by("pk").values_list("status", "answer")),
        tuple(ResolutionCheck.objects.order_by("pk").values_list("done_on")),
        DisclosureItem.objects.count(),
        OutgoingDocument.objects.count(),
        DemocracyEvent.objects.filter(organisation=school).count(),
    )


def _post(w, endpoint):
    convened, sitting = w["convened"], w["sitting"]
    return {
        "consultation_new": (
            reverse("democracy:consultation_new"),
            {
                "title": "Kế hoạch năm học",
                "subject": "annual_plan",
                "audience": "staff",
                "deadline": "2026-11-30",
                "draft_text": "Một",
            },
        ),
        "comment": (
            reverse("democracy:comment_add", args=[w["open_staff"].public_id]),
            {"text": "Ý kiến."},
        ),
        "parents_comment": (
            reverse("democracy:comment_add", args=[w["open_parents"].public_id]),
            {"text": "Ý kiến."},
        ),
        "revise": (
            reverse("democracy:consultation_revise", args=[w["open_staff"].public_id]),
            {"note": "Sửa.", "draft_text": "Điều 1 mới."},
        ),
        "close_consultation": (
            reverse("democracy:consultation_close", args=[w["open_staff"].public_id]),
            {},
        ),
        "answer": (
            reverse("democracy:comment_answer", args=[w["answered"].public_id]),
            {
                f"{w['answered'].public_id}-decision": "partly",
                f"{w['answered'].public_id}-reason": "Một phần.",
            },
        ),
        "publish": (reverse("democracy:consultation_publish", args=[w["closed"].public_id]), {}),
        "convene": (
            reverse("democracy:conference_new"),
            {
                "kind": "extraordinary",
                "work_year_label": "năm học 2026–2027",
                "held_on": "2026-12-01",
                "place": "Hội trường",
                "union_chair": "",
            },
        ),
        "attendance": (
            reverse("democracy:conference_attendance", args=[convened.public_id]),
            {},
        ),
        "open_conference": (reverse("democracy:conference_open", args=[convened.public_id]), {}),
        "record": (
            reverse(
                "democracy:agenda_record",
                args=[convened.public_id, _item(convened, AgendaKind.DISCUSSION).pk],
            ),
            {f"i{_item(convened, AgendaKind.DISCUSSION).pk}-notes": "Ý kiến thảo luận."},
        ),
        "attach": (
            reverse(
                "democracy:agenda_attach",
                args=[convened.public_id, _item(convened, AgendaKind.UNION_REPORT).pk],
            ),
            {"file": SimpleUploadedFile("bc.pdf", PDF, content_type="application/pdf")},
        ),
        "resolution_points": (
            reverse("democracy:conference_resolution", args=[convened.public_id]),
            {"points": "Một\nHai"},
        ),
        "vote": (
            reverse(
                "democracy:conference_vote",
                args=[sitting.public_id, _item(sitting, AgendaKind.DECISIONS).pk],
            ),
            {"title": "Quỹ phúc lợi", "purpose": "general", "method": "motion", "secrecy": "open"},
        ),
        "close_conference": (reverse("democracy:conference_close", args=[sitting.public_id]), {}),
        "check": (
            reverse(
                "democracy:resolution_check",
                args=[w["held"].public_id, w["held"].checks.get().pk],
            ),
            {"done_on": "2026-11-20", "findings": "Đang thực hiện."},
        ),
        "constitute": (
            reverse("democracy:board_constitute", args=[w["pending"].public_id]),
            {"head": str(w["pending"].options.get(order=0).candidate_id)},
        ),
        "recognise": (reverse("democracy:board_recognise", args=[w["term"].public_id]), {}),
        "programme": (
            reverse("democracy:programme_add", args=[w["term"].public_id]),
            {
                "period": "quarter",
                "label": "Quý I/2027",
                "starts_on": "2027-01-01",
                "ends_on": "2027-03-31",
                "content": "Kiểm tra.",
            },
        ),
        "inspection_new": (
            reverse("democracy:inspection_new", args=[w["term"].public_id]),
            {
                "subject": "Bán trú",
                "target": "Bếp ăn",
                "notified_on": "2026-11-20",
                "starts_on": "2026-11-27",
            },
        ),
        "rec_answer": (
            reverse("democracy:recommendation_answer", args=[w["open_rec"].public_id]),
            {f"{w['open_rec'].public_id}-answer": "Đã bổ sung."},
        ),
        "follow_up": (
            reverse("democracy:recommendation_follow_up", args=[w["answered_rec"].public_id]),
            {
                f"{w['answered_rec'].public_id}-implemented": "1",
                f"{w['answered_rec'].public_id}-note": "Đã làm.",
            },
        ),
        "board_report_attach": (
            reverse("democracy:board_report_attach", args=[convened.public_id]),
            {},
        ),
    }[endpoint]


POST_ENDPOINTS = [
    "consultation_new",
    "comment",
    "parents_comment",
    "revise",
    "close_consultation",
    "answer",
    "publish",
    "convene",
    "attendance",
    "open_conference",
    "record",
    "attach",
    "resolution_points",
    "vote",
    "close_conference",
    "check",
    "constitute",
    "recognise",
    "programme",
    "inspection_new",
    "rec_answer",
    "follow_up",
    "board_report_attach",
]
MANAGER_ONLY = {
    "consultation_new",
    "revise",
    "close_consultation",
    "answer",
    "publish",
    "attendance",
    "open_conference",
    "resolution_points",
    "vote",
    "close_conference",
    "check",
    "constitute",
    "rec_answer",
}
ALLOWED = {
    "principal": MANAGER_ONLY | {"comment", "record", "attach", "board_report_attach"},
    "union_officer": {"comment", "record", "attach", "recognise"},
    "inspector": {"comment", "programme", "inspection_new", "follow_up", "board_report_attach"},
    "teacher": {"comment"},
    "parent": {"parents_comment"},
}
# Addresses without an object act on the user's own school.
OWN_SCHOOL = {"consultation_new", "convene"}


@pytest.mark.parametrize("persona", PERSONAS)
def test_write_matrix(client, request, world, persona):
    # given
    _login(client, request, persona)
    allowed = ALLOWED.get(persona, set())
    outcomes = {}
    for endpoint in POST_ENDPOINTS:
        with transaction.atomic():
            url, data = _post(world, endpoint)
            before = _state(world["school"])
            # when
            response = client.post(url, data)
            changed = _state(world["school"]) != before
            transaction.set_rollback(True)
        # then
        if persona == "anonymous":
            outcome = response.status_code == 302 and "/dang-nhap/" in response["Location"]
            outcome = outcome and not changed
        elif endpoint == "convene":
            # the form needs a union officer; nobody's request is complete, so nothing changes
            outcome = response.status_code in {200, 404} and not changed
            outcome = outcome and (response.status_code == 200) == (
                persona in {"principal", "other_school_principal"}
            )
        elif endpoint in allowed:
            outcome = response.status_code == 302 and changed
        elif persona == "other_school_principal" and endpoint in OWN_SCHOOL:
            outcome = response.status_code in {200, 302} and not changed
        else:
            outcome = response.status_code == 404 and not changed
        outcomes[endpoint] = outcome
    assert [endpoint for endpoint, ok in outcomes.items() if not ok] == []
