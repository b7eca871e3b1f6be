"""The demo's news of Thành Tô: four published posts, built through the services; a rerun
changes nothing."""

from django.urls import reverse

from gandan.audit.models import AuditEvent
from gandan.news import demo
from gandan.news.models import NewsEditor, Post, PostImage
from gandan.orgs import demo as orgs_demo


def _counts():
    return Post.objects.count(), PostImage.objects.count(), NewsEditor.objects.count()


def test_the_demo_news_is_published_and_idempotent(client, db, media):
    school = orgs_demo.build()
    posts = demo.build(school)
    counts, log = _counts(), AuditEvent.objects.count()
    assert demo.build(school) == posts
    assert _counts() == counts == (4, 3, 1) and AuditEvent.objects.count() == log
    assert {post.kind for post in posts} == {"news", "notice", "good_deed"}
    assert all(post.status == "published" for post in Post.objects.all())
    page = client.get(reverse("news:public_list", args=[school.slug])).content.decode()
    assert "Lịch tiếp công dân của Hiệu trưởng" in page
    newest = Post.objects.order_by("-published_at").first()
    assert newest is not None and newest.kind == "good_deed"
