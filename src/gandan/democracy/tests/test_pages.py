"""The public disclosure page, the register page, the acknowledgement roster and the desk."""

import datetime as dt
from pathlib import Path
from typing import cast

import pytest
import time_machine
from django.db import connection
from django.template.backends.django import Template as DjangoTemplate
from django.template.loader import get_template, render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gandan.democracy import demo
from gandan.democracy.models import (
    Ballot,
    BallotMethod,
    BallotStatus,
    Channel,
    DisclosureItem,
    DisclosureObligation,
    ElectorateKind,
    RulePreset,
    Secrecy,
)
from gandan.democracy.services import ballots, disclosures
from gandan.orgs import desk

NOW = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)
desk_template = cast(DjangoTemplate, get_template("orgs/desk.html")).origin.name


@pytest.fixture(autouse=True)
def _frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


def _public(school, principal, code, title, *, published_on, taken_down_on=None, year=2026):
    item = disclosures.record_disclosure(
        organisation=school,
        obligation=DisclosureObligation.objects.get(code=code),
        actor=principal,
        title=title,
        body="Nội dung đã công khai để mọi người đọc.",
        year=year,
    )
    if published_on:
        item = disclosures.publish_disclosure(
            item=item,
            actor=principal,
            published_on=published_on,
            channels=[Channel.PORTAL],
            proof_url="https://thanhto.example/x",
        )
    if taken_down_on:
        disclosures.take_down_disclosure(item=item, actor=principal, taken_down_on=taken_down_on)
    return item


def test_public_page_groups_items_as_circular_09_2024_does(client, school, principal):
    # given: items of three groups; one not yet published, one taken down
    _public(
        school,
        principal,
        "cong-khai-thu-chi-tai-chinh",
        "Thu chi 2025",
        published_on=dt.date(2026, 6, 1),
    )
    _public(
        school, principal, "cong-khai-doi-ngu", "Đội ngũ 2026", published_on=dt.date(2026, 6, 2)
    )
    _public(school, principal, "cong-khai-co-so-vat-chat", "Chưa đăng", published_on=None)
    _public(
        school,
        principal,
        "cong-khai-thong-tin-chung",
        "Đã gỡ",
        published_on=dt.date(2026, 6, 2),
        taken_down_on=dt.date(2026, 6, 30),
    )
    # when: anyone, without an account
    response = client.get(reverse("democracy:public", args=[school.slug]))
    # then
    assert response.status_code == 200
    groups = {
        group["key"]: [i.title for i in group["items"]] for group in response.context["groups"]
    }
    assert list(groups) == ["general", "finance", "quality", "plan_results"]
    assert groups == {
        "general": [],
        "finance": ["Thu chi 2025"],
        "quality": ["Đội ngũ 2026"],
        "plan_results": [],
    }
    page = response.content.decode()
    assert "Thu, chi tài chính" in page and "(Điều 5)" in page
    assert "Chưa đăng" not in page and "Đã gỡ" not in page


def test_public_page_never_shows_staff_disclosures(client, school, principal):
    item = disclosures.record_disclosure(
        organisation=school,
        obligation=DisclosureObligation.objects.get(code="noi-bo-cong-tac-can-bo"),
        actor=principal,
        title="Kết quả xếp loại viên chức",
        body="Nội dung đã công khai để mọi người đọc.",
        decision_date=dt.date(2026, 11, 2),
    )
    disclosures.publish_disclosure(
        item=item, actor=principal, published_on=dt.date(2026, 11, 3), channels=[Channel.INTRANET]
    )
    assert (
        "Kết quả xếp loại viên chức"
        not in client.get(reverse("democracy:public", args=[school.slug])).content.decode()
    )
    assert (
        client.get(reverse("democracy:public_item", args=[school.slug, item.public_id])).status_code
        == 404
    )


def test_unknown_school_has_no_public_page(client, db):
    assert client.get(reverse("democracy:public", args=["khong-co"])).status_code == 404


def test_head_sees_who_has_not_acknowledged(client, school, principal, teacher, inspector, clerk):
    # given
    item = disclosures.record_disclosure(
        organisation=school,
        obligation=DisclosureObligation.objects.get(code="noi-bo-noi-quy-quy-che"),
        actor=principal,
        title="Nội quy",
        body="Nội dung đã công khai để mọi người đọc.",
        decision_date=dt.date(2026, 11, 2),
    )
    item = disclosures.publish_disclosure(
        item=item, actor=principal, published_on=dt.date(2026, 11, 3), channels=[Channel.INTRANET]
    )
    disclosures.acknowledge_disclosure(item=item, user=teacher)
    client.force_login(principal)
    # when
    response = client.get(reverse("democracy:unacknowledged", args=[item.public_id]))
    # then
    assert {p.username for p in response.context["missing"]} == {"hieutruong", "thanhtra", "vanthu"}
    assert {p.username for p, _ack in response.context["done"]} == {"giaovien"}


