"""The intake writes what it computed in memory: the next due date in the case's own row equal
to what the stored due dates say, a tracking-code clash drawn again with nothing half-written,
and a replay found by the case's unique key changes nothing."""

from gandan.audit.models import AuditEvent
from gandan.petitions.models import Case, CaseDeadline, CaseEvent, CaseKind
from gandan.petitions.services import intake, timing
from gandan.petitions.tests.conftest import submit


def test_the_next_due_date_written_with_the_case_is_the_stored_due_dates_own(
    school, deadline_rules
):
    # when: a complaint (several steps) and a feedback arrive
    for kind in (CaseKind.COMPLAINT, CaseKind.FEEDBACK):
        case = submit(school, kind, sender=intake.Sender(name="Lê Văn Cường", address="Số 12"))
        stored = Case.objects.get(pk=case.pk)
        # then: the case row holds the earliest pending tracked step of its due-date rows
        rows = list(CaseDeadline.objects.filter(case=stored))
        assert rows and stored.next_due is not None
        assert (stored.next_due, stored.next_step) == timing.next_pending(rows)
        # and recomputing from the stored facts changes nothing
        timing.store_deadlines(stored)
        again = Case.objects.get(pk=case.pk)
        assert (again.next_due, again.next_step) == (stored.next_due, stored.next_step)
        assert sorted(
            CaseDeadline.objects.filter(case=stored).values_list("step", "due")
        ) == sorted((row.step, row.due) for row in rows)


def test_a_tracking_code_already_given_is_drawn_again(school, deadline_rules, monkeypatch):
    first = submit(school)
    draws = iter([first.tracking_code, "7K3MQ9XPAB"])
    monkeypatch.setattr(intake, "new_tracking_code", lambda: next(draws))
    events_before, audit_before = CaseEvent.objects.count(), AuditEvent.objects.count()
    # when: the second case's first code is the first case's
    second = submit(school, title="Cổng trường ùn tắc giờ tan học")
    # then: it is stored once, under the second code, with its own rows only
    assert second.tracking_code == "7K3MQ9XPAB" and second.pk != first.pk
    assert Case.objects.count() == 2
    assert CaseEvent.objects.count() == events_before + 1
    assert AuditEvent.objects.count() == audit_before + 1
    assert CaseDeadline.objects.filter(case=second).exists()


def test_a_replay_returns_the_case_and_writes_nothing(school, deadline_rules):
    first = submit(school, idempotency_key="lan-gui-1")
    counts = (
        Case.objects.count(),
        CaseEvent.objects.count(),
        CaseDeadline.objects.count(),
        AuditEvent.objects.count(),
    )
    # when: the same submission comes again (a double tap, a retry after a lost answer)
    again = submit(school, idempotency_key="lan-gui-1")
    # then
    assert again.pk == first.pk
    assert (
        Case.objects.count(),
        CaseEvent.objects.count(),
        CaseDeadline.objects.count(),
        AuditEvent.objects.count(),
    ) == counts
