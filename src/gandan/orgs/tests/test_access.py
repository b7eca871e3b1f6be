"""Authorization matrix for the organisation and audit pages: who sees what, and nothing more."""

import pytest

from gandan.audit.models import AuditEvent

ORG_PAGE = "/to-chuc/th-thanh-to/"
AUDIT_PAGE = "/to-chuc/th-thanh-to/nhat-ky/"

# persona → (status of the organisation page, status of the audit page)
MATRIX = {
    "principal": (200, 200),
    "deputy": (200, 404),
    "teacher": (200, 404),
    "inspector": (200, 404),
    "clerk": (200, 404),
    "authority_officer": (200, 404),
    "other_school_principal": (404, 404),
    "outsider": (404, 404),
}


@pytest.mark.parametrize(("persona", "expected"), MATRIX.items())
def test_organisation_and_audit_pages_matrix(client, request, school, persona, expected):
    # given
    user = request.getfixturevalue(persona)
    client.force_login(user)
    events_before = AuditEvent.objects.count()
    # when
    statuses = (client.get(ORG_PAGE).status_code, client.get(AUDIT_PAGE).status_code)
    # then
    assert statuses == expected
    assert AuditEvent.objects.count() == events_before  # reading changes nothing


def test_anonymous_visitors_are_sent_to_login(client, school):
    for url in (ORG_PAGE, AUDIT_PAGE):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/dang-nhap/")


def test_other_school_principal_sees_nothing_of_thanh_to(
    client, school, principal, teacher, other_school_principal
):
    # given
    client.force_login(other_school_principal)
    # when
    desk = client.get("/ban-lam-viec/").content.decode()
    unit_page = client.get("/to-chuc/th-thanh-to-to-1/")
    # then
    assert "Thành Tô" not in desk
    assert "Trường Tiểu học Đằng Hải" in desk
    assert unit_page.status_code == 404


def test_staff_page_lists_people_in_vietnamese_order(client, principal, teacher, inspector, clerk):
    client.force_login(teacher)
    body = client.get(ORG_PAGE).content.decode()
    body = body[body.index("<tbody>") :]
    # Ánh, Hà, Nhung, Tâm: by given name
    positions = [
        body.index(name)
        for name in (
            "Đặng Thị Ngọc Ánh",
            "Nguyễn Thị Thu Hà",
            "Lê Thị Hồng Nhung",
            "Hoàng Thị Thanh Tâm",
        )
    ]
    assert positions == sorted(positions)


def test_staff_page_query_count_does_not_grow_with_staff(
    client, principal, teacher, inspector, clerk, django_assert_max_num_queries
):
    client.force_login(principal)
    with django_assert_max_num_queries(12):
        assert client.get(ORG_PAGE).status_code == 200


def test_audit_page_shows_the_schools_events_only(
    client, principal, teacher, other_school_principal
):
    # given: a login in each school
    client.force_login(teacher)
    client.logout()
    client.post("/dang-nhap/", {"username": "htdanghai", "password": "mat-khau-thu-nghiem"})
    client.logout()
    # when
    client.force_login(principal)
    body = client.get(AUDIT_PAGE).content.decode()
    # then
    assert "Lê Thị Hồng Nhung đăng xuất" in body
    assert "Phạm Văn Sơn" not in body
