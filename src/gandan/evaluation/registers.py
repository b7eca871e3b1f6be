"""A cycle's results register (danh sách kết quả đánh giá, xếp loại): who, their title, the
score where the rule set counts points, the level. Staff read it once the cycle's results are
published, as the published results page shows them (names, titles, scores, levels, nothing
else); managers at any time, with each person's unit and the day the level was decided
(`access.access_cycle(..., action="results")`, 404 otherwise)."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gandan.evaluation import access
from gandan.evaluation.models import EvaluationCycle
from gandan.orgs.models import User
from gandan.paperwork.registers import Cell, Column, Register, Value, keeper


def results_register(user: User, cycle: EvaluationCycle) -> Register:
    """The cycle's people in name order (the caller checked `access_cycle(..., "results")`)."""
    manager = access.can_manage(user, cycle.organisation)
    point_based = cycle.rule_set.point_based
    columns = [
        Column(gettext_lazy("STT"), 6, "number"),
        Column(gettext_lazy("Họ và tên"), 28),
        Column(gettext_lazy("Chức vụ, chức danh"), 24),
    ]
    if manager:
        columns.append(Column(gettext_lazy("Đơn vị"), 22))
    if point_based:
        columns.append(Column(gettext_lazy("Điểm"), 8, "number"))
    columns.append(Column(gettext_lazy("Mức xếp loại"), 30))
    if manager:
        columns.append(Column(gettext_lazy("Tình trạng"), 18))
        columns.append(Column(gettext_lazy("Ngày quyết định"), 12, "date"))
    rows: list[list[Value | Cell]] = []
    evaluations = cycle.evaluations.select_related("person", "unit").order_by(
        "person__sort_key", "pk"
    )
    for number, evaluation in enumerate(evaluations, start=1):
        row: list[Value | Cell] = [number, evaluation.person.full_name, evaluation.title]
        if manager:
            row.append(evaluation.unit.name if evaluation.unit else None)
        if point_based:
            row.append(float(evaluation.score) if evaluation.score is not None else None)
        level = str(evaluation.get_level_display()) if evaluation.level else _("Không xếp loại")
        row.append(level if evaluation.is_decided else None)
        if manager:
            row.append(str(evaluation.get_status_display()))
            decided = evaluation.decided_at
            row.append(timezone.localdate(decided) if decided else None)
        rows.append(row)
    notes = [str(cycle.rule_set.short_name)]
    if cycle.published_on:
        notes.append(
            _("Công khai trong đơn vị ngày %(day)s")
            % {"day": cycle.published_on.strftime("%d/%m/%Y")}
        )
    return Register(
        title=_("Kết quả đánh giá, xếp loại viên chức %(period)s") % {"period": cycle.year_label},
        **keeper(cycle.organisation),
        columns=columns,
        rows=rows,
        notes=notes,
        sheet_name=_("Kết quả xếp loại"),
        empty=_("Kỳ đánh giá chưa có ai."),
        filename=f"ket-qua-danh-gia-{cycle.organisation.slug}-{cycle.public_id}.xlsx",
    )
