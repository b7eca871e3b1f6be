"""Who may write the school's news: the head and deputies, and the staff the head delegated.
Everyone else gets 404 on every staff page, and a refused action changes nothing."""

import pytest
from django.urls import reverse

from gandan.audit.models import AuditEvent
from gandan.news import services
from gandan.news.models import NewsEditor, Post, PostImage
from gandan.news.tests.conftest import PNG, published, write


def _state():
    return (
        tuple(Post.objects.order_by("pk").values_list("status", "title", "body", "cover_id")),
        PostImage.objects.count(),
        tuple(NewsEditor.objects.order_by("pk").values_list("user_id", "revoked_at")),
        AuditEvent.objects.count(),
    )


def _actions(draft, post, delegation):
    """Every staff page and action, with what a writer would send."""
    edit = {"kind": "news", "title": "Đã bị sửa", "summary": "", "body": "Sửa", "action": "save"}
    return [
        ("get", reverse("news:staff_list"), None),
        ("get", reverse("news:create"), None),
        ("post", reverse("news:create"), edit),
        ("get", reverse("news:post", args=[draft.public_id]), None),
        ("get", reverse("news:edit", args=[draft.public_id]), None),
        ("post", reverse("news:edit", args=[draft.public_id]), edit),
        ("post", reverse("news:publish", args=[draft.public_id]), {}),
        ("post", reverse("news:withdraw", args=[post.public_id]), {"reason": "Sai thông tin"}),
        ("get", reverse("news:delegation"), None),
        ("post", reverse("news:revoke", args=[delegation.pk]), {}),
    ]


@pytest.fixture
def world(school, principal, clerk):
    draft = write(school, principal, "Bản nháp chưa đăng")
    post = published(school, principal)
    delegation = services.grant_editor(school=school, actor=principal, user=clerk)
    return draft, post, delegation


@pytest.mark.parametrize(
    "persona",
    [
        "teacher",
        "parent",
        "authority_officer",
        "department_officer",
        "other_school_principal",
        "outsider",
    ],
)
def test_people_who_do_not_write_the_news_get_404_and_change_nothing(
    client, request, world, persona, media
):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    before = _state()
    actions = _actions(*world)
    if persona == "other_school_principal":
        # the pages without an object in the address are about their own school (below)
        actions = [a for a in actions if a[1] not in {"/tin-tuc/", "/tin-tuc/viet-bai/"}]
        actions = [a for a in actions if a[1] != "/tin-tuc/nguoi-viet/"]
    for method, url, data in actions:
        response = getattr(client, method)(url, data) if data is not None else client.get(url)
        assert response.status_code == 404, (persona, url)
    upload = {"kind": "news", "title": "x", "action": "upload", "image": _png_file()}
    assert client.post(reverse("news:edit", args=[world[0].public_id]), upload).status_code == 404
    assert _state() == before


def test_anonymous_visitors_are_sent_to_log_in_and_change_nothing(client, world):
    before = _state()
    for method, url, data in _actions(*world):
        response = getattr(client, method)(url, data) if data is not None else client.get(url)
        assert response.status_code == 302 and "/dang-nhap/" in response["Location"]
    assert _state() == before


def _png_file():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("anh.png", PNG, content_type="image/png")


@pytest.mark.parametrize("persona", ["principal", "deputy", "clerk"])
def test_the_head_the_deputy_and_a_delegated_clerk_write(client, request, world, persona):
    client.force_login(request.getfixturevalue(persona))
    draft = world[0]
    assert client.get(reverse("news:staff_list")).status_code == 200
    assert client.get(reverse("news:edit", args=[draft.public_id])).status_code == 200
    response = client.post(reverse("news:publish", args=[draft.public_id]))
    assert response.status_code == 302
    assert Post.objects.get(pk=draft.pk).status == "published"


def test_only_the_head_delegates(client, world, deputy, clerk):
    client.force_login(deputy)
    assert client.get(reverse("news:delegation")).status_code == 404
    client.force_login(clerk)
    assert client.get(reverse("news:delegation")).status_code == 404


def test_a_revoked_delegation_closes_the_pages(client, world, principal, clerk):
    _draft, _post, delegation = world
    client.force_login(principal)
    response = client.post(reverse("news:revoke", args=[delegation.pk]))
    assert response.status_code == 302
    assert NewsEditor.objects.get(pk=delegation.pk).revoked_at is not None
    assert AuditEvent.objects.filter(summary__startswith="Thôi giao cho").count() == 1
    client.force_login(clerk)
    assert client.get(reverse("news:staff_list")).status_code == 404


def test_the_head_delegates_a_teacher_from_the_page(client, school, principal, teacher):
    client.force_login(principal)
    page = client.get(reverse("news:delegation"))
    assert teacher.full_name in page.content.decode()
    response = client.post(reverse("news:delegation"), {"user": teacher.pk})
    assert response.status_code == 302
    row = NewsEditor.objects.get(user=teacher)
    assert row.granted_by == principal and row.organisation == school
    assert AuditEvent.objects.filter(summary__startswith="Giao cho").count() == 1
    client.force_login(teacher)
    assert client.get(reverse("news:staff_list")).status_code == 200


def test_an_outsider_cannot_be_delegated(client, school, principal, outsider):
    client.force_login(principal)
    response = client.post(reverse("news:delegation"), {"user": outsider.pk})
    assert response.status_code == 400
    assert not NewsEditor.objects.exists()


def test_other_schools_writers_see_nothing_of_this_school(
    client, school, other_school, principal, other_school_principal
):
    ours = write(school, principal)
    theirs = write(other_school, other_school_principal, "Tin của trường Đằng Hải")
    client.force_login(other_school_principal)
    listing = client.get(reverse("news:staff_list")).content.decode()
    assert theirs.title in listing and ours.title not in listing


def test_the_menu_shows_news_to_writers_only(client, school, principal, teacher):
    client.force_login(principal)
    assert 'href="/tin-tuc/"' in client.get(reverse("desk")).content.decode()
    client.force_login(teacher)
    assert 'href="/tin-tuc/"' not in client.get(reverse("desk")).content.decode()
    client.force_login(principal)
    page = client.get(reverse("news:staff_list")).content.decode()
    assert '<a href="/tin-tuc/" aria-current="page">' in page
