"""The democracy app's time rules: when a disclosure is due, how long it must stay up and whether
the school kept to it; when the staff conference must meet and its resolution be checked; the
inspection board's term, its recognition and the notice before an inspection.

Due dates come from the official calendar (`gandan.worktime.days`) and are stored when the clock
starts; statuses are computed from the stored dates and today.
"""

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gandan.democracy.models import DisclosureItem, DisclosureObligation, Timing
from gandan.worktime import days


class Status(models.TextChoices):
    PENDING = "pending", gettext_lazy("Chưa đến hạn")
    MISSING = "missing", gettext_lazy("Quá hạn, chưa công khai")
    ON_TIME = "on_time", gettext_lazy("Công khai đúng hạn")
    LATE = "late", gettext_lazy("Công khai chậm")
    TAKEN_DOWN_EARLY = "taken_down_early", gettext_lazy("Gỡ xuống trước thời hạn niêm yết")
    WITHDRAWN = "withdrawn", gettext_lazy("Đã thu hồi")
    NOT_TRIGGERED = "not_triggered", gettext_lazy("Chưa phát sinh")


PROBLEMS = {Status.MISSING, Status.LATE, Status.TAKEN_DOWN_EARLY}


def due_date(
    obligation: DisclosureObligation,
    *,
    decision_date: dt.date | None,
    year: int | None,
    is_update: bool,
) -> tuple[dt.date, str]:
    """The date by which an item of this obligation must be disclosed, and how it was counted
    (stored with the item, so plain Vietnamese whatever the screen language: ADR 1)."""
    if obligation.timing == Timing.ANNUAL and not is_update:
        if year is None:
            raise ValidationError({"year": _("Cần chọn năm công khai.")})
        # Thông tư 09/2024/TT-BGDĐT, Điều 15 k1: the yearly items are disclosed by 30 June.
        due = _annual_due(obligation, year)
        return due, f"Hạn hằng năm {due:%d/%m/%Y}"
    if decision_date is None:
        raise ValidationError(
            {"decision_date": _("Cần nhập ngày ban hành quyết định, văn bản hoặc ngày thay đổi.")}
        )
    # Luật 10/2022/QH15, Điều 47 k2: staff disclosure no later than 05 working days after the
    # decision or document; Thông tư 09/2024, Điều 15 k1: a changed public item is updated
    # within 10 working days. Counted on the official calendar (BLDS 2015 Điều 147: the
    # decision day itself is not counted).
    n = obligation.deadline_working_days
    due = days.add_working_days(decision_date, n)
    return due, f"{n} ngày làm việc kể từ {decision_date:%d/%m/%Y}"


def _annual_due(obligation: DisclosureObligation, year: int) -> dt.date:
    due = obligation.annual_due_date(year)
    # A check constraint gives every yearly obligation its day and month.
    assert due is not None, obligation.code
    return due


def posting_required(item: DisclosureItem) -> bool:
    """Whether the item must stay up for the obligation's minimum (≥ 20 consecutive days).

    Luật 10/2022/QH15, Điều 48 k2: where the unit has an internal information system the item
    is kept on it for the period set; the exemption for a written notice to all staff applies
    only to a unit without one. Gần Dân is the school's internal system, so the minimum holds
    whatever other channels were used."""
    return bool(item.obligation.min_posting_days)


def posting_ends(item: DisclosureItem) -> dt.date | None:
    """The last day the notice must still be up (None when no minimum applies).

    "Ít nhất 20 ngày liên tục": the publication day is not counted (BLDS 2015 Điều 147 k2) and
    the period ends at 24:00 of its last day (Điều 148 k1), so a notice put up on day P must
    stay through P + 20. Điều 148 k5 (moving a last day off a weekend) is not applied: it
    extends a time limit for doing something, not a minimum time on display.
    """
    minimum = item.obligation.min_posting_days
    if item.published_on is None or not minimum or not posting_required(item):
        return None
    return item.published_on + dt.timedelta(days=minimum)


@dataclass(frozen=True)
class Compliance:
    status: str
    due_date: dt.date | None
    days_late: int = 0
    posting_ends: dt.date | None = None
    taken_down_early: bool = False

    @property
    def label(self) -> str:
        return str(Status(self.status).label)

    @property
    def is_problem(self) -> bool:
        return self.status in PROBLEMS or self.taken_down_early or self.days_late > 0


