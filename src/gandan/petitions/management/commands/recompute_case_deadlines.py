"""`gandan recompute_case_deadlines [--school SLUG]`: recompute the stored due dates of every
case with pending steps, after a change of the working calendar or of the rules table.
Safe to rerun: the result depends only on each case's facts, the rules and the calendar."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from gandan.orgs.commands import organisation_option
from gandan.petitions.services import recompute_open_cases


class Command(BaseCommand):
    help = _("Tính lại thời hạn đã lưu của các vụ việc còn bước chưa xong.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--school", help=_("Mã công khai của trường (mặc định: tất cả)."))

    def handle(self, *args, **options) -> None:
        count = recompute_open_cases(organisation=organisation_option(options["school"]))
        self.stdout.write(_("Đã tính lại thời hạn của %(n)d vụ việc.") % {"n": count})
