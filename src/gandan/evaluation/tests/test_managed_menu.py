"""The ward's officers find the heads' evaluation in their menu; the Sở's officers and the
school's staff do not (the Sở guides schools, it does not manage them: NĐ 233/2026 Điều 13 k3a)."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

LINK = 'href="/danh-gia/co-quan-quan-ly/" >Đánh giá hiệu trưởng</a>'


@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("authority_officer", True),
        ("department_officer", False),
        ("principal", False),
        ("teacher", False),
    ],
)
def test_only_a_managing_bodys_officer_has_the_heads_evaluation_in_the_menu(request, persona, sees):
    # given
    client = Client()
    client.force_login(request.getfixturevalue(persona))
    # when
    desk = client.get("/ban-lam-viec/")
    # then
    assert desk.status_code == 200
    menu = desk.content.decode().split('class="topnav"')[1].split("</nav>")[0]
    assert (LINK in menu) is sees
    if sees:
        assert client.get("/danh-gia/co-quan-quan-ly/").status_code == 200


@pytest.mark.parametrize(
    ("persona", "sees"), [("authority_officer", True), ("department_officer", False)]
)
def test_a_wards_officer_finds_the_wards_own_cases_in_the_menu(request, persona, sees):
    # the complaints against the ward's own decisions (a head's appeal) are in its register
    client = Client()
    client.force_login(request.getfixturevalue(persona))
    desk = client.get("/ban-lam-viec/").content.decode()
    menu = desk.split('class="topnav"')[1].split("</nav>")[0]
    assert ('href="/don-thu/"' in menu) is sees
    if sees:
        assert client.get("/don-thu/").status_code == 200
