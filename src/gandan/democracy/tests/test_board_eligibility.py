"""Who may sit on the inspection board and how many seats it has (Luật 10/2022/QH15, Điều 60;
NĐ 59/2023/NĐ-CP, Điều 21): never the head, a deputy head or the chief accountant (in a school:
the accountant in charge); 3 to 9 members, more in a unit organised in dispersed places or of
a special nature, recorded as data on the school (BoardUnitProfile) and on the term."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from gandan.core.vietnamese import fold
from gandan.democracy import eligibility
from gandan.democracy.models import (
    Ballot,
    BallotMethod,
    BallotPurpose,
    BoardTerm,
    BoardUnitProfile,
    DemocracyEvent,
    ElectorateKind,
    RulePreset,
    Secrecy,
)
from gandan.democracy.rules import BOARD_COMPOSITION
from gandan.democracy.services import ballots
from gandan.democracy.services import inspection as services
from gandan.democracy.tests.conftest import person
from gandan.democracy.tests.test_inspection_board import _elect
from gandan.orgs.models import Membership, Role


@pytest.fixture(autouse=True)
def _frozen_time():
    with time_machine.travel(dt.datetime(2026, 11, 20, 3, tzinfo=dt.UTC), tick=False):
        yield


@pytest.mark.parametrize(
    ("title", "excluded"),
    [
        ("Kế toán", True),
        ("Kế toán trưởng", True),
        ("Phụ trách kế toán", True),
        ("Nhân viên kế toán", True),
        ("Kế toán, thủ quỹ", True),
        ("Giáo viên", False),
        ("Tổ trưởng tổ văn phòng", False),
        ("Văn thư", False),
        ("Thủ quỹ", False),
    ],
)
def test_the_chief_accountant_and_the_accountant_in_charge_are_kept_off(title, excluded):
    assert BOARD_COMPOSITION.is_excluded_title(fold(title)) is excluded


def test_the_composition_rule_cites_its_articles_and_is_flagged_for_verification():
    assert BOARD_COMPOSITION.citation == (
        "Luật 10/2022/QH15, Điều 60; Nghị định 59/2023/NĐ-CP, Điều 21"
    )
    assert BOARD_COMPOSITION.valid_from == "2023-07-01"
    assert BOARD_COMPOSITION.needs_verification is True
    assert BOARD_COMPOSITION.excluded_roles == {Role.HEAD, Role.DEPUTY_HEAD}
    assert BOARD_COMPOSITION.min_staff == 8


def test_nine_seats_at_most_unless_the_unit_is_dispersed():
    assert BOARD_COMPOSITION.seat_range(dispersed=False) == (3, 9)
    assert BOARD_COMPOSITION.seat_range(dispersed=True) == (3, None)


@pytest.fixture
def accountant(school):
    return person("ketoan", "Phan Thị Yến", (school, Role.STAFF, "Kế toán"))


@pytest.fixture
def staff(school, principal, deputy, teacher, inspector, clerk, union_officer, accountant):
    return [principal, deputy, teacher, inspector, clerk, union_officer, accountant]


def _board_election(school, principal, candidates, seats=3):
    return ballots.create_ballot(
        organisation=school,
        actor=principal,
        title="Bầu Ban Thanh tra nhân dân",
        method=BallotMethod.ELECTION,
        secrecy=Secrecy.SECRET,
        electorate_kind=ElectorateKind.ALL_STAFF,
        rule=RulePreset.CONFERENCE,
        purpose=BallotPurpose.INSPECTION_BOARD,
        candidates=candidates,
        seats=seats,
    )


def _state():
    return Ballot.objects.count(), DemocracyEvent.objects.count()


def test_the_accountant_cannot_stand_for_the_board(
    school, principal, teacher, clerk, accountant, staff, more_teachers
):
    more_teachers(3)  # ten staff
    before = _state()
    with pytest.raises(ValidationError, match="Phan Thị Yến là kế toán trưởng"):
        _board_election(school, principal, [teacher, clerk, accountant])
    assert _state() == before
    # the others may
    assert _board_election(school, principal, [teacher, clerk, staff[3]])


def test_a_chief_accountant_of_any_title_wording_cannot_stand(
    school, principal, teacher, clerk, staff, more_teachers
):
    more_teachers(3)
    chief = person("ktt", "Lê Thị Kim", (school, Role.STAFF, "Phụ trách kế toán"))
    before = _state()
    with pytest.raises(ValidationError, match="Lê Thị Kim là kế toán trưởng"):
        _board_election(school, principal, [teacher, clerk, chief])
    assert _state() == before


def test_ten_seats_only_in_a_dispersed_unit(school, principal, staff, more_teachers):
    extra = more_teachers(10)
    candidates = [staff[2], staff[3], staff[4], *extra]
    before = _state()
    with pytest.raises(ValidationError, match="từ 3 đến 9"):
        _board_election(school, principal, candidates, seats=10)
    assert _state() == before
    # when: the school records its three separate sites
    BoardUnitProfile.objects.create(
        organisation=school, dispersed_or_special=True, basis="Trường có 3 điểm trường"
    )
    # then
    assert eligibility.seat_range(school) == (3, None)
    ballot = _board_election(school, principal, candidates, seats=10)
    assert ballot.seats == 10
    with pytest.raises(ValidationError, match="từ 3 thành viên trở lên"):
        _board_election(school, principal, candidates, seats=2)


@pytest.fixture
def nine_staff(staff, more_teachers):
    return [*staff, *more_teachers(2)]


def test_someone_who_became_the_accountant_cannot_take_the_seat(
    school, principal, union_officer, nine_staff, teacher, clerk
):
    # given: elected, then made the accountant in charge before the result is recorded
    election = _elect(school, principal, union_officer, nine_staff, [teacher, clerk, nine_staff[7]])
    Membership.objects.filter(user=clerk, organisation=school).update(title="Kế toán")
    before = (
        BoardTerm.objects.count(),
        Membership.objects.filter(role=Role.INSPECTION_BOARD).count(),
    )
    # when / then
    with pytest.raises(ValidationError, match="kế toán trưởng, người phụ trách kế toán"):
        services.constitute_board(ballot=election, actor=principal, head=teacher)
    after = (
        BoardTerm.objects.count(),
        Membership.objects.filter(role=Role.INSPECTION_BOARD).count(),
    )
    assert after == before


def test_the_term_records_whether_the_unit_was_dispersed(
    school, principal, union_officer, nine_staff, teacher, clerk
):
    BoardUnitProfile.objects.create(organisation=school, dispersed_or_special=True)
    election = _elect(school, principal, union_officer, nine_staff, [teacher, clerk, nine_staff[7]])
    term = services.constitute_board(ballot=election, actor=principal, head=teacher)
    assert term.dispersed_or_special is True


def test_the_demo_school_has_no_accountant_on_the_board(db):
    from gandan.orgs import demo as orgs_demo

    school = orgs_demo.build()
    accountant = Membership.objects.filter(user__username="ketoan")
    assert accountant.filter(organisation__path__startswith=school.path).exists()
    assert not accountant.filter(role=Role.INSPECTION_BOARD).exists()
