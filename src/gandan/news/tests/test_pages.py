"""The public news pages, the feed and the images; the editor's flow: preview, save, upload,
publish, withdraw; refusals keep what was typed."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from gandan.audit.models import AuditEvent
from gandan.news import services
from gandan.news.models import Post, PostImage
from gandan.news.tests.conftest import PNG, PNG2, photo, published, write

QUERIES_STAFF_LIST = 8  # the same at 2 and at 8 posts
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def three_kinds(school, principal):
    draft = write(school, principal, "Bản nháp bí mật")
    shown = published(school, principal, "Tin đã đăng")
    gone = published(school, principal, "Tin đã gỡ")
    services.withdraw_post(post=gone, actor=principal, reason="Đăng nhầm")
    return draft, shown, gone


def test_the_public_list_shows_published_posts_only(client, school, three_kinds):
    draft, shown, gone = three_kinds
    page = client.get(reverse("news:public_list", args=[school.slug])).content.decode()
    assert shown.title in page
    assert draft.title not in page and gone.title not in page
    assert 'type="application/atom+xml"' in page


def test_drafts_and_withdrawn_posts_are_not_found_publicly(client, school, three_kinds):
    draft, shown, gone = three_kinds
    for post in (draft, gone):
        url = reverse("news:public_post", args=[school.slug, post.public_id])
        assert client.get(url).status_code == 404
    url = reverse("news:public_post", args=[school.slug, shown.public_id])
    assert client.get(url).status_code == 200
    missing = reverse("news:public_post", args=[school.slug, "khong-co"])
    assert client.get(missing).status_code == 404


def test_a_post_is_found_only_under_its_own_school(client, other_school, post):
    url = reverse("news:public_post", args=[other_school.slug, post.public_id])
    assert client.get(url).status_code == 404


def test_the_feed_is_atom_with_published_posts_only(client, school, three_kinds):
    _draft, shown, _gone = three_kinds
    response = client.get(reverse("news:feed", args=[school.slug]))
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}title") == f"Tin tức – {school.name}"
    assert root.find(f"{ATOM}id") is not None and root.find(f"{ATOM}updated") is not None
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [shown.title]
    entry = entries[0]
    assert entry.findtext(f"{ATOM}id") == f"urn:uuid:{shown.public_id}"
    link = entry.find(f"{ATOM}link")
    assert link is not None and link.get("href") == (
        f"http://testserver/truong/{school.slug}/tin-tuc/{shown.public_id}/"
    )
    assert entry.findtext(f"{ATOM}summary") == shown.summary
    assert entry.find(f"{ATOM}updated") is not None


def test_the_post_page_carries_open_graph_and_canonical(client, school, principal, media):
    post = write(school, principal, "Hội nghị <cán bộ> & viên chức")
    services.add_image(post=post, actor=principal, upload=photo(), alt="Toàn cảnh hội nghị")
    services.publish_post(post=post, actor=principal)
    image = PostImage.objects.get()
    url = reverse("news:public_post", args=[school.slug, post.public_id])
    page = client.get(url).content.decode()
    absolute = f"http://testserver{url}"
    assert f'<link rel="canonical" href="{absolute}">' in page
    assert '<meta property="og:type" content="article">' in page
    assert '<meta property="og:locale" content="vi_VN">' in page
    assert '<meta property="og:title" content="Hội nghị &lt;cán bộ&gt; &amp; viên chức">' in page
    assert f'<meta property="og:description" content="{post.summary}">' in page
    image_url = f"http://testserver/truong/{school.slug}/tin-tuc/anh/{image.public_id}/"
    assert f'<meta property="og:image" content="{image_url}">' in page
    assert '<meta property="og:url" content="' + absolute + '">' in page


def test_images_of_published_posts_are_public_and_of_drafts_only_for_writers(
    client, school, principal, teacher, media
):
    draft = write(school, principal, "Bản nháp có ảnh")
    hidden = services.add_image(post=draft, actor=principal, upload=photo())
    post = published(school, principal)
    shown = services.add_image(post=post, actor=principal, upload=photo(data=PNG2))
    shown_url = reverse("news:image", args=[school.slug, shown.public_id])
    hidden_url = reverse("news:image", args=[school.slug, hidden.public_id])
    response = client.get(shown_url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == PNG2
    assert response["X-Content-Type-Options"] == "nosniff"
    assert client.get(hidden_url).status_code == 404
    client.force_login(teacher)
    assert client.get(hidden_url).status_code == 404
    client.force_login(principal)
    response = client.get(hidden_url)
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"


def test_the_head_writes_previews_uploads_and_publishes(client, school, principal, media):
    client.force_login(principal)
    create = reverse("news:create")
    typed = {
        "kind": "notice",
        "title": "Lịch tiếp công dân",
        "summary": "",
        "body": "Sáng thứ Năm hằng tuần.\n\n<script>alert(1)</script>Tại phòng tiếp công dân.",
    }
    # the preview shows the sanitised text and stores nothing
    page = client.post(create, {**typed, "action": "preview"}).content.decode()
    preview = page[page.index('id="xem-truoc-bai"') :]
    preview = preview[: preview.index("</section>")]
    assert "<p>Sáng thứ Năm hằng tuần.</p><p>Tại phòng tiếp công dân.</p>" in preview
    assert "alert" not in preview
    assert not Post.objects.exists()
    response = client.post(create, {**typed, "action": "save"})
    post = Post.objects.get()
    assert response["Location"] == reverse("news:post", args=[post.public_id])
    assert post.status == "draft"
    assert post.summary == "Sáng thứ Năm hằng tuần. Tại phòng tiếp công dân."
    assert "script" not in post.body
    # an image uploaded on the edit page goes at the end of the body and becomes the cover
    edit = reverse("news:edit", args=[post.public_id])
    data = {**typed, "action": "upload", "alt": "Phòng tiếp công dân", "image": photo()}
    response = client.post(edit, data)
    assert response.status_code == 302
    post.refresh_from_db()
    image = PostImage.objects.get()
    assert post.cover == image
    assert post.body.endswith(
        f'<figure><img src="/truong/{school.slug}/tin-tuc/anh/{image.public_id}/" '
        'alt="Phòng tiếp công dân"><figcaption>Phòng tiếp công dân</figcaption></figure>'
    )
    # publishing puts it on the public list
    client.post(reverse("news:publish", args=[post.public_id]))
    post.refresh_from_db()
    assert post.status == "published" and post.published_at is not None
    page = client.get(reverse("news:public_list", args=[school.slug])).content.decode()
    assert "Lịch tiếp công dân" in page
    # withdrawing needs a reason, then takes it down
    withdraw = reverse("news:withdraw", args=[post.public_id])
    assert client.post(withdraw, {"reason": ""}).status_code == 400
    client.post(withdraw, {"reason": "Lịch đã thay đổi"})
    post.refresh_from_db()
    assert post.status == "withdrawn" and post.withdrawn_reason == "Lịch đã thay đổi"
    public = reverse("news:public_post", args=[school.slug, post.public_id])
    assert client.get(public).status_code == 404


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": ""}, "Hãy nhập tiêu đề của bài."),
        ({"title": "T" * 201}, "201"),
        ({"summary": "S" * 301}, "301"),
        ({"title": "Tin", "body": "", "summary": ""}, "Hãy viết nội dung của bài."),
    ],
)
def test_a_refused_post_keeps_what_was_typed(client, principal, fields, message):
    client.force_login(principal)
    data = {"kind": "news", "title": "Tin", "summary": "Tóm tắt đã gõ", "body": "Nội dung đã gõ"}
    data.update(fields)
    response = client.post(reverse("news:create"), {**data, "action": "save"})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    for value in data.values():
        if value and len(value) < 200:
            assert value in page
    assert (
        not Post.objects.exists()
        and not AuditEvent.objects.filter(summary__contains="bản nháp").exists()
    )


def test_a_file_that_is_not_an_image_is_refused_and_the_text_kept(client, draft, principal, media):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(principal)
    fake = SimpleUploadedFile("anh.png", b"%PDF-1.4 not an image", content_type="image/png")
    data = {"kind": "news", "title": "Tiêu đề mới gõ", "summary": "", "body": "Thân bài mới gõ"}
    response = client.post(
        reverse("news:edit", args=[draft.public_id]), {**data, "action": "upload", "image": fake}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "không phải ảnh JPG hoặc PNG" in page
    assert "Tiêu đề mới gõ" in page and "Thân bài mới gõ" in page
    assert not PostImage.objects.exists()
    assert PNG  # the real photo is accepted elsewhere


def _many(school, principal, n):
    for index in range(n):
        post = published(school, principal, f"Tin số {index}")
        services.add_image(post=post, actor=principal, upload=photo(data=PNG + bytes([index])))


@pytest.mark.parametrize("count", [2, 8])
def test_the_public_list_takes_the_same_queries_at_any_size(
    client, school, principal, media, count, django_assert_num_queries
):
    _many(school, principal, count)
    url = reverse("news:public_list", args=[school.slug])
    client.get(url)
    with django_assert_num_queries(3):  # school, count, posts with covers
        response = client.get(url)
    assert response.content.decode().count('class="card news-item"') == count


@pytest.mark.parametrize("count", [2, 8])
def test_the_staff_list_takes_the_same_queries_at_any_size(
    client, school, principal, media, count, django_assert_num_queries
):
    _many(school, principal, count)
    write(school, principal, "Một bản nháp")
    client.force_login(principal)
    url = reverse("news:staff_list")
    client.get(url)
    with django_assert_num_queries(QUERIES_STAFF_LIST):
        client.get(url)


def test_the_school_page_shows_the_latest_three_posts(client, school, principal):
    for index in range(4):
        published(school, principal, f"Tin thứ {index}")
    page = client.get(reverse("portal:school", args=[school.slug])).content.decode()
    assert "Tin thứ 3" in page and "Tin thứ 1" in page and "Tin thứ 0" not in page
    assert reverse("news:feed", args=[school.slug]) in page
    assert 'rel="alternate" type="application/atom+xml"' in page