def item_compliance(item: DisclosureItem, today: dt.date) -> Compliance:
    """Whether this item was disclosed on time and kept up long enough."""
    if item.withdrawn:
        return Compliance(Status.WITHDRAWN, item.due_date)
    if item.published_on is None:
        status = Status.MISSING if today > item.due_date else Status.PENDING
        return Compliance(status, item.due_date, days_late=max(0, (today - item.due_date).days))
    late_by = max(0, (item.published_on - item.due_date).days)
    ends = posting_ends(item)
    early = ends is not None and item.taken_down_on is not None and item.taken_down_on <= ends
    if early:
        status = Status.TAKEN_DOWN_EARLY
    elif late_by:
        status = Status.LATE
    else:
        status = Status.ON_TIME
    return Compliance(status, item.due_date, late_by, ends, early)


@dataclass(frozen=True)
class ObligationRow:
    """One line of the register: an obligation, its items, and its standing this year."""

    obligation: DisclosureObligation
    items: list[tuple[DisclosureItem, Compliance]]
    standing: Compliance


def obligation_standing(
    obligation: DisclosureObligation,
    items: Iterable[tuple[DisclosureItem, Compliance]],
    *,
    today: dt.date,
    year: int,
) -> Compliance:
    """The obligation's status for `year`: missing when a yearly item has not been disclosed by
    its due date; otherwise the worst status among its items."""
    items = list(items)
    if obligation.timing == Timing.ANNUAL:
        yearly = [
            (item, found)
            for item, found in items
            if item.year == year and not item.is_update and found.status != Status.WITHDRAWN
        ]
        due = _annual_due(obligation, year)
        if not any(item.published_on is not None for item, _found in yearly):
            status = Status.MISSING if today > due else Status.PENDING
            return Compliance(status, due, days_late=max(0, (today - due).days))
        items = yearly + [(item, found) for item, found in items if item.is_update]
    if not items:
        return Compliance(Status.NOT_TRIGGERED, None)
    order: list[str] = [
        Status.MISSING,
        Status.TAKEN_DOWN_EARLY,
        Status.LATE,
        Status.PENDING,
        Status.ON_TIME,
        Status.WITHDRAWN,
    ]
    return min((found for _item, found in items), key=lambda found: order.index(found.status))


def build_register(
    obligations: Iterable[DisclosureObligation], items: Iterable[DisclosureItem], today: dt.date
) -> list[ObligationRow]:
    """The register for this year: each obligation in force, its items and its standing."""
    by_obligation: dict[int, list[tuple[DisclosureItem, Compliance]]] = {}
    for item in items:
        by_obligation.setdefault(item.obligation_id, []).append(
            (item, item_compliance(item, today))
        )
    rows = []
    for obligation in obligations:
        found = by_obligation.get(obligation.pk, [])
        standing = obligation_standing(obligation, found, today=today, year=today.year)
        rows.append(ObligationRow(obligation, found, standing))
    return rows


def problem_counts(rows: Iterable[ObligationRow]) -> dict[str, int]:
    """How many items are late, missing or taken down too early (yearly gaps count as missing)."""
    counts: dict[str, int] = {Status.LATE: 0, Status.MISSING: 0, Status.TAKEN_DOWN_EARLY: 0}
    for row in rows:
        statuses = [found.status for _item, found in row.items]
        if row.standing.status == Status.MISSING and Status.MISSING not in statuses:
            statuses.append(Status.MISSING)
        for status in statuses:
            if status in counts:
                counts[status] += 1
    return {str(key): value for key, value in counts.items()}


# Consultations, the staff conference and the inspection board.


def add_months(event_date: dt.date, months: int) -> dt.date:
    """The last day of a period of `months` months after an event (BLDS 2015, Điều 148 k3, k4):
    the corresponding day of the last month, or that month's last day when it has none."""
    index = event_date.month - 1 + months
    year, month = event_date.year + index // 12, index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(event_date.day, last_day))


