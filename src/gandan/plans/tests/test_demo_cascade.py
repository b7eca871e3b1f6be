"""The demo's Kế hoạch 81/KH-SGDĐT: built through the services, as the issue describes it,
and idempotent (built twice, nothing is added the second time)."""

import html

from django.urls import reverse
from django.utils import timezone

from gandan.audit.models import AuditEvent
from gandan.orgs import demo as orgs_demo
from gandan.orgs.models import User
from gandan.paperwork.models import OutgoingDocument
from gandan.plans import cascade
from gandan.plans import demo as plans_demo
from gandan.plans.models import Assignment, ImplementationRequest, Plan, PlanEvent


def _counts() -> tuple:
    return (
        Plan.objects.count(),
        ImplementationRequest.objects.count(),
        Assignment.objects.count(),
        OutgoingDocument.objects.count(),
        PlanEvent.objects.count(),
        AuditEvent.objects.count(),
    )


def test_the_sở_plan_is_sent_to_the_wards_schools_once(client, db):
    # given
    school = orgs_demo.build()
    neighbours = orgs_demo.build_neighbours()
    plans_demo.build(school)
    # when: built twice
    parent = plans_demo.demo_cascade(school, neighbours)
    counts = _counts()
    again = plans_demo.demo_cascade(school, neighbours)
    # then
    assert again.pk == parent.pk and _counts() == counts
    assert parent.number_symbol == "81/KH-SGDĐT"
    assert str(parent.issued_on) == "2022-07-20"
    assert parent.organisation.slug == "so-gddt-hai-phong"
    assert parent.title == (
        "Thực hiện công tác dân vận của chính quyền và quy chế dân chủ ở cơ sở ngành Giáo dục "
        "và Đào tạo Hải Phòng"
    )
    assert list(parent.tasks.values_list("number", flat=True)) == ["1", "2", "3", "4"]
    assert set(parent.tasks.values_list("lead", flat=True)) == {
        "Sở Giáo dục và Đào tạo, các phòng Sở và các đơn vị giáo dục"
    }
    rows = cascade.unit_rows([parent], timezone.localdate())[parent.pk]
    assert {row.unit.slug: row.status for row in rows} == {
        "th-thanh-to": "on_time",
        "th-dang-hai": "on_time",
        "th-dang-lam": "late",
        "th-nam-hai": "overdue",
    }
    seed = Plan.objects.get(organisation=school, source_name=plans_demo.SEED_NAME)
    assert next(row for row in rows if row.unit == school).plan == seed
    late = next(row for row in rows if row.unit.slug == "th-dang-lam")
    assert (late.progress.total, late.progress.done_on_time, late.progress.overdue) == (2, 1, 1)


def test_the_demo_people_see_it(client, db):
    # given
    school = orgs_demo.build()
    neighbours = orgs_demo.build_neighbours()
    seed = plans_demo.build(school)
    parent = plans_demo.demo_cascade(school, neighbours)
    # when / then: the Sở's officer sees the four schools
    client.force_login(User.objects.get(username="canboso"))
    page = html.unescape(
        client.get(reverse("plans:units", args=[parent.public_id])).content.decode()
    )
    for name in ["Thành Tô", "Đằng Hải", "Đằng Lâm", "Nam Hải"]:
        assert f"Trường Tiểu học {name}" in page
    assert "Quá hạn, chưa ban hành" in page and "Ban hành muộn" in page
    listing = html.unescape(client.get(reverse("plans:list")).content.decode())
    assert "Giao 4 đơn vị: 2 ban hành đúng hạn, 1 muộn, 1 quá hạn chưa ban hành." in listing
    # and: Thành Tô's head reads on the school's plan what it implements
    client.force_login(User.objects.get(username="hieutruong"))
    mine = html.unescape(
        client.get(reverse("plans:detail", args=[seed.public_id])).content.decode()
    )
    assert "Thực hiện Kế hoạch số 81/KH-SGDĐT ngày 20/7/2022 của Sở GD&ĐT Hải Phòng" in mine
    assert "hạn ban hành kế hoạch thực hiện: 19/08/2022" in mine
    # and: Nam Hải's head finds the overdue request on the desk
    client.force_login(User.objects.get(username="htnamhai"))
    desk = html.unescape(client.get(reverse("desk")).content.decode())
    assert "quá hạn ban hành 19/08/2022" in desk
