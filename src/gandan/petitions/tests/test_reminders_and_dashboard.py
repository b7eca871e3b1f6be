"""Reminders before and after due dates (rerunnable), the desk panel and the head's dashboard."""

import datetime as dt

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gandan.notify.models import Notification
from gandan.notify.testing import run_worker
from gandan.petitions import dashboard, services
from gandan.petitions.tests.conftest import RECEIVED, submit


def _notices(kind: str, step: str = ""):
    notices = Notification.objects.filter(kind=f"petitions.{kind}")
    return notices.filter(key__contains=f":{step}:") if step else notices


def test_due_soon_and_overdue_notices_are_sent_once(feedback, principal, teacher):
    # given: the answer is due Monday 16/3; the teacher handles it
    principal.email = "hieutruong@example.com"
    principal.save(update_fields=["email"])
    services.assign_case(case=feedback, actor=principal, handler=teacher)
    Notification.objects.all().delete()
    # when: three working days before (Wed 11/3), twice
    assert services.send_case_reminders(today=dt.date(2026, 3, 11)) == 2
    assert services.send_case_reminders(today=dt.date(2026, 3, 11)) == 0
    run_worker()
    # then: the head and the handler, one e-mail at once for the head (the teacher has no
    # address), a deadline being urgent
    notices = _notices("due_soon")
    assert {n.recipient_id for n in notices} == {principal.pk, teacher.pk}
    first = notices.first()
    assert first is not None and "đến hạn ngày 16/03/2026" in first.title
    assert first.urgent and first.url == reverse("petitions:detail", args=[feedback.public_id])
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["hieutruong@example.com"]
    # when: overdue on 17/3
    call_command("case_reminders", "--today", "2026-03-17")
    call_command("case_reminders", "--today", "2026-03-17")
    run_worker()
    assert _notices("overdue").count() == 2
    assert len(mail.outbox) == 2


def test_nothing_is_reminded_before_the_window_or_after_closure(feedback, principal):
    assert services.send_case_reminders(today=dt.date(2026, 3, 5)) == 0
    services.resolve_case(
        case=feedback, actor=principal, outcome="", public_answer="Đã sửa.", on=RECEIVED
    )
    assert services.send_case_reminders(today=dt.date(2026, 3, 20)) == 0


def test_an_extension_gets_its_own_reminders(assigned_denunciation, principal, resolver):
    case = assigned_denunciation
    services.send_case_reminders(today=dt.date(2026, 4, 2))
    assert _notices("overdue", "giai_quyet").count() == 2
    services.extend_case(
        case=case,
        actor=principal,
        step="giai_quyet",
        reason="Phức tạp",
        complexity="complex",
        on=dt.date(2026, 3, 30),
    )
    services.send_case_reminders(today=dt.date(2026, 5, 5))
    assert _notices("overdue", "giai_quyet").count() == 4


def test_the_desk_panel_lists_my_cases_and_notices(client, feedback, principal, teacher):
    services.assign_case(case=feedback, actor=principal, handler=teacher)
    client.force_login(teacher)
    page = client.get(reverse("desk")).content.decode()
    assert "Đơn thư, tiếp công dân" in page
    assert feedback.display_code in page
    assert "Bạn được phân công giải quyết vụ việc" in page
    notice = Notification.objects.get(recipient=teacher)
    assert reverse("notify:open", args=[notice.pk]) in page
    assert reverse("notify:centre") in page
    # when: the notice is opened from the desk
    response = client.get(reverse("notify:open", args=[notice.pk]))
    # then: the case page, the notice read and gone from the desk
    assert response.url == reverse("petitions:detail", args=[feedback.public_id])
    assert not Notification.objects.filter(recipient=teacher, read_at__isnull=True).exists()
    assert "Bạn được phân công" not in client.get(reverse("desk")).content.decode()
    client.force_login(principal)
    assert "1 đơn mới chờ phân loại, thụ lý" in client.get(reverse("desk")).content.decode()


def test_dashboard_counts_and_on_time_rate(school, principal, deadline_rules):
    # given: one feedback answered on time (05/3 ≤ 16/3), one late (20/3), one open
    on_time = submit(school)
    late = submit(school)
    submit(school, kind="khieu_nai")
    services.resolve_case(
        case=on_time, actor=principal, outcome="", public_answer="Xong.", on=dt.date(2026, 3, 5)
    )
    services.resolve_case(
        case=late, actor=principal, outcome="", public_answer="Xong.", on=dt.date(2026, 3, 20)
    )
    # then
    rows = {row["kind"]: row for row in dashboard.counts_by_kind_and_status(school)}
    assert rows["phan_anh"]["counts"] == {"resolved": 2}
    assert rows["khieu_nai"]["open"] == 1
    months = dashboard.on_time_by_month(school)
    assert [(m["month"].month, m["total"], m["on_time"], m["rate"]) for m in months] == [
        (3, 2, 1, 50)
    ]
    assert dashboard.overdue(school, dt.date(2026, 3, 20)).count() == 1  # the complaint's thụ lý


def test_dashboard_queries_do_not_grow_with_cases(client, school, principal, deadline_rules):
    client.force_login(principal)
    submit(school)
    client.get(reverse("petitions:dashboard"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("petitions:dashboard"))
    for _ in range(5):
        submit(school, kind="khieu_nai")
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("petitions:dashboard"))
    assert response.status_code == 200
    assert len(many) == len(few)


def test_case_list_queries_do_not_grow_with_cases(client, school, principal, deadline_rules):
    client.force_login(principal)
    submit(school)
    client.get(reverse("petitions:list"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("petitions:list"))
    for _ in range(5):
        submit(school)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("petitions:list"))
    assert len(many) == len(few)
