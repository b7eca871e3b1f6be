"""The demo: the school year 2025–2026 rated under NĐ 90/2020 and notified, Quý I of 2026–2027
in progress under NĐ 233/2026; built twice without duplicates."""

from gandan.democracy import demo as democracy_demo
from gandan.democracy.models import DisclosureItem
from gandan.evaluation import demo
from gandan.evaluation.models import CycleStatus, Evaluation, EvaluationCycle, EvaluationStatus
from gandan.evaluation.rules import Level
from gandan.evaluation.services import results
from gandan.orgs import demo as orgs_demo
from gandan.orgs.models import User
from gandan.plans import demo as plans_demo


def test_demo_builds_a_finished_year_and_a_quarter_in_progress_idempotently(db):
    # given
    school = orgs_demo.build()
    plans_demo.build(school)
    democracy_demo.build(school)
    # when: twice
    demo.build(school)
    counts = (EvaluationCycle.objects.count(), Evaluation.objects.count())
    demo.build(school)
    # then
    assert counts == (EvaluationCycle.objects.count(), Evaluation.objects.count()) == (2, 24)
    year = EvaluationCycle.objects.get(period_type="year")
    assert (year.label, year.rule_set.code, year.status) == (
        "Năm học 2025–2026",
        "nd-90-2020-vien-chuc",
        CycleStatus.DECIDED,
    )
    assert dict(year.evaluations.values_list("person__username", "level"))["hieutruong"] == (
        Level.GOOD
    )
    assert year.evaluations.filter(level=Level.EXCELLENT).count() == 2
    assert not year.evaluations.filter(notice__isnull=True).exists()
    # the head's notice is the ward's, signed for the UBND (NĐ 233/2026, Điều 13 k3a)
    head = year.evaluations.select_related("notice__organisation").get(is_head=True)
    assert head.notice is not None and head.notice.organisation == school.parent
    assert head.decided_by is not None and head.decided_by.username == "canbophuong"
    quarter = EvaluationCycle.objects.get(period_type="quarter")
    assert (quarter.label, quarter.rule_set.code, quarter.status) == (
        "Quý I năm học 2026–2027",
        "nd-233-2026-vien-chuc",
        CycleStatus.OPEN,
    )
    statuses = dict(quarter.evaluations.values_list("person__username", "status"))
    assert statuses["giaovien"] == EvaluationStatus.REVIEWED
    assert statuses["tongphutrach"] == EvaluationStatus.SELF_ASSESSED
    assert list(statuses.values()).count(EvaluationStatus.PENDING) == 8


def test_publishing_the_demo_year_fulfils_the_disclosure_awaiting_it(db):
    # given
    school = orgs_demo.build()
    democracy_demo.build(school)
    demo.build(school)
    year = EvaluationCycle.objects.get(period_type="year")
    # when
    decided_at = year.decided_at
    assert decided_at is not None
    results.publish_results(
        cycle=year,
        actor=User.objects.get(username="hieutruong"),
        published_on=decided_at.date(),
    )
    # then: the item the democracy register showed as missing is the one published
    items = DisclosureItem.objects.filter(
        organisation=school, title="Kết quả đánh giá, xếp loại viên chức năm học 2025–2026"
    )
    assert items.count() == 1
    assert items.get().published_on is not None


def test_every_page_of_the_demo_renders_for_the_people_who_use_it(client, db):
    # given
    from django.urls import reverse

    school = orgs_demo.build()
    plans_demo.build(school)
    demo.build(school)
    year = EvaluationCycle.objects.get(period_type="year")
    quarter = EvaluationCycle.objects.get(period_type="quarter")
    people = {u.username: u for u in User.objects.all()}

    def form(cycle, username):
        return cycle.evaluations.get(person__username=username).public_id

    pages = {
        "hieutruong": [
            reverse("evaluation:mine"),
            reverse("evaluation:cycle", args=[year.public_id]),
            reverse("evaluation:cycle", args=[quarter.public_id]),
            reverse("evaluation:decide", args=[form(year, "giaovien")]),
            reverse("evaluation:decide", args=[form(quarter, "giaovien")]),
            reverse("evaluation:group", args=[form(quarter, "congdoan")]),
            reverse("evaluation:detail", args=[form(year, "nhanvien")]),
            reverse("evaluation:counts"),
            reverse("evaluation:cycle_open"),
            reverse("desk"),
        ],
        "giaovien": [
            reverse("evaluation:mine"),
            reverse("evaluation:detail", args=[form(year, "giaovien")]),
            reverse("evaluation:detail", args=[form(quarter, "giaovien")]),
            reverse("evaluation:appeal", args=[form(year, "giaovien")]),
            reverse("desk"),
        ],
        "totruong1": [
            reverse("evaluation:cycle", args=[quarter.public_id]),
            reverse("desk"),
        ],
        "canbophuong": [
            reverse("evaluation:counts") + "?truong=th-thanh-to",
            reverse("evaluation:managed"),
            reverse("evaluation:detail", args=[form(year, "hieutruong")]),
            reverse("evaluation:detail", args=[form(quarter, "hieutruong")]),
            reverse("evaluation:notice", args=[form(year, "hieutruong")]),
            reverse("desk"),
        ],
    }
    # when / then
    for username, urls in pages.items():
        client.force_login(people[username])
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (username, url)
    client.force_login(people["hieutruong"])
    body = client.get(reverse("evaluation:cycle", args=[year.public_id])).content.decode()
    assert "Hoàn thành xuất sắc nhiệm vụ: 2" in body
    assert "11 người đạt mức tốt trở lên" in body
