import datetime as dt
from pathlib import Path

import time_machine

from gandan.plans import services
from gandan.plans.importer import parse_plan_file

SEED = Path(__file__).resolve().parents[1] / "seeds" / "ke-hoach-dan-van-2022-thanh-to.txt"
HANOI = dt.timezone(dt.timedelta(hours=7))


def test_desk_lists_my_tasks_with_overdue_and_due_soon(client, school, principal, teacher):
    # given: on Thursday 27/8/2026, three assignments for the teacher
    with time_machine.travel(dt.datetime(2026, 8, 27, 9, tzinfo=HANOI), tick=False):
        plan = services.save_imported_plan(
            organisation=school, parsed=parse_plan_file(SEED), user=principal
        )
        tasks = list(plan.tasks.order_by("order"))
        for task, due in (
            (tasks[0], dt.date(2026, 8, 26)),  # yesterday: overdue
            # 3 working days after 27/8 is 4/9 (31/8, 1/9, 2/9 are days off): due soon
            (tasks[1], dt.date(2026, 9, 4)),
            (tasks[2], dt.date(2026, 9, 7)),  # after that: neither
        ):
            services.assign_task(task=task, actor=principal, assignee=teacher, due_date=due)
        # when
        client.force_login(teacher)
        body = client.get("/ban-lam-viec/").content.decode()
    # then
    assert "Nhiệm vụ của tôi" in body
    assert "1 quá hạn" in body and "1 sắp đến hạn" in body
    assert body.index("26/08/2026") < body.index("04/09/2026") < body.index("07/09/2026")


def test_other_peoples_tasks_are_not_on_my_desk(client, school, principal, teacher, clerk):
    plan = services.save_imported_plan(
        organisation=school, parsed=parse_plan_file(SEED), user=principal
    )
    services.assign_task(
        task=plan.tasks.order_by("order")[0],
        actor=principal,
        assignee=clerk,
        due_date=dt.date(2030, 1, 7),
    )
    client.force_login(teacher)
    body = client.get("/ban-lam-viec/").content.decode()
    assert "Bạn chưa được giao nhiệm vụ nào đang mở." in body
