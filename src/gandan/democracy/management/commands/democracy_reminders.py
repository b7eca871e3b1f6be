"""`gandan democracy_reminders [--today YYYY-MM-DD]`: urgent reminders to whoever has not yet
commented on a consultation or voted in a ballot that ends within two days. The worker runs the
same job every morning (`democracy.reminders`); running it again sends nothing twice."""

import datetime as dt

from django.utils.translation import gettext as _

from gandan.democracy.notices import reminders
from gandan.notify.commands import ReminderCommand


class Command(ReminderCommand):
    help = _("Nhắc góp ý dự thảo và bỏ phiếu sắp hết hạn.")

    def remind(self, today: dt.date | None) -> int:
        return reminders(today)
