"""One-step announcements: a recognised "Dân vận khéo" model and a published public disclosure
become a published post, linking back to their public page; a second click gives the same post."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from gandan.audit.models import AuditEvent
from gandan.democracy.models import Channel, DisclosureObligation
from gandan.democracy.services import disclosures
from gandan.news.models import Post
from gandan.news.tests.conftest import PNG


def _disclosure(school, principal, code="cong-khai-thu-chi-tai-chinh", publish=True):
    today = timezone.localdate()
    item = disclosures.record_disclosure(
        organisation=school,
        obligation=DisclosureObligation.objects.get(code=code),
        actor=principal,
        title="Báo cáo thu, chi các khoản thu đầu năm học 2026–2027",
        body="Tổng thu 120.000.000 đồng; đã chi 80.000.000 đồng cho bàn ghế mới.",
        decision_reference="25/BC-THTT",
        decision_date=today - dt.timedelta(days=3),
        year=today.year,
    )
    if publish:
        item = disclosures.publish_disclosure(
            item=item,
            actor=principal,
            published_on=today,
            channels=[Channel.NOTICE_BOARD],
            proof_photo=SimpleUploadedFile("bang-tin.png", PNG, content_type="image/png"),
        )
    return item


def _posts_and_log():
    return Post.objects.count(), AuditEvent.objects.filter(summary__startswith="Đăng tin").count()


def test_a_recognition_is_announced_once_in_one_step(client, recognition, principal, media):
    registration = recognition.registration
    client.force_login(principal)
    page = client.get(reverse("emulation:registration", args=[registration.public_id]))
    assert "Đăng thành tin tức" in page.content.decode()
    url = reverse("news:announce_recognition", args=[recognition.public_id])
    first = client.post(url)
    post = Post.objects.get()
    assert first["Location"] == reverse("news:post", args=[post.public_id])
    assert post.status == "published" and post.kind == "dan_van_kheo"
    assert post.source_reference == f"emulation.recognition:{recognition.pk}"
    school = registration.campaign.organisation
    assert post.source_url == reverse(
        "emulation:public_story", args=[school.slug, recognition.public_id]
    )
    assert registration.title in post.title
    assert recognition.decision.number_symbol in post.body
    assert "<blockquote><p>Cả lớp 1A1 cùng cha mẹ" in post.body
    assert _posts_and_log() == (1, 1)
    # a second click gives the same post and changes nothing
    second = client.post(url)
    assert second["Location"] == first["Location"]
    assert _posts_and_log() == (1, 1)
    page = client.get(reverse("emulation:registration", args=[registration.public_id]))
    assert "Xem tin đã đăng" in page.content.decode()
    public = client.get(reverse("news:public_post", args=[school.slug, post.public_id]))
    assert post.source_url in public.content.decode()


def test_a_teacher_sees_no_button_and_cannot_announce(client, recognition, teacher, media):
    client.force_login(teacher)
    page = client.get(reverse("emulation:registration", args=[recognition.registration.public_id]))
    assert page.status_code == 200 and "Đăng thành tin tức" not in page.content.decode()
    url = reverse("news:announce_recognition", args=[recognition.public_id])
    assert client.post(url).status_code == 404
    assert _posts_and_log() == (0, 0)


def test_a_public_disclosure_is_announced_once(client, school, principal, media):
    item = _disclosure(school, principal)
    client.force_login(principal)
    page = client.get(reverse("democracy:item", args=[item.public_id])).content.decode()
    assert "Đăng thành tin tức" in page
    url = reverse("news:announce_disclosure", args=[item.public_id])
    client.post(url)
    client.post(url)
    post = Post.objects.get()
    assert post.kind == "notice" and post.status == "published"
    assert post.source_reference == f"democracy.disclosure:{item.pk}"
    assert post.source_url == reverse("democracy:public_item", args=[school.slug, item.public_id])
    assert "25/BC-THTT" in post.body and "120.000.000 đồng" in post.body
    assert _posts_and_log() == (1, 1)


@pytest.mark.parametrize("case", ["staff_only", "not_published"])
def test_only_a_public_disclosure_on_display_is_announced(client, school, principal, media, case):
    if case == "staff_only":
        item = _disclosure(school, principal, code="noi-bo-noi-quy-quy-che")
    else:
        item = _disclosure(school, principal, publish=False)
    client.force_login(principal)
    page = client.get(reverse("democracy:item", args=[item.public_id])).content.decode()
    assert "Đăng thành tin tức" not in page
    response = client.post(reverse("news:announce_disclosure", args=[item.public_id]))
    assert response.status_code == 302
    assert _posts_and_log() == (0, 0)


def test_a_teacher_cannot_announce_a_disclosure(client, school, principal, teacher, media):
    item = _disclosure(school, principal)
    client.force_login(teacher)
    url = reverse("news:announce_disclosure", args=[item.public_id])
    assert client.post(url).status_code == 404
    assert _posts_and_log() == (0, 0)
