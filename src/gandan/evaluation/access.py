"""Who may see and do what with evaluations. Refusals are 404s: existence is not revealed.

- A staff member sees their own evaluations (and writes their self-assessment and appeal), and
  the published results of their own unit.
- A tổ leader (unit leader of a subject group or the office) also sees the evaluations of the
  tổ's members and records the tổ meeting's opinion on them (never on their own).
- Managers (head, deputy heads) see every evaluation of the school, record meeting opinions,
  decide, close, notify and publish.
- Authority officers above the school read the counts per level, never a person's evaluation;
  except the officers of the school's managing body (its `parent`, a UBND xã/phường), who see,
  decide and notify the evaluations it rates: the head's (NĐ 233/2026, Điều 13 k2a, k3a). The
  Sở, which only guides the school, is not its managing body.
- Nobody decides their own evaluation: the head's is never decided or signed at her school.
- Everyone else, other schools included: a 404.
"""

from django.db.models import QuerySet
from django.http import Http404

from gandan.core.ids import public_id_or_404
from gandan.evaluation.models import (
    CycleStatus,
    Evaluation,
    EvaluationCycle,
    EvaluationStatus,
    decided_above_q,
)
from gandan.orgs import access as org_access
from gandan.orgs.models import Organisation, OrgKind, Role, User

LED_UNIT_KINDS = {OrgKind.SUBJECT_GROUP, OrgKind.OFFICE}


def is_staff(user: User, school: Organisation) -> bool:
    """Holds a role in the school (a seat on the parents' board gives none, see orgs.access)."""
    return bool(org_access.roles_in_school(user, school))


def can_manage(user: User, school: Organisation) -> bool:
    """Head and deputy heads."""
    return org_access.can_manage_organisation(user, school)


def can_read_counts(user: User, school: Organisation) -> bool:
    """Managers, and authority officers above the school (counts only)."""
    return can_manage(user, school) or org_access.is_authority_over(user, school)


def managed_body_ids(user: User) -> set[int]:
    """The bodies (wards) where the user is an officer: they manage the schools below them."""
    return {g.organisation_id for g in org_access.grants(user) if g.role == Role.AUTHORITY_OFFICER}


def is_managing_officer(user: User, school: Organisation) -> bool:
    """An officer of the school's own managing body (its parent), not of another ward or of the
    Sở that guides it (`is_authority_over` reads roll-ups for both)."""
    return school.parent_id is not None and school.parent_id in managed_body_ids(user)


def led_unit_ids(user: User) -> set[int]:
    """The tổ the user leads; one query per request at most, cached on the user object."""
    cached = getattr(user, "_gandan_led_units", None)
    if cached is not None:
        return cached
    ids = {g.organisation_id for g in org_access.grants(user) if g.role == Role.UNIT_LEADER}
    result = (
        set(
            Organisation.objects.filter(pk__in=ids, kind__in=LED_UNIT_KINDS).values_list(
                "pk", flat=True
            )
        )
        if ids
        else set()
    )
    user._gandan_led_units = result  # type: ignore[attr-defined]
    return result


def school_for(user: User, slug: str | None = None) -> Organisation:
    """The school a page is about: named by `slug` (authority officers), else the user's own."""
    if slug:
        organisation = org_access.active_organisation(slug)
    else:
        organisation = org_access.primary_organisation(user)
    school = organisation.school() if organisation is not None else None
    if school is None or not (is_staff(user, school) or can_read_counts(user, school)):
        raise Http404
    return school


def visible_evaluations(user: User, cycle: EvaluationCycle) -> QuerySet[Evaluation]:
    """The evaluations of a cycle this user may open (the caller checked the school)."""
    rows = cycle.evaluations.all()
    if can_manage(user, cycle.organisation):
        return rows
    units = led_unit_ids(user)
    if units:
        return rows.filter(person=user) | rows.filter(unit__in=units)
    return rows.filter(person=user)


def access_cycle(user: User, public_id: str, *, action: str = "view") -> EvaluationCycle:
    """A cycle, if the user may do `action`.

    view: managers and tổ leaders of the school (the work page); results: staff of the school,
    once published (managers always); counts: managers and authority officers above;
    manage: managers.
    """
    cycle = (
        EvaluationCycle.objects.select_related(
            "organisation__parent", "rule_set", "unit_rules", "disclosure"
        )
        .filter(public_id=public_id_or_404(public_id))
        .first()
    )
    if cycle is None:
        raise Http404
    school = cycle.organisation
    if action == "manage":
        allowed = can_manage(user, school)
    elif action == "view":
        allowed = can_manage(user, school) or (is_staff(user, school) and bool(led_unit_ids(user)))
    elif action == "results":
        allowed = can_manage(user, school) or (is_staff(user, school) and cycle.is_published)
    elif action == "counts":
        allowed = can_read_counts(user, school)
    else:
        raise ValueError(action)
    if not allowed:
        raise Http404
    return cycle


