"""Due dates of citizen cases, from the rules table and the working calendar.

Pure functions over rule rows (`DeadlineRule`, saved or not) and a `WorkCalendar`; only
`compute_deadlines(rules=None)` reads the table and only `calendar=None` reads the installation's
calendar. The law of counting (LAW.md §0, BLDS 2015 Điều 147–148) lives in `gandan.worktime`:

- a period starts on an event whose day is not counted;
- "n ngày" ends on the n-th calendar day, "n ngày làm việc" on the n-th working day;
- a last day that is a day off moves to the next working day.

Each step's limit, unit, start event, extensions and suspension rule come from its row, which
cites its article; the comments below cite where the *handling* comes from.

Events that have not happened yet give `due=None` (the law counts from the event itself: a late
thụ lý moves the whole resolution period). `projected_due` then says when the step would end if
the missing event happened on the last day allowed for it (e.g. thụ lý on its due date): the
latest plan, never a legal deadline.

Suspension (tạm đình chỉ) stops the clock and resumption restarts it: Luật Tố cáo 2018 Điều 34
("thời gian tạm đình chỉ không tính vào thời hạn giải quyết", LAW.md §1b step 7) and, from
1/7/2026 for complaints, NĐ 155/2026 new Điều 28b NĐ 124/2020 ("the time limit resumes from the
resumption decision", LAW.md §1a, crawl, unverified). We count it as follows: the day of the
suspension decision S is still used (the clock ran until the decision that day); the time left
is what the period had after S; it is counted again after the day of the resumption decision R
(BLDS Điều 147: that day is not counted). So a calendar-day period ends R − S days later than
before, and a working-day period keeps its remaining working days counted after R. Suspending and
resuming on the same day changes nothing; a suspension after the due date changes nothing (the
period had already run out).

Transition clauses are data on the rows of a new version (`DeadlineRule.open_cases`): a case
keeps the rules in force on its receipt date, except what a later version carries over to the
cases received before it and not yet decided on its first day (`rules_for_case`). For the
complaint amendments of 1/7/2026 that is the suspension of the resolution period and the
sending of the suspension and resumption decisions (NĐ 155/2026 Điều 22 k1: the new rules on
withdrawal, suspension and dialogue apply to cases accepted before and not yet decided; LAW.md
§11, crawl, unverified). Only suspensions decided from that first day stop the clock. The
clause names accepted cases; a case received before the day and accepted from it on is read
the same way (it is resolved after the decree took effect), which is flagged for verification
with the rows.
"""

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from django.utils.translation import gettext as _

from gandan.core.compiled import Prepared
from gandan.petitions.models import (
    DEFAULT_PROCEDURE,
    PROCEDURES_OF_KIND,
    CaseKind,
    DayUnit,
    DeadlineRule,
    StartEvent,
)
from gandan.petitions.models.rules import OpenCases
from gandan.worktime import days as workdays


class Calendar(Protocol):
    def add_calendar_days(self, event_date: dt.date, n: int) -> dt.date: ...
    def add_working_days(self, event_date: dt.date, n: int) -> dt.date: ...
    def working_day_on_or_after(self, day: dt.date) -> dt.date: ...
    def working_days_between(self, start: dt.date, end: dt.date) -> int: ...


class DeadlineError(ValueError):
    """A request the rules cannot answer; the message is for the user (Vietnamese)."""


class ExtensionRefused(DeadlineError):
    """An extension the rule does not allow."""


@dataclass(frozen=True)
class Extension:
    """One extension granted: the document deciding it and its length (None: the maximum)."""

    decision: str
    days: int | None = None


@dataclass(frozen=True)
class StepDeadline:
    step: str
    step_label: str
    due: dt.date | None
    unit: str
    limit: int
    citation: str
    needs_verification: bool
    is_internal_policy: bool = False
    procedure: str = ""
    starts_from: str = ""
    # The event day the period counts from, and its last day before BLDS Điều 148 k5 moved it
    # off a day off (what extensions and suspensions count from).
    start: dt.date | None = None
    last_day: dt.date | None = None
    projected_due: dt.date | None = None
    extensions_allowed: int = 0
    extended_by: tuple[int, ...] = ()
    # The clock is stopped: suspended and not resumed (due is None meanwhile).
    suspended: bool = False
    rule_id: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class AppliedRule:
    """A row as it applies to one case: whether (and from which day) its clock may be
    suspended, and the transition clause that brought it in or made it suspendable."""

    rule: DeadlineRule
    suspendable_from: dt.date | None
    transition: DeadlineRule | None = None

    @property
    def citation(self) -> str:
        if self.transition is None:
            return self.rule.citation
        return _("%(citation)s; áp dụng cho vụ việc đang giải quyết theo %(clause)s") % {
            "citation": self.rule.citation,
            "clause": self.transition.transition_citation,
        }

    @property
    def needs_verification(self) -> bool:
        return self.rule.needs_verification or bool(
            self.transition and self.transition.needs_verification
        )


