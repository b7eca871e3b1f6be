"""The union chair's own desk panel: conferences to prepare with the head, votes under way and
the elected inspection board waiting for the union's recognition (NĐ 59/2023 Điều 21 k1).
Other staff do not get it."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from gandan.democracy.services import conferences
from gandan.democracy.services import inspection as board
from gandan.democracy.tests.test_inspection_board import _elect

NOW = dt.datetime(2026, 10, 12, 7, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def staff(school, principal, deputy, teacher, inspector, clerk, union_officer, more_teachers):
    return [principal, deputy, teacher, inspector, clerk, union_officer, *more_teachers(3)]


def _desk(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("desk")).content.decode()


def test_the_union_chair_sees_what_the_union_has_to_do(
    client, school, principal, teacher, clerk, union_officer, staff
):
    # given: an election the union has not recognised, and the next conference convened
    ballot = _elect(school, principal, union_officer, staff, [teacher, clerk, staff[6]])
    term = board.constitute_board(ballot=ballot, actor=principal, head=clerk)
    next_one = conferences.convene_conference(
        organisation=school,
        actor=principal,
        kind="extraordinary",
        work_year_label="năm học 2026–2027",
        held_on=dt.date(2026, 10, 30),
        place="Hội trường",
        union_chair=union_officer,
        matters=["Điều chỉnh mức chi hỗ trợ dạy buổi chiều"],
    )
    # when
    page = _desk(client, union_officer)
    # then
    assert 'id="m-union"' in page
    assert 'id="cong-doan-cong-nhan"' in page
    assert f"hạn công nhận {term.recognition_due:%d/%m/%Y}" in page
    assert reverse("democracy:conference", args=[next_one.public_id]) in page
    assert "bạn phối hợp tổ chức" in page
    # when: the union recognises the board
    board.recognise_board(term=term, actor=union_officer)
    # then: it leaves the panel
    assert 'id="cong-doan-cong-nhan"' not in _desk(client, union_officer)


def test_a_vote_under_way_is_on_the_union_panel(client, school, principal, union_officer):
    # given
    from gandan.democracy.services import ballots

    ballot = ballots.open_ballot(
        ballot=ballots.create_ballot(
            organisation=school,
            actor=principal,
            title="Bình chọn giáo viên dạy giỏi",
            method="motion",
            secrecy="secret",
            electorate_kind="all_staff",
            rule="conference",
        ),
        actor=principal,
    )
    # when
    page = _desk(client, union_officer)
    # then
    assert 'id="cong-doan-bieu-quyet"' in page
    assert reverse("democracy:ballot", args=[ballot.public_id]) in page


def test_other_staff_have_no_union_panel(client, school, principal, teacher, union_officer):
    conferences.convene_conference(
        organisation=school,
        actor=principal,
        kind="extraordinary",
        work_year_label="năm học 2026–2027",
        held_on=dt.date(2026, 10, 30),
        place="Hội trường",
        union_chair=union_officer,
        matters=["Điều chỉnh mức chi hỗ trợ dạy buổi chiều"],
    )
    assert 'id="m-union"' not in _desk(client, teacher)
    assert 'id="m-union"' not in _desk(client, principal)
