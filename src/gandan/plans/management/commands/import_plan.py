"""`gandan import_plan FILE --json` prints a plan's parsed structure; with `--org` it saves it."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from gandan.orgs.access import active_organisation
from gandan.plans.importer import SUPPORTED_SUFFIXES, parse_plan_file
from gandan.plans.services import save_imported_plan


class Command(BaseCommand):
    help = _("Nhập kế hoạch từ tệp .txt hoặc .docx.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help=_("Tệp kế hoạch (.txt hoặc .docx)."))
        parser.add_argument(
            "--json",
            action="store_true",
            help=_("In cấu trúc đọc được dưới dạng JSON, không lưu."),
        )
        parser.add_argument("--org", help=_("Mã (slug) của đơn vị nhận kế hoạch."))

    def handle(self, *args: object, **options: object) -> None:
        path = Path(str(options["file"]))
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise CommandError(_("Chỉ đọc được tệp .txt hoặc .docx."))
        if not path.is_file():
            raise CommandError(_("Không tìm thấy tệp %(path)s.") % {"path": path})
        try:
            parsed = parse_plan_file(path)
        except ValueError as error:  # also UnicodeDecodeError, and a damaged .docx
            raise CommandError(_("Không đọc được tệp %(path)s.") % {"path": path}) from error
        if options["json"]:
            self.stdout.write(json.dumps(parsed.as_dict(), ensure_ascii=False, indent=2))
            return
        if not options["org"]:
            raise CommandError(_("Cần --org để lưu kế hoạch, hoặc dùng --json."))
        # A console command runs as the operator, outside any request: no per-user access check.
        organisation = active_organisation(str(options["org"]))
        if organisation is None:
            raise CommandError(_("Không có đơn vị với mã %(slug)s.") % {"slug": options["org"]})
        try:
            plan = save_imported_plan(
                organisation=organisation, parsed=parsed, user=None, source_name=path.name
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            _("Đã nhập kế hoạch dự thảo “%(plan)s” (%(tasks)d nhiệm vụ), mã %(id)s.")
            % {"plan": plan, "tasks": plan.tasks.count(), "id": plan.public_id}
        )
