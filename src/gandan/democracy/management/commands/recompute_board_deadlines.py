"""`gandan recompute_board_deadlines [--school SLUG]`: store again the last day for the head to
answer each inspection-board recommendation still awaiting an answer (Luật 10/2022/QH15,
Điều 63 k1c), after a change of the working calendar or for recommendations recorded before
due dates were stored. Safe to rerun."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from gandan.democracy.services.inspection import recompute_answer_dues
from gandan.orgs.commands import organisation_option


class Command(BaseCommand):
    help = _("Tính lại hạn trả lời các kiến nghị của Ban Thanh tra nhân dân chưa được trả lời.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--school", help=_("Mã công khai của trường (mặc định: tất cả)."))

    def handle(self, *args, **options) -> None:
        count = recompute_answer_dues(organisation=organisation_option(options["school"]))
        self.stdout.write(_("Đã tính lại hạn trả lời của %(n)d kiến nghị.") % {"n": count})
