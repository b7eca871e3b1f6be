"""Every action of the evaluation workflow, sent twice through its page (a double click, a
resent form, a back button): the second is refused or changes nothing, and nothing is made
twice (cycle, notice, disclosure, appeal, case)."""

import pytest
import time_machine
from django.urls import reverse

from gandan.audit.models import AuditEvent
from gandan.democracy.models import DisclosureItem
from gandan.evaluation.models import Appeal, CycleStatus, EvaluationCycle, EvaluationStatus
from gandan.evaluation.tests.builders import after, decided_nd90_year, evaluation_of, ward_officer
from gandan.paperwork.models import OutgoingDocument
from gandan.petitions.models import Case


def made() -> tuple[int, ...]:
    """What an action makes: cycles, numbered documents, disclosures, appeals, cases."""
    return (
        EvaluationCycle.objects.count(),
        OutgoingDocument.objects.count(),
        DisclosureItem.objects.count(),
        Appeal.objects.count(),
        Case.objects.count(),
    )


def twice(client, url: str, data: dict | None = None):
    first = client.post(url, data or {})
    state, audit = made(), AuditEvent.objects.count()
    second = client.post(url, data or {})
    return first, second, state, audit


def test_opening_a_cycle_twice_opens_one(client, school, staff, unit_rules):
    client.force_login(staff["principal"])
    data = {"period_type": "quarter", "year": 2026, "number": 1}
    first, second, state, audit = twice(client, reverse("evaluation:cycle_open"), data)
    assert first.status_code == 302
    assert second.status_code == 200
    assert "Kỳ đánh giá này đã được mở." in second.content.decode()
    assert made() == state and AuditEvent.objects.count() == audit


def test_each_step_of_a_quarter_sent_twice_leaves_one_result(client, school, staff, unit_rules):
    # given: a quarter open
    principal, teacher, leader = staff["principal"], staff["teacher"], staff["group_leader"]
    client.force_login(principal)
    client.post(
        reverse("evaluation:cycle_open"), {"period_type": "quarter", "year": 2026, "number": 1}
    )
    cycle = EvaluationCycle.objects.get()
    evaluation = evaluation_of(cycle, teacher)
    cycle.evaluations.exclude(pk=evaluation.pk).delete()
    detail = reverse("evaluation:detail", args=[evaluation.public_id])
    with time_machine.travel(after(cycle.ends_on), tick=False):
        # when / then: the self-assessment twice: one self-assessed form, same scores
        client.force_login(teacher)
        data = {"general": "28", "task": "60", "comment": "Dạy đủ.", "task_reason": "Có"}
        first, second, state, _audit = twice(client, detail, data)
        assert (first.status_code, second.status_code) == (302, 302)
        evaluation.refresh_from_db()
        assert evaluation.status == EvaluationStatus.SELF_ASSESSED
        assert (evaluation.self_general, evaluation.self_task) == (28, 60)
        assert made() == state
        # the tổ's opinion twice
        client.force_login(leader)
        group = reverse("evaluation:group", args=[evaluation.public_id])
        meeting = {"meeting_on": cycle.ends_on.isoformat(), "minutes": "Nhất trí."}
        first, second, state, _audit = twice(client, group, meeting)
        assert (first.status_code, second.status_code) == (302, 302)
        evaluation.refresh_from_db()
        assert evaluation.status == EvaluationStatus.REVIEWED and made() == state
        # the head's decision twice
        client.force_login(principal)
        decide = reverse("evaluation:decide", args=[evaluation.public_id])
        first, second, state, _audit = twice(
            client, decide, {"general": "28", "task": "60", "months_worked": "3"}
        )
        assert (first.status_code, second.status_code) == (302, 302)
        evaluation.refresh_from_db()
        assert evaluation.status == EvaluationStatus.DECIDED and evaluation.score == 88
        # closing twice: the second is refused and changes nothing
        first, second, state, audit = twice(
            client, reverse("evaluation:finalise", args=[cycle.public_id])
        )
        cycle.refresh_from_db()
        assert cycle.status == CycleStatus.DECIDED
        assert made() == state and AuditEvent.objects.count() == audit
        page = client.get(reverse("evaluation:cycle", args=[cycle.public_id])).content.decode()
        assert "Kỳ đánh giá này đã chốt." in page
        # and once closed the form is no longer the person's to send (404, as any refusal)
        client.force_login(teacher)
        refused = client.post(detail, data)
        assert refused.status_code == 404 and made() == state


@pytest.fixture
def decided_year(school, staff):
    return decided_nd90_year(school, staff, {key: "tot" for key in staff})


def test_notices_publication_and_an_appeal_sent_twice_are_made_once(client, staff, decided_year):
    principal, teacher = staff["principal"], staff["teacher"]
    client.force_login(principal)
    with_day = {"day": "2026-11-27"}
    # when: the notices twice
    notify = reverse("evaluation:notify", args=[decided_year.public_id])
    _first, _second, state, audit = twice(client, notify, with_day)
    # then: one numbered notice each but the head's, none on the second
    assert OutgoingDocument.objects.count() == len(staff) - 1
    assert made() == state and AuditEvent.objects.count() == audit
    # when: the ward's officer notifies the head twice (NĐ 233/2026, Điều 13 k3a)
    client.force_login(ward_officer(decided_year.organisation))
    head = evaluation_of(decided_year, principal)
    notify_head = reverse("evaluation:notify_managed", args=[head.public_id])
    _first, _second, state, audit = twice(client, notify_head, with_day)
    # then: one notice in the ward's register
    ward = decided_year.organisation.parent
    assert OutgoingDocument.objects.filter(organisation=ward).count() == 1
    assert made() == state and AuditEvent.objects.count() == audit
    client.force_login(principal)
    # when: the publication twice
    publish = reverse("evaluation:publish", args=[decided_year.public_id])
    _first, _second, state, audit = twice(client, publish, {"day": "2026-11-28"})
    decided_year.refresh_from_db()
    assert decided_year.status == CycleStatus.PUBLISHED
    assert DisclosureItem.objects.count() == 1
    assert made() == state and AuditEvent.objects.count() == audit
    # when: the teacher's appeal twice (a double click on "Gửi")
    client.force_login(teacher)
    evaluation = evaluation_of(decided_year, teacher)
    appeal = reverse("evaluation:appeal", args=[evaluation.public_id])
    data = {"kind": "kien_nghi", "text": "Đề nghị xem xét lại.", "consent": "on"}
    first, second, state, audit = twice(client, appeal, data)
    # then: one appeal, one case in the petitions register, the same code shown both times
    assert (first.status_code, second.status_code) == (302, 302)
    assert Appeal.objects.count() == 1 and Case.objects.count() == 1
    assert made() == state and AuditEvent.objects.count() == audit
    # a different appeal later is a new one
    client.post(appeal, {**data, "text": "Bổ sung: đề nghị họp lại tổ."})
    assert Appeal.objects.count() == 2
