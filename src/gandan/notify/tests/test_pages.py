"""The notification centre, the unread count in the menu, the preferences page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gandan.notify import services
from gandan.notify.models import EmailChoice, Notification, Preference, Topic

pytestmark = pytest.mark.django_db


def _tell(user, n: int, url: str = "/ke-hoach/") -> None:
    for i in range(n):
        services.notify(
            [user],
            topic=Topic.PLANS,
            kind="plans.task_assigned",
            key=f"k{i}",
            title=f"Nhiệm vụ số {i + 1} được giao cho anh/chị",
            url=url,
        )


def test_every_staff_page_shows_the_unread_count_and_the_centre_lists_them(client, teacher):
    _tell(teacher, 3)
    client.force_login(teacher)
    desk = client.get(reverse("desk")).content.decode()
    assert 'href="/thong-bao/"' in desk
    assert "3 thông báo chưa đọc" in desk
    page = client.get(reverse("notify:centre")).content.decode()
    assert page.count("notice-unread") == 3
    assert "Nhiệm vụ số 2 được giao cho anh/chị" in page


def test_opening_a_notice_marks_it_read_and_goes_to_its_page(client, teacher):
    _tell(teacher, 1)
    notice = Notification.objects.get()
    client.force_login(teacher)
    response = client.get(reverse("notify:open", args=[notice.pk]))
    assert response.status_code == 302 and response["Location"] == "/ke-hoach/"
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_a_notice_opens_only_for_its_recipient(client, teacher, principal):
    _tell(teacher, 1)
    notice = Notification.objects.get()
    client.force_login(principal)
    assert client.get(reverse("notify:open", args=[notice.pk])).status_code == 404
    client.post(reverse("notify:mark_all_read"))
    notice.refresh_from_db()
    assert notice.read_at is None
    assert "Nhiệm vụ số 1" not in client.get(reverse("notify:centre")).content.decode()


def test_a_notice_never_redirects_off_the_site(client, teacher):
    _tell(teacher, 1, url="https://ke-gian.example/")
    client.force_login(teacher)
    response = client.get(reverse("notify:open", args=[Notification.objects.get().pk]))
    assert response["Location"] == reverse("notify:centre")


def test_an_e_mailed_link_leads_through_the_login_to_the_page(client, teacher):
    _tell(teacher, 1)
    url = reverse("notify:open", args=[Notification.objects.get().pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login")) and "next=" in response["Location"]


def test_mark_all_read(client, teacher):
    _tell(teacher, 4)
    client.force_login(teacher)
    client.post(reverse("notify:mark_all_read"))
    assert not Notification.objects.unread_by(teacher).exists()
    assert "chưa đọc" not in client.get(reverse("desk")).content.decode()


def test_the_centre_takes_the_same_queries_for_5_and_60_notices(client, teacher):
    client.force_login(teacher)
    _tell(teacher, 5)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("notify:centre"))
    Notification.objects.all().delete()
    _tell(teacher, 60)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("notify:centre"))
    assert len(few) == len(many)


def test_preferences_are_saved_per_topic_and_bad_input_is_refused(client, teacher):
    client.force_login(teacher)
    page = client.get(reverse("notify:preferences")).content.decode()
    assert "Gộp vào một thư mỗi ngày" in page
    data: dict[str, str] = {
        topic.value: EmailChoice.DIGEST for topic in Topic if topic != Topic.CITIZEN
    }
    data[Topic.PLANS] = EmailChoice.IMMEDIATE
    assert client.post(reverse("notify:preferences"), data).status_code == 302
    assert Preference.objects.get(user=teacher, topic=Topic.PLANS).email == EmailChoice.IMMEDIATE
    data[Topic.CASES] = "gui-lien-tuc\x00"
    response = client.post(reverse("notify:preferences"), data)
    assert response.status_code == 200
    assert "Lựa chọn không hợp lệ" in response.content.decode()
    assert (
        not Preference.objects.filter(user=teacher, topic=Topic.CASES)
        .exclude(email=EmailChoice.DIGEST)
        .exists()
    )


def test_anonymous_visitors_are_sent_to_the_login(client):
    for name in ["notify:centre", "notify:preferences"]:
        assert client.get(reverse(name)).status_code == 302
