"""Thành Tô's plan, imported from the seed through the real importer, with a few assignments;
the Sở's plan it implements, sent to Thành Tô and its neighbours (demo_cascade)."""

import datetime as dt
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from gandan.orgs import demo as orgs_demo
from gandan.orgs.models import Organisation, User
from gandan.paperwork.models import NumberSequence
from gandan.paperwork.signing import head_signer
from gandan.plans import documents, services
from gandan.plans.importer import ParsedPlan, ParsedSection, ParsedTask, parse_plan_file
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


# The Sở's plan that the seed implements (its "Căn cứ Kế hoạch số 81/KH-SGDĐT ngày 20/07/2022"),
# sent to Thành Tô and its neighbours. Its tasks are the seed's sections whose lead is the Sở.
DEPARTMENT_SOURCE = "demo:ke-hoach-81-sgddt-2022"
DEPARTMENT_NUMBER = 81
DEPARTMENT_ISSUED_ON = dt.date(2022, 7, 20)
DEPARTMENT_TITLE = (
    "Thực hiện công tác dân vận của chính quyền và quy chế dân chủ ở cơ sở ngành Giáo dục và "
    "Đào tạo Hải Phòng"
)
CASCADE_DUE_ON = dt.date(2022, 8, 19)
# Each neighbour's implementing plan: (slug, issue date) or no date for one not yet issued.
NEIGHBOUR_PLANS = {
    "th-dang-hai": dt.date(2022, 8, 12),  # on time
    "th-dang-lam": dt.date(2022, 9, 6),  # late
    "th-nam-hai": None,  # not yet issued: overdue now
}
NEIGHBOUR_SOURCE = "demo:ke-hoach-thuc-hien-81-sgddt"


def _department_parsed() -> ParsedPlan:
    seed = parse_plan_file(SEED)
    tasks = [t for t in seed.tasks if (t.lead or "").startswith("Sở Giáo dục và Đào tạo")]
    return ParsedPlan(
        title=DEPARTMENT_TITLE,
        place="Hải Phòng",
        bases=seed.bases[:1],
        preamble=[
            "Sở Giáo dục và Đào tạo Hải Phòng ban hành Kế hoạch thực hiện công tác dân vận của "
            "chính quyền và quy chế dân chủ ở cơ sở ngành Giáo dục và Đào tạo Hải Phòng năm "
            "2022 như sau:"
        ],
        sections=[
            ParsedSection(
                s.number,
                s.title,
                s.kind,
                s.paragraphs if s.kind != "organisation" else list(DEPARTMENT_ORGANISATION),
            )
            for s in seed.sections
        ],
        tasks=tasks,
        closing=[
            "Trên đây là Kế hoạch thực hiện công tác dân vận của chính quyền và quy chế dân chủ "
            "ở cơ sở ngành Giáo dục và Đào tạo Hải Phòng năm 2022."
        ],
        recipients=["Các đơn vị trực thuộc (để thực hiện)", "Lưu: VT, VP."],
        # The Sở works under its director (chế độ thủ trưởng): the Giám đốc signs.
        signer_title="GIÁM ĐỐC",
    )


DEPARTMENT_ORGANISATION = (
    "Các phòng thuộc Sở, các đơn vị giáo dục căn cứ Kế hoạch này xây dựng kế hoạch thực hiện "
    "của đơn vị, ban hành đúng hạn và gửi về Sở qua Văn phòng Sở.",
    "Thủ trưởng các đơn vị chịu trách nhiệm tổ chức thực hiện, định kỳ 6 tháng, năm báo cáo "
    "kết quả thực hiện về Sở.",
)