def test_teacher_acknowledges_through_the_page(client, school, principal, teacher):
    item = disclosures.record_disclosure(
        organisation=school,
        obligation=DisclosureObligation.objects.get(code="noi-bo-noi-quy-quy-che"),
        actor=principal,
        title="Nội quy",
        body="Nội dung đã công khai để mọi người đọc.",
        decision_date=dt.date(2026, 11, 2),
    )
    disclosures.publish_disclosure(
        item=item, actor=principal, published_on=dt.date(2026, 11, 3), channels=[Channel.INTRANET]
    )
    client.force_login(teacher)
    page = client.get(reverse("democracy:item", args=[item.public_id])).content.decode()
    assert "Tôi đã đọc nội dung này" in page
    client.post(reverse("democracy:acknowledge", args=[item.public_id]))
    page = client.get(reverse("democracy:item", args=[item.public_id])).content.decode()
    assert "Bạn đã xác nhận đọc" in page


def test_register_query_count_does_not_grow_with_items(client, school, principal, teacher):
    # given
    obligation = DisclosureObligation.objects.get(code="noi-bo-ke-hoach-cong-tac")

    def add(n):
        for index in range(n):
            disclosures.record_disclosure(
                organisation=school,
                obligation=obligation,
                actor=principal,
                title=f"Kế hoạch {index}",
                decision_date=dt.date(2026, 11, 2),
            )

    client.force_login(principal)
    add(2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("democracy:register")).status_code == 200
    add(20)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("democracy:register"))
    # then
    assert len(many) == len(few)


def _panel(rf, user) -> str:
    """Our panel as the desk renders it (other apps' panels are theirs to test)."""
    panel = desk._PANELS["democracy"]
    request = rf.get("/ban-lam-viec/")
    request.user = user
    return render_to_string(panel.template, panel.context(user, NOW.date()), request=request)


def test_desk_panel_lists_unread_disclosures_and_ballots_waiting(
    rf, school, principal, teacher, deputy
):
    # given: a published staff disclosure and an open ballot
    item = disclosures.record_disclosure(
        organisation=school,
        obligation=DisclosureObligation.objects.get(code="noi-bo-noi-quy-quy-che"),
        actor=principal,
        title="Nội quy cơ quan năm 2026",
        body="Nội dung đã công khai để mọi người đọc.",
        decision_date=dt.date(2026, 11, 2),
    )
    item = disclosures.publish_disclosure(
        item=item, actor=principal, published_on=dt.date(2026, 11, 3), channels=[Channel.INTRANET]
    )
    ballot = ballots.create_ballot(
        organisation=school,
        actor=principal,
        title="Thông qua quỹ phúc lợi",
        method=BallotMethod.MOTION,
        secrecy=Secrecy.SECRET,
        electorate_kind=ElectorateKind.ALL_STAFF,
        rule=RulePreset.CONFERENCE,
    )
    ballot = ballots.open_ballot(ballot=ballot, actor=principal)
    # when
    page = _panel(rf, teacher)
    # then: the panel lists both, and the desk's placeholder is gone
    assert page.count('id="m-democracy"') == 1
    assert "m-democracy" not in Path(desk_template).read_text(encoding="utf-8")
    assert "Nội quy cơ quan năm 2026" in page
    assert "Thông qua quỹ phúc lợi" in page
    # when: the teacher reads and votes
    disclosures.acknowledge_disclosure(item=item, user=teacher)
    ballots.cast_ballot(ballot=ballot, voter=teacher, choices=["yes"])
    page = _panel(rf, teacher)
    # then
    assert "Nội quy cơ quan năm 2026" not in page
    assert "Thông qua quỹ phúc lợi" not in page
    assert "không có cuộc biểu quyết nào chờ phiếu của bạn" in page


def test_demo_builds_late_missing_and_an_open_secret_ballot_idempotently(db):
    # given
    from gandan.orgs import demo as orgs_demo

    school = orgs_demo.build()
    # when: twice
    demo.build(school)
    demo.build(school)
    # then
    from gandan.democracy import deadlines

    today = dt.date(2026, 11, 20)
    rows = deadlines.build_register(
        DisclosureObligation.objects.in_force(today),
        DisclosureItem.objects.filter(organisation=school),
        today,
    )
    assert deadlines.problem_counts(rows) == {"late": 1, "missing": 1, "taken_down_early": 0}
    ballot = Ballot.objects.get(organisation=school, title=demo.BALLOT_TITLE)
    assert (ballot.status, ballot.secrecy, ballot.electorate_size) == (
        BallotStatus.OPEN,
        Secrecy.SECRET,
        12,
    )
    assert ballot.participations.count() == 2
