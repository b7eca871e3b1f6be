"""For the tests of every app: run the background worker in-process until nothing is ready."""

from django_tasks_db.management.commands.db_worker import Worker


def run_worker(max_tasks: int | None = None) -> int:
    """Run the ready tasks (deliveries, ticks) the way `gandan worker` does; returns how many."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=max_tasks,
        worker_id="tests",
        excluded_queue_names=[],
    )
    worker.run()
    return worker._run_tasks
