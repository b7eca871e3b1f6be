"""`gandan export_document --org SLUG --year Y --number N --format docx|pdf -o FILE`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from gandan.orgs.models import Organisation
from gandan.paperwork.models import OutgoingDocument
from gandan.paperwork.rendering import RenderError
from gandan.paperwork.services import EXPORT_FORMATS, export_document


class Command(BaseCommand):
    help = _("Xuất một văn bản đã đăng ký ra tệp .docx hoặc PDF.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--org", required=True, help=_("Mã công khai của tổ chức (slug)."))
        parser.add_argument("--year", type=int, required=True, help=_("Năm của sổ văn bản đi."))
        parser.add_argument("--number", type=int, required=True, help=_("Số văn bản trong sổ."))
        parser.add_argument("--secret", action="store_true", help=_("Tìm trong sổ văn bản mật."))
        parser.add_argument("--format", choices=EXPORT_FORMATS, default="docx")
        parser.add_argument("-o", "--output", required=True, help=_("Tệp sẽ ghi ra."))

    def handle(self, *args, **options) -> None:
        organisation = Organisation.objects.filter(slug=options["org"]).first()
        if organisation is None:
            raise CommandError(_("Không có tổ chức với mã “%(slug)s”.") % {"slug": options["org"]})
        document = (
            OutgoingDocument.objects.register(
                organisation, options["year"], is_secret=options["secret"]
            )
            .filter(number=options["number"])
            .first()
        )
        if document is None:
            raise CommandError(
                _("Sổ văn bản đi năm %(year)d của %(org)s không có văn bản số %(number)02d.")
                % {"year": options["year"], "org": organisation.name, "number": options["number"]}
            )
        try:
            content = export_document(document, options["format"])
        except RenderError as error:
            raise CommandError(str(error)) from error
        path = Path(options["output"])
        try:
            path.write_bytes(content)
        except OSError as error:
            raise CommandError(
                _("Không ghi được tệp %(path)s: %(error)s") % {"path": path, "error": error}
            ) from error
        self.stdout.write(
            _("Đã xuất văn bản số %(symbol)s ra %(path)s.")
            % {"symbol": document.number_symbol, "path": path}
        )
