"""An authority officer's menu and desk: every link answers, nothing 404s."""

import re

import pytest
from django.test import Client

from gandan.orgs.models import User

LINK = re.compile(r'href="(/[^"#?]*)')


def _links(html: str) -> set[str]:
    return {href for href in LINK.findall(html) if not href.startswith(("/static/", "/i18n/"))}


def _menu_and_desk_links(client: Client) -> set[str]:
    desk = client.get("/ban-lam-viec/")
    assert desk.status_code == 200
    nav = desk.content.decode().split('<nav class="topnav"', 1)[1].split("</nav>", 1)[0]
    main = desk.content.decode().split('<main id="noi-dung"', 1)[1].split("</main>", 1)[0]
    return _links(nav) | _links(main)


@pytest.mark.parametrize("persona", ["authority_officer", "department_officer"])
def test_every_menu_and_desk_link_of_an_officer_answers(
    persona, request, school, other_school, principal
):
    # given: a ward or Sở officer signed in
    officer: User = request.getfixturevalue(persona)
    client = Client()
    client.force_login(officer)
    # when: they follow each link of the menu and of the desk
    links = _menu_and_desk_links(client)
    # then: the authority entries are there, the school's modules are not, and all answer 200;
    # a ward's officer has the ward's own case register (complaints against its decisions)
    assert "/bao-cao/" in links
    assert ("/don-thu/" in links) is (persona == "authority_officer")
    assert "/dan-chu/cong-khai/" not in links
    broken = {link: client.get(link).status_code for link in links}
    assert {link: code for link, code in broken.items() if code != 200} == {}


def test_a_teacher_keeps_the_school_menu(teacher):
    client = Client()
    client.force_login(teacher)
    links = _menu_and_desk_links(client)
    assert "/don-thu/" in links
    assert "/bao-cao/" not in links


def test_the_404_page_keeps_the_menu(authority_officer):
    client = Client()
    client.force_login(authority_officer)
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'class="topnav"' in html
    assert "/bao-cao/" in html
