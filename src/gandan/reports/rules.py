"""The data cut-off of periodic reports (chế độ báo cáo của cơ quan hành chính nhà nước), as
versioned rules with their citation.

Nghị định 09/2019/NĐ-CP, Điều 12 k1 (as quoted by provincial decisions; the article itself was
not read, hence `needs_verification`, LAW.md §11):
- monthly: from the 15th of the previous month to the 14th of the report month;
- quarterly: from the 15th of the month before the quarter to the 14th of its last month;
- 6 months: from 15/12 of the previous year to 14/6 of the report year;
- 9 months: from 15/12 of the previous year to 14/9;
- yearly: from 15/12 of the previous year to 14/12.
The submission deadline is set by the requesting authority (provinces often give 02 working
days after the cut-off), so it is not a rule here. A thematic report (báo cáo chuyên đề) has
the dates its requester sets.

Every periodic kind is the same shape: a period of `span` months ending on day 14 of an end
month, starting on day 15 of the month `span` months earlier. A rule is in force from its
`effective_from`; the rule applied to a report is the latest one in force on the period's start.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodKind(models.TextChoices):
    MONTH = "month", _("Báo cáo tháng")
    QUARTER = "quarter", _("Báo cáo quý")
    SIX_MONTHS = "six_months", _("Báo cáo 6 tháng")
    NINE_MONTHS = "nine_months", _("Báo cáo 9 tháng")
    YEAR = "year", _("Báo cáo năm")
    THEMATIC = "thematic", _("Báo cáo chuyên đề")


CITATION = "Nghị định 09/2019/NĐ-CP, Điều 12 khoản 1"
VERIFICATION_NOTE = (
    "Chỉ đối chiếu qua quyết định của tỉnh trích dẫn lại, chưa đọc nguyên văn điều khoản."
)


@dataclass(frozen=True)
class PeriodRule:
    """One version of the cut-off of one periodic kind."""

    kind: str
    span_months: int
    # The months a period of this kind may end in: 6 for the 6-month report, 3/6/9/12 for
    # quarters, every month for monthly reports.
    end_months: tuple[int, ...]
    citation: str
    effective_from: dt.date
    start_day: int = 15
    end_day: int = 14
    needs_verification: bool = False
    note: str = ""


# Nghị định 09/2019/NĐ-CP was signed on 24/01/2019 and applies from 12/3/2019 (Điều 33).
_NĐ_09_2019 = dt.date(2019, 3, 12)

RULES: tuple[PeriodRule, ...] = (
    PeriodRule(
        kind=PeriodKind.MONTH,
        span_months=1,
        end_months=tuple(range(1, 13)),
        citation=f"{CITATION} điểm a",
        effective_from=_NĐ_09_2019,
        needs_verification=True,
        note=VERIFICATION_NOTE,
    ),
    PeriodRule(
        kind=PeriodKind.QUARTER,
        span_months=3,
        end_months=(3, 6, 9, 12),
        citation=f"{CITATION} điểm b",
        effective_from=_NĐ_09_2019,
        needs_verification=True,
        note=VERIFICATION_NOTE,
    ),
    PeriodRule(
        kind=PeriodKind.SIX_MONTHS,
        span_months=6,
        end_months=(6,),
        citation=f"{CITATION} điểm c",
        effective_from=_NĐ_09_2019,
        needs_verification=True,
        note=VERIFICATION_NOTE,
    ),
    PeriodRule(
        kind=PeriodKind.NINE_MONTHS,
        span_months=9,
        end_months=(9,),
        citation=f"{CITATION} (báo cáo 9 tháng theo quy định của tỉnh)",
        effective_from=_NĐ_09_2019,
        needs_verification=True,
        note=VERIFICATION_NOTE,
    ),
    PeriodRule(
        kind=PeriodKind.YEAR,
        span_months=12,
        end_months=(12,),
        citation=f"{CITATION} điểm d",
        effective_from=_NĐ_09_2019,
        needs_verification=True,
        note=VERIFICATION_NOTE,
    ),
)


def rule_for(kind: str, on: dt.date, rules: tuple[PeriodRule, ...] = RULES) -> PeriodRule:
    """The rule of this kind in force on `on` (the latest `effective_from` not after it)."""
    if kind == PeriodKind.THEMATIC:
        raise ValueError("a thematic report has the dates its requester sets")
    in_force = [rule for rule in rules if rule.kind == kind and rule.effective_from <= on]
    if not in_force:
        raise LookupError(f"no cut-off rule for {kind!r} in force on {on.isoformat()}")
    return max(in_force, key=lambda rule: rule.effective_from)


def _shift(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def report_period(
    kind: str,
    year: int,
    *,
    number: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    rules: tuple[PeriodRule, ...] = RULES,
) -> tuple[dt.date, dt.date]:
    """(first day, last day) of the data a report covers.

    `number` is the quarter (1–4) or the month (1–12) for those kinds. A thematic report takes
    the `start` and `end` its requester set (both required, start ≤ end).
    """
    if kind == PeriodKind.THEMATIC:
        if start is None or end is None:
            raise ValueError("a thematic report needs the dates its requester sets")
        if end < start:
            raise ValueError("the period ends before it starts")
        return start, end
    if kind not in PeriodKind.values:
        raise ValueError(f"unknown report kind {kind!r}")
    versions = sorted(
        (rule for rule in rules if rule.kind == kind), key=lambda rule: rule.effective_from
    )
    # The version in force on the period's start: try the newest first.
    for rule in reversed(versions):
        first, last = _period_of(rule, year, number)
        if rule.effective_from <= first:
            return first, last
    raise LookupError(f"no cut-off rule for {kind!r} in force in {year}")


def _period_of(rule: PeriodRule, year: int, number: int | None) -> tuple[dt.date, dt.date]:
    if len(rule.end_months) == 1:
        end_month = rule.end_months[0]
    elif number is None:
        raise ValueError(f"{rule.kind!r} needs the number of the quarter or month")
    elif not 1 <= number <= len(rule.end_months):
        raise ValueError(f"{rule.kind!r} is numbered 1 to {len(rule.end_months)}")
    else:
        end_month = rule.end_months[number - 1]
    start_year, start_month = _shift(year, end_month, -rule.span_months)
    return (
        dt.date(start_year, start_month, rule.start_day),
        dt.date(year, end_month, rule.end_day),
    )


def period_rule(kind: str, year: int, *, number: int | None = None) -> PeriodRule | None:
    """The rule that `report_period` applies (None for a thematic report): its citation and
    verification flag are shown beside the dates."""
    if kind == PeriodKind.THEMATIC:
        return None
    first, _last = report_period(kind, year, number=number)
    return rule_for(kind, first)
