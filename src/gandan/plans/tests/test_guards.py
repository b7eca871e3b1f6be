"""The plan guards through the pages (issue 12, point 17 and 18): a task given twice to one
person, "Đã hoàn thành" at 40 %, a due date on a day off, the same plan imported twice, the
withdraw form only on issued plans, evidence links only for those who may open them.
Every refusal changes nothing."""

import datetime as dt
import html
import zoneinfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gandan.plans import services
from gandan.plans.models import Assignment, Plan, PlanEvent, PlanStatus, ProgressUpdate
from gandan.plans.tests import factories

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
# Monday 3/8/2026: before the dates typed below.
TODAY = dt.datetime(2026, 8, 3, 9, tzinfo=HANOI)


def _text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def plan(school, principal) -> Plan:
    return factories.import_seed(school, principal)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "files"


def _assign_url(plan: Plan) -> str:
    return reverse("plans:assign", args=[plan.public_id, plan.tasks.get(number="2").pk])


# The same task twice to the same person.


def test_the_same_task_is_not_given_twice_to_the_same_person(client, principal, teacher, plan):
    # given: task 2 already given to the teacher
    client.force_login(principal)
    url = _assign_url(plan)
    with time_machine.travel(TODAY, tick=False):
        first = client.post(url, {"assignee": teacher.pk, "due_date": "2026-08-20"})
        events = PlanEvent.objects.count()
        # when: given to her again, with another date
        again = client.post(url, {"assignee": teacher.pk, "due_date": "2026-08-27"})
    # then: refused in Vietnamese, nothing added
    assert first.status_code == 302
    assert again.status_code == 200
    assert (
        "Nhiệm vụ này đã được giao cho Lê Thị Hồng Nhung (hạn 20/08/2026). Không giao lại lần nữa"
        in _text(again)
    )
    assert Assignment.objects.get().due_date == dt.date(2026, 8, 20)
    assert PlanEvent.objects.count() == events


def test_the_same_task_may_go_to_another_person_or_one_of_its_items(
    client, principal, teacher, inspector, plan
):
    # given
    client.force_login(principal)
    task = plan.tasks.get(number="2")
    url = _assign_url(plan)
    with time_machine.travel(TODAY, tick=False):
        client.post(url, {"assignee": teacher.pk, "due_date": "2026-08-20"})
        # when
        other = client.post(url, {"assignee": inspector.pk, "due_date": "2026-08-20"})
        item = client.post(
            url,
            {"assignee": teacher.pk, "item": task.items.get().pk, "due_date": "2026-08-20"},
        )
    # then
    assert (other.status_code, item.status_code) == (302, 302)
    assert Assignment.objects.count() == 3


# A due date on a day off.


@pytest.mark.parametrize(
    ("typed", "message", "next_day"),
    [
        (
            "2026-08-15",
            "Ngày 15/8/2026 là thứ Bảy, không phải ngày làm việc; "
            "chọn ngày làm việc kế tiếp 17/8/2026?",
            dt.date(2026, 8, 17),
        ),
        (
            "2026-08-16",
            "Ngày 16/8/2026 là Chủ nhật, không phải ngày làm việc; "
            "chọn ngày làm việc kế tiếp 17/8/2026?",
            dt.date(2026, 8, 17),
        ),
        # Quốc khánh 2026: 31/8 (bù) to 2/9 off (the official calendar, worktime).
        (
            "2026-09-01",
            "Ngày 1/9/2026 là ngày nghỉ lễ, Tết, không phải ngày làm việc; "
            "chọn ngày làm việc kế tiếp 3/9/2026?",
            dt.date(2026, 9, 3),
        ),
    ],
    ids=["saturday", "sunday", "national-day"],
)
def test_a_due_date_on_a_day_off_offers_the_next_working_day(
    client, principal, teacher, plan, typed, message, next_day
):
    # given
    client.force_login(principal)
    url = _assign_url(plan)
    typed_in = {"assignee": teacher.pk, "due_date": typed, "note": "Bản tin tháng 9."}
    with time_machine.travel(TODAY, tick=False):
        # when: the head types a day off
        asked = client.post(url, typed_in)
        # then: nothing saved; the question, with what she typed kept and a one-click answer
        assert asked.status_code == 200
        page = _text(asked)
        assert message in page
        assert 'name="due_choice" value="next"' in page
        assert f"Giao với hạn {next_day.day}/{next_day.month}/{next_day.year}" in page
        assert "Bản tin tháng 9." in page
        assert f'value="{typed}"' in page
        assert Assignment.objects.count() == 0
        # when: she takes the next working day
        taken = client.post(url, {**typed_in, "due_choice": "next"})
    # then
    assert taken.status_code == 302
    assignment = Assignment.objects.get()
    assert (assignment.due_date, assignment.note) == (next_day, "Bản tin tháng 9.")


