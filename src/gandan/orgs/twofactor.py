"""The second factor of a login: an authenticator app (TOTP) plus one-time recovery codes.

django-otp keeps the devices and verifies codes (with its own exponential back-off against
guessing); this module says who must have one, enrols and verifies, and writes each step to
the audit log. A password alone opens a session that is not verified: SecondFactorMiddleware
sends such a session to the verification step (or, for someone who must have a second factor
and has none yet, to the enrolment) before any page.

Who must: heads and deputy heads (they manage the school; the head alone reads the audit log,
`access.can_read_audit_log`), administrators of the Django admin, and whoever the predicates
named in settings.SECOND_FACTOR_ALSO_REQUIRED_FOR accept (the resolver of a named denunciation,
who reads the denouncer's identity: `petitions.access.may_see_a_denouncer_identity`). Anyone
else may enrol from their account page; once enrolled, their logins ask for it too.
"""

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.admin import OTPAdminSite
from django_otp.oath import hotp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from gandan.audit.models import Action
from gandan.audit.services import record_event
from gandan.core.language import in_vietnamese
from gandan.orgs import access
from gandan.orgs.models import User

# Set at the password step when the person has a second factor: their session must verify it
# even if nothing requires them to have one.
ENROLLED_SESSION_KEY = "gandan_second_factor"
RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Ứng dụng xác thực"
RECOVERY_DEVICE_NAME = "Mã dự phòng"
# Pages a session that has not verified its second factor may still open.
OPEN_VIEWS = {
    "login",
    "logout",
    "second_factor_verify",
    "second_factor_enrol",
    "set_language",
}


def requires_second_factor(user: User) -> bool:
    """Whether this person's logins need a second factor (see the module docstring)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff or user.is_superuser:
        return True
    # MANAGERS = head and deputies (can_manage_organisation); the audit log's reader, the
    # head (can_read_audit_log), is one of them.
    if any(grant.role in access.MANAGERS for grant in access.grants(user)):
        return True
    also: list[Callable[[User], bool]] = [
        import_string(path) for path in settings.SECOND_FACTOR_ALSO_REQUIRED_FOR
    ]
    return any(predicate(user) for predicate in also)


def app_device(user: User) -> TOTPDevice | None:
    """The person's confirmed authenticator app, if they have enrolled one."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk").first()