# Read on every intake: compiled once (core/compiled.py).
_RULES_OF = Prepared(
    lambda kind, procedure: DeadlineRule.objects.filter(kind=kind, procedure=procedure)
)


def rules_for_case(
    *,
    kind: str,
    procedure: str,
    received: dt.date,
    decided: dt.date | None = None,
    rules: Iterable[DeadlineRule] | None = None,
) -> list[AppliedRule]:
    """The rows that apply to a case received on `received` (decided on `decided`, if it is),
    in step order: the version in force on the receipt date, with what the transition clauses
    of later versions carry over to it (see module doc)."""
    rows = list(_RULES_OF(kind, procedure) if rules is None else rules)
    in_force = _rules_in_force(kind, procedure, received, rows)
    applied = {
        rule.step: AppliedRule(rule, received if rule.suspendable else None) for rule in in_force
    }
    later = sorted(
        (
            rule
            for rule in rows
            if rule.kind == kind
            and rule.procedure == procedure
            and rule.open_cases
            and rule.valid_from > received
            and rule.is_in_force(rule.valid_from)
            and (decided is None or decided >= rule.valid_from)
        ),
        key=lambda rule: rule.valid_from,
    )
    for rule in later:
        if rule.open_cases == OpenCases.STEP:
            applied[rule.step] = AppliedRule(
                rule, rule.valid_from if rule.suspendable else None, transition=rule
            )
        elif rule.open_cases == OpenCases.SUSPENSION and rule.suspendable:
            current = applied.get(rule.step)
            if current is not None and current.suspendable_from is None:
                applied[rule.step] = AppliedRule(current.rule, rule.valid_from, transition=rule)
    return sorted(applied.values(), key=lambda item: (item.rule.order, item.rule.step))


def suspension_allowed(applied: Iterable[AppliedRule], on: dt.date) -> bool:
    """Whether a suspension decided on `on` stops the clock of a step of the case."""
    return any(
        item.suspendable_from is not None and item.suspendable_from <= on for item in applied
    )


def effective_limit(rule: DeadlineRule, *, complex: bool = False, remote: bool = False) -> int:
    """The limit of one case: the rule's variant for a complex case and/or a remote area."""
    # Luật Khiếu nại 2011 Điều 28, 37: remote complex cases have their own limit; a rule without
    # a variant keeps its base limit.
    candidates: list[int | None]
    if complex and remote:
        candidates = [rule.remote_complex_limit, rule.complex_limit, rule.remote_limit]
    elif complex:
        candidates = [rule.complex_limit]
    elif remote:
        candidates = [rule.remote_limit]
    else:
        candidates = []
    return next((limit for limit in candidates if limit is not None), rule.limit)


def allowed_extensions(
    rule: DeadlineRule, *, complex: bool = False, very_complex: bool = False
) -> int:
    """How many extensions the rule allows for a case of this complexity."""
    complex = complex or very_complex
    if rule.extension_only_if_complex and not complex:
        return 0
    # NĐ 31/2019 Điều 3 k3: an especially complex denunciation may be extended twice.
    if very_complex and rule.extension_count_very_complex is not None:
        return rule.extension_count_very_complex
    return rule.extension_count


def check_extension(
    rule: DeadlineRule,
    *,
    extensions_so_far: int,
    decision: str,
    days: int | None = None,
    complex: bool = False,
    very_complex: bool = False,
) -> int:
    """The length of one more extension if the rule allows it; raise `ExtensionRefused` if not."""
    allowed = allowed_extensions(rule, complex=complex, very_complex=very_complex)
    if allowed == 0:
        if rule.extension_count and rule.extension_only_if_complex:
            raise ExtensionRefused(
                _("Chỉ được gia hạn khi vụ việc phức tạp (%(citation)s).")
                % {"citation": rule.citation}
            )
        raise ExtensionRefused(_("Bước “%(step)s” không được gia hạn.") % {"step": rule.step_label})
    if extensions_so_far >= allowed:
        raise ExtensionRefused(
            _("Đã gia hạn đủ %(count)s lần, không được gia hạn thêm (%(citation)s).")
            % {"count": allowed, "citation": rule.citation}
        )
    if rule.extension_needs_decision and not decision.strip():
        raise ExtensionRefused(
            _("Gia hạn phải có văn bản: ghi số, ký hiệu quyết định hoặc thông báo gia hạn.")
        )
    length = rule.extension_limit if days is None else days
    if length is None or length < 1 or length > (rule.extension_limit or 0):
        raise ExtensionRefused(
            _("Mỗi lần gia hạn từ 1 đến %(limit)s %(unit)s.")
            % {"limit": rule.extension_limit, "unit": DayUnit(rule.extension_unit).label}
        )
    return length


