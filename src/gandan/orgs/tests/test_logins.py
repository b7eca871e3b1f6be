"""Protected logins: 20 wrong passwords in a row lock a name at an address (django-axes), the
head unlocks their staff, and a second factor (django-otp) guards heads, deputies, the admin
and whoever reads a denouncer's identity.

Logins here go through the form (as a browser does), not force_login: the conftest's
force_login hands out sessions that have already passed the second factor.
"""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from gandan.audit.models import Action, AuditEvent
from gandan.orgs import twofactor
from gandan.orgs.models import User

PASSWORD = "mat-khau-thu-nghiem"
SCHOOL_WIFI = "10.20.30.40"
LOCKED = "đang tạm khóa vì mật khẩu bị nhập sai 20 lần liên tiếp"


def log_in(client: Client, username: str, password: str = PASSWORD, ip: str = SCHOOL_WIFI):
    return client.post("/dang-nhap/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def signed_in_as(client: Client) -> int | None:
    value = client.session.get("_auth_user_id")
    return int(value) if value is not None else None


def wrong_passwords(client: Client, username: str, times: int, ip: str = SCHOOL_WIFI) -> list:
    return [log_in(client, username, f"sai-{n}", ip).status_code for n in range(times)]


def app_for(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Điện thoại", confirmed=True)


def new_client() -> Client:
    return Client(REMOTE_ADDR=SCHOOL_WIFI)


# --- Lockout ------------------------------------------------------------------------------


def test_twenty_wrong_passwords_in_a_row_lock_the_account_with_a_vietnamese_message(teacher):
    client = new_client()
    # when: 19 wrong passwords, then the 20th
    first = wrong_passwords(client, "giaovien", 19)
    twentieth = log_in(client, "giaovien", "sai-nua")
    # then: 19 ordinary refusals; the 20th shows the lockout, in Vietnamese
    assert first == [200] * 19
    assert twentieth.status_code == 429
    body = twentieth.content.decode()
    assert LOCKED in body and "nhờ hiệu trưởng mở khóa" in body
    # and even the right password is refused now, without logging in
    right = log_in(client, "giaovien")
    assert right.status_code == 429 and LOCKED in right.content.decode()
    assert signed_in_as(client) is None
    # the moment of locking is in the audit log once, under the school; the password is
    # nowhere in axes' records
    locks = AuditEvent.objects.filter(summary__startswith="Tạm khóa đăng nhập")
    assert [(e.action, e.organisation and e.organisation.slug, e.ip_address) for e in locks] == [
        (Action.LOGIN_FAILED, "th-thanh-to", SCHOOL_WIFI)
    ]
    assert "từ địa chỉ 10.20.30.40 sau 20 lần" in locks[0].summary
    assert AuditEvent.objects.filter(action=Action.LOGIN_FAILED).count() == 22
    assert not AccessAttempt.objects.filter(post_data__contains="sai-").exists()


def test_three_hundred_guesses_stop_at_twenty(principal):
    client = new_client()
    # when: the attack of the issue, 300 wrong passwords, the real one somewhere in the middle
    statuses = wrong_passwords(client, "hieutruong", 150)
    statuses.append(log_in(client, "hieutruong").status_code)
    statuses += wrong_passwords(client, "hieutruong", 149)
    # then: from the 20th on, every attempt is refused without looking at the password
    assert statuses[:19] == [200] * 19
    assert set(statuses[19:]) == {429}
    assert signed_in_as(client) is None


def test_a_lockout_is_for_one_name_at_one_address_not_the_whole_school_wifi(teacher, principal):
    # given: the head's name locked from the school's Wi-Fi
    wrong_passwords(new_client(), "hieutruong", 20)
    # when: a teacher on the same Wi-Fi logs in, and the head from the phone network
    colleague = new_client()
    teacher_login = log_in(colleague, "giaovien")
    head_on_phone = Client()
    head_login = log_in(head_on_phone, "hieutruong", ip="113.161.1.2")
    # then: both get through the password step
    assert teacher_login.status_code == 302 and signed_in_as(colleague) == teacher.pk
    assert head_login.status_code == 302 and signed_in_as(head_on_phone) == principal.pk


def test_a_right_password_starts_the_count_again(teacher):
    client = new_client()
    # given: 19 wrong, then the right one, then logged out
    wrong_passwords(client, "giaovien", 19)
    assert log_in(client, "giaovien").status_code == 302
    client.post("/dang-xuat/")
    # when: 19 wrong again
    again = wrong_passwords(client, "giaovien", 19)
    # then: not locked (the limit is 20 in a row)
    assert again == [200] * 19
    assert log_in(client, "giaovien").status_code == 302


def test_the_head_unlocks_a_teacher_and_it_is_audited(client, principal, teacher):
    # given: the teacher locked out
    wrong_passwords(new_client(), "giaovien", 20)
    client.force_login(principal)
    # when: the head opens the page and unlocks
    page = client.get("/to-chuc/th-thanh-to/khoa-dang-nhap/")
    response = client.post("/to-chuc/th-thanh-to/khoa-dang-nhap/mo-khoa/", {"username": "giaovien"})
    # then
    assert page.status_code == 200
    assert "Lê Thị Hồng Nhung" in page.content.decode()
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="giaovien").exists()
    event = AuditEvent.objects.get(summary__contains="mở khóa đăng nhập")
    assert event.actor == principal and event.action == Action.CHANGE
    assert event.summary == (
        "Nguyễn Thị Thu Hà mở khóa đăng nhập cho Lê Thị Hồng Nhung (xóa 1 bản ghi nhập sai)"
    )
    teacher_client = new_client()
    assert log_in(teacher_client, "giaovien").status_code == 302
    assert (
        "Không có cán bộ nào" in client.get("/to-chuc/th-thanh-to/khoa-dang-nhap/").content.decode()
    )


@pytest.mark.parametrize(
    "persona", ["teacher", "deputy", "clerk", "other_school_principal", "authority_officer"]
)
def test_nobody_but_the_head_sees_or_unlocks_and_a_refusal_changes_nothing(
    client, request, principal, teacher, persona
):
    # given: the head's and a teacher's names locked out
    wrong_passwords(new_client(), "giaovien", 20)
    wrong_passwords(new_client(), "hieutruong", 20)
    client.force_login(request.getfixturevalue(persona))
    attempts = list(AccessAttempt.objects.order_by("pk").values())
    events = AuditEvent.objects.count()
    # when
    page = client.get("/to-chuc/th-thanh-to/khoa-dang-nhap/")
    unlock = client.post("/to-chuc/th-thanh-to/khoa-dang-nhap/mo-khoa/", {"username": "giaovien"})
    # then
    assert (page.status_code, unlock.status_code) == (404, 404)
    assert list(AccessAttempt.objects.order_by("pk").values()) == attempts
    assert AuditEvent.objects.count() == events


def test_the_head_cannot_unlock_someone_of_another_school(
    client, principal, other_school_principal
):
    # given
    wrong_passwords(new_client(), "htdanghai", 20)
    client.force_login(principal)
    attempts = list(AccessAttempt.objects.values())
    events = AuditEvent.objects.count()
    # when
    response = client.post(
        "/to-chuc/th-thanh-to/khoa-dang-nhap/mo-khoa/", {"username": "htdanghai"}
    )
    # then
    assert response.status_code == 404
    assert list(AccessAttempt.objects.values()) == attempts
    assert AuditEvent.objects.count() == events
    assert "Phạm Văn Sơn" not in client.get("/to-chuc/th-thanh-to/khoa-dang-nhap/").content.decode()


def test_the_axes_reset_commands_unlock_from_the_server(teacher):
    # given
    wrong_passwords(new_client(), "giaovien", 20)
    # when
    call_command("axes_reset_username", "giaovien")
    # then
    assert not AccessAttempt.objects.exists()
    assert log_in(new_client(), "giaovien").status_code == 302


# --- Who needs a second factor -------------------------------------------------------------

REQUIRED = {
    "principal": True,
    "deputy": True,
    "other_school_principal": True,
    "teacher": False,
    "inspector": False,
    "clerk": False,
    "union_officer": False,
    "authority_officer": False,
    "department_officer": False,
    "outsider": False,
}


@pytest.mark.parametrize(("persona", "expected"), REQUIRED.items())
def test_who_needs_a_second_factor(request, school, persona, expected):
    from gandan.orgs import access

    user = request.getfixturevalue(persona)
    # then: the heads and deputies, i.e. whoever manages a school or reads its audit log
    assert twofactor.requires_second_factor(user) is expected
    assert expected == (
        access.can_manage_organisation(user, school)
        or access.can_read_audit_log(user, school)
        or any(g.role in access.MANAGERS for g in access.grants(user))
    )


def test_an_administrator_needs_a_second_factor(db):
    admin = User.objects.create_superuser("quantri", "quantri@example.vn", PASSWORD)
    assert twofactor.requires_second_factor(admin)


def test_the_resolver_of_a_named_denunciation_needs_a_second_factor(school, teacher):
    from gandan.petitions.models import Case, CaseKind
    from gandan.petitions.models.cases import Channel, Procedure

    def case(code: str, *, anonymous: bool) -> Case:
        return Case.objects.create(
            organisation=school,
            kind=CaseKind.DENUNCIATION,
            procedure=Procedure.values[0],
            channel=Channel.values[0],
            title="Tố cáo",
            tracking_code=code,
            received_on=dt.date(2026, 3, 2),
            is_anonymous=anonymous,
            handler=teacher,
        )

    # given: an anonymous one first (no identity to read: Luật Tố cáo 2018, Điều 25)
    case("TC00000001", anonymous=True)
    before = twofactor.requires_second_factor(teacher)
    # when: the teacher resolves a named one, whose denouncer only they see
    case("TC00000002", anonymous=False)
    # then
    assert (before, twofactor.requires_second_factor(teacher)) == (False, True)


# --- The second factor in use --------------------------------------------------------------


def test_a_head_without_an_app_is_sent_to_enrolment_and_no_page_opens(principal):
    client = new_client()
    # when
    response = log_in(client, "hieutruong")
    # then: the password was right, but every page leads to the enrolment
    assert response.status_code == 302
    assert response["Location"] == "/tai-khoan/xac-thuc-hai-lop/?next=%2Fban-lam-viec%2F"
    for url in ["/ban-lam-viec/", "/to-chuc/th-thanh-to/nhat-ky/", "/ke-hoach/", "/tai-khoan/"]:
        page = client.get(url)
        assert page.status_code == 302, url
        assert page["Location"].startswith("/tai-khoan/xac-thuc-hai-lop/?next="), url
    api = client.get("/api/v1/cases")
    assert api.status_code == 401
    assert api.json() == {"message": "Cần hoàn tất bước xác thực hai lớp trước khi dùng API."}


def test_enrolment_scan_confirm_recovery_codes_then_every_login_asks(principal):
    client = new_client()
    log_in(client, "hieutruong")
    # when: the enrolment page
    page = client.get("/tai-khoan/xac-thuc-hai-lop/?next=/ban-lam-viec/")
    pending = TOTPDevice.objects.get(user=principal, confirmed=False)
    # then: a QR code of the otpauth link and the key in groups
    html = page.content.decode()
    assert page.status_code == 200 and "<svg" in html
    assert twofactor.secret_for_people(pending) in html
    assert "otpauth://totp/G%E1%BA%A7n%20D%C3%A2n%3Ahieutruong" in pending.config_url
    # when: a wrong code, then the right one
    wrong = client.post(
        "/tai-khoan/xac-thuc-hai-lop/", {"code": "000000", "next": "/ban-lam-viec/"}
    )
    pending.refresh_from_db()
    pending.throttle_reset()
    done = client.post(
        "/tai-khoan/xac-thuc-hai-lop/",
        {"code": twofactor.next_code(pending), "next": "/ban-lam-viec/"},
    )
    # then: the wrong one changed nothing; the right one shows ten recovery codes once
    assert wrong.status_code == 400 and "Mã chưa khớp" in wrong.content.decode()
    assert done.status_code == 200
    codes = list(StaticToken.objects.filter(device__user=principal).values_list("token", flat=True))
    assert len(codes) == 10 and all(code in done.content.decode() for code in codes)
    assert TOTPDevice.objects.get(user=principal).confirmed
    assert client.get("/ban-lam-viec/").status_code == 200
    assert AuditEvent.objects.filter(
        actor=principal,
        summary="Nguyễn Thị Thu Hà bật xác thực hai lớp (ứng dụng xác thực và mã dự phòng)",
    ).exists()
    assert "Đang bật" in client.get("/tai-khoan/").content.decode()
    # when: the next login
    client.post("/dang-xuat/")
    again = log_in(client, "hieutruong")
    # then: the verification step, not the enrolment
    assert again["Location"] == "/dang-nhap/xac-thuc/?next=%2Fban-lam-viec%2F"
    assert client.get("/ban-lam-viec/").status_code == 302


def test_verification_wrong_code_is_refused_and_audited_right_code_opens(principal):
    app = app_for(principal)
    client = new_client()
    log_in(client, "hieutruong")
    session_key = client.session.session_key
    # when
    wrong = client.post("/dang-nhap/xac-thuc/", {"code": "123456", "next": "/ban-lam-viec/"})
    app.refresh_from_db()
    app.throttle_reset()
    right = client.post(
        "/dang-nhap/xac-thuc/", {"code": twofactor.next_code(app), "next": "/ban-lam-viec/"}
    )
    # then
    assert wrong.status_code == 400 and "Mã chưa đúng hoặc đã hết hạn" in wrong.content.decode()
    assert AuditEvent.objects.filter(
        action=Action.LOGIN_FAILED, summary="Nguyễn Thị Thu Hà nhập sai mã xác thực hai lớp"
    ).exists()
    assert right.status_code == 302 and right["Location"] == "/ban-lam-viec/"
    assert client.session.session_key != session_key  # a new session key once verified
    assert client.get("/ban-lam-viec/").status_code == 200


def test_guessing_codes_is_slowed_down(principal):
    app_for(principal)
    client = new_client()
    log_in(client, "hieutruong")
    # when: two wrong codes in a row
    client.post("/dang-nhap/xac-thuc/", {"code": "111111"})
    second = client.post("/dang-nhap/xac-thuc/", {"code": "222222"})
    # then: the second waits (django-otp's back-off), in Vietnamese
    assert second.status_code == 429
    assert "Đã nhập sai nhiều lần. Xin chờ" in second.content.decode()


def test_a_recovery_code_works_once(principal):
    # given: an enrolled head with recovery codes
    app = app_for(principal)
    codes = twofactor._new_recovery_codes(principal)
    client = new_client()
    log_in(client, "hieutruong")
    # when
    used = client.post("/dang-nhap/xac-thuc/", {"code": codes[0].upper(), "next": "/ban-lam-viec/"})
    client.post("/dang-xuat/")
    log_in(client, "hieutruong")
    app.refresh_from_db()
    again = client.post("/dang-nhap/xac-thuc/", {"code": codes[0]})
    # then
    assert used.status_code == 302
    assert again.status_code in {400, 429}
    assert StaticToken.objects.filter(device__user=principal).count() == 9
    assert AuditEvent.objects.filter(
        summary="Nguyễn Thị Thu Hà xác thực hai lớp bằng một mã dự phòng (còn 9 mã chưa dùng)"
    ).exists()


def test_a_password_alone_cannot_replace_the_app(principal):
    # given: the head has an app; someone knows only the password
    app = app_for(principal)
    client = new_client()
    log_in(client, "hieutruong")
    # when: they try the enrolment page
    page = client.get("/tai-khoan/xac-thuc-hai-lop/")
    post = client.post("/tai-khoan/xac-thuc-hai-lop/", {"code": "123456"})
    # then: sent to the verification; the app is unchanged and nothing new pending
    assert page.status_code == 302 and page["Location"].startswith("/dang-nhap/xac-thuc/")
    assert post.status_code == 302
    assert list(TOTPDevice.objects.filter(user=principal)) == [app]


def test_the_verification_step_refuses_an_outside_next(principal):
    app = app_for(principal)
    client = new_client()
    log_in(client, "hieutruong")
    response = client.post(
        "/dang-nhap/xac-thuc/",
        {"code": twofactor.next_code(app), "next": "https://ke-gian.example/"},
    )
    assert response["Location"] == "/ban-lam-viec/"


def test_a_teacher_may_log_in_without_and_may_enrol_and_turn_it_off(teacher):
    client = new_client()
    # when: a teacher with no app logs in
    response = log_in(client, "giaovien")
    # then: straight to the desk
    assert response["Location"] == "/ban-lam-viec/"
    assert client.get("/ban-lam-viec/").status_code == 200
    assert "Chưa bật" in client.get("/tai-khoan/").content.decode()
    # when: the teacher enrols from the account page
    client.get("/tai-khoan/xac-thuc-hai-lop/")
    pending = TOTPDevice.objects.get(user=teacher)
    client.post("/tai-khoan/xac-thuc-hai-lop/", {"code": twofactor.next_code(pending)})
    client.post("/dang-xuat/")
    # then: their next login asks for it too
    assert log_in(client, "giaovien")["Location"].startswith("/dang-nhap/xac-thuc/")
    assert client.get("/ban-lam-viec/").status_code == 302
    # when: verified, they turn it off
    pending.refresh_from_db()
    client.post("/dang-nhap/xac-thuc/", {"code": twofactor.next_code(pending)})
    client.post("/tai-khoan/xac-thuc-hai-lop/tat/")
    # then
    assert not TOTPDevice.objects.filter(user=teacher).exists()
    assert AuditEvent.objects.filter(summary="Lê Thị Hồng Nhung tắt xác thực hai lớp").exists()


def test_a_head_cannot_turn_it_off(client, principal):
    client.force_login(principal)
    devices = list(TOTPDevice.objects.filter(user=principal).values())
    events = AuditEvent.objects.count()
    # when
    response = client.post("/tai-khoan/xac-thuc-hai-lop/tat/", follow=True)
    # then
    assert "bắt buộc xác thực hai lớp, nên không tắt được" in response.content.decode()
    assert list(TOTPDevice.objects.filter(user=principal).values()) == devices
    assert AuditEvent.objects.count() == events


def test_recovery_codes_are_renewed_only_in_a_verified_session(principal):
    app = app_for(principal)
    old = twofactor._new_recovery_codes(principal)
    client = new_client()
    log_in(client, "hieutruong")
    # when: not yet verified
    refused = client.post("/tai-khoan/ma-du-phong/")
    # then: nothing changes
    assert refused.status_code == 302
    assert sorted(StaticToken.objects.values_list("token", flat=True)) == sorted(old)
    # when: verified
    client.post("/dang-nhap/xac-thuc/", {"code": twofactor.next_code(app)})
    renewed = client.post("/tai-khoan/ma-du-phong/")
    # then: ten new codes, the old ones gone
    new = set(StaticToken.objects.values_list("token", flat=True))
    assert renewed.status_code == 200 and len(new) == 10 and not new & set(old)


# --- The admin ----------------------------------------------------------------------------


def test_the_admin_needs_a_verified_second_factor(db):
    User.objects.create_superuser("quantri", "quantri@example.vn", PASSWORD)
    client = new_client()
    # when: the admin's own login page, then a password-only session
    login_page = client.get("/quan-tri/login/?next=/quan-tri/")
    log_in(client, "quantri")
    admin = client.get("/quan-tri/")
    # then: the site's login (lockout, second factor) and the enrolment before the admin
    assert login_page.status_code == 302
    assert login_page["Location"] == "/dang-nhap/?next=/quan-tri/"
    assert admin.status_code == 302
    assert admin["Location"].startswith("/tai-khoan/xac-thuc-hai-lop/")


def test_the_admin_site_refuses_an_unverified_staff_user(rf, db):
    from django.contrib import admin

    from gandan.orgs.twofactor import SecondFactorAdminSite

    user = User.objects.create_superuser("quantri", "quantri@example.vn", PASSWORD)
    request = rf.get("/quan-tri/")
    request.user = user
    user.is_verified = lambda: False  # type: ignore[attr-defined]  # as OTPMiddleware does
    assert isinstance(admin.site, SecondFactorAdminSite)
    assert admin.site.has_permission(request) is False
    user.is_verified = lambda: True  # type: ignore[attr-defined]
    assert admin.site.has_permission(request) is True


def test_the_admin_opens_after_the_second_factor(db):
    admin_user = User.objects.create_superuser("quantri", "quantri@example.vn", PASSWORD)
    app = app_for(admin_user)
    client = new_client()
    log_in(client, "quantri")
    client.post("/dang-nhap/xac-thuc/", {"code": twofactor.next_code(app)})
    assert client.get("/quan-tri/").status_code == 200


# --- The demo -----------------------------------------------------------------------------


def test_the_demo_shows_the_code_of_demo_accounts_only(settings, principal, teacher):
    app = app_for(principal)
    settings.GANDAN_DEMO = True
    client = new_client()
    log_in(client, "hieutruong")
    page = client.get("/dang-nhap/xac-thuc/").content.decode()
    assert f"<code>{twofactor.next_code(app)}</code>" in page
    settings.GANDAN_DEMO = False
    assert "Bản trình diễn" not in client.get("/dang-nhap/xac-thuc/").content.decode()


# --- HTTPS settings and the deploy check --------------------------------------------------


def _production_environment(tmp_path: Path) -> dict[str, str]:
    import base64
    import secrets

    from django.core.management.utils import get_random_secret_key

    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "GANDAN_", "SECURE_", "DEBUG", "PYTEST"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "gandan.settings",
            "GANDAN_DATA_DIR": str(tmp_path),
            "GANDAN_LOCAL": "0",
            "DEBUG": "0",
            "SECRET_KEY": get_random_secret_key(),
            "GANDAN_IDENTITY_KEY": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
            "GANDAN_AUDIT_KEY": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
            "ALLOWED_HOSTS": "gandan.thanhto.edu.vn",
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        }
    )
    return env


