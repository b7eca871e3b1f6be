"""What staff are told about cases, through the one notification mechanism (gandan.notify).

A notice is unique per person and key; the key keeps the uniqueness the case notices always
had: (case, step, kind, due date), the due date being the day of the event for an assignment
or a contest. So the reminders may run any number of times a day, a moved due date (an
extension) gets its own reminders, and an assignment replayed the same day tells nobody twice.
Callers run inside their use case's transaction, under `in_vietnamese`.
"""

import datetime as dt
from collections.abc import Iterable

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.vietnamese import shorten
from gandan.notify.models import Notification, Topic
from gandan.notify.services import notify
from gandan.orgs.models import User
from gandan.petitions.models import Case

ASSIGNED = "assigned"
CONTESTED = "contested"
DUE_SOON = "due_soon"
OVERDUE = "overdue"
KINDS = (ASSIGNED, CONTESTED, DUE_SOON, OVERDUE)


def notice_kind(kind: str) -> str:
    """The notify kind of a case notice: 'petitions.due_soon'."""
    return f"petitions.{kind}"


def notice_key(kind: str, case_id: int, step: str, due_key: str) -> str:
    """'petitions.overdue:12:giai_quyet:2026-03-16'; step "" for an assignment or a contest."""
    return f"petitions.{kind}:{case_id}:{step}:{due_key}"


def case_path(case: Case) -> str:
    return reverse("petitions:detail", args=[case.public_id])


def tell(
    people: Iterable[User],
    case: Case,
    *,
    kind: str,
    title: str,
    step: str = "",
    due: dt.date | None = None,
    urgent: bool = False,
) -> list[Notification]:
    """One notice per person about `case` (none twice for the same kind, step and date)."""
    due_key = (due or timezone.localdate()).isoformat()
    return notify(
        people,
        topic=Topic.CASES,
        kind=notice_kind(kind),
        key=notice_key(kind, case.pk, step, due_key),
        title=title,
        url=case_path(case),
        urgent=urgent,
    )


def tell_assigned(case: Case, *, handler: User, verifiers: Iterable[User]) -> None:
    """The resolver and the verifiers learn they were named."""
    for person, role in [(handler, _("giải quyết")), *((v, _("xác minh")) for v in verifiers)]:
        tell(
            [person],
            case,
            kind=ASSIGNED,
            title=_("Bạn được phân công %(role)s vụ việc %(code)s: %(title)s")
            % {"role": role, "code": case.display_code, "title": shorten(case.title, 120)},
        )


def tell_contested(case: Case, people: Iterable[User], *, reason: str) -> None:
    """The head and the resolver learn that the sender disagrees with the result."""
    tell(
        people,
        case,
        kind=CONTESTED,
        title=_("Người gửi không đồng ý với kết quả vụ việc %(code)s: %(reason)s")
        % {"code": case.display_code, "reason": shorten(reason, 200)},
    )


def unread_case_notices(user: User):
    """The person's unread notices about cases, newest first (the desk shows the first few)."""
    return Notification.objects.unread_by(user).filter(topic=Topic.CASES)
