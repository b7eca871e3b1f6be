"""Staff cannot turn into a khiếu nại what intake would refuse as one (Luật Khiếu nại 2011,
Điều 8: the complainant's name and address); letters never print a citation not yet checked."""

import pytest
from django.core.exceptions import ValidationError

from gandan.petitions import services
from gandan.petitions.models import Case, CaseKind, DeadlineRule
from gandan.petitions.services.workflow import due_label
from gandan.petitions.tests.conftest import RECEIVED, submit

pytestmark = pytest.mark.django_db


def _state(case: Case) -> tuple:
    case.refresh_from_db()
    return (case.kind, case.procedure, case.deadlines.count(), case.events.count())


@pytest.mark.parametrize(
    "sender",
    [
        services.Sender(name="", phone="", address=""),  # anonymous feedback
        services.Sender(name="Trần Văn Phụ Huynh", phone="0987654321", address=""),
    ],
)
def test_a_feedback_without_name_or_address_cannot_become_a_complaint(
    school, principal, deadline_rules, sender
):
    anonymous = not sender.name
    case = submit(school, sender=sender, anonymous=anonymous, consent=not anonymous)
    before = _state(case)
    with pytest.raises(ValidationError) as refused:
        services.classify_case(case=case, actor=principal, kind=CaseKind.COMPLAINT)
    assert "Điều 8" in str(refused.value)
    assert _state(case) == before


def test_a_named_feedback_with_an_address_can_become_a_complaint(school, principal, deadline_rules):
    case = submit(school)
    case = services.classify_case(case=case, actor=principal, kind=CaseKind.COMPLAINT)
    assert case.kind == CaseKind.COMPLAINT


def test_a_letters_due_line_leaves_out_a_citation_not_yet_checked(
    school, principal, deadline_rules
):
    # given: the rule that sets a step's limit is flagged as not yet checked
    case = submit(school)
    row = case.deadlines.exclude(due=None).exclude(is_internal_policy=True).first()
    assert row is not None
    rule = DeadlineRule.objects.in_force(case.kind, case.received_on, case.procedure).get(
        step=row.step
    )
    rule.needs_verification = True
    rule.citation = "Nghị định chưa đối chiếu, Điều 99"
    rule.save()
    # then: the letter keeps the date and leaves out the unverified text
    line = due_label(case, row.step)
    assert "Điều 99" not in line
    assert row.due is not None and row.due.strftime("%d/%m/%Y") in line
    # and once checked, the basis is printed
    rule.needs_verification = False
    rule.save()
    assert "Điều 99" in due_label(case, row.step)


def test_a_transition_clause_on_the_step_is_not_printed_as_the_limits_basis(
    school, principal, complaint
):
    # given: a complaint of March 2026, whose resolution step the 2026 transition made
    # suspendable (NĐ 155/2026 Điều 22 k1, an unverified copy), accepted on its day
    services.accept_case(case=complaint, actor=principal, on=RECEIVED)
    step = complaint.deadlines.get(step="giai_quyet")
    assert step.needs_verification and "NĐ 155/2026" in step.citation
    # then: the letter cites the article that sets the 30 days, and nothing unverified
    line = due_label(complaint, "giai_quyet")
    assert "Luật Khiếu nại 2011, Điều 28" in line
    assert "155/2026" not in line
