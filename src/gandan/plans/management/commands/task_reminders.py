"""`gandan task_reminders [--today YYYY-MM-DD]`: urgent notices for the plans' tasks due within
three working days or overdue. The worker runs the same job every morning
(`plans.task_reminders`); running it again sends nothing twice."""

import datetime as dt

from django.utils.translation import gettext as _

from gandan.notify.commands import ReminderCommand
from gandan.plans.notices import task_reminders


class Command(ReminderCommand):
    help = _("Gửi nhắc việc các nhiệm vụ sắp đến hạn và quá hạn.")

    def remind(self, today: dt.date | None) -> int:
        return task_reminders(today)
