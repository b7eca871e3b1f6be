"""Locked logins: django-axes refuses a name at an address after 20 wrong passwords in a row
(settings.AXES_*); this module shows that refusal in Vietnamese, lists the locked accounts of
an organisation to its head, and lets the head unlock one (audited).

The commands `gandan axes_reset_username NAME` (and axes_reset, axes_reset_ip) unlock from
the server, for an administrator or a head who locked themselves out.
"""

from dataclasses import dataclass

from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.db import transaction
from django.db.models import Max, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.audit.models import Action
from gandan.audit.services import record_event
from gandan.core.language import in_vietnamese
from gandan.orgs import access
from gandan.orgs.models import Membership, Organisation, OrgKind, Role, User


def lockout_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def lockout_message() -> str:
    return _(
        "Tài khoản này đang tạm khóa vì mật khẩu bị nhập sai %(limit)d lần liên tiếp từ máy "
        "này. Trong %(minutes)d phút tới, kể cả mật khẩu đúng cũng không đăng nhập được. Nếu "
        "cần làm việc ngay, xin nhờ hiệu trưởng mở khóa (Tài khoản và bảo mật → Tài khoản bị "
        "tạm khóa)."
    ) % {"limit": settings.AXES_FAILURE_LIMIT, "minutes": lockout_minutes()}


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """The login page again, with the lockout explained (axes' AXES_LOCKOUT_CALLABLE)."""
    from gandan.orgs.forms import LoginForm

    username = str((credentials or {}).get("username") or request.POST.get("username", ""))
    form = LoginForm(request, initial={"username": username[:150]})
    return render(
        request,
        "registration/login.html",
        {"form": form, "locked_out": lockout_message(), "next": request.POST.get("next", "")},
        status=429,
    )


@dataclass(frozen=True)
class LockedAccount:
    user: User
    ip_address: str
    failures: int
    last_attempt: object  # datetime


def _staff_of(organisation: Organisation) -> "list[int]":
    return list(
        Membership.objects.current()
        .filter(organisation__path__startswith=organisation.path, user__is_active=True)
        .exclude(organisation__kind=OrgKind.PARENTS_BOARD)
        .values_list("user_id", flat=True)
        .distinct()
    )


def access_lockouts(user: User, slug: str) -> Organisation:
    """The organisation whose locked logins the user may see and unlock: its head only
    (else 404)."""
    organisation = access.active_organisation(slug)
    if organisation is None:
        raise Http404
    if Role.HEAD not in access.roles_in(user, organisation):
        raise Http404
    return organisation


def locked_accounts(organisation: Organisation) -> list[LockedAccount]:
    """Staff of the organisation (and its units) locked out now, by name and address."""
    threshold = timezone.now() - settings.AXES_COOLOFF_TIME
    people = {user.username: user for user in User.objects.filter(pk__in=_staff_of(organisation))}
    rows = (
        AccessAttempt.objects.filter(username__in=people, attempt_time__gte=threshold)
        .values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last")
    )
    return [
        LockedAccount(
            user=people[row["username"]],
            ip_address=row["ip_address"] or "",
            failures=row["failures"],
            last_attempt=row["last"],
        )
        for row in rows
    ]


@in_vietnamese
def unlock_account(
    *, actor: User, organisation: Organisation, username: str, request: HttpRequest | None
) -> User:
    """Clears the wrong-password count of one of the organisation's staff, at every address.

    Raises Http404 (nothing changes) when the name is not one of its staff."""
    person = User.objects.filter(username=username, pk__in=_staff_of(organisation)).first()
    if person is None:
        raise Http404
    with transaction.atomic():
        cleared = axes_reset(username=person.username)
        record_event(
            action=Action.CHANGE,
            summary=_("%(actor)s mở khóa đăng nhập cho %(name)s (xóa %(count)d bản ghi nhập sai)")
            % {"actor": actor, "name": person, "count": cleared},
            actor=actor,
            organisation=organisation,
            target=person,
            request=request,
        )
    return person
