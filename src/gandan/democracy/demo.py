"""Demo data at Thành Tô: disclosures (one on time, one late, one missing, the public groups of
Thông tư 09/2024); an open secret ballot; the last staff conference with its attendance, votes,
minutes and resolution; the inspection board it elected, with a programme and an inspection;
an open consultation on the draft internal spending rules, with comments.

Idempotent: what exists (found by title) is left as it is. Dates follow today's date.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from gandan.democracy import demo_participation as participation
from gandan.democracy.demo_disclosures import PUBLIC_CONTENT
from gandan.democracy.models import (
    Audience,
    Ballot,
    BallotMethod,
    BallotPurpose,
    Channel,
    DisclosureItem,
    DisclosureObligation,
    ElectorateKind,
    RulePreset,
    Secrecy,
)
from gandan.democracy.services import ballots, disclosures
from gandan.orgs.models import Organisation, User

BALLOT_TITLE = "Bình chọn cá nhân tiêu biểu phong trào thi đua “Dân vận khéo” năm học 2026–2027"
CANDIDATES = ["thanhtra", "tongphutrach", "ketoan", "totruong45", "giaovien2"]
ALREADY_VOTED = {"vanthu": ["thanhtra", "ketoan", "totruong45"], "nhanvien": ["thanhtra"]}


def _obligation(code: str) -> DisclosureObligation:
    return DisclosureObligation.objects.get(code=code)


def _staff_item(school, head, code, title, decision_date, *, publish_after=None, acknowledged=()):
    if DisclosureItem.objects.filter(organisation=school, title=title).exists():
        return
    item = disclosures.record_disclosure(
        organisation=school,
        obligation=_obligation(code),
        actor=head,
        title=title,
        body=title + ".",
        decision_reference="",
        decision_date=decision_date,
    )
    if publish_after is None:
        return
    published_on = min(item.due_date + dt.timedelta(days=publish_after), timezone.localdate())
    item = disclosures.publish_disclosure(
        item=item,
        actor=head,
        published_on=max(published_on, decision_date),
        channels=[Channel.NOTICE_BOARD, Channel.INTRANET],
    )
    for username in acknowledged:
        disclosures.acknowledge_disclosure(item=item, user=User.objects.get(username=username))


@transaction.atomic
def build(school: Organisation) -> None:
    head = User.objects.get(username="hieutruong")
    today = timezone.localdate()
    # On time: the year's work plan, published two days before its due date.
    _staff_item(
        school,
        head,
        "noi-bo-ke-hoach-cong-tac",
        "Kế hoạch công tác năm học 2026–2027",
        today - dt.timedelta(days=45),
        publish_after=-2,
        acknowledged=["hieutruong", "phohieutruong", "congdoan", "thanhtra", "giaovien2"],
    )
    # Late: the internal spending rules, put on the notice board four days after the limit.
    _staff_item(
        school,
        head,
        "noi-bo-noi-quy-quy-che",
        "Quy chế chi tiêu nội bộ năm 2026 (sửa đổi)",
        today - dt.timedelta(days=35),
        publish_after=4,
        acknowledged=["hieutruong", "ketoan"],
    )
    # Missing: the staff evaluation results were decided but not yet disclosed.
    _staff_item(
        school,
        head,
        "noi-bo-cong-tac-can-bo",
        "Kết quả đánh giá, xếp loại viên chức năm học 2025–2026",
        today - dt.timedelta(days=20),
    )
    _public_items(school, head, today)
    _ballot(school, head)
    participation.build(school, head, today)


def _public_items(school, head, today) -> None:
    year = today.year
    published_on = min(dt.date(year, 6, 15), today)
    for obligation in DisclosureObligation.objects.in_force(today).filter(audience=Audience.PUBLIC):
        title = f"{obligation.title} — năm {year}"
        content = PUBLIC_CONTENT.get(obligation.code)
        if (
            content is None
            or DisclosureItem.objects.filter(organisation=school, title=title).exists()
        ):
            continue
        item = disclosures.record_disclosure(
            organisation=school,
            obligation=obligation,
            actor=head,
            title=title,
            body=content,
            year=year,
        )
        disclosures.publish_disclosure(
            item=item,
            actor=head,
            published_on=published_on,
            channels=[Channel.PORTAL],
            proof_url=f"https://thanhto.example/cong-khai/{obligation.code}",
        )


def _ballot(school, head) -> None:
    if Ballot.objects.filter(organisation=school, title=BALLOT_TITLE).exists():
        return
    people = {user.username: user for user in User.objects.filter(username__in=CANDIDATES)}
    ballot = ballots.create_ballot(
        organisation=school,
        actor=head,
        title=BALLOT_TITLE,
        description="Chọn tối đa 3 người để nhà trường đề nghị khen thưởng cuối năm học.",
        purpose=BallotPurpose.GENERAL,
        method=BallotMethod.ELECTION,
        secrecy=Secrecy.SECRET,
        electorate_kind=ElectorateKind.ALL_STAFF,
        rule=RulePreset.CONFERENCE,
        candidates=[people[name] for name in CANDIDATES],
        seats=3,
    )
    ballot = ballots.open_ballot(ballot=ballot, actor=head)
    by_label = {option.label: option.pk for option in ballot.options.all()}
    for username, picks in ALREADY_VOTED.items():
        ballots.cast_ballot(
            ballot=ballot,
            voter=User.objects.get(username=username),
            choices=[str(by_label[people[name].full_name]) for name in picks],
        )
