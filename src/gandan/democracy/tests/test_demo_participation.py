"""The demo's last conference, the board it elected and the open consultation, built twice."""

import datetime as dt

import pytest
import time_machine

from gandan.democracy import demo
from gandan.democracy.models import (
    BallotStatus,
    BoardTerm,
    Conference,
    ConferenceStatus,
    Consultation,
    DisclosureItem,
    InspectionStatus,
)
from gandan.orgs import access as org_access
from gandan.orgs.models import Role, User

TODAY = dt.datetime(2026, 11, 28, 3, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _frozen_time():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def school(db, settings, tmp_path):
    from gandan.orgs import demo as orgs_demo

    settings.MEDIA_ROOT = tmp_path / "files"
    school = orgs_demo.build()
    demo.build(school)
    demo.build(school)
    return school


def test_the_last_conference_with_its_attendance_votes_and_documents(school):
    conference = Conference.objects.get(organisation=school)
    assert conference.title == "Hội nghị cán bộ, viên chức, người lao động năm học 2025–2026"
    assert (conference.held_on, conference.due_by) == (dt.date(2026, 10, 12), dt.date(2026, 11, 30))
    assert conference.status == ConferenceStatus.CLOSED
    present = conference.attendees.filter(present=True).count()
    assert (present, conference.summoned_count) == (11, 12)
    assert conference.attendees.get(present=False).absence_reason == "Nghỉ ốm"
    assert conference.minutes_document is not None and conference.resolution_document is not None
    assert conference.minutes_document.doc_type == "BB"
    assert conference.resolution_document.doc_type == "NQ"
    assert conference.resolution_disclosure_id is not None
    item = DisclosureItem.objects.get(pk=conference.resolution_disclosure_id)
    assert item.published_on is not None
    votes = {b.title: b.result for b in conference.agenda.get(kind="decisions").ballots.all()}
    fund = votes["Mức đóng góp quỹ phúc lợi công đoàn 200.000 đồng/người/năm"]
    assert (fund["counts"]["yes"], fund["present"], fund["adopted"]) == (10, 11, True)
    assert conference.checks.get().due_on == dt.date(2027, 4, 12)


def test_the_completed_board_election_and_the_boards_work(school):
    term = BoardTerm.objects.get(organisation=school)
    members = {m.user.username: m.position for m in term.members.select_related("user")}
    assert members == {"thanhtra": "head", "tongphutrach": "member", "totruong45": "member"}
    assert term.ballot is not None and term.ballot.status == BallotStatus.CLOSED
    assert (term.starts_on, term.ends_on) == (dt.date(2026, 10, 12), dt.date(2028, 10, 12))
    assert term.recognised_on == dt.date(2026, 10, 15)
    # the chief accountant, on the board before, is not any more
    accountant = User.objects.get(username="ketoan")
    assert Role.INSPECTION_BOARD not in org_access.roles_in_school(accountant, school)
    assert term.programmes.count() == 1
    inspection = term.inspections.get()
    assert inspection.status == InspectionStatus.DONE
    assert inspection.recommendations.count() == 2


def test_an_open_consultation_on_the_internal_spending_rules_with_comments(school):
    consultation = Consultation.objects.get(organisation=school)
    assert consultation.title == "Quy chế chi tiêu nội bộ năm 2027"
    assert consultation.is_accepting(dt.date(2026, 11, 28))
    assert consultation.comments.count() == 4
    assert consultation.comments.filter(is_anonymous=True).count() == 1
    assert consultation.comments.filter(paragraph__isnull=True).count() == 1
