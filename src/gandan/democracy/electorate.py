"""Who counts as the staff of a school, and who belongs to one of its units."""

from django.db.models import QuerySet

from gandan.orgs.models import Membership, Organisation, OrgKind, Role, User

# Parents on the parents' board hold roles inside the school's tree but are not its staff
# (Luật 10/2022/QH15, Điều 4: the chapter on cơ quan, đơn vị covers cán bộ, công chức, viên
# chức, người lao động); authority officers belong to the body above.
NOT_STAFF_UNITS = {OrgKind.PARENTS_BOARD}


def staff_memberships(school: Organisation) -> QuerySet[Membership]:
    return (
        Membership.objects.current()
        .filter(
            organisation__path__startswith=school.path,
            organisation__is_active=True,
            user__is_active=True,
        )
        .exclude(role=Role.AUTHORITY_OFFICER)
        .exclude(organisation__kind__in=NOT_STAFF_UNITS)
    )


def staff_of(school: Organisation) -> QuerySet[User]:
    """Everyone working in the school (head included), each once, in Vietnamese name order."""
    ids = staff_memberships(school).values("user_id")
    return User.objects.filter(pk__in=ids).order_by("sort_key")


def is_staff_of(user: User, school: Organisation) -> bool:
    if not user.is_authenticated:
        return False
    cache = getattr(user, "_gandan_staff_of", None)
    if cache is None:
        cache = user._gandan_staff_of = {}  # type: ignore[attr-defined]
    if school.pk not in cache:
        cache[school.pk] = staff_memberships(school).filter(user=user).exists()
    return cache[school.pk]


def members_of(unit: Organisation) -> QuerySet[User]:
    """People holding a current role in this unit (for example the inspection board)."""
    ids = (
        Membership.objects.current()
        .filter(organisation=unit, user__is_active=True)
        .exclude(role=Role.AUTHORITY_OFFICER)
        .values("user_id")
    )
    return User.objects.filter(pk__in=ids).order_by("sort_key")


def parent_representatives(school: Organisation) -> QuerySet[User]:
    """Members of the school's parents' board: how parents take part in a consultation."""
    ids = (
        Membership.objects.current()
        .filter(
            organisation__parent=school,
            organisation__kind=OrgKind.PARENTS_BOARD,
            organisation__is_active=True,
            user__is_active=True,
        )
        .values("user_id")
    )
    return User.objects.filter(pk__in=ids).order_by("sort_key")


def is_parent_representative(user: User, school: Organisation) -> bool:
    if not user.is_authenticated:
        return False
    return parent_representatives(school).filter(pk=user.pk).exists()


def is_consulted(user: User, consultation) -> bool:
    """Who is asked in a consultation: the school's staff, or its parents' representatives."""
    if consultation.audience == "parents":
        return is_parent_representative(user, consultation.organisation)
    return is_staff_of(user, consultation.organisation)
