"""Reminders before each due date and when it has passed, through gandan.notify.

`send_case_reminders` is what the `case_reminders` command and the worker's daily schedule job
`petitions.case_reminders` run; it can run any number of times a day: a notice exists once per
(person, case, step, kind, due date) (`notices.notice_key`), and as a deadline it is e-mailed
at once by the outbox, only when the notice is new.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.language import in_vietnamese
from gandan.orgs.models import Membership, Role, User
from gandan.petitions import notices
from gandan.petitions.models import CaseDeadline
from gandan.worktime import days

DUE_SOON_WORKING_DAYS = 3


def due_soon_until(today: dt.date) -> dt.date:
    return days.add_working_days(today, DUE_SOON_WORKING_DAYS)


def pending_steps(today: dt.date, *, organisation=None):
    """Tracked steps not yet done, due within DUE_SOON_WORKING_DAYS working days or past due."""
    rows = CaseDeadline.objects.filter(
        is_tracked=True,
        done_on__isnull=True,
        moot=False,
        due__isnull=False,
        due__lte=due_soon_until(today),
        case__closed_at__isnull=True,
    ).select_related("case__organisation", "case__handler")
    if organisation is not None:
        rows = rows.filter(case__organisation=organisation)
    return rows.order_by("due", "case_id")


@in_vietnamese
@transaction.atomic
def send_case_reminders(*, today: dt.date | None = None) -> int:
    """Create the due-soon and overdue notices for handlers and heads; returns how many new."""
    today = today or timezone.localdate()
    rows = list(pending_steps(today))
    heads: dict[int, set[int]] = {}
    for org_id, user_id in (
        Membership.objects.current(today)
        .filter(role=Role.HEAD, organisation_id__in={row.case.organisation_id for row in rows})
        .values_list("organisation_id", "user_id")
    ):
        heads.setdefault(org_id, set()).add(user_id)
    wanted = set().union(*heads.values(), {row.case.handler_id for row in rows} - {None})
    people = {user.pk: user for user in User.objects.filter(pk__in=wanted)}
    created = 0
    for row in rows:
        case = row.case
        overdue = row.due < today
        title = (
            _("Vụ việc %(code)s: “%(step)s” đã quá hạn từ ngày %(due)s.")
            if overdue
            else _("Vụ việc %(code)s: “%(step)s” đến hạn ngày %(due)s.")
        ) % {"code": case.display_code, "step": row.step_label, "due": row.due.strftime("%d/%m/%Y")}
        ids = set(heads.get(case.organisation_id, set()))
        if case.handler_id:
            ids.add(case.handler_id)
        created += len(
            notices.tell(
                [people[pk] for pk in sorted(ids) if pk in people],
                case,
                kind=notices.OVERDUE if overdue else notices.DUE_SOON,
                title=title,
                step=row.step,
                due=row.due,
                urgent=True,
            )
        )
    return created
