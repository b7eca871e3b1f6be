"""Reminders before each due date and when it has passed: in-app notices and one e-mail.

`send_case_reminders` is what the `case_reminders` command (or a scheduled task) runs; it can
run any number of times a day: a notice exists once per (user, case, step, kind, due date),
and an e-mail is sent only for notices not yet e-mailed.
"""

import datetime as dt
import logging

from django.core.mail import send_mail
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.language import in_vietnamese
from gandan.core.vietnamese import shorten
from gandan.orgs.models import Membership, Role
from gandan.petitions.models import CaseDeadline, Notification, NotificationKind
from gandan.worktime import days

DUE_SOON_WORKING_DAYS = 3
logger = logging.getLogger(__name__)


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
    created = 0
    for row in rows:
        case = row.case
        overdue = row.due < today
        message = (
            _("Vụ việc %(code)s: “%(step)s” đã quá hạn từ ngày %(due)s.")
            if overdue
            else _("Vụ việc %(code)s: “%(step)s” đến hạn ngày %(due)s.")
        ) % {"code": case.display_code, "step": row.step_label, "due": row.due.strftime("%d/%m/%Y")}
        people = set(heads.get(case.organisation_id, set()))
        if case.handler_id:
            people.add(case.handler_id)
        for user_id in people:
            _notice, is_new = Notification.objects.get_or_create(
                user_id=user_id,
                case=case,
                step=row.step,
                kind=NotificationKind.OVERDUE if overdue else NotificationKind.DUE_SOON,
                due_key=row.due.isoformat(),
                defaults={"due": row.due, "message": shorten(message, 500)},
            )
            created += is_new
    email_pending_notices()
    return created


def email_pending_notices() -> int:
    """E-mail each notice not yet e-mailed to a user who has an address; failures retry later."""
    sent = 0
    pending = (
        Notification.objects.filter(emailed_at__isnull=True)
        .exclude(Q(user__email="") | Q(user__email__isnull=True))
        .select_related("user")
    )
    for notice in pending:
        try:
            send_mail(
                subject=_("[Gần Dân] %(message)s") % {"message": shorten(notice.message, 120)},
                message=_("%(message)s\n\nMở bàn làm việc trên Gần Dân để xem và xử lý vụ việc.")
                % {"message": notice.message},
                from_email=None,
                recipient_list=[notice.user.email],
            )
        except Exception:  # an unreachable mail server must not stop the reminders
            logger.exception("case reminder e-mail failed for notice %s", notice.pk)
            continue
        Notification.objects.filter(pk=notice.pk).update(emailed_at=timezone.now())
        sent += 1
    return sent
