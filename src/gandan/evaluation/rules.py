"""The rules of staff evaluation as pure functions: no database, no clock.

Every function takes the rule set's parameters (`RuleParams`, built from the versioned
`EvaluationRuleSet` row that was in force for the period), so that the decree that applied is
data and these functions never change with it. LAW.md §5 is the spec; the NĐ 233/2026 articles
are read in the OCR of the official text (LAW.md source key CR).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

CENT = Decimal("0.01")


class Level(models.TextChoices):
    # NĐ 233/2026, Điều 12 k1–k4: the four levels of a viên chức's yearly classification.
    EXCELLENT = "xuat_sac", _("Hoàn thành xuất sắc nhiệm vụ")
    GOOD = "tot", _("Hoàn thành tốt nhiệm vụ")
    DONE = "hoan_thanh", _("Hoàn thành nhiệm vụ")
    NOT_DONE = "khong_hoan_thanh", _("Không hoàn thành nhiệm vụ")


RANK: dict[str, int] = {Level.NOT_DONE: 0, Level.DONE: 1, Level.GOOD: 2, Level.EXCELLENT: 3}


class LeaveReason(models.TextChoices):
    NONE = "", _("Không nghỉ dài ngày")
    UNPAID = "unpaid", _("Nghỉ việc riêng không hưởng lương")
    SICK = "sick", _("Nghỉ ốm")
    MATERNITY = "maternity", _("Nghỉ thai sản")


class QuotaBase(models.TextChoices):
    """What the 20 % is a share of (the decrees' "số được xếp loại Hoàn thành tốt nhiệm vụ")."""

    GOOD_OR_BETTER = "good_or_better", _("Số người đạt mức “Hoàn thành tốt” trở lên")
    GOOD_ONLY = "good_only", _("Số người được xếp loại đúng mức “Hoàn thành tốt”")


class RatedAbove(models.TextChoices):
    """Whom the managing body (the school's `parent`, a UBND xã/phường) tracks and rates."""

    HEAD = "head", _("Người đứng đầu")
    HEAD_AND_DEPUTIES = "head_and_deputies", _("Người đứng đầu và cấp phó")


def decided_by_managing_body(*, is_head: bool, is_manager: bool, rated_above: str) -> bool:
    """Whether the managing body, not the school, decides this person's evaluation.

    NĐ 233/2026, Điều 13 k2a, k3a: the head of the body that manages the unit tracks, evaluates
    and rates the unit's head; k2b, k3b: the unit's head does so for the deputies and staff.
    Điều 15 k2đ: the body that rates notifies the result in writing. A decree version that gives
    the deputies to the managing body too says so in its rule set (`HEAD_AND_DEPUTIES`).
    """
    if is_head:
        return True
    return is_manager and rated_above == RatedAbove.HEAD_AND_DEPUTIES


@dataclass(frozen=True)
class RuleParams:
    """The parameters of one decree version, as stored in `EvaluationRuleSet`."""

    point_based: bool
    excellent_min: Decimal | None = None
    good_min: Decimal | None = None
    done_min: Decimal | None = None
    quota_percent: int = 20
    quota_percent_excellent_unit: int = 25
    quota_base: str = QuotaBase.GOOD_OR_BETTER
    head_capped_by_unit: bool = True
    min_months: Decimal = Decimal(6)
    short_time_exceptions: tuple[str, ...] = (LeaveReason.SICK, LeaveReason.MATERNITY)
    absence_cap_from_months: Decimal | None = None
    absence_cap_level: str = ""
    rated_above: str = RatedAbove.HEAD


def at_most(a: str, b: str) -> str:
    """The lower of two levels."""
    return a if RANK[Level(a)] <= RANK[Level(b)] else b


def truncate(score: Decimal) -> Decimal:
    """Two decimals, cut (never rounded up).

    The decree does not say how to round a mean; rounding up could lift 89.995 over the 90
    threshold, so the software never rounds a score up across a level.
    """
    return score.quantize(CENT, rounding=ROUND_DOWN)


def level_for(score: Decimal | None, disqualified: bool, rules: RuleParams) -> str | None:
    """The level the points give, or None when the rule set does not rate by points.

    NĐ 233/2026, Điều 12 k1: ≥ 90 xuất sắc; k2: 70 to < 90 tốt; k3: 50 to < 70 hoàn thành;
    k4: < 50, or any of the conditions of k4 b–d (disqualified), không hoàn thành.
    """
    # Điều 12 k4 b–d: a disqualifying condition decides the level whatever the points.
    if disqualified:
        return Level.NOT_DONE
    excellent, good, done = rules.excellent_min, rules.good_min, rules.done_min
    if not rules.point_based or score is None:
        return None
    if excellent is None or good is None or done is None:
        return None  # a point-based rule set without its thresholds: nothing to go by
    if score >= excellent:
        return Level.EXCELLENT
    if score >= good:
        return Level.GOOD
    if score >= done:
        return Level.DONE
    return Level.NOT_DONE


def year_score(period_scores: Sequence[Decimal]) -> Decimal | None:
    """NĐ 233/2026, Điều 12 k5: the year's score derives from the monthly/quarterly scores.

    The decree names no formula; the unit's quy chế here takes the mean of the periods the
    person was tracked in (Điều 14 k2: rated on the time actually worked), cut to 2 decimals.
    """
    if not period_scores:
        return None
    return mean_of(sum(period_scores, Decimal(0)), len(period_scores))


def mean_of(total: Decimal, count: int) -> Decimal:
    return truncate(Decimal(total) / Decimal(count))


def suggested_task_score(
    *,
    on_time: int,
    late: int,
    overdue: int,
    task_max: Decimal,
    on_time_percent: int,
    late_percent: int,
    overdue_percent: int,
) -> Decimal | None:
    """The unit's point rule for task results, from the tasks due in the period.

    task_max × (on_time × on_time% + late × late% + overdue × overdue%) / (100 × tasks due);
    None when nothing was due (the person and the tổ score from other products).
    NĐ 233/2026, Điều 11 k2 names quantity, quality and timeliness; the percentages are the
    unit's own (Điều 12 k5: points per criterion are set by the quy chế đánh giá).
    """
    count = on_time + late + overdue
    if count == 0:
        return None
    earned = on_time * on_time_percent + late * late_percent + overdue * overdue_percent
    return truncate(Decimal(task_max) * earned / (100 * count))


def eligible(months_worked: Decimal, leave_reason: str, rules: RuleParams) -> bool:
    """Whether the person is rated this year at all.

    NĐ 233/2026, Điều 14 k1: fewer than 06 months worked in the year → not rated, except k2:
    sick or maternity leave (social-insurance law) → rated on the time actually worked. Unpaid
    leave is rated only with ≥ 06 months worked, which k1 already covers.
    """
    if Decimal(months_worked) >= rules.min_months:
        return True
    return leave_reason in rules.short_time_exceptions


def absence_cap(months_absent: Decimal, rules: RuleParams) -> str | None:
    """The highest level allowed after a long absence, if the rule set has such a cap.

    NĐ 90/2020 (secondary source, LAW.md silent): absent 03 to < 06 months in the year →
    rated, but not at "Hoàn thành tốt" or above. NĐ 233/2026 has no such cap.
    """
    if rules.absence_cap_from_months is None or not rules.absence_cap_level:
        return None
    if rules.absence_cap_from_months <= Decimal(months_absent) < rules.min_months:
        return rules.absence_cap_level
    return None


def cap_head_to_unit(head_level: str, unit_level: str) -> str:
    """NĐ 233/2026, Điều 12 k7: the head's level is never above the unit's level."""
    return at_most(head_level, unit_level)


@dataclass(frozen=True)
class Candidate:
    """One person rated "tốt" or better by the points (or proposed so, without points)."""

    key: object
    wants_excellent: bool
    score: Decimal | None = None
    task_score: Decimal | None = None


@dataclass(frozen=True)
class QuotaResult:
    base: int  # the number the percentage is taken of
    percent: int
    allowed: int  # how many may be rated "xuất sắc"
    excellent: tuple  # keys that keep "xuất sắc"
    demoted: tuple  # keys lowered to "tốt" by the quota
    tied: tuple  # keys tied at the cut: the head chooses among them
    places_for_tied: int  # how many of `tied` may still be rated "xuất sắc"

    @property
    def exceeded_by(self) -> int:
        return max(0, len(self.excellent) + len(self.tied) - self.allowed)


def quota_allowed(good_or_better: int, percent: int, base: str) -> int:
    """How many "xuất sắc" a group may have.

    NĐ 233/2026, Điều 12 k6a: "không vượt quá 20% tổng số viên chức được xếp loại Hoàn thành
    tốt nhiệm vụ". "Không vượt quá" is a ceiling, so the allowed number is the largest whole
    number of people within it: 20 % of 3 is 0.6, and 0 may be rated "xuất sắc". The decree
    has no "at least one" rule for small groups of viên chức (Điều 7 k7c gives one to units
    with fewer than five sub-units, not to people).
    With `good_only`, the base is those left at "tốt": x ≤ percent × (n − x).
    """
    if base == QuotaBase.GOOD_ONLY:
        allowed = 0
        while allowed < good_or_better and 100 * (allowed + 1) <= percent * (
            good_or_better - allowed - 1
        ):
            allowed += 1
        return allowed
    return good_or_better * percent // 100


def apply_quota(
    candidates: Sequence[Candidate], unit_excellent: bool, rules: RuleParams
) -> QuotaResult:
    """Keep the best "xuất sắc" candidates within the quota; lower the rest to "tốt".

    NĐ 233/2026, Điều 12 k6: ≤ 20 % of those rated "tốt" in the same unit and group of similar
    tasks (the caller passes one group); ≤ 25 % when the unit is rated "Hoàn thành xuất sắc".
    Order: higher total score first, then higher task score (Điều 4 k3: evaluation "tập trung
    vào kết quả thực hiện nhiệm vụ"). People still equal at the cut are not ranked by anything
    the decree gives (not by name, not by id): they are returned as `tied`, with the number of
    places left, for the head to decide. Without points every candidate is equal, so the head
    chooses among all of them.
    """
    percent = rules.quota_percent_excellent_unit if unit_excellent else rules.quota_percent
    allowed = quota_allowed(len(candidates), percent, rules.quota_base)
    wanting = [c for c in candidates if c.wants_excellent]

    def rank(candidate: Candidate) -> tuple[Decimal, Decimal]:
        missing = Decimal("-1")
        return (
            candidate.score if candidate.score is not None else missing,
            candidate.task_score if candidate.task_score is not None else missing,
        )

    if len(wanting) <= allowed:
        return QuotaResult(
            len(candidates), percent, allowed, tuple(c.key for c in wanting), (), (), 0
        )
    ordered = sorted(wanting, key=rank, reverse=True)
    if allowed == 0:
        return QuotaResult(len(candidates), percent, 0, (), tuple(c.key for c in ordered), (), 0)
    cut = rank(ordered[allowed - 1])
    above = [c for c in ordered if rank(c) > cut]
    at_cut = [c for c in ordered if rank(c) == cut]
    below = [c for c in ordered if rank(c) < cut]
    if len(above) + len(at_cut) <= allowed:
        keep, tied = above + at_cut, []
    else:
        keep, tied = above, at_cut
    return QuotaResult(
        base=len(candidates),
        percent=percent,
        allowed=allowed,
        excellent=tuple(c.key for c in keep),
        demoted=tuple(c.key for c in below),
        tied=tuple(c.key for c in tied),
        places_for_tied=allowed - len(keep) if tied else 0,
    )
