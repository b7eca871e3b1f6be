"""The worker's schedule: each job once per slot, retried after a failure, the tick chain single."""

import datetime as dt
import zoneinfo

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from gandan.notify import schedule
from gandan.notify.models import ScheduleRun
from gandan.notify.testing import run_worker

pytestmark = pytest.mark.django_db
HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
CALLS: list[str] = []


def count_call() -> None:
    CALLS.append("ran")


def fail_once() -> None:
    CALLS.append("tried")
    if CALLS.count("tried") == 1:
        raise RuntimeError("lỗi tạm thời")


@pytest.fixture
def jobs(monkeypatch):
    CALLS.clear()
    monkeypatch.setattr(schedule, "JOBS", {})
    return schedule


def test_a_daily_job_runs_once_a_day_from_its_time(jobs):
    jobs.register("t.daily", f"{__name__}.count_call", daily_at=dt.time(6, 0))
    assert jobs.run_due(dt.datetime(2026, 12, 3, 5, 59, tzinfo=HANOI)) == []
    assert jobs.run_due(dt.datetime(2026, 12, 3, 6, 0, tzinfo=HANOI)) == ["t.daily"]
    assert jobs.run_due(dt.datetime(2026, 12, 3, 18, 0, tzinfo=HANOI)) == []
    assert jobs.run_due(dt.datetime(2026, 12, 4, 6, 5, tzinfo=HANOI)) == ["t.daily"]
    assert CALLS == ["ran", "ran"]


def test_an_interval_job_runs_once_per_window(jobs):
    jobs.register("t.often", f"{__name__}.count_call", every_minutes=15)
    for minute in (0, 5, 14, 15, 29, 30):
        jobs.run_due(dt.datetime(2026, 12, 3, 10, minute, tzinfo=HANOI))
    assert CALLS == ["ran", "ran", "ran"]


def test_a_failed_job_is_tried_again_at_the_next_tick(jobs):
    jobs.register("t.flaky", f"{__name__}.fail_once", daily_at=dt.time(0, 0))
    now = dt.datetime(2026, 12, 3, 7, 0, tzinfo=HANOI)
    assert jobs.run_due(now) == []
    assert not ScheduleRun.objects.exists()
    assert jobs.run_due(now + dt.timedelta(minutes=1)) == ["t.flaky"]
    assert ScheduleRun.objects.get().finished_at is not None


def test_the_tick_chain_stays_single(jobs):
    jobs.ensure_ticking()
    jobs.ensure_ticking()
    ticks = DBTaskResult.objects.filter(task_path=schedule.tick.module_path)
    assert ticks.count() == 1
    run_worker()  # runs the tick, which queues the next one a minute later
    assert ticks.filter(status=TaskResultStatus.READY).count() == 1
    assert ticks.filter(status=TaskResultStatus.SUCCESSFUL).count() == 1


def test_the_registered_jobs_include_the_outbox_and_the_digest():
    assert {"notify.sweep", "notify.digest", "notify.prune"} <= set(schedule.JOBS)


def test_the_worker_command_runs_what_is_queued(jobs, teacher):
    from django.core import mail

    from gandan.notify import services
    from gandan.notify.models import Topic

    teacher.email = "nhung@truong.edu.vn"
    teacher.save()
    services.notify(
        [teacher],
        topic=Topic.PLANS,
        kind="plans.task_due",
        key="due:1",
        title="Nhiệm vụ đến hạn ngày 05 tháng 12 năm 2026",
        url="/ke-hoach/",
        urgent=True,
    )
    call_command("worker", "--batch", "--interval", "0")
    assert len(mail.outbox) == 1


def test_old_finished_records_are_pruned_and_waiting_work_kept(jobs):
    now = dt.datetime(2026, 12, 3, 3, 0, tzinfo=HANOI)
    old = now - dt.timedelta(days=31)
    recent = now - dt.timedelta(days=2)
    ScheduleRun.objects.create(job="t.old", slot="a", started_at=old, finished_at=old)
    ScheduleRun.objects.create(job="t.recent", slot="b", started_at=recent, finished_at=recent)
    jobs.ensure_ticking()  # a waiting tick (READY): never pruned
    run_worker()  # the tick ran (SUCCESSFUL) and queued the next one
    finished = DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL)
    assert finished.count() == 1
    finished.update(finished_at=old)
    assert schedule.prune(now) == 2
    assert list(ScheduleRun.objects.values_list("job", flat=True)) == ["t.recent"]
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).exists()