def _neighbour_parsed(school: Organisation, parent: Plan) -> ParsedPlan:
    day = f"{parent.issued_on:%d/%m/%Y}" if parent.issued_on else ""
    return ParsedPlan(
        title="Thực hiện công tác dân vận của chính quyền và quy chế dân chủ ở cơ sở "
        f"{school.name}",
        place=school.place_name,
        bases=[f"Căn cứ Kế hoạch số {parent.number_symbol} ngày {day} {parent.title}."],
        sections=[ParsedSection("I", "NHIỆM VỤ TRỌNG TÂM", "tasks")],
        tasks=[
            ParsedTask(number=task.number, heading=task.heading, section="I", lead=school.name)
            for task in parent.tasks.order_by("order")
        ],
        closing=[f"Trên đây là Kế hoạch thực hiện của {school.name}."],
    )


@transaction.atomic
def demo_cascade(school: Organisation, neighbours: list[Organisation]) -> Plan:
    """The Sở's Kế hoạch 81/KH-SGDĐT, issued and sent to Thành Tô and its neighbours; Thành Tô's
    seed plan implements it (on time), one neighbour issued late, one not yet. Idempotent."""
    department = school.guided_by
    assert department is not None
    officer = User.objects.get(username="canboso")
    parent = Plan.objects.filter(organisation=department, source_name=DEPARTMENT_SOURCE).first()
    if parent is None:
        # The real plan is number 81 of the Sở's 2022 register: the 80 documents before it were
        # issued before the Sở used Gần Dân, so its register opens at 80 (demo data only).
        NumberSequence.objects.get_or_create(
            organisation=department,
            year=DEPARTMENT_ISSUED_ON.year,
            is_secret=False,
            defaults={"last_number": DEPARTMENT_NUMBER - 1},
        )
        parent = services.save_imported_plan(
            organisation=department,
            parsed=_department_parsed(),
            user=officer,
            source_name=DEPARTMENT_SOURCE,
        )
        parent = services.issue_plan(
            plan=parent,
            actor=officer,
            issued_on=DEPARTMENT_ISSUED_ON,
            signer=documents.recorded_signer(parent),
        )
    services.cascade_plan(
        plan=parent, actor=officer, organisations=[school, *neighbours], due_on=CASCADE_DUE_ON
    )
    seed_plan = build(school)
    if not seed_plan.parents.filter(pk=parent.pk).exists():
        head = User.objects.get(username="hieutruong")
        services.set_parent_plans(
            plan=seed_plan, actor=head, parents=[*seed_plan.parents.all(), parent]
        )
    for neighbour in neighbours:
        if neighbour.slug in NEIGHBOUR_PLANS:
            _neighbour_plan(neighbour, parent, NEIGHBOUR_PLANS[neighbour.slug])
    return parent


def _neighbour_plan(school: Organisation, parent: Plan, issued_on: dt.date | None) -> None:
    if (
        issued_on is None
        or Plan.objects.filter(organisation=school, source_name=NEIGHBOUR_SOURCE).exists()
    ):
        return
    head, _teacher = orgs_demo.neighbour_staff(school)
    plan = services.save_imported_plan(
        organisation=school,
        parsed=_neighbour_parsed(school, parent),
        user=head,
        source_name=NEIGHBOUR_SOURCE,
    )
    services.set_parent_plans(plan=plan, actor=head, parents=[parent])
    plan = services.issue_plan(
        plan=plan, actor=head, issued_on=issued_on, signer=head_signer(school)
    )
    # A little progress of its own: one task done on time, one overdue now.
    today = timezone.localdate()
    tasks = list(plan.tasks.order_by("order"))
    done = services.assign_task(
        task=tasks[0], actor=head, assignee=head, due_date=days.add_working_days(today, 5)
    )
    services.report_progress(
        assignment=done,
        author=head,
        expected_version=done.version,
        status="done",
        percent=100,
        text="Đã quán triệt kế hoạch tới toàn thể cán bộ, giáo viên, nhân viên.",
    )
    services.assign_task(
        task=tasks[1],
        actor=head,
        assignee=head,
        due_date=days.add_working_days(today - dt.timedelta(days=30), 5),
        note="Xây dựng bản tin tuyên truyền về công tác dân vận.",
    )