def extend_due(
    *,
    rule: DeadlineRule,
    due: dt.date,
    extensions_so_far: int,
    decision: str,
    days: int | None = None,
    last_day: dt.date | None = None,
    complex: bool = False,
    very_complex: bool = False,
    calendar: Calendar | None = None,
) -> dt.date:
    """The due date after one more extension. Raises `ExtensionRefused` when not allowed.

    The extension continues the period: it is counted after its last day (`last_day`, the day
    before BLDS Điều 148 k5 moved it; defaults to `due`), in the rule's extension unit.
    """
    length = check_extension(
        rule,
        extensions_so_far=extensions_so_far,
        decision=decision,
        days=days,
        complex=complex,
        very_complex=very_complex,
    )
    calendar = calendar or workdays.current_calendar()
    end = _advance(last_day or due, length, rule.extension_unit, calendar)
    return calendar.working_day_on_or_after(end)


def suspended_due(
    due: dt.date,
    suspended_on: dt.date,
    resumed_on: dt.date,
    unit: str,
    *,
    last_day: dt.date | None = None,
    calendar: Calendar | None = None,
) -> dt.date:
    """The due date after a suspension from `suspended_on` to `resumed_on` (see module doc).

    `last_day` is the period's last day before BLDS Điều 148 k5 moved it off a day off (defaults
    to `due`); without it a calendar-day period that ended on a day off would gain those days.
    """
    calendar = calendar or workdays.current_calendar()
    if resumed_on < suspended_on:
        raise DeadlineError(_("Ngày tiếp tục giải quyết không được trước ngày tạm đình chỉ."))
    if suspended_on > due:
        return due
    end = _resume(last_day or due, suspended_on, resumed_on, unit, calendar)
    return calendar.working_day_on_or_after(end)


def compute_deadlines(
    *,
    kind: str,
    received: dt.date,
    accepted: dt.date | None = None,
    complex: bool = False,
    remote: bool = False,
    very_complex: bool = False,
    procedure: str | None = None,
    events: Mapping[str, dt.date] | None = None,
    extensions: Mapping[str, Sequence[Extension]] | None = None,
    suspensions: Sequence[tuple[dt.date, dt.date | None]] = (),
    rules: Iterable[DeadlineRule] | None = None,
    calendar: Calendar | None = None,
) -> list[StepDeadline]:
    """Every step's due date for one case, with the rules in force on its receipt date.

    `events` gives the other start events that happened (decision_issued, …) by
    `StartEvent` value; `extensions` the extensions granted per step slug; `suspensions` the
    (suspended_on, resumed_on or None) intervals, applied to the steps whose rule is suspendable.
    `rules` defaults to the table; given rows are filtered the same way (kind, procedure, date).
    Raises `DeadlineError` for an unknown kind or procedure, inconsistent dates or rules, or an
    extension the rules refuse.
    """
    if kind not in CaseKind.values:
        raise DeadlineError(_("Loại vụ việc “%(kind)s” không có.") % {"kind": kind})
    procedure = procedure or DEFAULT_PROCEDURE[kind]
    if procedure not in PROCEDURES_OF_KIND[kind]:
        raise DeadlineError(
            _("Thủ tục “%(procedure)s” không thuộc loại vụ việc này.") % {"procedure": procedure}
        )
    if accepted is not None and accepted < received:
        raise DeadlineError(_("Ngày thụ lý không được trước ngày nhận đơn."))
    known: dict[str, dt.date] = {StartEvent.RECEIVED: received}
    if accepted is not None:
        known[StartEvent.ACCEPTED] = accepted
    known.update(events or {})
    # LAW.md: "a case uses the rules in force on its receipt date", with the transition
    # clauses of later versions.
    applied = rules_for_case(
        kind=kind,
        procedure=procedure,
        received=received,
        decided=known.get(StartEvent.DECISION_ISSUED),
        rules=rules,
    )
    calendar = calendar or workdays.current_calendar()
    extensions = extensions or {}
    unknown = set(extensions) - {item.rule.step for item in applied}
    if unknown:
        raise DeadlineError(
            _("Không có bước “%(step)s” để gia hạn.") % {"step": ", ".join(sorted(unknown))}
        )

    projected_events: dict[str, dt.date] = {}
    results: list[StepDeadline] = []
    previous: StepDeadline | None = None
    for item in applied:
        rule = item.rule
        if rule.complex_only and not (complex or very_complex):
            continue
        limit = effective_limit(rule, complex=complex or very_complex, remote=remote)
        if rule.starts_from == StartEvent.PREVIOUS_STEP_DUE:
            start = previous.due if previous else None
            projected_start = (previous.due or previous.projected_due) if previous else None
        else:
            start = known.get(rule.starts_from)
            projected_start = start or projected_events.get(rule.starts_from)
        granted = _granted_extensions(rule, extensions.get(rule.step, ()), complex, very_complex)
        due = last_day = projected = None
        stopped = False
        if start is not None:
            last_day = _advance(start, limit, rule.unit, calendar)
            for length in granted:
                last_day = _advance(last_day, length, rule.extension_unit, calendar)
            if item.suspendable_from is not None:
                counted = [pair for pair in suspensions if pair[0] >= item.suspendable_from]
                last_day, stopped = _apply_suspensions(
                    start, last_day, rule.unit, counted, calendar
                )
            due = calendar.working_day_on_or_after(last_day) if last_day else None
        elif projected_start is not None:
            end = _advance(projected_start, limit, rule.unit, calendar)
            projected = calendar.working_day_on_or_after(end)
        ended = due or projected
        if rule.ends_with and ended:
            projected_events.setdefault(rule.ends_with, ended)
        previous = StepDeadline(
            step=rule.step,
            step_label=rule.step_label,
            due=due,
            unit=rule.unit,
            limit=limit,
            citation=item.citation,
            needs_verification=item.needs_verification,
            is_internal_policy=rule.is_internal_policy,
            procedure=rule.procedure,
            starts_from=rule.starts_from,
            start=start,
            last_day=last_day,
            projected_due=projected,
            extensions_allowed=allowed_extensions(rule, complex=complex, very_complex=very_complex),
            extended_by=tuple(granted),
            suspended=stopped,
            rule_id=rule.pk,
        )
        results.append(previous)
    return results