def test_a_day_off_can_be_kept_on_purpose(client, principal, teacher, plan):
    # given: a Saturday activity, on purpose
    client.force_login(principal)
    with time_machine.travel(TODAY, tick=False):
        # when
        response = client.post(
            _assign_url(plan),
            {"assignee": teacher.pk, "due_date": "2026-08-15", "due_choice": "keep"},
        )
    # then
    assert response.status_code == 302
    assert Assignment.objects.get().due_date == dt.date(2026, 8, 15)


def test_a_working_day_is_taken_as_typed(client, principal, teacher, plan):
    client.force_login(principal)
    with time_machine.travel(TODAY, tick=False):
        response = client.post(
            _assign_url(plan),
            {"assignee": teacher.pk, "due_date": "2026-08-17", "due_choice": "next"},
        )
    assert response.status_code == 302
    assert Assignment.objects.get().due_date == dt.date(2026, 8, 17)


# "Đã hoàn thành" at 40 %.


@pytest.fixture
def assignment(plan, principal, teacher) -> Assignment:
    return services.assign_task(
        task=plan.tasks.get(number="2"),
        actor=principal,
        assignee=teacher,
        due_date=dt.date(2030, 6, 3),
    )


@pytest.mark.parametrize(
    ("status", "percent", "error"),
    [
        (
            "done",
            40,
            "“Đã hoàn thành” nghĩa là 100%: hãy nhập 100%, hoặc chọn “Đang thực hiện” nếu mới "
            "làm được 40%.",
        ),
        ("in_progress", 100, "Tiến độ 100% là đã hoàn thành: hãy chọn “Đã hoàn thành”."),
        ("not_started", 30, "“Chưa bắt đầu” thì tiến độ là 0%: hãy chọn “Đang thực hiện”."),
    ],
    ids=["done-at-40", "100-not-done", "not-started-at-30"],
)
def test_an_inconsistent_report_is_refused_and_changes_nothing(
    client, teacher, assignment, media, status, percent, error
):
    # given
    client.force_login(teacher)
    # when
    response = client.post(
        reverse("plans:progress", args=[assignment.pk]),
        {"version": assignment.version, "status": status, "percent": percent, "text": "Xong."},
    )
    # then
    assert response.status_code == 200
    assert error in _text(response)
    assignment.refresh_from_db()
    assert (assignment.status, assignment.percent, assignment.version) == ("not_started", 0, 1)
    assert ProgressUpdate.objects.count() == 0


def test_done_at_100_is_recorded(client, teacher, assignment, media):
    client.force_login(teacher)
    response = client.post(
        reverse("plans:progress", args=[assignment.pk]),
        {"version": assignment.version, "status": "done", "percent": 100, "text": "Xong."},
    )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert (assignment.status, assignment.percent) == ("done", 100)


# The same plan imported twice.


def _preview(client, name: str = "ke-hoach.txt", content: bytes | None = None) -> dict:
    seed = SimpleUploadedFile(name, content or factories.SEED.read_bytes(), "text/plain")
    response = client.post(reverse("plans:import"), {"file": seed})
    form = response.context["form"]
    data = {field: form[field].value() for field in form.fields}
    return {field: "" if value is None else value for field, value in data.items()}


def test_the_same_plan_imported_twice_points_to_the_first(client, principal, school):
    # given: the seed plan saved once
    client.force_login(principal)
    client.post(reverse("plans:import_save"), _preview(client))
    first = Plan.objects.get()
    # when: the same file again, under another name, the title retyped with other spacing
    data = _preview(client, name="ke-hoach-ban-sao.txt")
    data["title"] = "  " + data["title"].upper().replace(" ", "  ") + " "
    response = client.post(reverse("plans:import_save"), data)
    # then: refused with a link to the plan already there; nothing new saved
    assert response.status_code == 200
    page = _text(response)
    assert "Kế hoạch này đã được nhập: “" in page
    assert "Kế hoạch này đã có trong hệ thống." in page
    assert reverse("plans:detail", args=[first.public_id]) in page
    assert list(Plan.objects.all()) == [first]


