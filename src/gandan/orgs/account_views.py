"""The account's security pages: the second factor (verify, enrol, recovery codes, turn off)
and, for a head, the locked logins of their staff."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gandan.core.http import AuthenticatedRequest
from gandan.orgs import access, lockouts, twofactor
from gandan.orgs.models import Organisation, Role


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Mã xác thực"),
        max_length=32,
        strip=True,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
        error_messages={"required": gettext_lazy("Xin nhập mã.")},
    )


class UnlockForm(forms.Form):
    username = forms.CharField(max_length=150)


def _next(request: HttpRequest) -> str:
    return twofactor.safe_next(
        request, request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME)
    )


def _qr_svg(text: str) -> str:
    import segno
    from django.utils.safestring import mark_safe

    # segno's own output; the only text in it is the title, which segno escapes.
    return mark_safe(
        segno.make(text, error="m", micro=False).svg_inline(
            scale=5, border=4, title=_("Mã QR để thêm vào ứng dụng xác thực"), omitsize=True
        )
    )


@login_required
def second_factor_verify(request: AuthenticatedRequest) -> HttpResponse:
    """The step after the password: a code from the app, or a recovery code."""
    if twofactor.is_verified(request):
        return redirect(_next(request))
    if not twofactor.has_second_factor(request.user):
        return redirect(twofactor.next_step_url(request, _next(request)))
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        result = twofactor.verify_second_factor(
            request=request, user=request.user, token=form.cleaned_data["code"]
        )
        if result.ok:
            return redirect(_next(request))
        status = 400
        if result.wait_seconds:
            status = 429
            form.add_error(
                "code",
                _("Đã nhập sai nhiều lần. Xin chờ %(seconds)d giây rồi thử lại.")
                % {"seconds": result.wait_seconds},
            )
        else:
            form.add_error(
                "code",
                _(
                    "Mã chưa đúng hoặc đã hết hạn. Xin nhập mã 6 chữ số đang hiện trong ứng dụng, "
                    "hoặc một mã dự phòng chưa dùng."
                ),
            )
    return render(
        request,
        "registration/second_factor_verify.html",
        {
            "form": form,
            "next": _next(request),
            "demo_code": twofactor.demo_code(request.user),
        },
        status=status,
    )


@login_required
def second_factor_enrol(request: AuthenticatedRequest) -> HttpResponse:
    """Adding an authenticator app: scan the QR code (or type the key), confirm one code,
    then see the recovery codes once. Replacing an app needs the current one first."""
    user = request.user
    if twofactor.has_second_factor(user) and not twofactor.is_verified(request):
        return redirect(twofactor.next_step_url(request, request.get_full_path()))
    device = twofactor.pending_app_device(user)
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        codes = twofactor.enrol_app(request=request, user=user, token=form.cleaned_data["code"])
        if codes is not None:
            return render(
                request,
                "registration/recovery_codes.html",
                {"codes": codes, "next": _next(request), "just_enrolled": True},
            )
        status = 400
        form.add_error(
            "code",
            _(
                "Mã chưa khớp. Xin kiểm tra giờ trên điện thoại (cần đúng giờ), rồi nhập mã "
                "mới nhất ứng dụng đang hiện."
            ),
        )
    return render(
        request,
        "registration/second_factor_enrol.html",
        {
            "form": form,
            "next": _next(request),
            "qr": _qr_svg(device.config_url),
            "secret": twofactor.secret_for_people(device),
            "required": twofactor.requires_second_factor(user),
            "replacing": twofactor.has_second_factor(user),
            "demo_code": twofactor.demo_code(user),
        },
        status=status,
    )


@login_required
def account_security(request: AuthenticatedRequest) -> HttpResponse:
    """Tài khoản và bảo mật: the password, the second factor and (for a head) locked logins."""
    user = request.user
    return render(
        request,
        "registration/account_security.html",
        {
            "enrolled": twofactor.has_second_factor(user),
            "required": twofactor.requires_second_factor(user),
            "codes_left": twofactor.recovery_codes_left(user),
            # Where the user is head: the locked logins of its staff (lockouts.access_lockouts).
            "headed": Organisation.objects.filter(
                pk__in=[g.organisation_id for g in access.grants(user) if g.role == Role.HEAD],
                is_active=True,
            ).order_by("path"),
        },
    )


@require_POST
@login_required
def recovery_codes_renew(request: AuthenticatedRequest) -> HttpResponse:
    """New recovery codes, shown once (a verified session with a second factor only)."""
    if not twofactor.has_second_factor(request.user) or not twofactor.is_verified(request):
        return redirect("account")
    codes = twofactor.renew_recovery_codes(request=request, user=request.user)
    return render(
        request,
        "registration/recovery_codes.html",
        {"codes": codes, "next": reverse("account"), "just_enrolled": False},
    )


@require_POST
@login_required
def second_factor_turn_off(request: AuthenticatedRequest) -> HttpResponse:
    """Turning the second factor off: only for someone who does not need it, verified."""
    if not twofactor.is_verified(request):
        return redirect("account")
    if twofactor.turn_off_second_factor(request=request, user=request.user):
        messages.success(request, _("Đã tắt xác thực hai lớp."))
    else:
        messages.error(
            request,
            _("Vai trò của ông (bà) bắt buộc xác thực hai lớp, nên không tắt được."),
        )
    return redirect("account")


@login_required
def lockout_list(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    """The head's page of staff locked out after too many wrong passwords."""
    organisation = lockouts.access_lockouts(request.user, slug)
    return render(
        request,
        "registration/lockouts.html",
        {
            "organisation": organisation,
            "locked": lockouts.locked_accounts(organisation),
            "limit": settings.AXES_FAILURE_LIMIT,
            "minutes": lockouts.lockout_minutes(),
        },
    )


@require_POST
@login_required
def unlock_account(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    """The head unlocks one of their staff (audited); anyone else gets a 404."""
    organisation = lockouts.access_lockouts(request.user, slug)
    form = UnlockForm(request.POST)
    if not form.is_valid():
        raise Http404
    person = lockouts.unlock_account(
        actor=request.user,
        organisation=organisation,
        username=form.cleaned_data["username"],
        request=request,
    )
    messages.success(request, _("Đã mở khóa đăng nhập cho %(name)s.") % {"name": person.full_name})
    return redirect("lockouts", slug=organisation.slug)
