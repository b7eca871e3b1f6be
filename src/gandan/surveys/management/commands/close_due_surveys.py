"""`gandan close_due_surveys`: close the surveys whose last day has passed (and re-seal the
anonymous ones). The worker runs the same function every 15 minutes (job `surveys.close_due`);
running it again closes nothing twice."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from gandan.surveys.services import close_due_surveys


class Command(BaseCommand):
    help = _("Kết thúc các khảo sát đã hết hạn nhận trả lời.")

    def handle(self, *args, **options) -> None:
        count = close_due_surveys()
        self.stdout.write(_("Đã kết thúc %(n)d khảo sát.") % {"n": count})
