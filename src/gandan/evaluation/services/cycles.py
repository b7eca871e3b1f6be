"""Opening an evaluation period for a unit, under the decree version in force for it."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gandan.core.language import in_vietnamese
from gandan.democracy.electorate import staff_memberships
from gandan.evaluation import events, notices, periods
from gandan.evaluation.models import (
    Evaluation,
    EvaluationCycle,
    EvaluationRuleSet,
    EventKind,
    UnitRules,
)
from gandan.evaluation.periods import PeriodType
from gandan.evaluation.rules import Level
from gandan.orgs.models import Organisation, OrgKind, Role, User

# The tổ a person is tracked in (NĐ 233/2026, Điều 13 k2c: the sub-unit head tracks its staff).
TRACKING_UNITS = {OrgKind.SUBJECT_GROUP, OrgKind.OFFICE}
MANAGER_ROLES = {Role.HEAD, Role.DEPUTY_HEAD}


def rule_set_for(
    *, organisation: Organisation, period_end: dt.date
) -> tuple[EvaluationRuleSet, UnitRules | None]:
    """The decree version and the unit's quy chế that govern a period ending on `period_end`.

    The version in force on the period's last day applies (the day its results are assessed).
    NĐ 233/2026, Điều 20 k1: a unit that has not issued its own quy chế under the new decree
    by the 2026 year-end rating rates under NĐ 90/2020 (`fallback` until `fallback_until`).
    """
    rule_set = EvaluationRuleSet.objects.in_force(period_end).order_by("-valid_from").first()
    if rule_set is None:
        raise ValidationError(
            _("Chưa có quy định đánh giá, xếp loại nào áp dụng cho ngày %(day)s.")
            % {"day": period_end.strftime("%d/%m/%Y")}
        )
    unit_rules = (
        UnitRules.objects.in_force(organisation, period_end).filter(rule_set=rule_set).first()
    )
    if (
        unit_rules is None
        and rule_set.fallback is not None
        and rule_set.fallback_until is not None
        and period_end <= rule_set.fallback_until
    ):
        rule_set = rule_set.fallback
        unit_rules = (
            UnitRules.objects.in_force(organisation, period_end).filter(rule_set=rule_set).first()
        )
    return rule_set, unit_rules


def _current_rules(organisation: Organisation, on: dt.date) -> UnitRules | None:
    return UnitRules.objects.in_force(organisation, on).first()


@in_vietnamese
@transaction.atomic
def open_cycle(
    *,
    organisation: Organisation,
    actor: User,
    period_type: str,
    year: int,
    number: int = 1,
    year_start_month: int | None = None,
) -> EvaluationCycle:
    """Open a period for every staff member of the school, each with an empty form.

    Preconditions: the organisation is a school; the period is not open already. The work
    year's first month comes from the unit's quy chế (9, a school year, without one).
    """
    if organisation.kind != OrgKind.SCHOOL:
        raise ValidationError(_("Chỉ mở kỳ đánh giá cho một trường (đơn vị sự nghiệp)."))
    if period_type not in PeriodType.values:
        raise ValidationError({"period_type": _("Kỳ đánh giá không hợp lệ.")})
    if year_start_month is None:
        # The quy chế in force at the start of the work year says when the year starts.
        probe = _current_rules(organisation, dt.date(year, 12, 31))
        year_start_month = probe.year_start_month if probe else 9
    if period_type == PeriodType.YEAR:
        number = 1
    try:
        starts_on, ends_on = periods.period_bounds(period_type, year, number, year_start_month)
    except ValueError as error:
        raise ValidationError({"number": _("Số thứ tự kỳ không hợp lệ.")}) from error
    rule_set, unit_rules = rule_set_for(organisation=organisation, period_end=ends_on)
    if period_type != PeriodType.YEAR:
        # NĐ 233/2026, Điều 3 k5, Điều 18 k3c: tracking is monthly or quarterly, as the unit
        # chooses; NĐ 90/2020 had no periodic scoring.
        if not rule_set.point_based:
            raise ValidationError(
                _("%(rules)s không quy định chấm điểm theo tháng, quý: chỉ mở kỳ đánh giá năm.")
                % {"rules": rule_set.short_name}
            )
        if unit_rules is not None and unit_rules.tracking != period_type:
            raise ValidationError(
                {
                    "period_type": _("Quy chế của đơn vị quy định theo dõi, đánh giá %(t)s.")
                    % {"t": unit_rules.get_tracking_display().lower()}
                }
            )
    try:
        with transaction.atomic():
            cycle = EvaluationCycle.objects.create(
                organisation=organisation,
                rule_set=rule_set,
                unit_rules=unit_rules,
                period_type=period_type,
                year=year,
                number=number,
                year_start_month=year_start_month,
                starts_on=starts_on,
                ends_on=ends_on,
                created_by=actor,
            )
    except IntegrityError as error:
        raise ValidationError(_("Kỳ đánh giá này đã được mở.")) from error
    count = _create_evaluations(cycle)
    events.record(
        cycle,
        EventKind.CYCLE_OPENED,
        f"Mở kỳ đánh giá {cycle.label} ({rule_set.short_name}) cho {count} người",
        actor,
    )
    notices.cycle_opened(cycle)
    return cycle


def _create_evaluations(cycle: EvaluationCycle) -> int:
    school = cycle.organisation
    people: dict[int, dict] = {}
    memberships = staff_memberships(school).select_related("organisation").order_by("pk")
    for membership in memberships:
        row = people.setdefault(
            membership.user_id,
            {"roles": set(), "unit": None, "title": "", "joined": None, "left": None},
        )
        row["roles"].add(membership.role)
        organisation = membership.organisation
        if organisation.pk == school.pk:
            row["title"] = row["title"] or membership.title
            row["joined"] = _earliest(row["joined"], membership.start_date)
            row["left"] = membership.end_date
        elif organisation.kind in TRACKING_UNITS and row["unit"] is None:
            row["unit"] = organisation
    rows = [
        Evaluation(
            cycle=cycle,
            person_id=user_id,
            title=info["title"][:128],
            unit=info["unit"],
            is_head=Role.HEAD in info["roles"],
            is_manager=bool(info["roles"] & MANAGER_ROLES),
            months_worked=periods.months_within(
                cycle.starts_on, cycle.ends_on, info["joined"], info["left"]
            ),
        )
        for user_id, info in people.items()
    ]
    Evaluation.objects.bulk_create(rows)
    return len(rows)


def _earliest(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    if a is None or b is None:
        return None
    return min(a, b)


@in_vietnamese
@transaction.atomic
def record_unit_level(
    *, cycle: EvaluationCycle, actor: User, level: str, reference: str
) -> EvaluationCycle:
    """Record the unit's own level, as recognised by its managing body (NĐ 233/2026, Điều 8).

    Precondition: the year's cycle is still open. Điều 15 k1a: viên chức are classified after
    the unit; the unit's level caps the head's (Điều 12 k7) and sets the quota (k6b).
    """
    cycle = EvaluationCycle.objects.select_for_update().get(pk=cycle.pk)
    if not cycle.is_year:
        raise ValidationError(_("Mức xếp loại của đơn vị chỉ ghi ở kỳ đánh giá năm."))
    if not cycle.is_open:
        raise ValidationError(_("Kết quả kỳ này đã chốt, không sửa được."))
    if level not in Level.values:
        raise ValidationError({"level": _("Hãy chọn mức xếp loại của đơn vị.")})
    reference = reference.strip()
    if not reference:
        raise ValidationError(
            {"reference": _("Ghi số, ngày văn bản công nhận mức xếp loại của đơn vị.")}
        )
    before = (cycle.unit_level, cycle.unit_level_reference)
    cycle.unit_level, cycle.unit_level_reference = level, reference[:200]
    cycle.save(update_fields=["unit_level", "unit_level_reference", "updated_at"])
    events.record(
        cycle,
        EventKind.UNIT_LEVEL,
        f"Ghi mức xếp loại của đơn vị {cycle.year_label}: {Level(level).label} ({reference})",
        actor,
        changes={"unit_level": [before[0], level], "reference": [before[1], reference]},
    )
    return cycle