def _rules_in_force(
    kind: str, procedure: str, on_date: dt.date, rules: Iterable[DeadlineRule] | None
) -> list[DeadlineRule]:
    if rules is None:
        found = list(DeadlineRule.objects.in_force(kind, on_date, procedure))
    else:
        found = sorted(
            (
                rule
                for rule in rules
                if rule.kind == kind and rule.procedure == procedure and rule.is_in_force(on_date)
            ),
            key=lambda rule: (rule.order, rule.step),
        )
    steps = [rule.step for rule in found]
    duplicated = sorted({step for step in steps if steps.count(step) > 1})
    if duplicated:
        raise DeadlineError(
            _("Bảng quy tắc có hai phiên bản cùng hiệu lực cho bước: %(steps)s.")
            % {"steps": ", ".join(duplicated)}
        )
    return found


def _granted_extensions(
    rule: DeadlineRule, granted: Sequence[Extension], complex: bool, very_complex: bool
) -> list[int]:
    return [
        check_extension(
            rule,
            extensions_so_far=index,
            decision=extension.decision,
            days=extension.days,
            complex=complex,
            very_complex=very_complex,
        )
        for index, extension in enumerate(granted)
    ]


def _advance(day: dt.date, n: int, unit: str, calendar: Calendar) -> dt.date:
    """The last day of n units counted after `day`, before any move off a day off."""
    if n == 0:
        # "Cung cấp ngay" (Luật Tiếp cận thông tin 2016 Điều 29 k1): the same day.
        return day
    if unit == DayUnit.CALENDAR_DAY:
        # BLDS 2015 Điều 147 k2, k3: the event day is not counted; the n-th day is day + n.
        return day + dt.timedelta(days=n)
    return calendar.add_working_days(day, n)


def _resume(
    last_day: dt.date, suspended_on: dt.date, resumed_on: dt.date, unit: str, calendar: Calendar
) -> dt.date:
    if unit == DayUnit.CALENDAR_DAY:
        # Days left after S, counted again after R. A period whose last day (a day off) is
        # before S but whose due is not has nothing left: it ends on R.
        return max(last_day, suspended_on) + (resumed_on - suspended_on)
    remaining = max(calendar.working_days_between(suspended_on, last_day), 0)
    return calendar.add_working_days(resumed_on, remaining) if remaining else resumed_on


def _apply_suspensions(
    start: dt.date,
    last_day: dt.date,
    unit: str,
    suspensions: Sequence[tuple[dt.date, dt.date | None]],
    calendar: Calendar,
) -> tuple[dt.date | None, bool]:
    for suspended_on, resumed_on in sorted(suspensions, key=lambda pair: pair[0]):
        if resumed_on is not None and resumed_on < suspended_on:
            raise DeadlineError(_("Ngày tiếp tục giải quyết không được trước ngày tạm đình chỉ."))
        due = calendar.working_day_on_or_after(last_day)
        if suspended_on < start or suspended_on > due:
            continue
        if resumed_on is None:
            return None, True
        last_day = _resume(last_day, suspended_on, resumed_on, unit, calendar)
    return last_day, False
