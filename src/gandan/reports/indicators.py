"""The indicators an authority reads, and the periods it reads them for.

Report months and periods. Nghị định 09/2019/NĐ-CP, Điều 12 sets the data cut-off of periodic
reports: the 6-month report runs from 15/12 of the previous year to 14/6 of the report year, the
annual report from 15/12 of the previous year to 14/12 (LAW.md §11, read through a provincial
decision quoting it: to be checked against the article). The summary table `UnitMonth` is
therefore kept by *report month*, from the 15th of the previous calendar month to the 14th of
the month: report month 1/2025 runs 15/12/2024–14/01/2025, so 6 tháng 2025 is report months
1–6 and năm 2025 report months 1–12, exactly, with no approximation.

Indicators. `INDICATORS` is the registry: each has a code, a Vietnamese label and unit, the
method in one sentence, its legal basis where it has one, and how its value for a period is
derived from the period's sums of `UnitMonth` columns and the unit's `UnitStatus` row. Values
are computed from sums (ratios of sums, never means of ratios), so a unit, a ward and the whole
province are computed alike.
"""

import datetime as dt
import math
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import NamedTuple

from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy

from gandan.core.vietnamese import format_number
from gandan.reports.models import UnitMonth, UnitStatus
from gandan.surveys.index import IndexValue, Moments, summarise

_local = threading.local()


def _(message: str) -> str:
    """gettext; inside `remembered_texts()` each text is translated once (a province's table
    formats tens of thousands of cells, and looking up the active language is not free)."""
    memo: dict[str, str] | None = getattr(_local, "memo", None)
    if memo is None:
        return gettext(message)
    found = memo.get(message)
    if found is None:
        found = memo[message] = gettext(message)
    return found


@contextmanager
def remembered_texts() -> Iterator[None]:
    """For one table: the active language does not change while it is built."""
    previous = getattr(_local, "memo", None)
    _local.memo = {}
    try:
        yield
    finally:
        _local.memo = previous


# Nghị định 09/2019/NĐ-CP, Điều 12: a report period starts on the 15th of a month.
CUT_OFF_DAY = 15
PERIOD_BASIS = "Nghị định 09/2019/NĐ-CP, Điều 12 (cần đối chiếu văn bản)"


def report_month(day: dt.date) -> dt.date:
    """The first day of the report month that `day` belongs to: from the 15th, the next one."""
    if day.day >= CUT_OFF_DAY:
        return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return day.replace(day=1)


def report_month_start(month: dt.date) -> dt.date:
    """The first day counted in a report month: the 15th of the calendar month before."""
    previous = month - dt.timedelta(days=1)
    return previous.replace(day=CUT_OFF_DAY)


def report_month_end(month: dt.date) -> dt.date:
    """The last day counted in a report month: the 14th."""
    return month.replace(day=CUT_OFF_DAY - 1)


