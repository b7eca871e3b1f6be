"""The year from its periods, the quota, closing a cycle, the written notices, publication."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.language import in_vietnamese
from gandan.democracy.models import Channel, DisclosureItem, DisclosureObligation
from gandan.democracy.services import disclosures
from gandan.evaluation import events, notices, rules
from gandan.evaluation.documents import notice_spec, points_text
from gandan.evaluation.models import (
    CycleStatus,
    Evaluation,
    EvaluationCycle,
    EvaluationStatus,
    EventKind,
    decided_above_q,
)
from gandan.evaluation.periods import PeriodType
from gandan.evaluation.rules import Level
from gandan.evaluation.services.assessment import allowed_levels, ceiling
from gandan.orgs.models import User
from gandan.paperwork.document import Signer
from gandan.paperwork.models import OutgoingDocument
from gandan.paperwork.services import issue_document
from gandan.paperwork.signing import head_signer

# Luật 10/2022/QH15, Điều 46 k6: staff evaluation results are disclosed inside the unit.
STAFF_DISCLOSURE = "noi-bo-cong-tac-can-bo"


def _lock_cycle(cycle: EvaluationCycle) -> EvaluationCycle:
    return (
        EvaluationCycle.objects.select_for_update(of=("self",))
        .select_related("rule_set", "unit_rules", "organisation")
        .get(pk=cycle.pk)
    )


def period_cycles(cycle: EvaluationCycle):
    """The closed tracking periods of the same unit and work year."""
    tracking = cycle.unit_rules.tracking if cycle.unit_rules is not None else PeriodType.QUARTER
    return EvaluationCycle.objects.filter(
        organisation=cycle.organisation,
        year=cycle.year,
        year_start_month=cycle.year_start_month,
        period_type=tracking,
    ).exclude(status=CycleStatus.OPEN)


@in_vietnamese
@transaction.atomic
def compute_year_scores(*, cycle: EvaluationCycle, actor: User) -> int:
    """NĐ 233/2026, Điều 12 k5: each person's year score from their monthly/quarterly scores.

    The sums and counts come from the database in one aggregate query; the mean is cut to two
    decimals (rules.year_score). Returns the number of people whose score changed.
    """
    cycle = _lock_cycle(cycle)
    if not cycle.is_year or not cycle.rule_set.point_based:
        raise ValidationError(_("Chỉ tổng hợp điểm cho kỳ năm của quy định chấm điểm."))
    if not cycle.is_open:
        raise ValidationError(_("Kết quả năm đã chốt, không tổng hợp lại được."))
    sources = period_cycles(cycle)
    totals = {
        row["person_id"]: row
        for row in Evaluation.objects.filter(
            cycle__in=sources, status=EvaluationStatus.DECIDED, score__isnull=False
        )
        .values("person_id")
        .annotate(
            total=Sum("score"), general=Sum("general_score"), task=Sum("task_score"), n=Count("pk")
        )
    }
    if not totals:
        raise ValidationError(_("Chưa có kỳ theo dõi nào của năm đã chốt điểm."))
    params = cycle.rule_set.params()
    changed = 0
    for evaluation in cycle.evaluations.select_related("person").order_by("pk"):
        row = totals.get(evaluation.person_id)
        if row is None:
            continue
        count = row["n"]
        # Sums of two-decimal scores are exact at two decimals (SQLite sums in floating point).
        new = {
            "general_score": rules.mean_of(_exact(row["general"]), count),
            "task_score": rules.mean_of(_exact(row["task"]), count),
            "score": rules.mean_of(_exact(row["total"]), count),
        }
        proposed = rules.level_for(new["score"], evaluation.is_disqualified, params) or ""
        old = {key: getattr(evaluation, key) for key in new}
        diff = events.track(
            evaluation,
            {key: (old[key], new[key]) for key in new}
            | {"proposed_level": (evaluation.proposed_level, proposed)},
            actor=actor,
            reason=f"Tổng hợp từ {count} kỳ theo dõi",
        )
        if not diff and evaluation.periods_counted == count:
            continue
        for key, value in new.items():
            setattr(evaluation, key, value)
        evaluation.proposed_level = proposed
        evaluation.periods_counted = count
        evaluation.save(update_fields=[*new, "proposed_level", "periods_counted", "updated_at"])
        changed += 1
    events.record(
        cycle,
        EventKind.YEAR_COMPUTED,
        f"Tổng hợp điểm {cycle.label} từ {sources.count()} kỳ theo dõi ({changed} người thay đổi)",
        actor,
    )
    return changed


def _exact(value) -> Decimal:
    return Decimal(str(value)).quantize(rules.CENT)


@dataclass(frozen=True)
class GroupQuota:
    """The quota of one group of similar tasks (NĐ 233/2026, Điều 12 k6a)."""

    group: str
    result: rules.QuotaResult
    decided_excellent: int
    names: dict

    @property
    def over(self) -> int:
        return max(0, self.decided_excellent - self.result.allowed)

    @property
    def demoted_names(self) -> list[str]:
        return [self.names[key] for key in self.result.demoted]

    @property
    def tied_names(self) -> list[str]:
        return [self.names[key] for key in self.result.tied]


def quota_report(cycle: EvaluationCycle, evaluations=None) -> list[GroupQuota]:
    """Per group: how many "xuất sắc" are allowed, who the rules would keep, who is over."""
    if not cycle.is_year:
        return []
    rows = (
        evaluations if evaluations is not None else list(cycle.evaluations.select_related("person"))
    )
    params = cycle.rule_set.params()
    groups: dict[str, list] = defaultdict(list)
    for evaluation in rows:
        if evaluation.status == EvaluationStatus.NOT_RATED:
            continue
        wanted = _wanted_level(evaluation, cycle)
        if wanted in (Level.EXCELLENT, Level.GOOD):
            groups[evaluation.quota_group].append((evaluation, wanted))
    report = []
    for group, members in sorted(groups.items()):
        candidates = [
            rules.Candidate(
                key=evaluation.pk,
                wants_excellent=wanted == Level.EXCELLENT,
                score=evaluation.score,
                task_score=evaluation.task_score,
            )
            for evaluation, wanted in members
        ]
        result = rules.apply_quota(candidates, cycle.unit_level == Level.EXCELLENT, params)
        decided = sum(1 for evaluation, _w in members if evaluation.level == Level.EXCELLENT)
        names = {evaluation.pk: evaluation.person.full_name for evaluation, _w in members}
        report.append(GroupQuota(group, result, decided, names))
    return report


def _wanted_level(evaluation: Evaluation, cycle: EvaluationCycle) -> str:
    """The level a person would have without the quota."""
    if cycle.rule_set.point_based:
        return ceiling(evaluation, cycle) if evaluation.score is not None else ""
    chosen = evaluation.level or evaluation.group_level or evaluation.self_level
    if not chosen:
        return ""
    return rules.at_most(chosen, ceiling(evaluation, cycle))


NAMES_SHOWN = 8


def names_text(names: list[str]) -> str:
    """The first names of a list and how many more: the count beside it is of the same list."""
    shown = ", ".join(names[:NAMES_SHOWN])
    rest = len(names) - NAMES_SHOWN
    if rest <= 0:
        return shown
    return _("%(names)s và %(n)d người khác") % {"names": shown, "n": rest}


def _managing_body_name(cycle: EvaluationCycle) -> str:
    parent = cycle.organisation.parent
    return parent.name if parent is not None else cycle.organisation.managing_body_name


def problems(cycle: EvaluationCycle, evaluations=None) -> list[str]:
    """Everything that stops the cycle from being closed, in plain Vietnamese."""
    rows = (
        evaluations if evaluations is not None else list(cycle.evaluations.select_related("person"))
    )
    found = []
    pending = [e for e in rows if not e.is_decided]
    at_school = [e.person.full_name for e in pending if not e.decided_above]
    above = [e.person.full_name for e in pending if e.decided_above]
    if at_school:
        found.append(
            _("%(n)d người chưa có quyết định: %(names)s.")
            % {"n": len(at_school), "names": names_text(at_school)}
        )
    if above:
        # NĐ 233/2026, Điều 13 k3a: the head's level is the managing body's decision.
        found.append(
            _("Chờ cơ quan quản lý (%(body)s) quyết định kết quả của %(names)s.")
            % {"body": _managing_body_name(cycle), "names": names_text(above)}
        )
    if not cycle.is_year:
        return found
    for evaluation in rows:
        if evaluation.status != EvaluationStatus.DECIDED:
            continue
        if evaluation.level not in allowed_levels(evaluation, cycle):
            found.append(
                _("Mức của %(name)s không còn phù hợp với điểm hoặc giới hạn; hãy quyết định lại.")
                % {"name": evaluation.person.full_name}
            )
    for group in quota_report(cycle, rows):
        if group.over:
            found.append(
                _(
                    "Vượt tỷ lệ “xuất sắc”%(group)s: được tối đa %(allowed)d người "
                    "(%(percent)d%% của %(base)d người đạt mức tốt trở lên), đang có %(n)d."
                )
                % {
                    "group": f" ({group.group})" if group.group else "",
                    "allowed": group.result.allowed,
                    "percent": group.result.percent,
                    "base": group.result.base,
                    "n": group.decided_excellent,
                }
            )
    return found


@in_vietnamese
@transaction.atomic
def finalise_cycle(*, cycle: EvaluationCycle, actor: User) -> EvaluationCycle:
    """Close the cycle once every person is decided and the quota and caps hold."""
    cycle = _lock_cycle(cycle)
    if not cycle.is_open:
        raise ValidationError(_("Kỳ đánh giá này đã chốt."))
    found = problems(cycle)
    if found:
        raise ValidationError(found)
    cycle.status = CycleStatus.DECIDED
    cycle.decided_at = timezone.now()
    cycle.save(update_fields=["status", "decided_at", "updated_at"])
    counts = _level_counts(cycle)
    events.record(cycle, EventKind.FINALISED, f"Chốt kết quả {cycle.label}: {counts}", actor)
    return cycle


def _level_counts(cycle: EvaluationCycle) -> str:
    rows = level_counts(cycle)
    return "; ".join(f"{label}: {count}" for label, count in rows) or "không có"


def level_counts(cycle: EvaluationCycle) -> list[tuple[str, int]]:
    """(level label, number of people) in the order of the levels; one query."""
    counts = dict(cycle.evaluations.exclude(level="").values_list("level").annotate(n=Count("pk")))
    rows = [(str(Level(level).label), counts[level]) for level in Level.values if level in counts]
    not_rated = cycle.evaluations.filter(status=EvaluationStatus.NOT_RATED).count()
    if not_rated:
        rows.append((str(_("Không xếp loại")), not_rated))
    return rows


@in_vietnamese
@transaction.atomic
def notify_results(
    *, cycle: EvaluationCycle, actor: User, issued_on: dt.date, signer: Signer | None = None
) -> int:
    """A numbered written notice from the school to each person it rated, not yet notified
    (Điều 15 k3đ); the count. The head's notice is the managing body's (notify_managed_result).

    Precondition: the year's results are closed.
    """
    cycle = _lock_cycle(cycle)
    if not cycle.is_year or cycle.is_open:
        raise ValidationError(_("Chỉ thông báo kết quả năm sau khi đã chốt."))
    pending = list(
        cycle.evaluations.filter(notice__isnull=True)
        .exclude(decided_above_q())
        .select_related("person", "unit", "cycle__rule_set", "cycle__unit_rules")
        .order_by("person__sort_key")
    )
    now = timezone.now()
    signer = signer or head_signer(cycle.organisation)
    for evaluation in pending:
        evaluation.cycle = cycle
        document = issue_document(
            organisation=cycle.organisation,
            spec=notice_spec(evaluation, signer=signer),
            issued_on=issued_on,
            source=f"evaluation.evaluation:{evaluation.pk}",
            actor=actor,
        )
        evaluation.notice = document
        evaluation.notified_at = now
        evaluation.save(update_fields=["notice", "notified_at", "updated_at"])
        events.record(
            cycle,
            EventKind.NOTIFIED,
            f"Thông báo số {document.number_symbol} gửi {evaluation.person.full_name}",
            actor,
            evaluation=evaluation,
        )
        notices.result_notified(evaluation)
    return len(pending)


@in_vietnamese
@transaction.atomic
def notify_managed_result(
    *, evaluation: Evaluation, actor: User, issued_on: dt.date
) -> OutgoingDocument:
    """The managing body's written notice of the result it decided (NĐ 233/2026, Điều 13 k3a,
    Điều 15 k2đ): numbered in its own register, signed "TM. ỦY BAN NHÂN DÂN" by its head.

    Preconditions: the managing body decides this evaluation; the school closed the year and it
    is decided; the actor is not the person. Sent again, it answers with the notice issued.
    """
    evaluation = (
        Evaluation.objects.select_for_update(of=("self",))
        .select_related(
            "cycle__organisation__parent",
            "cycle__rule_set",
            "cycle__unit_rules",
            "person",
            "unit",
            "notice",
        )
        .get(pk=evaluation.pk)
    )
    cycle = evaluation.cycle
    body = cycle.organisation.parent
    if not evaluation.decided_above or body is None:
        raise ValidationError(_("Kết quả này do nhà trường thông báo, không do cơ quan quản lý."))
    if actor.pk == evaluation.person_id:
        raise ValidationError(_("Không ai tự ký thông báo kết quả của chính mình."))
    if evaluation.notice is not None:
        return evaluation.notice
    if not cycle.is_year or cycle.is_open or not evaluation.is_decided:
        raise ValidationError(
            _("Chỉ thông báo kết quả năm đã quyết định, sau khi nhà trường chốt kết quả.")
        )
    document = issue_document(
        organisation=body,
        spec=notice_spec(evaluation, issuer=body, signer=head_signer(body)),
        issued_on=issued_on,
        source=f"evaluation.evaluation:{evaluation.pk}",
        actor=actor,
    )
    evaluation.notice = document
    evaluation.notified_at = timezone.now()
    evaluation.save(update_fields=["notice", "notified_at", "updated_at"])
    events.record(
        cycle,
        EventKind.NOTIFIED,
        f"{body.name} ban hành thông báo số {document.number_symbol} gửi "
        f"{evaluation.person.full_name}",
        actor,
        evaluation=evaluation,
    )
    notices.result_notified(evaluation)
    return document


def results_text(cycle: EvaluationCycle) -> str:
    """The list published inside the unit: name, title, score, level (Vietnamese: called by
    `publish_results`, under `in_vietnamese`)."""
    lines = []
    rows = cycle.evaluations.select_related("person").order_by("person__sort_key")
    for index, evaluation in enumerate(rows, start=1):
        if evaluation.status == EvaluationStatus.NOT_RATED:
            result = f"không xếp loại ({evaluation.not_rated_reason})"
        else:
            result = evaluation.get_level_display()
            if evaluation.score is not None:
                result = f"{points_text(evaluation.score)} điểm — {result}"
        title = f", {evaluation.title}" if evaluation.title else ""
        lines.append(f"{index}. {evaluation.person.full_name}{title}: {result}.")
    return "\n".join(lines)


@in_vietnamese
@transaction.atomic
def publish_results(
    *, cycle: EvaluationCycle, actor: User, published_on: dt.date
) -> EvaluationCycle:
    """Announce the year's results inside the unit (Điều 15 k3đ: "ưu tiên … môi trường điện tử").

    The announcement is a staff disclosure of the democracy register (Luật 10/2022/QH15, Điều 46
    k6), published on the unit's internal pages; an item already recorded under the same title
    (decided, awaiting disclosure) is the one published.
    """
    cycle = _lock_cycle(cycle)
    if not cycle.is_year:
        raise ValidationError(_("Chỉ công khai kết quả xếp loại năm."))
    if cycle.status != CycleStatus.DECIDED:
        raise ValidationError(_("Chỉ công khai kết quả đã chốt và chưa công khai."))
    decided_on = timezone.localdate(cycle.decided_at)
    if published_on < decided_on or published_on > timezone.localdate():
        raise ValidationError(
            {"published_on": _("Ngày công khai phải từ ngày chốt kết quả đến hôm nay.")}
        )
    title = f"Kết quả đánh giá, xếp loại viên chức {cycle.year_label}"
    obligation = DisclosureObligation.objects.filter(code=STAFF_DISCLOSURE).first()
    item = None
    if obligation is not None:
        item = DisclosureItem.objects.filter(
            organisation=cycle.organisation,
            obligation=obligation,
            title=title,
            published_on__isnull=True,
            withdrawn=False,
        ).first() or disclosures.record_disclosure(
            organisation=cycle.organisation,
            obligation=obligation,
            actor=actor,
            title=title,
            body=results_text(cycle),
            decision_date=decided_on,
        )
        if item.decision_date and published_on < item.decision_date:
            published_on = item.decision_date
        item = disclosures.publish_disclosure(
            item=item,
            actor=actor,
            published_on=published_on,
            channels=[Channel.INTRANET],
            body=results_text(cycle),
        )
    cycle.status = CycleStatus.PUBLISHED
    cycle.published_on = published_on
    cycle.disclosure = item
    cycle.save(update_fields=["status", "published_on", "disclosure", "updated_at"])
    cycle.evaluations.update(published_at=timezone.now())
    events.record(
        cycle,
        EventKind.PUBLISHED,
        f"Công khai kết quả {cycle.label} trong đơn vị ngày {published_on:%d/%m/%Y}",
        actor,
    )
    return cycle
