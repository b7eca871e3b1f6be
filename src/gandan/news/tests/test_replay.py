"""Every state-changing news page sent twice by someone allowed to (a double click, a resent
form): the second changes nothing, not even the audit log."""

import pytest
from django.urls import reverse

from gandan.audit.models import AuditEvent
from gandan.news import services
from gandan.news.models import NewsEditor, Post, PostImage
from gandan.news.tests.conftest import photo, write


def _state():
    return (
        tuple(
            Post.objects.order_by("pk").values_list(
                "status", "title", "body", "cover_id", "published_at", "withdrawn_at"
            )
        ),
        PostImage.objects.count(),
        tuple(NewsEditor.objects.order_by("pk").values_list("user_id", "revoked_at")),
        AuditEvent.objects.count(),
    )


def _twice(client, url, data):
    client.post(url, data)
    after_first = _state()
    client.post(url, data)
    assert _state() == after_first


TEXT = {"kind": "news", "title": "Tin mới", "summary": "", "body": "Nội dung", "action": "save"}


def test_a_new_post_sent_twice_is_stored_once(client, principal):
    client.force_login(principal)
    _twice(client, reverse("news:create"), TEXT)
    assert Post.objects.count() == 1


def test_an_edit_sent_twice_is_recorded_once(client, draft, principal):
    client.force_login(principal)
    _twice(client, reverse("news:edit", args=[draft.public_id]), TEXT)


def test_an_image_sent_twice_is_kept_once(client, draft, principal, media):
    client.force_login(principal)
    url = reverse("news:edit", args=[draft.public_id])
    client.post(url, {**TEXT, "action": "upload", "image": photo()})
    after_first = _state()
    client.post(url, {**TEXT, "action": "upload", "image": photo()})
    assert _state() == after_first and PostImage.objects.count() == 1


def test_publishing_twice_publishes_once(client, draft, principal):
    client.force_login(principal)
    _twice(client, reverse("news:publish", args=[draft.public_id]), {})


def test_withdrawing_twice_withdraws_once(client, post, principal):
    client.force_login(principal)
    _twice(client, reverse("news:withdraw", args=[post.public_id]), {"reason": "Đăng nhầm"})


def test_a_withdrawn_post_is_not_published_again(client, post, principal):
    services.withdraw_post(post=post, actor=principal, reason="Đăng nhầm")
    client.force_login(principal)
    before = _state()
    client.post(reverse("news:publish", args=[post.public_id]))
    assert _state() == before


def test_a_delegation_sent_twice_is_granted_once(client, principal, teacher):
    client.force_login(principal)
    url = reverse("news:delegation")
    client.post(url, {"user": teacher.pk})
    after_first = _state()
    # the teacher is no longer offered: the second send is refused, nothing changes
    assert client.post(url, {"user": teacher.pk}).status_code == 400
    assert _state() == after_first


def test_a_revocation_sent_twice_revokes_once(client, school, principal, teacher):
    row = services.grant_editor(school=school, actor=principal, user=teacher)
    client.force_login(principal)
    _twice(client, reverse("news:revoke", args=[row.pk]), {})


@pytest.mark.parametrize("granted", [1])
def test_the_service_grants_once_too(school, principal, teacher, granted):
    first = services.grant_editor(school=school, actor=principal, user=teacher)
    assert services.grant_editor(school=school, actor=principal, user=teacher) == first
    assert NewsEditor.objects.count() == granted


def test_a_draft_written_twice_by_the_service_is_one(school, principal):
    assert write(school, principal) == write(school, principal)
