import pytest
from django.test import Client
from django.urls import path

from gandan import demo
from gandan.orgs.models import Membership, Organisation, User


def test_public_home_shows_the_school(client, school):
    # when
    response = client.get("/")
    # then
    assert response.status_code == 200
    body = response.content.decode()
    assert "Trường Tiểu học Thành Tô" in body
    assert 'lang="vi"' in body
    assert "Phố Thành Tô, phường Hải An, thành phố Hải Phòng" in body


def test_home_lists_schools_when_there_are_several(client, school, other_school):
    response = client.get("/")
    body = response.content.decode()
    assert "Trường Tiểu học Thành Tô" in body and "Trường Tiểu học Đằng Hải" in body
    assert client.get("/truong/th-dang-hai/").status_code == 200


def test_pages_hold_nothing_inline_that_the_csp_refuses(client, principal):
    # given: a public page and a staff page under the policy (scripts and styles from the site)
    client.force_login(principal)
    for url in ("/", "/ban-lam-viec/"):
        # when
        response = client.get(url)
        body = response.content.decode()
        # then: no inline style or script to refuse (the browser console stays clean)
        assert "style-src 'self'" in response["Content-Security-Policy"]
        assert "<style" not in body and "style=" not in body
        assert "<script" not in body and "onclick=" not in body
        assert "htmx" not in body


def test_unknown_page_is_a_friendly_vietnamese_404(client, db):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def _boom(request):
    raise RuntimeError("database exploded")


urlpatterns = [path("boom/", _boom)]


@pytest.mark.urls("gandan.core.tests.test_pages")
def test_server_error_is_a_calm_vietnamese_page_without_details(db):
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Hệ thống đang gặp trục trặc" in body
    assert "database exploded" not in body and "Traceback" not in body


def test_login_page_is_vietnamese_and_hides_demo_accounts_outside_demo(client, db, settings):
    settings.GANDAN_DEMO = False
    body = client.get("/dang-nhap/").content.decode()
    assert "Tên đăng nhập" in body and "Mật khẩu" in body
    assert "gandan-demo" not in body


def test_login_page_lists_demo_accounts_in_demo_mode(client, db, settings):
    settings.GANDAN_DEMO = True
    body = client.get("/dang-nhap/").content.decode()
    assert "hieutruong" in body and "gandan-demo" in body


def test_head_logs_in_and_sees_the_staff_desk(client, principal):
    # given: the head's authenticator app (a head's login needs it: orgs/tests/test_logins.py)
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from gandan.orgs.twofactor import next_code

    app = TOTPDevice.objects.create(user=principal, name="Điện thoại", confirmed=True)
    # when
    client.post("/dang-nhap/", {"username": "hieutruong", "password": "mat-khau-thu-nghiem"})
    response = client.post(
        "/dang-nhap/xac-thuc/", {"code": next_code(app), "next": "/ban-lam-viec/"}, follow=True
    )
    # then
    body = response.content.decode()
    assert response.redirect_chain[-1][0] == "/ban-lam-viec/"
    assert "Bàn làm việc" in body
    assert "Xin chào, Nguyễn Thị Thu Hà" in body
    assert "Hiệu trưởng" in body and "Trường Tiểu học Thành Tô" in body
    assert "Nhật ký hệ thống" in body


def test_wrong_password_gets_a_plain_vietnamese_error(client, principal):
    response = client.post("/dang-nhap/", {"username": "hieutruong", "password": "sai"})
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu chưa đúng" in response.content.decode()


def test_desk_needs_login(client, db):
    response = client.get("/ban-lam-viec/")
    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/")


def test_desk_of_a_teacher_has_no_audit_link(client, teacher):
    client.force_login(teacher)
    body = client.get("/ban-lam-viec/").content.decode()
    assert "Xin chào, Lê Thị Hồng Nhung" in body
    assert "Nhật ký hệ thống" not in body


def test_password_change(client, teacher):
    # given
    client.force_login(teacher)
    # when
    response = client.post(
        "/doi-mat-khau/",
        {
            "old_password": "mat-khau-thu-nghiem",
            "new_password1": "Truong-Thanh-To-2026",
            "new_password2": "Truong-Thanh-To-2026",
        },
    )
    # then
    assert response.status_code == 302
    teacher.refresh_from_db()
    assert teacher.check_password("Truong-Thanh-To-2026")


def test_password_change_errors_are_vietnamese(client, teacher):
    client.force_login(teacher)
    response = client.post(
        "/doi-mat-khau/",
        {"old_password": "sai", "new_password1": "1234", "new_password2": "1234"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Mật khẩu cũ không chính xác" in body
    assert "Mật khẩu này quá ngắn" in body
    assert "Mật khẩu này hoàn toàn là số" in body


def test_english_is_available_as_second_language(client, school):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    body = client.get("/").content.decode()
    assert 'lang="en"' in body
    assert "Staff sign-in" in body


def test_demo_is_idempotent(db):
    # when
    first = demo.build_all()
    counts = (Organisation.objects.count(), User.objects.count(), Membership.objects.count())
    second = demo.build_all()
    # then
    assert first.school.pk == second.school.pk
    assert first.school.slug == "th-thanh-to"
    # The ward manages the school, the Sở guides it (LAW.md §8).
    assert first.school.parent is not None and first.school.parent.kind == "commune_committee"
    assert first.school.guided_by is not None
    assert first.school.guided_by.kind == "education_department"
    assert counts == (
        Organisation.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
    )
    assert User.objects.count() >= 12
    assert Membership.objects.filter(role="authority_officer").count() == 2
