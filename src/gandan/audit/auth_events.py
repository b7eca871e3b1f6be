"""Logins, failed logins and logouts go to the audit log."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.utils.translation import gettext as _

from gandan.audit.models import Action
from gandan.audit.services import record_event


def _organisation_of(user):
    from gandan.orgs.access import primary_organisation

    return primary_organisation(user)


def on_login(sender, request, user, **kwargs) -> None:
    record_event(
        action=Action.LOGIN,
        summary=_("%(name)s đăng nhập") % {"name": user},
        actor=user,
        organisation=_organisation_of(user),
        request=request,
    )


def on_logout(sender, request, user, **kwargs) -> None:
    if user is None:
        return
    record_event(
        action=Action.LOGOUT,
        summary=_("%(name)s đăng xuất") % {"name": user},
        actor=user,
        organisation=_organisation_of(user),
        request=request,
    )


def on_login_failed(sender, credentials, request=None, **kwargs) -> None:
    username = str(credentials.get("username", ""))[:150]
    user = get_user_model().objects.filter(username=username).first()
    record_event(
        action=Action.LOGIN_FAILED,
        summary=_("Đăng nhập không thành công với tên đăng nhập “%(username)s”")
        % {"username": username},
        actor=None,
        actor_label=username,
        organisation=_organisation_of(user) if user is not None else None,
        request=request,
    )


def connect() -> None:
    user_logged_in.connect(on_login, dispatch_uid="gandan_audit_login")
    user_logged_out.connect(on_logout, dispatch_uid="gandan_audit_logout")
    user_login_failed.connect(on_login_failed, dispatch_uid="gandan_audit_login_failed")