def access_evaluation(user: User, public_id: str, *, action: str = "view") -> Evaluation:
    """One person's evaluation, if the user may do `action`.

    view: the person, the leader of the person's tổ, managers, and the managing body's officers
    for the evaluations it decides; self and appeal: the person; group: the tổ leader or a
    manager, never the person; decide: the managing body's officers for the head (Điều 13 k3a),
    the school's managers for everyone else, never on themselves; notify: the managing body's
    officers, for the evaluations it decides (the school notifies the others for the cycle).
    """
    evaluation = (
        Evaluation.objects.select_related(
            "cycle__organisation__parent",
            "cycle__rule_set",
            "cycle__unit_rules",
            "person",
            "unit",
            "notice",
        )
        .filter(public_id=public_id_or_404(public_id))
        .first()
    )
    if evaluation is None:
        raise Http404
    school = evaluation.cycle.organisation
    own = evaluation.person_id == user.pk
    manager = can_manage(user, school)
    leader = (
        evaluation.unit_id is not None
        and is_staff(user, school)
        and evaluation.unit_id in led_unit_ids(user)
    )
    above = evaluation.decided_above
    managing = above and is_managing_officer(user, school)
    if action == "view":
        allowed = own or manager or leader or managing
    elif action in ("self", "appeal"):
        allowed = own
    elif action == "group":
        allowed = not own and (manager or leader)
    elif action == "decide":
        allowed = not own and (managing if above else manager)
    elif action == "notify":
        allowed = not own and managing
    else:
        raise ValueError(action)
    if not allowed:
        raise Http404
    return evaluation


# What the evaluation page offers; the caller opened the evaluation with access_evaluation.


def _own(user: User, evaluation: Evaluation) -> bool:
    return evaluation.person_id == user.pk


def can_self(user: User, evaluation: Evaluation) -> bool:
    """The person writes (or rewrites) their self-assessment until the tổ has met on it."""
    return (
        _own(user, evaluation)
        and evaluation.cycle.is_open
        and evaluation.status in (EvaluationStatus.PENDING, EvaluationStatus.SELF_ASSESSED)
    )


def can_group(user: User, evaluation: Evaluation) -> bool:
    """The tổ leader or a manager records the meeting's opinion once the person has reported."""
    school = evaluation.cycle.organisation
    return (
        not _own(user, evaluation)
        and evaluation.cycle.is_open
        and evaluation.status in (EvaluationStatus.SELF_ASSESSED, EvaluationStatus.REVIEWED)
        and (
            can_manage(user, school)
            or (is_staff(user, school) and evaluation.unit_id in led_unit_ids(user))
        )
    )


def can_decide(user: User, evaluation: Evaluation) -> bool:
    """While the cycle is open: the managing body's officers on the head (NĐ 233/2026, Điều 13
    k3a), the school's managers on the others; nobody on themselves."""
    school = evaluation.cycle.organisation
    deciders = is_managing_officer if evaluation.decided_above else can_manage
    return evaluation.cycle.is_open and not _own(user, evaluation) and deciders(user, school)


def can_notify_above(user: User, evaluation: Evaluation) -> bool:
    """The managing body's officer issues its written notice once the year is closed at the
    school and the evaluation decided (Điều 15 k1a, k2đ), once."""
    cycle = evaluation.cycle
    return (
        evaluation.decided_above
        and not _own(user, evaluation)
        and is_managing_officer(user, cycle.organisation)
        and cycle.is_year
        and not cycle.is_open
        and evaluation.is_decided
        and evaluation.notice_id is None
    )


def can_appeal(user: User, evaluation: Evaluation) -> bool:
    """The person contests a decided result once it was notified or published."""
    return (
        _own(user, evaluation)
        and evaluation.is_decided
        and bool(evaluation.notified_at or evaluation.published_at)
    )


def result_visible(user: User, evaluation: Evaluation) -> bool:
    """The person sees the decided level once the cycle is closed; those who decide or review
    it (managers, the tổ leader) see it at once."""
    return (
        not _own(user, evaluation)
        or evaluation.cycle.status != CycleStatus.OPEN
        or can_manage(user, evaluation.cycle.organisation)
    )


# The desk panel's lists.


def evaluations_to_fill(user: User) -> QuerySet[Evaluation]:
    """The user's own forms of open cycles that wait for their self-assessment."""
    return Evaluation.objects.filter(
        cycle__status=CycleStatus.OPEN, person=user, status=EvaluationStatus.PENDING
    )


def evaluations_to_review(user: User) -> QuerySet[Evaluation]:
    """Forms of the tổ the user leads, self-assessed and waiting for the meeting's opinion
    (never the user's own)."""
    units = led_unit_ids(user)
    if not units:
        return Evaluation.objects.none()
    return Evaluation.objects.filter(
        cycle__status=CycleStatus.OPEN, unit__in=units, status=EvaluationStatus.SELF_ASSESSED
    ).exclude(person=user)


def evaluations_for_managing_body(user: User) -> QuerySet[Evaluation]:
    """The evaluations the user's managing bodies decide, of the schools directly below them."""
    bodies = managed_body_ids(user)
    if not bodies:
        return Evaluation.objects.none()
    return Evaluation.objects.filter(
        decided_above_q(),
        cycle__organisation__parent_id__in=bodies,
        cycle__organisation__kind=OrgKind.SCHOOL,
    ).exclude(person=user)
