"""What the evaluation tells people: the step waiting for each of them (gandan.notify, topic
EVALUATION).

- A period opened: each person evaluated, to write their self-assessment.
- A self-assessment submitted: whoever records the meeting's opinion on it (access.can_group):
  the leader of the person's tổ, or the school's head and deputies when the person is in no tổ
  or the tổ has no leader; never the person.
- The meeting's opinion recorded: whoever decides (access.can_decide): the head; for the
  evaluations the managing body decides (`Evaluation.decided_above`, NĐ 233/2026 Điều 13 k3a)
  the officers of the school's managing body; never the person.
- A result notified in writing: the person, with the notice's number and its download link.
- An appeal filed: those who resolve it in the register it went to (appeals.resolving_body):
  the school's head and deputies, or the managing body's officers (petitions CASE_MANAGERS).

No reminders: a cycle stores no deadline for its steps (only the period's first and last day),
so there is nothing to count down to.

Each notice is keyed by its event, so a replay writes nothing twice. The callers run under
`@in_vietnamese` in their own transaction.
"""

from collections.abc import Iterable

from django.urls import reverse

from gandan.core.vietnamese import official_date
from gandan.evaluation.models import Appeal, Evaluation, EvaluationCycle
from gandan.notify.models import Topic
from gandan.notify.services import notify, site_url
from gandan.orgs.access import MANAGERS
from gandan.orgs.models import Membership, Organisation, Role, User
from gandan.petitions.access import CASE_MANAGERS
from gandan.petitions.models import CaseKind


def holders(organisation: Organisation | int | None, roles: Iterable[str]) -> list[User]:
    """The active people holding one of `roles` in this organisation itself today."""
    if organisation is None:
        return []
    return list(
        User.objects.filter(
            is_active=True,
            memberships__in=Membership.objects.current().filter(
                organisation=organisation, role__in=list(roles)
            ),
        )
        .distinct()
        .order_by("sort_key")
    )


def _detail(evaluation: Evaluation) -> str:
    return reverse("evaluation:detail", args=[evaluation.public_id])


def _others(people: list[User], evaluation: Evaluation) -> list[User]:
    return [user for user in people if user.pk != evaluation.person_id]


def cycle_opened(cycle: EvaluationCycle) -> None:
    """Each person evaluated: their own form waits for them."""
    title = (
        f"{cycle.organisation.name} mở kỳ đánh giá {cycle.label}: "
        f"mời viết bản tự đánh giá, xếp loại của mình"
    )
    for evaluation in cycle.evaluations.select_related("person"):
        notify(
            [evaluation.person],
            topic=Topic.EVALUATION,
            kind="evaluation.self_assessment_open",
            key=f"evaluation.self_assessment_open:{evaluation.pk}",
            title=title,
            url=_detail(evaluation),
        )


def self_assessed(evaluation: Evaluation) -> None:
    """Whoever records the meeting's opinion: the tổ's leader, else the school's managers."""
    cycle = evaluation.cycle
    people = _others(holders(evaluation.unit_id, [Role.UNIT_LEADER]), evaluation)
    if not people:
        people = _others(holders(cycle.organisation, MANAGERS), evaluation)
    notify(
        people,
        topic=Topic.EVALUATION,
        kind="evaluation.self_assessed",
        key=f"evaluation.self_assessed:{evaluation.pk}",
        title=(
            f"{evaluation.person.full_name} đã tự đánh giá {cycle.label}: "
            f"chờ ý kiến nhận xét của cuộc họp"
        ),
        url=reverse("evaluation:group", args=[evaluation.public_id]),
    )


def group_reviewed(evaluation: Evaluation) -> None:
    """Whoever decides: the head, or the managing body's officers for what it decides."""
    cycle = evaluation.cycle
    school = cycle.organisation
    if evaluation.decided_above:
        people = _others(holders(school.parent_id, [Role.AUTHORITY_OFFICER]), evaluation)
    else:
        people = _others(holders(school, [Role.HEAD]), evaluation) or _others(
            holders(school, MANAGERS), evaluation
        )
    notify(
        people,
        topic=Topic.EVALUATION,
        kind="evaluation.group_reviewed",
        key=f"evaluation.group_reviewed:{evaluation.pk}",
        title=(
            f"Đã có ý kiến của cuộc họp nhận xét về {evaluation.person.full_name} "
            f"({school.name}, {cycle.label}): chờ quyết định kết quả"
        ),
        url=reverse("evaluation:decide", args=[evaluation.public_id]),
    )


def result_notified(evaluation: Evaluation) -> None:
    """The person: the written notice of their result, with its download link."""
    notice = evaluation.notice
    assert notice is not None
    cycle = evaluation.cycle
    download = site_url(reverse("evaluation:notice", args=[evaluation.public_id]))
    notify(
        [evaluation.person],
        topic=Topic.EVALUATION,
        kind="evaluation.result_notified",
        key=f"evaluation.result_notified:{evaluation.pk}:{notice.pk}",
        title=(
            f"Thông báo số {notice.number_symbol} {official_date(notice.issued_on)} "
            f"về kết quả đánh giá, xếp loại chất lượng {cycle.year_label} của mình"
        ),
        url=_detail(evaluation),
        body=f"Tải thông báo: {download}",
    )


def appeal_filed(appeal: Appeal, body: Organisation) -> None:
    """Those who resolve the case in the register of `body`; never the appellant."""
    evaluation = appeal.evaluation
    case = appeal.case
    assert case is not None
    what = "khiếu nại" if case.kind == CaseKind.COMPLAINT else "kiến nghị"
    notify(
        _others(holders(body, CASE_MANAGERS), evaluation),
        topic=Topic.EVALUATION,
        kind="evaluation.appealed",
        key=f"evaluation.appealed:{appeal.pk}",
        title=(
            f"{evaluation.person.full_name} gửi {what} về kết quả xếp loại "
            f"{evaluation.cycle.year_label} (hồ sơ {case.display_code}): chờ giải quyết"
        ),
        url=reverse("petitions:detail", args=[case.public_id]),
    )
