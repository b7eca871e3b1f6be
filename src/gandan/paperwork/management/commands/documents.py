"""`gandan documents --org SLUG [--year Y] [--secret] [--json]`: the outgoing-document register."""

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from gandan.orgs.models import Organisation
from gandan.paperwork.models import OutgoingDocument


def register_rows(organisation: Organisation, year: int | None, is_secret: bool) -> list[dict]:
    documents = OutgoingDocument.objects.filter(organisation=organisation, is_secret=is_secret)
    if year is not None:
        documents = documents.filter(year=year)
    return [
        {
            "year": document.year,
            "number": document.number,
            "symbol": document.number_symbol,
            "type": document.doc_type,
            "type_name": document.get_doc_type_display(),
            "date": document.issued_on.isoformat(),
            "summary": document.summary,
            "signer": document.signer_name,
            "signer_title": " ".join(
                part for part in (document.signer_prefix, document.signer_title) if part
            ),
            "status": document.status,
            "source": document.source,
        }
        for document in documents.order_by("year", "number")
    ]


class Command(BaseCommand):
    help = _("Liệt kê sổ đăng ký văn bản đi của một tổ chức.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--org", required=True, help=_("Mã công khai của tổ chức (slug)."))
        parser.add_argument("--year", type=int, help=_("Năm của sổ; mặc định: mọi năm."))
        parser.add_argument("--secret", action="store_true", help=_("Sổ văn bản mật."))
        parser.add_argument("--json", action="store_true", help=_("In ra dạng JSON."))

    def handle(self, *args, **options) -> None:
        organisation = Organisation.objects.filter(slug=options["org"]).first()
        if organisation is None:
            raise CommandError(_("Không có tổ chức với mã “%(slug)s”.") % {"slug": options["org"]})
        rows = register_rows(organisation, options["year"], options["secret"])
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if not rows:
            self.stdout.write(_("Sổ văn bản đi chưa có văn bản nào."))
            return
        self.stdout.write(
            f"{_('Số, ký hiệu'):<20} {_('Ngày'):<10}  {_('Người ký'):<24} {_('Trích yếu')}"
        )
        for row in rows:
            withdrawn = f" [{_('đã thu hồi')}]" if row["status"] == "withdrawn" else ""
            date = "/".join(reversed(row["date"].split("-")))
            self.stdout.write(
                f"{row['symbol']:<20} {date:<10}  {row['signer']:<24} {row['summary']}{withdrawn}"
            )