def _gandan(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "gandan", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_deploy_check_passes_with_no_warning_in_production(tmp_path):
    # when
    result = _gandan(
        _production_environment(tmp_path), "check", "--deploy", "--fail-level", "WARNING"
    )
    # then
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_production_defaults_and_their_environment_switches(tmp_path):
    script = (
        "from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, "
        "s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "getattr(s, 'SECURE_PROXY_SSL_HEADER', None))"
    )
    env = _production_environment(tmp_path)
    production = _gandan(env, "shell", "--no-imports", "-c", script)
    behind_nothing = _gandan(
        {**env, "SECURE_PROXY_SSL_HEADER": "", "SECURE_SSL_REDIRECT": "0"},
        "shell",
        "--no-imports",
        "-c",
        script,
    )
    demo = _gandan(
        {**env, "GANDAN_DEMO": "1", "GANDAN_LOCAL": "1"}, "shell", "--no-imports", "-c", script
    )
    assert production.stdout.split("\n")[0] == (
        "True 31536000 True True ('HTTP_X_FORWARDED_PROTO', 'https')"
    ), production.stderr
    assert behind_nothing.stdout.split("\n")[0] == "False 31536000 True True None"
    assert demo.stdout.split("\n")[0] == "False 0 False False None"


def test_an_administrator_gives_a_one_time_code_to_a_head_who_lost_everything(principal):
    # given: the head's app is lost and no recovery code is left
    app_for(principal)
    # when: the administrator's command, then the head's login with that code
    call_command("addstatictoken", "hieutruong", token="khancap1")
    client = new_client()
    log_in(client, "hieutruong")
    response = client.post("/dang-nhap/xac-thuc/", {"code": "khancap1"})
    # then: in, once
    assert response.status_code == 302
    assert client.get("/ban-lam-viec/").status_code == 200
    assert not StaticToken.objects.filter(token="khancap1").exists()
