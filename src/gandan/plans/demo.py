"""Thành Tô's plan, imported from the seed through the real importer, with a few assignments."""

import datetime as dt
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from gandan.orgs.models import Organisation, User
from gandan.paperwork.signing import head_signer
from gandan.plans import services
from gandan.plans.importer import parse_plan_file
from gandan.plans.models import Plan, PlanTask
from gandan.worktime import days

SEED = Path(__file__).parent / "seeds" / "ke-hoach-dan-van-2022-thanh-to.txt"
SEED_NAME = "ke-hoach-dan-van-2022-thanh-to.txt"
ISSUED_ON = dt.date(2022, 8, 5)


@transaction.atomic
def build(school: Organisation) -> Plan:
    existing = Plan.objects.filter(organisation=school, source_name=SEED_NAME).first()
    if existing is not None:
        return existing
    head = User.objects.get(username="hieutruong")
    plan = services.save_imported_plan(
        organisation=school, parsed=parse_plan_file(SEED), user=head, source_name=SEED_NAME
    )
    plan = services.issue_plan(
        plan=plan, actor=head, issued_on=ISSUED_ON, signer=head_signer(school)
    )
    _assign(plan, head)
    return plan


def _assign(plan: Plan, head: User) -> None:
    today = timezone.localdate()
    task = {t.number: t for t in PlanTask.objects.filter(plan=plan).prefetch_related("items")}
    people = {
        u.username: u
        for u in User.objects.filter(
            username__in=[
                "giaovien",
                "congdoan",
                "vanthu",
                "tongphutrach",
                "phohieutruong",
            ]
        )
    }
    # Task 2: propaganda, due in ten working days.
    services.assign_task(
        task=task["2"],
        actor=head,
        assignee=people["giaovien"],
        working_days=10,
        note="Xây dựng bản tin tuyên truyền về công tác dân vận cho bảng tin và trang web.",
    )
    # Task 3: "Dân vận khéo": the union leads; its due date has passed.
    late = services.assign_task(
        task=task["3"],
        actor=head,
        assignee=people["congdoan"],
        due_date=days.add_working_days(today - dt.timedelta(days=30), 5),
        note="Phát động phong trào thi đua “Dân vận khéo” năm học 2026–2027.",
    )
    late.created_at = timezone.now() - dt.timedelta(days=30)
    late.save(update_fields=["created_at"])
    # Task 6, first bullet: access to information, with a report at 50 %.
    item = task["6"].items.first()
    info = services.assign_task(
        task=task["6"],
        actor=head,
        assignee=people["vanthu"],
        item=item,
        working_days=5,
        note="Rà soát danh mục thông tin phải công khai, cập nhật bảng niêm yết.",
    )
    services.report_progress(
        assignment=info,
        author=people["vanthu"],
        expected_version=info.version,
        status="in_progress",
        percent=50,
        text="Đã rà soát danh mục thông tin công khai theo Thông tư 09/2024; "
        "đang cập nhật bảng niêm yết tại phòng tiếp công dân.",
    )
    # Task 5: ethics of public service, done by the Đội leader.
    ethics = services.assign_task(
        task=task["5"],
        actor=head,
        assignee=people["tongphutrach"],
        working_days=3,
    )
    services.report_progress(
        assignment=ethics,
        author=people["tongphutrach"],
        expected_version=ethics.version,
        status="done",
        percent=100,
        text="Đã tổ chức sinh hoạt chuyên đề về quy tắc ứng xử cho cán bộ, giáo viên, nhân viên.",
    )
