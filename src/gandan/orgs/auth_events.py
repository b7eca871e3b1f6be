"""Logins, failed logins, lockouts and logouts go to the audit log, under the person's
organisation.

Framework wiring (Django's authentication signals), connected in OrgsConfig.ready(): the
accounts and their organisations live here, and the audit log below knows neither.
"""

from typing import Any

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.http import HttpRequest
from django.utils.translation import gettext as _

from gandan.audit.models import Action
from gandan.audit.services import record_event
from gandan.core.language import in_vietnamese
from gandan.orgs.access import primary_organisation
from gandan.orgs.models import User


@in_vietnamese
def on_login(sender: object, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    record_event(
        action=Action.LOGIN,
        summary=_("%(name)s đăng nhập") % {"name": user},
        actor=user,
        organisation=primary_organisation(user),
        request=request,
    )


@in_vietnamese
def on_logout(
    sender: object, request: HttpRequest | None, user: User | None, **kwargs: Any
) -> None:
    if user is None:
        return
    record_event(
        action=Action.LOGOUT,
        summary=_("%(name)s đăng xuất") % {"name": user},
        actor=user,
        organisation=primary_organisation(user),
        request=request,
    )


@in_vietnamese
def on_login_failed(
    sender: object,
    credentials: dict[str, Any],
    request: HttpRequest | None = None,
    **kwargs: Any,
) -> None:
    username = str(credentials.get("username", ""))[:150]
    user = User.objects.filter(username=username).first()
    if getattr(request, "axes_locked_out", False):
        summary = _(
            "Đăng nhập không thành công với tên đăng nhập “%(username)s” (đang tạm khóa vì "
            "nhập sai mật khẩu nhiều lần)"
        )
    else:
        summary = _("Đăng nhập không thành công với tên đăng nhập “%(username)s”")
    record_event(
        action=Action.LOGIN_FAILED,
        summary=summary % {"username": username},
        actor=None,
        actor_label=username,
        organisation=primary_organisation(user) if user is not None else None,
        request=request,
    )


@in_vietnamese
def on_locked_out(
    sender: object,
    request: HttpRequest | None = None,
    username: str | None = None,
    ip_address: str | None = None,
    **kwargs: Any,
) -> None:
    # django-axes signals every refused attempt during a lockout; the moment of locking is
    # the one where the count reaches the limit (later attempts are failed logins above).
    if getattr(request, "axes_failures_since_start", None) != settings.AXES_FAILURE_LIMIT:
        return
    name = str(username or "")[:150]
    user = User.objects.filter(username=name).first()
    record_event(
        action=Action.LOGIN_FAILED,
        summary=_(
            "Tạm khóa đăng nhập của tên “%(username)s” từ địa chỉ %(address)s sau %(limit)d lần "
            "nhập sai mật khẩu liên tiếp"
        )
        % {"username": name, "address": ip_address or "?", "limit": settings.AXES_FAILURE_LIMIT},
        actor=None,
        actor_label=name,
        organisation=primary_organisation(user) if user is not None else None,
        request=request,
    )


def connect() -> None:
    user_logged_in.connect(on_login, dispatch_uid="gandan_audit_login")
    user_logged_out.connect(on_logout, dispatch_uid="gandan_audit_logout")
    user_login_failed.connect(on_login_failed, dispatch_uid="gandan_audit_login_failed")
    user_locked_out.connect(on_locked_out, dispatch_uid="gandan_audit_locked_out")