def add_months(month: dt.date, count: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


def month_index(month: dt.date) -> int:
    """year × 12 + month − 1: the integer form the database groups by (refresh.REPORT_INDEX)."""
    return month.year * 12 + month.month - 1


def month_of_index(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


def months_between(first: dt.date, last: dt.date) -> list[dt.date]:
    return [add_months(first, i) for i in range(month_index(last) - month_index(first) + 1)]


MONTH, HALF_YEAR, YEAR = "thang", "6-thang", "nam"


@dataclass(frozen=True)
class Period:
    """A report period: one report month, the first 6 months of a year, or the year."""

    kind: str
    year: int
    month: int = 0  # only for MONTH

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month if self.kind == MONTH else 1, 1)

    @property
    def last(self) -> dt.date:
        if self.kind == MONTH:
            return self.first
        return dt.date(self.year, 6 if self.kind == HALF_YEAR else 12, 1)

    @property
    def starts_on(self) -> dt.date:
        return report_month_start(self.first)

    @property
    def ends_on(self) -> dt.date:
        return report_month_end(self.last)

    @property
    def key(self) -> str:
        if self.kind == MONTH:
            return f"{MONTH}-{self.year}-{self.month:02d}"
        return f"{self.kind}-{self.year}"

    @property
    def label(self) -> str:
        if self.kind == MONTH:
            return _("Tháng %(month)d/%(year)d") % {"month": self.month, "year": self.year}
        if self.kind == HALF_YEAR:
            return _("6 tháng đầu năm %(year)d") % {"year": self.year}
        return _("Năm %(year)d") % {"year": self.year}

    @property
    def span(self) -> str:
        """'15/12/2024 – 14/6/2025': the data cut-off of the period."""
        return f"{self.starts_on:%d/%m/%Y} – {self.ends_on:%d/%m/%Y}"

    def months(self) -> list[dt.date]:
        return months_between(self.first, self.last)

    @classmethod
    def parse(cls, key: str | None) -> "Period | None":
        """The period of a `?ky=` value ('6-thang-2025', 'nam-2025', 'thang-2025-03'), or None."""
        if not key:
            return None
        kind, _sep, rest = key.rpartition("-")
        try:
            if kind.startswith(f"{MONTH}-"):
                year, month = int(kind.split("-", 1)[1]), int(rest)
                if not 1 <= month <= 12:
                    return None
                return cls(MONTH, year, month) if 2000 <= year <= 2100 else None
            year = int(rest)
        except ValueError:
            return None
        if kind not in (HALF_YEAR, YEAR) or not 2000 <= year <= 2100:
            return None
        return cls(kind, year)

    @classmethod
    def containing(cls, day: dt.date) -> "Period":
        """The 6-month or year period the day's report month falls in."""
        month = report_month(day)
        return cls(HALF_YEAR if month.month <= 6 else YEAR, month.year)

    @classmethod
    def choices(cls, today: dt.date, *, years: int = 3) -> list["Period"]:
        """Years and half-years from the current one back, then the last 12 report months."""
        current = report_month(today)
        periods: list[Period] = []
        for year in range(current.year, current.year - years, -1):
            if year < current.year or current.month > 6:
                periods.append(cls(YEAR, year))
            periods.append(cls(HALF_YEAR, year))
        if current.month <= 6:
            periods.insert(0, cls(YEAR, current.year))
        for back in range(12):
            month = add_months(current, -back)
            periods.append(cls(MONTH, month.year, month.month))
        return periods


# Indicator values.


class Value(NamedTuple):
    """One cell: `sort` orders the column (None sorts last), `text` is what the page and the
    spreadsheet show, `number` is what the spreadsheet stores when it is a number. A tuple:
    a province's table makes forty thousand of them."""

    sort: float | None
    text: str
    number: float | int | None = None
    flag: bool | None = None  # True good, False a problem (the page marks it)


EMPTY = Value(None, "—")


def _pct(numerator: int, denominator: int) -> Value:
    if not denominator:
        return EMPTY
    rate = 100 * numerator / denominator
    rounded = round(rate, 1)
    return Value(
        rate,
        f"{format_number(rounded, 1)} %",
        rounded,
        flag=None,
    )


_COUNTS: dict[int, Value] = {}


def _count(n: int | None) -> Value:
    if n is None:
        return EMPTY
    found = _COUNTS.get(n)
    if found is None:
        found = Value(n, format_number(n), n)
        if n < 10_000:  # the small counts repeat across a province's table
            _COUNTS[n] = found
    return found


def _yes_no(flag: bool | None, yes: str, no: str) -> Value:
    if flag is None:
        return EMPTY
    return Value(1 if flag else 0, yes if flag else no, None, flag=flag)


Sums = Mapping[str, float]


class StatusRow(SimpleNamespace):
    """A `UnitStatus` row read with `.values()`: the same attribute names, without the cost of
    a model instance per unit (a Sở reads 1,500 of them per page)."""


AnyStatus = UnitStatus | StatusRow
STATUS_FIELDS = [f.name for f in UnitStatus._meta.concrete_fields if f.name != "organisation"]


@dataclass(frozen=True)
class Indicator:
    code: str
    label: Promise
    short: Promise  # the column head
    unit: Promise
    group: Promise
    method: Promise
    basis: str
    compute: Callable[[Sums, AnyStatus | None], Value]
    monthly: bool  # computed from the period's months (False: a snapshot at refresh time)
    columns: tuple[str, ...] = field(default=())  # the UnitMonth columns it reads


MONTH_COLUMNS = [
    f.name for f in UnitMonth._meta.get_fields() if f.name not in {"id", "organisation", "month"}
]
RECEIVED_COLUMNS = [
    "received_complaints",
    "received_denunciations",
    "received_recommendations",
    "received_feedback",
    "received_information_requests",
]


def satisfaction_index(sums: Sums) -> IndexValue:
    """surveys/index.py point 6, per period: survey respondents and rated cases pooled, each one
    observation, from n, Σx, Σx². A case's 1–5 rating r maps to x = 25 (r − 1), so
    Σx = 25 (Σr − n) and Σx² = 625 (Σr² − 2 Σr + n).

    Three columns (index, n, interval) ask in a row for the same sums: the last answer is
    kept for the same mapping object (never for an equal one that may since have changed)."""
    last: tuple[Sums, IndexValue] | None = getattr(_local, "last_index", None)
    if last is not None and last[0] is sums:
        return last[1]
    value = _satisfaction_index(sums)
    _local.last_index = (sums, value)
    return value


def _satisfaction_index(sums: Sums) -> IndexValue:
    n_cases = int(sums.get("rated", 0))
    r, r2 = sums.get("rating_sum", 0), sums.get("rating_sum_sq", 0)
    cases = Moments(n_cases, 25.0 * (r - n_cases), 625.0 * (r2 - 2 * r + n_cases))
    surveys = Moments.from_row(
        sums.get("survey_responses", 0),
        sums.get("survey_score_sum", 0),
        sums.get("survey_score_sum_sq", 0),
    )
    return summarise(cases + surveys)


def _index(sums: Sums, _status: AnyStatus | None) -> Value:
    value = satisfaction_index(sums)
    if value.mean is None:
        return EMPTY
    return Value(value.mean, format_number(round(value.mean, 1), 1), round(value.mean, 1))


def _index_n(sums: Sums, _status: AnyStatus | None) -> Value:
    return _count(satisfaction_index(sums).n)


def _index_interval(sums: Sums, _status: AnyStatus | None) -> Value:
    value = satisfaction_index(sums)
    if value.low is None or value.high is None:
        return EMPTY
    return Value(
        value.high - value.low,
        f"{format_number(round(value.low, 1), 1)}–{format_number(round(value.high, 1), 1)}",
    )


def _mean_rating(sums: Sums, _status: AnyStatus | None) -> Value:
    n = sums.get("rated", 0)
    if not n:
        return EMPTY
    mean = sums.get("rating_sum", 0) / n
    return Value(mean, f"{format_number(round(mean, 2), 2)}/5", round(mean, 2))


def _received(sums: Sums, _status: AnyStatus | None) -> Value:
    return _count(int(sum(sums.get(column, 0) for column in RECEIVED_COLUMNS)))


def _month_count(column: str) -> Callable[[Sums, AnyStatus | None], Value]:
    def compute(sums: Sums, _status: AnyStatus | None) -> Value:
        return _count(int(sums.get(column, 0)))

    return compute


def _status_count(column: str) -> Callable[[Sums, AnyStatus | None], Value]:
    def compute(_sums: Sums, status: AnyStatus | None) -> Value:
        return _count(getattr(status, column)) if status is not None else EMPTY

    return compute


def _cases_on_time(sums: Sums, _status: AnyStatus | None) -> Value:
    return _pct(int(sums.get("answered_on_time", 0)), int(sums.get("answered", 0)))


def _disclosures_on_time(sums: Sums, _status: AnyStatus | None) -> Value:
    settled = sum(
        int(sums.get(c, 0))
        for c in ("disclosures_on_time", "disclosures_late", "disclosures_missing")
    )
    return _pct(int(sums.get("disclosures_on_time", 0)), settled)


def _tasks_on_time(sums: Sums, _status: AnyStatus | None) -> Value:
    settled = sum(
        int(sums.get(c, 0)) for c in ("tasks_done_on_time", "tasks_done_late", "tasks_overdue")
    )
    return _pct(int(sums.get("tasks_done_on_time", 0)), settled)


def _plan(_sums: Sums, status: AnyStatus | None) -> Value:
    if status is None:
        return EMPTY
    if not status.plan_issued:
        return Value(0, _("Chưa ban hành"), flag=False)
    day = status.plan_issued_on
    text = _("Đã ban hành %(day)s") % {"day": f"{day:%d/%m/%Y}"} if day else _("Đã ban hành")
    return Value(1 + (day.toordinal() if day else 0) / 1e7, text, flag=True)


def _plan_parent(_sums: Sums, status: AnyStatus | None) -> Value:
    if status is None or not status.plan_issued:
        return EMPTY
    return _yes_no(status.plan_implements_parent, _("Có"), _("Chưa liên kết"))


def _progress(_sums: Sums, status: AnyStatus | None) -> Value:
    if status is None or status.progress_mean is None:
        return EMPTY
    rounded = round(status.progress_mean, 1)
    return Value(status.progress_mean, f"{format_number(rounded, 1)} %", rounded)


def conference_problems(status: AnyStatus) -> list[str]:
    problems = []
    if status.conference_in_window is False:
        problems.append(_("họp quá hạn"))
    if status.conference_quorum_met is False:
        problems.append(_("không đủ 2/3"))
    if status.conference_resolution_issued is False:
        problems.append(_("chưa có nghị quyết"))
    return problems


def _conference(_sums: Sums, status: AnyStatus | None) -> Value:
    if status is None:
        return EMPTY
    if status.conference_held_on is None:
        return Value(0, _("Chưa họp"), flag=False)
    day = f"{status.conference_held_on:%d/%m/%Y}"
    problems = conference_problems(status)
    if problems:
        return Value(1, f"{day}: {', '.join(problems)}", flag=False)
    return Value(2, _("%(day)s: đạt") % {"day": day}, flag=True)


def _board(_sums: Sums, status: AnyStatus | None) -> Value:
    if status is None:
        return EMPTY
    if not status.board_constituted:
        return Value(0, _("Chưa có"), flag=False)
    if not status.board_programme:
        return Value(1, _("Có, chưa có chương trình"), flag=False)
    return Value(2, _("Có, có chương trình"), flag=True)


def _recommendations(_sums: Sums, status: AnyStatus | None) -> Value:
    if status is None or not status.board_constituted or not status.recommendations:
        return EMPTY
    answered, total = status.recommendations_answered, status.recommendations
    return Value(
        answered / total,
        f"{format_number(answered)}/{format_number(total)}",
        flag=answered == total,
    )


def _evaluation(_sums: Sums, status: AnyStatus | None) -> Value:
    if status is None or status.evaluation_year is None:
        return EMPTY
    year = f"{status.evaluation_year}–{status.evaluation_year + 1}"
    if status.evaluation_closed:
        return Value(1, _("%(year)s: đã chốt") % {"year": year}, flag=True)
    return Value(0, _("%(year)s: chưa chốt") % {"year": year}, flag=False)


def evaluation_distribution(status: AnyStatus) -> str:
    return _("XS %(a)s · Tốt %(b)s · HT %(c)s · KHT %(d)s") % {
        "a": format_number(status.evaluation_excellent),
        "b": format_number(status.evaluation_good),
        "c": format_number(status.evaluation_done),
        "d": format_number(status.evaluation_not_done),
    }


def _distribution(_sums: Sums, status: AnyStatus | None) -> Value:
    if status is None or status.evaluation_year is None:
        return EMPTY
    rated = (
        status.evaluation_excellent
        + status.evaluation_good
        + status.evaluation_done
        + status.evaluation_not_done
    )
    share = status.evaluation_excellent / rated if rated else None
    return Value(share, evaluation_distribution(status))


def _quota(_sums: Sums, status: AnyStatus | None) -> Value:
    if status is None:
        return EMPTY
    return _yes_no(status.evaluation_quota_ok, _("Đúng tỷ lệ"), _("Vượt tỷ lệ"))


CASES = gettext_lazy("Đơn thư")
DISCLOSURE = gettext_lazy("Công khai")
PLANS = gettext_lazy("Kế hoạch")
DEMOCRACY = gettext_lazy("Dân chủ ở cơ sở")
EMULATION = gettext_lazy("Dân vận khéo")
EVALUATION = gettext_lazy("Đánh giá")
SURVEYS = gettext_lazy("Sự hài lòng")

PERCENT = gettext_lazy("%")
ITEMS = gettext_lazy("số lượng")
STATE = gettext_lazy("tình trạng")

_KIND_METHOD = gettext_lazy(
    "Số đơn loại này có ngày tiếp nhận trong kỳ (ngày 15 tháng trước đến ngày 14 tháng sau)."
)

INDICATORS: list[Indicator] = [
    Indicator(
        "cases_received",
        gettext_lazy("Đơn thư tiếp nhận"),
        gettext_lazy("Đơn nhận"),
        ITEMS,
        CASES,
        gettext_lazy(
            "Số đơn khiếu nại, tố cáo, kiến nghị, phản ánh, yêu cầu cung cấp thông tin có ngày "
            "tiếp nhận trong kỳ."
        ),
        "Luật Tiếp công dân 2013, Điều 26",
        _received,
        True,
        tuple(RECEIVED_COLUMNS),
    ),
    Indicator(
        "cases_answered",
        gettext_lazy("Đơn thư đã trả lời"),
        gettext_lazy("Đã trả lời"),
        ITEMS,
        CASES,
        gettext_lazy(
            "Số đơn có ngày ban hành kết quả giải quyết (hoặc ngày gửi kết quả) trong kỳ."
        ),
        "",
        _month_count("answered"),
        True,
        ("answered",),
    ),
    Indicator(
        "cases_on_time",
        gettext_lazy("Tỷ lệ đơn thư giải quyết đúng hạn"),
        gettext_lazy("Đúng hạn"),
        PERCENT,
        CASES,
        gettext_lazy(
            "Trong số đơn đã trả lời trong kỳ, tỷ lệ đơn không có bước nào được theo dõi hạn "
            "mà ngày thực hiện muộn hơn hạn đã lưu (hạn tính theo luật khi tiếp nhận, không "
            "dùng trạng thái tự khai)."
        ),
        "Luật Khiếu nại 2011, Điều 28; Luật Tố cáo 2018, Điều 30; "
        "Luật Tiếp cận thông tin 2016, Điều 29–31; Luật Tiếp công dân 2013, Điều 28",
        _cases_on_time,
        True,
        ("answered", "answered_on_time"),
    ),
    Indicator(
        "cases_open",
        gettext_lazy("Đơn thư đang giải quyết"),
        gettext_lazy("Đang giải quyết"),
        ITEMS,
        CASES,
        gettext_lazy("Số đơn chưa kết thúc vào ngày cập nhật số liệu."),
        "",
        _status_count("cases_open"),
        False,
    ),
    Indicator(
        "cases_overdue",
        gettext_lazy("Đơn thư quá hạn"),
        gettext_lazy("Quá hạn"),
        ITEMS,
        CASES,
        gettext_lazy(
            "Số đơn đang giải quyết có ít nhất một bước được theo dõi hạn, chưa thực hiện, "
            "không tạm đình chỉ, đã quá hạn vào ngày cập nhật."
        ),
        "Luật Khiếu nại 2011, Điều 28; Luật Tố cáo 2018, Điều 30, 34",
        _status_count("cases_overdue"),
        False,
    ),
    Indicator(
        "cases_contested",
        gettext_lazy("Kết quả giải quyết bị người gửi không đồng ý"),
        gettext_lazy("Không đồng ý"),
        ITEMS,
        CASES,
        gettext_lazy(
            "Số đơn mà người gửi báo không đồng ý với kết quả giải quyết trong kỳ (đơn được "
            "mở lại để xem xét)."
        ),
        "Luật Khiếu nại 2011, Điều 33",
        _month_count("contested"),
        True,
        ("contested",),
    ),
    Indicator(
        "cases_rating",
        gettext_lazy("Mức hài lòng bình quân sau giải quyết"),
        gettext_lazy("Hài lòng (1–5)"),
        gettext_lazy("sao"),
        CASES,
        gettext_lazy(
            "Trung bình số sao (1–5) người gửi đánh giá trong kỳ: tổng số sao chia số lượt "
            "đánh giá."
        ),
        "",
        _mean_rating,
        True,
        ("rated", "rating_sum"),
    ),
    Indicator(
        "disclosures_on_time",
        gettext_lazy("Tỷ lệ công khai đúng hạn"),
        gettext_lazy("Công khai đúng hạn"),
        PERCENT,
        DISCLOSURE,
        gettext_lazy(
            "Trong số nội dung có hạn công khai (đã lưu) trong kỳ và đã đến hạn, tỷ lệ được "
            "công khai không muộn hơn hạn."
        ),
        "Luật Thực hiện dân chủ ở cơ sở 2022, Điều 47–48; Thông tư 09/2024/TT-BGDĐT, Điều 15",
        _disclosures_on_time,
        True,
        ("disclosures_on_time", "disclosures_late", "disclosures_missing"),
    ),
    Indicator(
        "disclosures_late",
        gettext_lazy("Nội dung công khai chậm"),
        gettext_lazy("Công khai chậm"),
        ITEMS,
        DISCLOSURE,
        gettext_lazy("Số nội dung có hạn trong kỳ, đã công khai sau hạn."),
        "Luật Thực hiện dân chủ ở cơ sở 2022, Điều 47–48; Thông tư 09/2024/TT-BGDĐT, Điều 15",
        _month_count("disclosures_late"),
        True,
        ("disclosures_late",),
    ),
    Indicator(
        "disclosures_missing",
        gettext_lazy("Nội dung quá hạn chưa công khai"),
        gettext_lazy("Chưa công khai"),
        ITEMS,
        DISCLOSURE,
        gettext_lazy(
            "Số nội dung có hạn trong kỳ, đã quá hạn mà chưa công khai vào ngày cập nhật."
        ),
        "Luật Thực hiện dân chủ ở cơ sở 2022, Điều 47–48; Thông tư 09/2024/TT-BGDĐT, Điều 15",
        _month_count("disclosures_missing"),
        True,
        ("disclosures_missing",),
    ),
    Indicator(
        "disclosures_yearly_missing",
        gettext_lazy("Nội dung công khai hằng năm còn thiếu"),
        gettext_lazy("Thiếu hằng năm"),
        ITEMS,
        DISCLOSURE,
        gettext_lazy(
            "Số nội dung phải công khai hằng năm đã qua hạn của năm nay mà chưa có bản công "
            "khai nào (tính đến ngày cập nhật)."
        ),
        "Thông tư 09/2024/TT-BGDĐT, Điều 15 khoản 1",
        _status_count("disclosures_yearly_missing"),
        False,
    ),
    Indicator(
        "plan_issued",
        gettext_lazy("Kế hoạch năm về dân vận chính quyền và dân chủ ở cơ sở"),
        gettext_lazy("Kế hoạch năm"),
        STATE,
        PLANS,
        gettext_lazy("Đơn vị đã ban hành kế hoạch của năm hiện tại hay chưa, và ngày ban hành."),
        "",
        _plan,
        False,
    ),
    Indicator(
        "plan_parent",
        gettext_lazy("Kế hoạch liên kết kế hoạch cấp trên"),
        gettext_lazy("Thực hiện KH cấp trên"),
        STATE,
        PLANS,
        gettext_lazy(
            "Kế hoạch năm đã ban hành có ghi là thực hiện một kế hoạch của cơ quan cấp trên."
        ),
        "",
        _plan_parent,
        False,
    ),
    Indicator(
        "tasks_on_time",
        gettext_lazy("Tỷ lệ nhiệm vụ hoàn thành đúng hạn"),
        gettext_lazy("Nhiệm vụ đúng hạn"),
        PERCENT,
        PLANS,
        gettext_lazy(
            "Trong số phân công có hạn (đã lưu) trong kỳ và đã hoàn thành hoặc đã quá hạn, tỷ "
            "lệ có báo cáo hoàn thành ghi nhận không muộn hơn hạn (theo thời điểm báo cáo, "
            "không theo trạng thái tự khai)."
        ),
        "",
        _tasks_on_time,
        True,
        ("tasks_done_on_time", "tasks_done_late", "tasks_overdue"),
    ),
    Indicator(
        "tasks_overdue",
        gettext_lazy("Nhiệm vụ quá hạn"),
        gettext_lazy("Nhiệm vụ quá hạn"),
        ITEMS,
        PLANS,
        gettext_lazy("Số phân công chưa hoàn thành đã quá hạn vào ngày cập nhật."),
        "",
        _status_count("tasks_overdue"),
        False,
    ),
    Indicator(
        "progress",
        gettext_lazy("Tiến độ bình quân các nhiệm vụ của kế hoạch năm"),
        gettext_lazy("Tiến độ"),
        PERCENT,
        PLANS,
        gettext_lazy(
            "Trung bình phần trăm tiến độ người thực hiện báo cáo, trên các phân công thuộc "
            "kế hoạch năm hiện tại."
        ),
        "",
        _progress,
        False,
    ),
    Indicator(
        "conference",
        gettext_lazy("Hội nghị cán bộ, viên chức, người lao động gần nhất"),
        gettext_lazy("Hội nghị CB, VC, NLĐ"),
        STATE,
        DEMOCRACY,
        gettext_lazy(
            "Hội nghị thường niên đã bế mạc gần nhất: đạt khi họp trong thời hạn 3 tháng kể từ "
            "khi kết thúc năm công tác, có ít nhất 2/3 số người được triệu tập có mặt và đã ban "
            "hành nghị quyết."
        ),
        "Luật Thực hiện dân chủ ở cơ sở 2022, Điều 51",
        _conference,
        False,
    ),
    Indicator(
        "board",
        gettext_lazy("Ban thanh tra nhân dân"),
        gettext_lazy("Ban TTND"),
        STATE,
        DEMOCRACY,
        gettext_lazy(
            "Có Ban thanh tra nhân dân trong nhiệm kỳ hiện tại và có chương trình hoạt động "
            "của nhiệm kỳ."
        ),
        "Luật Thực hiện dân chủ ở cơ sở 2022, Điều 60, 62",
        _board,
        False,
    ),
    Indicator(
        "recommendations",
        gettext_lazy("Kiến nghị của Ban thanh tra nhân dân đã được trả lời"),
        gettext_lazy("Kiến nghị đã trả lời"),
        ITEMS,
        DEMOCRACY,
        gettext_lazy(
            "Số kiến nghị của Ban trong nhiệm kỳ hiện tại đã được thủ trưởng trả lời, trên "
            "tổng số kiến nghị."
        ),
        "Luật Thực hiện dân chủ ở cơ sở 2022, Điều 61, 63",
        _recommendations,
        False,
    ),
    Indicator(
        "emulation_registered",
        gettext_lazy("Mô hình, điển hình “Dân vận khéo” đăng ký"),
        gettext_lazy("DVK đăng ký"),
        ITEMS,
        EMULATION,
        gettext_lazy("Số mô hình, điển hình đăng ký trong phong trào gần nhất đã bắt đầu."),
        "",
        _status_count("emulation_registered"),
        False,
    ),
    Indicator(
        "emulation_recognised",
        gettext_lazy("Mô hình, điển hình “Dân vận khéo” được công nhận"),
        gettext_lazy("DVK công nhận"),
        ITEMS,
        EMULATION,
        gettext_lazy("Số mô hình, điển hình của phong trào đó đã có quyết định công nhận."),
        "",
        _status_count("emulation_recognised"),
        False,
    ),
    Indicator(
        "evaluation",
        gettext_lazy("Kỳ đánh giá, xếp loại năm gần nhất"),
        gettext_lazy("Đánh giá năm"),
        STATE,
        EVALUATION,
        gettext_lazy("Kỳ đánh giá năm gần nhất của đơn vị đã được chốt kết quả hay chưa."),
        "Nghị định 233/2026/NĐ-CP, Điều 12",
        _evaluation,
        False,
    ),
    Indicator(
        "evaluation_levels",
        gettext_lazy("Phân bố mức xếp loại"),
        gettext_lazy("Các mức"),
        ITEMS,
        EVALUATION,
        gettext_lazy(
            "Số người ở mỗi mức đã quyết định của kỳ đó (chỉ số lượng, không có thông tin cá "
            "nhân); cột sắp xếp theo tỷ lệ mức xuất sắc."
        ),
        "Nghị định 233/2026/NĐ-CP, Điều 12 khoản 1–4",
        _distribution,
        False,
    ),
    Indicator(
        "evaluation_quota",
        gettext_lazy("Tỷ lệ “Hoàn thành xuất sắc nhiệm vụ” trong giới hạn"),
        gettext_lazy("Tỷ lệ xuất sắc"),
        STATE,
        EVALUATION,
        gettext_lazy(
            "Trong mỗi nhóm nhiệm vụ tương đồng, số người mức xuất sắc không vượt quá 20 % "
            "(25 % khi đơn vị xuất sắc) số người đạt mức tốt trở lên, theo quy định áp dụng."
        ),
        "Nghị định 233/2026/NĐ-CP, Điều 12 khoản 6",
        _quota,
        False,
    ),
    Indicator(
        "satisfaction_index",
        gettext_lazy("Chỉ số hài lòng"),
        gettext_lazy("Chỉ số hài lòng"),
        gettext_lazy("điểm (0–100)"),
        SURVEYS,
        gettext_lazy(
            "Trung bình điểm 0–100 của người trả lời khảo sát cha mẹ học sinh, người dân và "
            "các lượt đánh giá sau giải quyết đơn thư trong kỳ, mỗi người hoặc mỗi đơn là một "
            "quan sát (như trang “Cách tính chỉ số” của khảo sát)."
        ),
        "",
        _index,
        True,
        (
            "rated",
            "rating_sum",
            "rating_sum_sq",
            "survey_responses",
            "survey_score_sum",
            "survey_score_sum_sq",
        ),
    ),
    Indicator(
        "satisfaction_n",
        gettext_lazy("Số quan sát của chỉ số hài lòng"),
        gettext_lazy("n"),
        ITEMS,
        SURVEYS,
        gettext_lazy("Số người trả lời khảo sát và lượt đánh giá đơn thư được tính."),
        "",
        _index_n,
        True,
    ),
    Indicator(
        "satisfaction_interval",
        gettext_lazy("Khoảng tin cậy 95 % của chỉ số hài lòng"),
        gettext_lazy("Khoảng tin cậy 95 %"),
        gettext_lazy("điểm (0–100)"),
        SURVEYS,
        gettext_lazy(
            "Trung bình ± 1,96 × độ lệch chuẩn / √n, trong khoảng 0–100; không tính khi n < 2, "
            "chỉ mang tính tham khảo khi n dưới khoảng 30."
        ),
        "",
        _index_interval,
        True,
    ),
]

# Received by kind: shown on a unit's page, not in the authority's table.
KIND_INDICATORS: list[Indicator] = [
    Indicator(
        column,
        label,
        label,
        ITEMS,
        CASES,
        _KIND_METHOD,
        basis,
        _month_count(column),
        True,
        (column,),
    )
    for column, label, basis in [
        ("received_complaints", gettext_lazy("Khiếu nại"), "Luật Khiếu nại 2011"),
        ("received_denunciations", gettext_lazy("Tố cáo"), "Luật Tố cáo 2018"),
        ("received_recommendations", gettext_lazy("Kiến nghị"), "Luật Tiếp công dân 2013"),
        ("received_feedback", gettext_lazy("Phản ánh"), "Luật Tiếp công dân 2013"),
        (
            "received_information_requests",
            gettext_lazy("Yêu cầu cung cấp thông tin"),
            "Luật Tiếp cận thông tin 2016",
        ),
    ]
]

BY_CODE = {indicator.code: indicator for indicator in INDICATORS}

# The league table ranks units on this indicator (as HCMC's 1022 ranks on-time handling).
LEAGUE_INDICATOR = "cases_on_time"


def is_finite(value: float | None) -> bool:
    return value is not None and not math.isnan(value)
