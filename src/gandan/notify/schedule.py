"""The worker's schedule: the jobs that used to need a command typed by hand.

Each app registers its jobs in its AppConfig.ready() with `register(name, path, ...)`: every N
minutes, or once a day from a local time. `tick()` is a task that runs the jobs that are due and
enqueues the next tick a minute later; `gandan worker` starts the chain if no tick is waiting.
A job runs at most once per slot (its minute window or its day) however many workers tick: the
`ScheduleRun` row of (job, slot) is inserted first, and a second insert fails. A job that raises
is logged with its error and its row removed, so the next tick tries again.

The jobs stay rerunnable commands too (case_reminders, close_due_surveys, ...): a job is the
function the command calls.
"""

import datetime as dt
import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.tasks import task
from django.utils import timezone
from django.utils.module_loading import import_string

from gandan.notify.models import ScheduleRun

logger = logging.getLogger(__name__)

TICK_EVERY = dt.timedelta(minutes=1)


@dataclass(frozen=True)
class Job:
    name: str
    path: str  # dotted path of a function called with no arguments
    every_minutes: int | None = None
    daily_at: dt.time | None = None

    def slot(self, now: dt.datetime) -> str | None:
        """The slot `now` falls in, or None when the job is not due yet today."""
        local = timezone.localtime(now)
        if self.every_minutes:
            minutes = (local.hour * 60 + local.minute) // self.every_minutes * self.every_minutes
            return f"{local.date().isoformat()}T{minutes // 60:02d}:{minutes % 60:02d}"
        assert self.daily_at is not None
        if local.time() < self.daily_at:
            return None
        return local.date().isoformat()


JOBS: dict[str, Job] = {}


def register(
    name: str, path: str, *, every_minutes: int | None = None, daily_at: dt.time | None = None
) -> None:
    if (every_minutes is None) == (daily_at is None):
        raise ValueError("a job runs either every N minutes or daily at a time")
    JOBS[name] = Job(name=name, path=path, every_minutes=every_minutes, daily_at=daily_at)


def run_due(now: dt.datetime | None = None) -> list[str]:
    """Run every job due at `now` not yet run in its slot; returns the names run."""
    now = now or timezone.now()
    ran = []
    for job in list(JOBS.values()):
        slot = job.slot(now)
        if slot is None:
            continue
        try:
            with transaction.atomic():
                run = ScheduleRun.objects.create(job=job.name, slot=slot, started_at=now)
        except IntegrityError:
            continue
        try:
            import_string(job.path)()
        except Exception as exc:
            logger.exception("scheduled job %s failed", job.name)
            ScheduleRun.objects.filter(pk=run.pk).delete()
            logger.warning("job %s will be tried again: %s", job.name, exc)
            continue
        ScheduleRun.objects.filter(pk=run.pk).update(finished_at=timezone.now())
        ran.append(job.name)
    return ran


# How long the records of finished work are kept: the task rows of django-tasks-db (one tick a
# minute, each delivery) and the schedule's runs. Messages themselves are kept (the outbox).
KEEP_FINISHED = dt.timedelta(days=30)


def prune(now: dt.datetime | None = None) -> int:
    """Remove finished task rows and schedule runs older than KEEP_FINISHED (job notify.prune);
    returns how many rows went. Waiting and running tasks are never touched."""
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    before = (now or timezone.now()) - KEEP_FINISHED
    tasks, _ = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED], finished_at__lt=before
    ).delete()
    runs, _ = ScheduleRun.objects.filter(finished_at__lt=before).delete()
    return tasks + runs


def tick_waiting() -> bool:
    """Whether a tick is queued (now or later)."""
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=tick.module_path, status=TaskResultStatus.READY
    ).exists()


def ensure_ticking() -> None:
    """Start the tick chain unless a tick is already waiting (the worker calls this at start)."""
    if not tick_waiting():
        tick.enqueue()


@task()
def tick() -> list[str]:
    try:
        return run_due()
    finally:
        # The next tick; a second worker's chain stops here instead of doubling.
        if not tick_waiting():
            tick.using(run_after=timezone.now() + TICK_EVERY).enqueue()