def conference_due_by(work_year_ends: dt.date) -> tuple[dt.date, str]:
    """The last day to hold the annual staff conference, and how it was counted."""
    # Luật 10/2022/QH15, Điều 51 k1: once a year, after the work year ends and no later than
    # three months into the next one. Months end on the corresponding day (BLDS 2015 Điều 148
    # k3); a limit falling on a day off moves to the next working day (Điều 148 k5).
    end = add_months(work_year_ends, 3)
    due = days.working_day_on_or_after(end)
    rule = f"3 tháng kể từ ngày kết thúc năm công tác {work_year_ends:%d/%m/%Y}"
    if due != end:
        rule += f" (ngày {end:%d/%m/%Y} là ngày nghỉ)"
    return due, rule


def resolution_check_due(held_on: dt.date, number: int) -> tuple[dt.date, str]:
    """The `number`-th six-monthly check of the conference's resolution (1, 2, ...)."""
    # Luật 10/2022/QH15, Điều 52: the head and the union check and evaluate the resolution's
    # implementation every six months; counted from the conference, so checks do not drift.
    end = add_months(held_on, 6 * number)
    due = days.working_day_on_or_after(end)
    return due, f"{6 * number} tháng kể từ ngày hội nghị {held_on:%d/%m/%Y}"


BOARD_TERM_YEARS = 2


def board_term_ends(starts_on: dt.date) -> dt.date:
    """Luật 10/2022/QH15, Điều 60 k3: the board's term is two years; a period in years ends on
    the corresponding day of the last year (BLDS 2015 Điều 148 k4). No move off a weekend: a
    term is a time in office, not a limit for doing something."""
    return add_months(starts_on, 12 * BOARD_TERM_YEARS)


def board_recognition_due(held_on: dt.date) -> dt.date:
    """NĐ 59/2023/NĐ-CP, Điều 21 k1: the union recognises the election result within 05 working
    days after the conference."""
    return days.add_working_days(held_on, 5)


def earliest_inspection_start(notified_on: dt.date) -> dt.date:
    """NĐ 59/2023/NĐ-CP, Điều 22 k1: the object of an inspection is told at least 05 working days
    ahead. The notice day is not counted (BLDS 2015 Điều 147 k2); the check may start on the
    fifth working day after it, as "thông báo trước 01 ngày" allows the next working day."""
    return days.add_working_days(notified_on, 5)


@dataclass(frozen=True)
class AnswerLimit:
    """How long the head has to answer the inspection board's recommendation, from the day
    it was received, in the version in force on that day."""

    valid_from: dt.date
    days: int
    working_days: bool
    citation: str
    needs_verification: bool = False

    @property
    def text(self) -> str:
        """How the due date was counted (stored and printed: plain Vietnamese, ADR 1)."""
        unit = "ngày làm việc" if self.working_days else "ngày"
        return f"{self.days} {unit} kể từ ngày nhận kiến nghị ({self.citation})"


# Luật 10/2022/QH15, Điều 63 k1c: the head of the unit considers and answers the board's
# recommendations within 15 days of receiving them. The Law says "ngày", not "ngày làm
# việc": calendar days (BLDS 2015 Điều 147–148: the day of receipt is not counted, a last day
# off moves to the next working day). The Law is in force from 01/7/2023; it has no
# transition clause for recommendations already received, and the decree it replaced
# (NĐ 04/2015/NĐ-CP) set no number of days, so a recommendation received earlier gets no
# statutory due date.
RECOMMENDATION_ANSWER_LIMITS: tuple[AnswerLimit, ...] = (
    AnswerLimit(
        valid_from=dt.date(2023, 7, 1),
        days=15,
        working_days=False,
        citation="Luật 10/2022/QH15, Điều 63 khoản 1 điểm c",
    ),
)


def recommendation_answer_limit(received_on: dt.date) -> AnswerLimit | None:
    """The version of the limit in force on the day the recommendation was received."""
    in_force = [rule for rule in RECOMMENDATION_ANSWER_LIMITS if rule.valid_from <= received_on]
    return max(in_force, key=lambda rule: rule.valid_from, default=None)


def recommendation_answer_due(received_on: dt.date) -> dt.date | None:
    """The last day for the head to answer a recommendation received on `received_on`."""
    rule = recommendation_answer_limit(received_on)
    if rule is None:
        return None
    if rule.working_days:
        return days.add_working_days(received_on, rule.days)
    return days.add_calendar_days(received_on, rule.days)
