"""Who may sit on the inspection board (Ban Thanh tra nhân dân) and how many seats it has:
the one place the election and the recording of its result ask (rules in
`rules.BOARD_COMPOSITION`, Luật 10/2022/QH15 Điều 60; NĐ 59/2023/NĐ-CP Điều 21)."""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from gandan.core.vietnamese import fold
from gandan.democracy.electorate import staff_memberships
from gandan.democracy.models import BoardUnitProfile
from gandan.democracy.rules import BOARD_COMPOSITION
from gandan.orgs.models import Organisation, User


def is_dispersed(school: Organisation) -> bool:
    """Whether the school is recorded as organised in dispersed places or of a special nature."""
    return BoardUnitProfile.objects.filter(organisation=school, dispersed_or_special=True).exists()


def seat_range(school: Organisation) -> tuple[int, int | None]:
    return BOARD_COMPOSITION.seat_range(dispersed=is_dispersed(school))


def seats_text(school: Organisation) -> str:
    low, high = seat_range(school)
    if high is None:
        return _(
            "Ban Thanh tra nhân dân có từ %(low)d thành viên trở lên (đơn vị có tổ chức phân "
            "tán hoặc có tính chất đặc thù)."
        ) % {"low": low}
    return _("Ban Thanh tra nhân dân có từ %(low)d đến %(high)d thành viên.") % {
        "low": low,
        "high": high,
    }


def seats_allowed(school: Organisation, seats: int | None) -> bool:
    low, high = seat_range(school)
    return seats is not None and low <= seats and (high is None or seats <= high)


def ineligible(school: Organisation, people: Iterable[User]) -> dict[int, str]:
    """The people (by id) who may not sit on the board today, each with the reason."""
    ids = {person.pk for person in people}
    rows = staff_memberships(school).filter(user_id__in=ids).values_list("user_id", "role", "title")
    staff: set[int] = set()
    reasons: dict[int, str] = {}
    for user_id, role, title in rows:
        staff.add(user_id)
        if role in BOARD_COMPOSITION.excluded_roles:
            reasons.setdefault(user_id, _("là thủ trưởng hoặc cấp phó"))
        elif BOARD_COMPOSITION.is_excluded_title(fold(title or "")):
            reasons.setdefault(user_id, _("là kế toán trưởng, người phụ trách kế toán"))
    for user_id in ids - staff:
        reasons[user_id] = _("không phải cán bộ của trường")
    return reasons
