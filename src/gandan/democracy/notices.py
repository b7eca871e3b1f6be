"""What grassroots democracy tells people (through gandan.notify): a conference convened, a
consultation opened or about to close, a ballot opened, about to close or counted, a staff
disclosure to acknowledge.

Each function builds one event's title, link and key and calls `notify` once; the use cases in
services/ call it inside their transaction, and `reminders` is the daily job of the worker's
schedule (`democracy.reminders`) and of `gandan democracy_reminders`. Keys name the event: a
replay, or the job run twice, notices nobody twice. The person who acted is not told of their
own act. Text is stored in Vietnamese (ADR 1).

Secrecy: no notice says how anyone voted, nor who wrote an anonymous comment. Reminders go to
those who have not voted (Participation says who voted, never what) or not commented yet;
the notice itself names neither.
"""

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from gandan.core.language import in_vietnamese
from gandan.core.vietnamese import official_date, shorten
from gandan.democracy.electorate import parent_representatives, staff_of
from gandan.democracy.models import (
    Audience,
    Ballot,
    BallotStatus,
    Conference,
    Consultation,
    ConsultationAudience,
    ConsultationStatus,
    DisclosureItem,
)
from gandan.notify.models import Topic
from gandan.notify.services import notify
from gandan.orgs.models import User

# How long before its end a consultation or a ballot is reminded to those who have not taken
# part yet (calendar days: the daily job runs every day).
CLOSING_SOON_DAYS = 2


def _others(people: Iterable[User], actor: User | None) -> list[User]:
    return [person for person in people if actor is None or person.pk != actor.pk]


def _moment(value: dt.datetime) -> str:
    """'16 giờ 30 ngày 05 tháng 9 năm 2026', in Vietnamese time."""
    local = timezone.localtime(value)
    return f"{local:%H} giờ {local:%M} {official_date(local.date())}"


# The staff conference.


def conference_convened(conference: Conference, actor: User | None) -> None:
    """Everyone summoned, and the union chair who organises it with the head (Luật 10/2022/QH15,
    Điều 51 k1), learn the day, the time and the place."""
    when = official_date(conference.held_on)
    if conference.starts_at is not None:
        when = f"{conference.starts_at:%H} giờ {conference.starts_at:%M} {when}"
    title = f"{conference.title} được triệu tập vào {when} tại {conference.place}"
    lines = [
        f"Thời gian: {when}.",
        f"Địa điểm: {conference.place}.",
        f"Chủ trì: {conference.chair.full_name}.",
        f"Phối hợp tổ chức: {conference.union_chair.full_name}, Chủ tịch Công đoàn.",
    ]
    if conference.secretary is not None:
        lines.append(f"Thư ký hội nghị: {conference.secretary.full_name}.")
    summoned = User.objects.filter(pk__in=conference.attendees.values("user_id")).order_by(
        "sort_key"
    )
    people = {person.pk: person for person in summoned}
    people.setdefault(conference.union_chair_id, conference.union_chair)
    notify(
        _others(people.values(), actor),
        topic=Topic.DEMOCRACY,
        kind="democracy.conference_convened",
        key=f"democracy.conference_convened:{conference.pk}",
        title=title,
        url=reverse("democracy:conference", kwargs={"public_id": conference.public_id}),
        body="\n".join(lines),
    )


# Consultations.


def consulted_people(consultation: Consultation) -> list[User]:
    """Who is asked (electorate.is_consulted): the staff, or the parents' representatives."""
    school = consultation.organisation
    if consultation.audience == ConsultationAudience.PARENTS:
        return list(parent_representatives(school))
    return list(staff_of(school))


def _consultation_url(consultation: Consultation) -> str:
    return reverse("democracy:consultation", kwargs={"public_id": consultation.public_id})


def consultation_opened(consultation: Consultation, actor: User | None) -> None:
    """The people consulted learn of the draft and its deadline (Điều 54–55)."""
    title = (
        f"Lấy ý kiến dự thảo “{shorten(consultation.title, 120)}” đến hết "
        f"{official_date(consultation.deadline)}"
    )
    body = f"Bắt đầu góp ý từ {official_date(consultation.opens_on)}."
    if consultation.description:
        body += "\n" + shorten(consultation.description, 1000)
    notify(
        _others(consulted_people(consultation), actor),
        topic=Topic.DEMOCRACY,
        kind="democracy.consultation_opened",
        key=f"democracy.consultation_opened:{consultation.pk}",
        title=title,
        url=_consultation_url(consultation),
        body=body,
    )


def _consultation_closing(consultation: Consultation) -> int:
    commented = set(consultation.comments.values_list("author_id", flat=True))
    waiting = [p for p in consulted_people(consultation) if p.pk not in commented]
    title = (
        f"Sắp hết hạn góp ý dự thảo “{shorten(consultation.title, 120)}”: hết "
        f"{official_date(consultation.deadline)}"
    )
    return len(
        notify(
            waiting,
            topic=Topic.DEMOCRACY,
            kind="democracy.consultation_closing",
            key=f"democracy.consultation_closing:{consultation.pk}:{consultation.deadline}",
            title=title,
            url=_consultation_url(consultation),
            body="Bạn chưa gửi ý kiến về dự thảo này.",
            urgent=True,
        )
    )


