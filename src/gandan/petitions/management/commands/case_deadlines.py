"""`gandan case_deadlines --kind KIND --received YYYY-MM-DD [--accepted YYYY-MM-DD] [--complex]
[--remote] [--procedure P]`: print every step's due date of a case as JSON.

Without --accepted, steps counted from thụ lý have `"due": null` (the law counts from the
actual thụ lý) and `"projected_due"`: their end if thụ lý happens on its own due date.
When a date is counted into a year whose official calendar is not entered, the provisional
warning goes to standard error.
"""

import datetime as dt
import json
import re

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils.translation import gettext as _

from gandan.petitions.deadlines import DeadlineError, StepDeadline, compute_deadlines
from gandan.petitions.models import PROCEDURES_OF_KIND, CaseKind
from gandan.worktime import notices

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Command(BaseCommand):
    help = _(
        "In thời hạn từng bước của một vụ việc (JSON), theo quy tắc có hiệu lực vào ngày nhận "
        "đơn và lịch làm việc."
    )

    def add_arguments(self, parser) -> None:
        # Read as text and checked below, so that every error is in Vietnamese.
        parser.add_argument("--kind", help=_("Loại vụ việc: %s.") % ", ".join(CaseKind.values))
        parser.add_argument("--received", metavar="YYYY-MM-DD", help=_("Ngày nhận đơn."))
        parser.add_argument("--accepted", metavar="YYYY-MM-DD", help=_("Ngày thụ lý."))
        parser.add_argument("--complex", action="store_true", help=_("Vụ việc phức tạp."))
        parser.add_argument("--remote", action="store_true", help=_("Vùng sâu, vùng xa."))
        parser.add_argument(
            "--procedure",
            help=_("Thủ tục (mặc định: thủ tục thường gặp của loại vụ việc), ví dụ lan_hai."),
        )

    def handle(self, *args, **options) -> None:
        kind = options["kind"]
        if kind not in CaseKind.values:
            raise CommandError(
                _("Loại vụ việc “%(kind)s” không hợp lệ; chọn một trong: %(kinds)s.")
                % {"kind": kind or "", "kinds": ", ".join(CaseKind.values)}
            )
        procedure = options["procedure"]
        if procedure is not None and procedure not in PROCEDURES_OF_KIND[kind]:
            raise CommandError(
                _("Thủ tục “%(procedure)s” không thuộc loại %(kind)s; chọn một trong: %(all)s.")
                % {
                    "procedure": procedure,
                    "kind": kind,
                    "all": ", ".join(PROCEDURES_OF_KIND[kind]),
                }
            )
        received = _required_date("--received", options["received"])
        accepted = _parse_date("--accepted", options["accepted"])
        try:
            deadlines = compute_deadlines(
                kind=kind,
                received=received,
                accepted=accepted,
                complex=options["complex"],
                remote=options["remote"],
                procedure=procedure,
            )
        except DeadlineError as exc:
            raise CommandError(str(exc)) from exc
        except DatabaseError as exc:
            raise CommandError(
                _("Không đọc được bảng quy tắc hoặc lịch làm việc (đã chạy gandan migrate?).")
            ) from exc
        except (OverflowError, ValueError) as exc:
            raise CommandError(_("Hạn cuối vượt ra ngoài phạm vi lịch hỗ trợ.")) from exc
        if not deadlines:
            raise CommandError(
                _(
                    "Không có quy tắc thời hạn nào có hiệu lực vào ngày %(date)s "
                    "cho loại vụ việc này."
                )
                % {"date": received.strftime("%d/%m/%Y")}
            )
        rows = [_as_json(deadline) for deadline in deadlines]
        self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
        # A date counted into a year whose official calendar is not entered is provisional
        # (BLLĐ 2019 Điều 112 k3); the JSON stays machine-readable, the warning goes aside.
        ends = [end for d in deadlines if (end := d.due or d.projected_due) is not None]
        warning = notices.provisional_warning(received, max(ends)) if ends else ""
        if warning:
            self.stderr.write(_("Cảnh báo: %(warning)s") % {"warning": warning})


def _as_json(deadline: StepDeadline) -> dict:
    return {
        "step": deadline.step,
        "due": _iso(deadline.due),
        "unit": deadline.unit,
        "limit": deadline.limit,
        "citation": deadline.citation,
        "step_label": deadline.step_label,
        "starts_from": deadline.starts_from,
        "projected_due": _iso(deadline.projected_due),
        "needs_verification": deadline.needs_verification,
        "is_internal_policy": deadline.is_internal_policy,
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _required_date(option: str, text: str | None) -> dt.date:
    day = _parse_date(option, text)
    if day is None:
        raise CommandError(_("Thiếu ngày: %(option)s YYYY-MM-DD.") % {"option": option})
    return day


def _parse_date(option: str, text: str | None) -> dt.date | None:
    if text is None:
        return None
    if _ISO_DATE.fullmatch(text.strip()):
        try:
            return dt.date.fromisoformat(text.strip())
        except ValueError:
            pass
    raise CommandError(
        _("%(option)s: ngày “%(text)s” không hợp lệ, cần dạng YYYY-MM-DD, ví dụ 2026-02-13.")
        % {"option": option, "text": text}
    )