def test_the_same_number_and_date_is_the_same_plan(school, principal):
    # given: an issued plan 01/KH-THTT of 5/8/2022
    first = factories.issue_seed(school, principal)
    parsed = factories.seed_parsed()
    parsed.title = "Một trích yếu khác"
    parsed.number_symbol = " 01/kh-thtt "
    parsed.date = first.issued_on
    # when / then
    with pytest.raises(services.DuplicatePlanError) as refused:
        services.save_imported_plan(organisation=school, parsed=parsed, user=principal)
    assert refused.value.existing == first
    assert Plan.objects.count() == 1


def test_a_withdrawn_plan_or_another_school_does_not_count(
    school, other_school, principal, other_school_principal
):
    # given: the seed plan issued and withdrawn; the other school has none
    first = factories.issue_seed(school, principal)
    services.withdraw_plan(plan=first, actor=principal, reason="Ban hành nhầm")
    # when
    again = factories.import_seed(school, principal)
    theirs = factories.import_seed(other_school, other_school_principal)
    # then
    assert Plan.objects.count() == 3
    assert (again.organisation, theirs.organisation) == (school, other_school)


# The withdraw form (point 18).


def test_the_withdraw_form_is_folded_on_an_issued_plan_and_absent_on_a_draft(
    client, school, principal, plan
):
    # given
    client.force_login(principal)
    # when: a draft
    draft_page = _text(client.get(reverse("plans:detail", args=[plan.public_id])))
    # then
    assert "Thu hồi kế hoạch" not in draft_page
    assert reverse("plans:withdraw", args=[plan.public_id]) not in draft_page
    # when: issued
    services.issue_plan(
        plan=plan,
        actor=principal,
        issued_on=dt.date(2026, 9, 7),
        signer=factories.head_signer(school),
    )
    issued_page = _text(client.get(reverse("plans:detail", args=[plan.public_id])))
    # then: folded in a <details>
    assert '<details class="card withdraw">' in issued_page
    assert "<summary>Thu hồi kế hoạch…</summary>" in issued_page


def test_a_draft_cannot_be_withdrawn_through_the_page(client, principal, plan):
    # given
    client.force_login(principal)
    # when
    response = client.post(
        reverse("plans:withdraw", args=[plan.public_id]), {"reason": "Không dùng"}, follow=True
    )
    # then
    assert "Chỉ thu hồi được kế hoạch đã ban hành; dự thảo chưa gửi đi." in _text(response)
    plan.refresh_from_db()
    assert (plan.status, plan.withdrawn_reason) == (PlanStatus.DRAFT, "")
    assert not plan.events.filter(kind="withdrawn").exists()


# Evidence links only for those who may open them (point 16).


@pytest.mark.parametrize(
    ("persona", "shown"),
    [
        ("teacher", True),  # her own report
        ("principal", True),  # manages the plans
        ("authority_officer", True),  # the ward above the school
        ("inspector", False),  # staff, not responsible for this assignment
        ("clerk", False),
    ],
)
def test_the_evidence_link_is_shown_only_to_who_may_open_it(
    client, request, assignment, teacher, media, persona, shown
):
    # given: the teacher reported with a PDF
    services.report_progress(
        assignment=assignment,
        author=teacher,
        expected_version=assignment.version,
        status="in_progress",
        percent=40,
        text="Đã họp triển khai.",
        files=[factories.pdf("bien-ban-hop.pdf")],
    )
    evidence = assignment.updates.get().evidence.get()
    user = request.getfixturevalue(persona)
    client.force_login(user)
    # when
    page = _text(client.get(reverse("plans:detail", args=[assignment.task.plan.public_id])))
    download = client.get(reverse("plans:evidence", args=[evidence.public_id]))
    # then: the link is there exactly when the download works
    link = reverse("plans:evidence", args=[evidence.public_id])
    assert (link in page) is shown
    assert download.status_code == (200 if shown else 404)
    if not shown:
        assert "1 tệp minh chứng" in page