def has_second_factor(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def is_verified(request: HttpRequest) -> bool:
    """The session passed the second factor (django-otp's OTPMiddleware says so)."""
    verified = getattr(request.user, "is_verified", None)
    return bool(verified and verified())


def must_verify(request: HttpRequest) -> bool:
    """A signed-in session that still owes its second factor."""
    user = request.user
    if not settings.SECOND_FACTOR_ENFORCED or not user.is_authenticated:
        return False
    if is_verified(request):
        return False
    return bool(request.session.get(ENROLLED_SESSION_KEY)) or requires_second_factor(user)


def safe_next(request: HttpRequest, candidate: str | None) -> str:
    """Where to go after the second factor: a local address only, else the desk."""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse(settings.LOGIN_REDIRECT_URL)


def next_step_url(request: HttpRequest, next_url: str) -> str:
    """The verification step, or the enrolment for someone who has no second factor yet."""
    user = request.user
    enrolled = isinstance(user, User) and has_second_factor(user)
    name = "second_factor_verify" if enrolled else "second_factor_enrol"
    return f"{reverse(name)}?{urlencode({REDIRECT_FIELD_NAME: next_url})}"


def after_password(request: HttpRequest, user: User) -> None:
    """Called right after a right password: this session has not verified a second factor,
    whatever an earlier session of the same person had done."""
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    if has_second_factor(user):
        request.session[ENROLLED_SESSION_KEY] = True


class SecondFactorMiddleware:
    """Sends a session that owes its second factor to that step before any other page.

    After AuthenticationMiddleware and django-otp's OTPMiddleware (which sets is_verified).
    The JSON API answers 401 instead of redirecting.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: object, view_args: object, view_kwargs: object
    ) -> HttpResponse | None:
        match = request.resolver_match
        if match is not None and match.view_name in OPEN_VIEWS:
            return None
        if not must_verify(request):
            return None
        if request.path_info.startswith("/api/"):
            return JsonResponse(
                {"message": _("Cần hoàn tất bước xác thực hai lớp trước khi dùng API.")},
                status=401,
            )
        target = request.get_full_path() if request.method == "GET" else request.path
        return redirect(next_step_url(request, target))


class SecondFactorAdminSite(OTPAdminSite):
    """The Django admin, open only to a verified session (OTPAdminSite.has_permission); its
    login is the site's own, with lockout and second factor."""

    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        target = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index")
        if request.user.is_authenticated and must_verify(request):
            return redirect(next_step_url(request, target))
        return redirect_to_login(target, reverse("login"))


# --- Codes ---------------------------------------------------------------------------------


def secret_for_people(device: TOTPDevice) -> str:
    """The key as an authenticator app asks for it when typed by hand: base32, in groups."""
    from base64 import b32encode

    text = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def next_code(device: TOTPDevice, *, now: float | None = None) -> str:
    """The code the device accepts next (the current step, or the one after the last code
    used): what an authenticator app shows. For the demo screen and the tests."""
    current = (int(time.time() if now is None else now) - device.t0) // device.step
    step = max(current + device.drift, device.last_t + 1)
    return str(hotp(device.bin_key, step, digits=device.digits)).zfill(device.digits)


def demo_code(user: User) -> str | None:
    """In the demo only, for the demo accounts: the code their app would show, so that a
    visitor without the app can still pass the step (README, "Tài khoản trình diễn")."""
    if not settings.GANDAN_DEMO:
        return None
    from gandan.orgs.demo import DEMO_ACCOUNTS

    if user.username not in {account.username for account in DEMO_ACCOUNTS}:
        return None
    device = app_device(user) or pending_app_device(user)
    return next_code(device)


def _normalised(token: str) -> str:
    return "".join(token.split()).lower()


# --- Use cases -----------------------------------------------------------------------------


def pending_app_device(user: User) -> TOTPDevice:
    """The authenticator app being enrolled (unconfirmed until a first code matches)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def _new_recovery_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@in_vietnamese
def enrol_app(*, request: HttpRequest, user: User, token: str) -> list[str] | None:
    """Confirms the pending authenticator app with its first code; replaces any earlier app
    and recovery codes; verifies this session. Returns the new recovery codes (to show once),
    or None when the code does not match (nothing changes but django-otp's back-off).

    Precondition: the session has verified its current second factor, or has none."""
    device = pending_app_device(user)
    if not device.verify_token(_normalised(token)):
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _new_recovery_codes(user)
        record_event(
            action=Action.CHANGE,
            summary=_("%(name)s bật xác thực hai lớp (ứng dụng xác thực và mã dự phòng)")
            % {"name": user},
            actor=user,
            organisation=access.primary_organisation(user),
            request=request,
        )
    otp_login(request, device)
    request.session[ENROLLED_SESSION_KEY] = True
    return codes


@in_vietnamese
def renew_recovery_codes(*, request: HttpRequest, user: User) -> list[str]:
    """New recovery codes; the old ones stop working. Precondition: a verified session."""
    with transaction.atomic():
        codes = _new_recovery_codes(user)
        record_event(
            action=Action.CHANGE,
            summary=_("%(name)s tạo lại mã dự phòng xác thực hai lớp") % {"name": user},
            actor=user,
            organisation=access.primary_organisation(user),
            request=request,
        )
    return codes


@in_vietnamese
def turn_off_second_factor(*, request: HttpRequest, user: User) -> bool:
    """Removes the app and the recovery codes of someone who does not need them. Refused
    (False, nothing changes) for anyone requires_second_factor names.

    Precondition: a verified session."""
    if requires_second_factor(user):
        return False
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        record_event(
            action=Action.CHANGE,
            summary=_("%(name)s tắt xác thực hai lớp") % {"name": user},
            actor=user,
            organisation=access.primary_organisation(user),
            request=request,
        )
    request.session.pop(ENROLLED_SESSION_KEY, None)
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    return True


class Verification:
    """The outcome of a verification attempt."""

    def __init__(self, *, ok: bool, wait_seconds: int = 0) -> None:
        self.ok = ok
        self.wait_seconds = wait_seconds


def _wait_seconds(device: TOTPDevice | StaticDevice) -> int:
    allowed, data = device.verify_is_allowed()
    if allowed or not data or "locked_until" not in data:
        return 0
    from django.utils import timezone

    return max(1, int((data["locked_until"] - timezone.now()).total_seconds()) + 1)


@in_vietnamese
def verify_second_factor(*, request: HttpRequest, user: User, token: str) -> Verification:
    """Checks a code from the app, or a recovery code (each works once). On success the
    session is verified and gets a new key; every attempt is in the audit log."""
    app = app_device(user)
    if app is None:
        return Verification(ok=False)
    token = _normalised(token)
    wait = _wait_seconds(app)
    if wait:
        return Verification(ok=False, wait_seconds=wait)
    device: TOTPDevice | StaticDevice | None = None
    if token.isdigit() and app.verify_token(token):
        device = app
    else:
        recovery = StaticDevice.objects.filter(user=user, confirmed=True).first()
        if recovery is not None and not token.isdigit() and recovery.verify_token(token):
            device = recovery
        elif not token.isdigit():
            app.throttle_increment()  # a wrong recovery code counts against the app too
    organisation = access.primary_organisation(user)
    if device is None:
        record_event(
            action=Action.LOGIN_FAILED,
            summary=_("%(name)s nhập sai mã xác thực hai lớp") % {"name": user},
            actor=user,
            organisation=organisation,
            request=request,
        )
        return Verification(ok=False)
    request.session.cycle_key()
    otp_login(request, device)
    request.session[ENROLLED_SESSION_KEY] = True
    if isinstance(device, StaticDevice):
        left = StaticToken.objects.filter(device=device).count()
        record_event(
            action=Action.LOGIN,
            summary=_("%(name)s xác thực hai lớp bằng một mã dự phòng (còn %(left)d mã chưa dùng)")
            % {"name": user, "left": left},
            actor=user,
            organisation=organisation,
            request=request,
        )
    return Verification(ok=True)


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