# Ballots.


def _ballot_url(ballot: Ballot) -> str:
    return reverse("democracy:ballot", kwargs={"public_id": ballot.public_id})


def _electors(ballot: Ballot) -> list[User]:
    return list(
        User.objects.filter(pk__in=ballot.electors.values("user_id"), is_active=True).order_by(
            "sort_key"
        )
    )


def _ballot_kind(ballot: Ballot) -> str:
    return "bỏ phiếu kín" if ballot.is_secret else "biểu quyết công khai"


def ballot_opened(ballot: Ballot, actor: User | None) -> None:
    """The electorate, frozen at opening, is asked to vote."""
    title = f"Mời {_ballot_kind(ballot)}: “{shorten(ballot.title, 150)}”"
    if ballot.closes_at is not None:
        title += f", kết thúc lúc {_moment(ballot.closes_at)}"
    notify(
        _others(_electors(ballot), actor),
        topic=Topic.DEMOCRACY,
        kind="democracy.ballot_opened",
        key=f"democracy.ballot_opened:{ballot.pk}",
        title=title,
        url=_ballot_url(ballot),
        body=shorten(ballot.description, 1000),
    )


def _ballot_closing(ballot: Ballot) -> int:
    assert ballot.closes_at is not None
    voted = set(ballot.participations.values_list("voter_id", flat=True))
    waiting = [person for person in _electors(ballot) if person.pk not in voted]
    return len(
        notify(
            waiting,
            topic=Topic.DEMOCRACY,
            kind="democracy.ballot_closing",
            key=f"democracy.ballot_closing:{ballot.pk}",
            title=(
                f"Sắp kết thúc {_ballot_kind(ballot)} “{shorten(ballot.title, 150)}”: "
                f"{_moment(ballot.closes_at)}"
            ),
            url=_ballot_url(ballot),
            body="Bạn chưa bỏ phiếu.",
            urgent=True,
        )
    )


def ballot_closed(ballot: Ballot, actor: User | None) -> None:
    """The electorate learns that the result is out: how many voted, never who chose what."""
    voted = ballot.participations.count()
    title = (
        f"Đã có kết quả {_ballot_kind(ballot)} “{shorten(ballot.title, 150)}”: "
        f"{voted}/{ballot.electorate_size or 0} người đã bỏ phiếu"
    )
    notify(
        _others(_electors(ballot), actor),
        topic=Topic.DEMOCRACY,
        kind="democracy.ballot_closed",
        key=f"democracy.ballot_closed:{ballot.pk}",
        title=title,
        url=_ballot_url(ballot),
    )


# Disclosures.


def disclosure_published(item: DisclosureItem, actor: User | None) -> None:
    """A staff disclosure on display: each staff member who has to acknowledge it (those
    `access.unread_staff_items` would list it for)."""
    if item.obligation.audience != Audience.STAFF:
        return
    if not DisclosureItem.objects.on_display(timezone.localdate()).filter(pk=item.pk).exists():
        return
    read = set(item.acknowledgements.values_list("user_id", flat=True))
    staff = [person for person in staff_of(item.organisation) if person.pk not in read]
    notify(
        _others(staff, actor),
        topic=Topic.DEMOCRACY,
        kind="democracy.disclosure_published",
        key=f"democracy.disclosure_published:{item.pk}",
        title=f"Nội dung công khai cần xác nhận đã đọc: “{shorten(item.title, 200)}”",
        url=reverse("democracy:item", kwargs={"public_id": item.public_id}),
        body=f"Công khai {official_date(item.published_on)}." if item.published_on else "",
    )


# The daily job.


@in_vietnamese
@transaction.atomic
def reminders(today: dt.date | None = None) -> int:
    """Urgent reminders to whoever has not taken part yet in a consultation or a ballot that
    ends within CLOSING_SOON_DAYS; returns how many notices are new. Rerunnable."""
    today = today or timezone.localdate()
    until = today + dt.timedelta(days=CLOSING_SOON_DAYS)
    created = 0
    consultations = Consultation.objects.filter(
        status=ConsultationStatus.OPEN, opens_on__lte=today, deadline__gte=today
    ).filter(deadline__lte=until)
    for consultation in consultations.select_related("organisation"):
        created += _consultation_closing(consultation)
    start = timezone.make_aware(dt.datetime.combine(today, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(until, dt.time.max))
    now = max(timezone.now(), start)
    ballots = Ballot.objects.filter(
        status=BallotStatus.OPEN, closes_at__gt=now, closes_at__lte=end
    ).select_related("organisation")
    for ballot in ballots:
        created += _ballot_closing(ballot)
    return created
