"""`gandan legal_refs FILE [--json]`: the legal references cited in a .txt or .docx file."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils.translation import gettext as _

from gandan.legal.reading import UnreadableFile, read_text
from gandan.legal.references import Reference, cited_documents, find_references
from gandan.legal.services import replacement_warnings, unchecked_documents


class Command(BaseCommand):
    help = _("Liệt kê các văn bản được viện dẫn trong một tệp .txt hoặc .docx.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help=_("Tệp .txt (UTF-8) hoặc .docx"))
        parser.add_argument(
            "--json",
            action="store_true",
            help=_("In danh sách JSON: type, number, year, symbol, date, issuer, text"),
        )

    def handle(self, *args, **options) -> None:
        try:
            text = read_text(options["file"])
        except UnreadableFile as error:
            raise CommandError(
                _("Không đọc được tệp %(file)s: cần tệp .txt (UTF-8) hoặc .docx (%(reason)s).")
                % {"file": options["file"], "reason": error}
            ) from error
        refs = find_references(text)
        if options["json"]:
            payload = [ref.as_dict() for ref in refs]
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        self.stdout.write(render_table(refs))
        self._write_warnings(refs)

    def _write_warnings(self, refs: list[Reference]) -> None:
        try:
            warnings = replacement_warnings(refs)
            unchecked = unchecked_documents(refs)
        except DatabaseError:
            self.stderr.write(
                _("Chưa có danh mục văn bản (chạy `gandan migrate`): bỏ qua cảnh báo.")
            )
            return
        if warnings:
            self.stdout.write("")
            self.stdout.write(_("Cảnh báo:"))
            for warning in warnings:
                self.stdout.write(f"- {warning.message}")
        if unchecked:
            self.stdout.write("")
            self.stdout.write(_("Chưa kiểm tra tình trạng hiệu lực:"))
            for mark in unchecked:
                self.stdout.write(f"- {mark.message}")


def render_table(refs: list[Reference]) -> str:
    """A plain-text table, one citation per row, columns aligned."""
    if not refs:
        return _("Không tìm thấy văn bản nào được viện dẫn.")
    headers = [
        _("STT"),
        _("Loại văn bản"),
        _("Số"),
        _("Năm"),
        _("Ký hiệu"),
        _("Ngày"),
        _("Cơ quan ban hành"),
    ]
    rows = [
        [
            str(index),
            ref.type if ref.number or ref.symbol or not ref.name else f"{ref.type} {ref.name}",
            ref.number or "—",
            str(ref.year) if ref.year else "—",
            ref.symbol or "—",
            f"{ref.date:%d/%m/%Y}" if ref.date else "—",
            ref.issuer or "—",
        ]
        for index, ref in enumerate(refs, start=1)
    ]
    widths = [max(len(row[col]) for row in [headers, *rows]) for col in range(len(headers))]
    lines = [
        _("Tìm thấy %(count)d lần viện dẫn văn bản.") % {"count": len(refs)},
        _("Các lần viện dẫn thuộc %(count)d văn bản khác nhau.")
        % {"count": len(cited_documents(refs))},
        "",
        _format_row(headers, widths),
        _format_row(["-" * width for width in widths], widths),
    ]
    lines += [_format_row(row, widths) for row in rows]
    return "\n".join(lines)


def _format_row(cells: list[str], widths: list[int]) -> str:
    return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()
