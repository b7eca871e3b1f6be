"""What orgs stores is Vietnamese whatever the screen language (ADR 1, addendum): its use cases
and the login events, run with English active."""

from gandan.audit.models import Action, AuditEvent
from gandan.orgs import services
from gandan.orgs.models import OrgKind, Role


def _summaries(action: str) -> list[str]:
    return list(
        AuditEvent.objects.filter(action=action)
        .order_by("sequence")
        .values_list("summary", flat=True)
    )


def test_organisations_people_and_roles_are_stored_in_vietnamese(
    english_screen, assert_stored_vietnamese, ward, department, principal
):
    # when: the head adds a school, an account and a role while the screen is in English
    school = services.create_organisation(
        actor=principal,
        parent=ward,
        guided_by=department,
        slug="th-moi",
        kind=OrgKind.SCHOOL,
        name="Trường Tiểu học Mới",
        symbol="THM",
        place_name="Hải An",
    )
    person = services.create_person(
        actor=principal, username="giaovienmoi", full_name="Lê Văn Mới", password=None
    )
    services.grant_role(
        actor=principal, user=person, organisation=school, role=Role.STAFF, title=""
    )
    # then: the audit rows are the Vietnamese ones
    created = _summaries(Action.CREATE)
    assert "Tạo tổ chức “Trường Tiểu học Mới”" in created
    assert "Tạo tài khoản giaovienmoi (Lê Văn Mới)" in created
    assert (
        created[-1]
        == "Giao vai trò “Cán bộ, giáo viên, nhân viên” tại Trường Tiểu học Mới cho Lê Văn Mới"
    )
    assert_stored_vietnamese()


def test_sign_in_and_sign_out_are_stored_in_vietnamese(client, principal, assert_stored_vietnamese):
    # given: the visitor chose English
    client.cookies["django_language"] = "en"
    assert "Staff sign-in" in client.get("/dang-nhap/").content.decode()
    # when: a failed login, a login and a logout
    client.post("/dang-nhap/", {"username": "hieutruong", "password": "sai-mat-khau"})
    client.post("/dang-nhap/", {"username": "hieutruong", "password": "mat-khau-thu-nghiem"})
    client.post("/dang-xuat/")
    # then
    assert _summaries(Action.LOGIN_FAILED) == [
        "Đăng nhập không thành công với tên đăng nhập “hieutruong”"
    ]
    assert _summaries(Action.LOGIN) == ["Nguyễn Thị Thu Hà đăng nhập"]
    assert _summaries(Action.LOGOUT) == ["Nguyễn Thị Thu Hà đăng xuất"]
    assert_stored_vietnamese()
