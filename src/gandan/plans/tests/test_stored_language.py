"""With English on the screen, plans still store Vietnamese (ADR 1, addendum): the plan's
timeline, the audit rows and the registered plan and progress report."""

import datetime as dt

from django.urls import reverse

from gandan.paperwork.document import Table
from gandan.paperwork.models import OutgoingDocument
from gandan.paperwork.signing import deputy_signer, head_signer
from gandan.plans import documents, services
from gandan.plans.models import Assignment, AssignmentStatus, Plan, PlanEvent
from gandan.plans.tests import factories

ISSUED_ON = dt.date(2026, 9, 7)


def test_a_plan_from_import_to_its_report_is_stored_in_vietnamese_from_an_english_screen(
    settings,
    tmp_path,
    ward,
    school,
    subject_group,
    principal,
    deputy,
    teacher,
    authority_officer,
    english_screen,
    assert_stored_vietnamese,
):
    settings.MEDIA_ROOT = tmp_path
    # given: the ward's plan, which the school's plan implements
    ward_plan = services.issue_plan(
        plan=factories.import_seed(ward, authority_officer),
        actor=authority_officer,
        issued_on=dt.date(2026, 9, 1),
        signer=head_signer(ward),
    )
    # when: the head imports the school's plan, edits it, links it and the deputy issues it
    plan = factories.import_seed(school, principal)
    plan = services.update_plan(
        plan=plan,
        actor=principal,
        expected_version=plan.version,
        title="Kế hoạch thực hiện công tác dân vận năm học 2026–2027",
        place="Hà Nội",
        signer_name="",
        signer_title="",
    )
    services.set_parent_plans(plan=plan, actor=principal, parents=[ward_plan])
    plan = services.issue_plan(
        plan=plan, actor=deputy, issued_on=ISSUED_ON, signer=deputy_signer(school, deputy)
    )
    # and: assigns one task to the teacher (by working days) and one to the tổ, which report
    tasks = list(plan.tasks.order_by("order"))
    mine = services.assign_task(
        task=tasks[0], actor=principal, assignee=teacher, working_days=5, from_date=ISSUED_ON
    )
    services.assign_task(
        task=tasks[1], actor=principal, unit=subject_group, due_date=dt.date(2026, 10, 30)
    )
    services.report_progress(
        assignment=mine,
        author=teacher,
        expected_version=mine.version,
        status=AssignmentStatus.IN_PROGRESS,
        percent=40,
        text="Đã xây dựng bản tin.",
        files=[factories.png()],
    )
    # and: issues the progress report, then withdraws a plan issued by mistake
    report = services.issue_progress_report(
        plan=plan, actor=principal, issued_on=ISSUED_ON, signer=head_signer(school)
    )
    services.withdraw_plan(plan=ward_plan, actor=authority_officer, reason="Ban hành nhầm.")
    # and: the draft of the report, built for a download from the plan page
    draft = documents.progress_report_spec(plan, signer=head_signer(school), as_of=ISSUED_ON)

    # then
    assert "Đang thực hiện, 40%" in PlanEvent.objects.filter(kind="reported").get().summary
    table = next(block for block in draft.body if isinstance(block, Table))
    assert ("Đang thực hiện", "40%") in {row[-2:] for row in table.rows}
    assert OutgoingDocument.objects.filter(pk=report.pk).exists()
    assert_stored_vietnamese()


def test_a_progress_report_from_an_english_page_is_stored_in_vietnamese(
    client, settings, tmp_path, school, principal, teacher, assert_stored_vietnamese
):
    # given: a task of the teacher, who reads the site in English
    settings.MEDIA_ROOT = tmp_path
    plan = factories.import_seed(school, principal)
    task = plan.tasks.order_by("order")[0]
    assignment = services.assign_task(
        task=task, actor=principal, assignee=teacher, due_date=dt.date(2030, 6, 3)
    )
    client.force_login(teacher)
    client.cookies["django_language"] = "en"
    # when
    response = client.post(
        reverse("plans:progress", args=[assignment.pk]),
        {"version": 1, "status": "blocked", "percent": 10, "text": "Thiếu kinh phí in."},
    )
    # then
    assert response.status_code == 302
    assert Assignment.objects.get().status == AssignmentStatus.BLOCKED
    assert Plan.objects.get().events.filter(summary__contains="Gặp vướng mắc, 10%").exists()
    assert_stored_vietnamese()


def test_sending_a_plan_to_the_units_from_an_english_page_is_stored_in_vietnamese(
    client, ward, school, other_school, principal, authority_officer, assert_stored_vietnamese
):
    # given: the ward's issued plan, and its officer reading the site in English
    ward_plan = services.issue_plan(
        plan=factories.import_seed(ward, authority_officer),
        actor=authority_officer,
        issued_on=dt.date(2026, 9, 1),
        signer=head_signer(ward),
    )
    client.force_login(authority_officer)
    client.cookies["django_language"] = "en"
    url = reverse("plans:units", args=[ward_plan.public_id])
    # when: sent to both schools, then the due date moved for one
    first = client.post(
        url, {"organisations": [school.pk, other_school.pk], "due_on": "2030-06-03"}
    )
    again = client.post(url, {"organisations": [school.pk], "due_on": "2030-06-10"})
    # and: the head links the school's plan to it
    plan = factories.import_seed(school, principal)
    services.set_parent_plans(plan=plan, actor=principal, parents=[ward_plan])
    # then
    assert first.status_code == again.status_code == 302
    summaries = list(
        PlanEvent.objects.filter(kind="cascaded").order_by("pk").values_list("summary", flat=True)
    )
    assert summaries[0].startswith("Giao Trường Tiểu học Đằng Hải, TH Thành Tô xây dựng")
    assert summaries[1].startswith("Đổi hạn ban hành kế hoạch thực hiện")
    assert_stored_vietnamese()
