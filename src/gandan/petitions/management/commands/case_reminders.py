"""`gandan case_reminders [--today YYYY-MM-DD]`: in-app and e-mail notices to handlers and
heads for steps due within 3 working days or overdue. The worker runs the same function daily
at 06:00 (the schedule job petitions.case_reminders); running it again the same day sends
nothing twice."""

import datetime as dt

from django.utils.translation import gettext as _

from gandan.notify.commands import ReminderCommand
from gandan.petitions.services import send_case_reminders


class Command(ReminderCommand):
    help = _("Gửi nhắc việc sắp đến hạn và quá hạn của các vụ việc.")

    def remind(self, today: dt.date | None) -> int:
        return send_case_reminders(today=today)
