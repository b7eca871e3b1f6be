"""The head's evaluation belongs to the managing body (NĐ 233/2026, Điều 13 k2a, k3a; Điều 15
k2đ): the ward's officer decides it and issues its written notice, signed "TM. ỦY BAN NHÂN DÂN";
the school shows it as "do cơ quan quản lý đánh giá" and never decides or signs it.

Cast: the ward's officer (authority_officer) decides; the head (principal) never on herself; the
deputy, the teacher, another ward's officer, the Sở's officer (it guides, it does not manage),
another school's head and an outsider get a 404 and change nothing.
"""

import datetime as dt
import io

import docx
import pytest
import time_machine
from django.urls import reverse

from gandan.conftest import _person
from gandan.evaluation import access
from gandan.evaluation.models import (
    EvaluationEvent,
    EvaluationRuleSet,
    EvaluationStatus,
    ScoreHistory,
)
from gandan.evaluation.rules import RatedAbove, decided_by_managing_body
from gandan.evaluation.services import assessment, cycles, results
from gandan.evaluation.tests.builders import after, decided_nd90_year, evaluation_of
from gandan.orgs.models import Role
from gandan.paperwork.models import OutgoingDocument
from gandan.paperwork.services import export_document

D = dt.date
MEETING = D(2026, 5, 28)
PERSONAS = [
    "authority_officer",
    "principal",
    "deputy",
    "teacher",
    "other_ward_officer",
    "department_officer",
    "other_school_principal",
    "outsider",
]
LEVELS = {key: "tot" for key in ("principal", "deputy", "teacher", "group_leader", "other_teacher")}


@pytest.mark.parametrize(
    ("is_head", "is_manager", "rated_above", "expected"),
    [
        (True, True, RatedAbove.HEAD, True),  # Điều 13 k3a: the head, by the managing body
        (False, True, RatedAbove.HEAD, False),  # k3b: a deputy, by the school's head
        (False, False, RatedAbove.HEAD, False),  # k3b: staff, by the school's head
        (True, True, RatedAbove.HEAD_AND_DEPUTIES, True),
        (False, True, RatedAbove.HEAD_AND_DEPUTIES, True),
        (False, False, RatedAbove.HEAD_AND_DEPUTIES, False),
    ],
)
def test_who_the_managing_body_rates(is_head, is_manager, rated_above, expected):
    assert (
        decided_by_managing_body(is_head=is_head, is_manager=is_manager, rated_above=rated_above)
        is expected
    )


def test_both_decree_versions_give_the_head_to_the_managing_body_flagged_for_checking(db):
    rule_sets = {r.code: r for r in EvaluationRuleSet.objects.all()}
    for code in ("nd-233-2026-vien-chuc", "nd-90-2020-vien-chuc"):
        assert rule_sets[code].rated_by_managing_body == RatedAbove.HEAD
        assert rule_sets[code].needs_verification
    assert "Điều 13 k2a, k3a" in rule_sets["nd-233-2026-vien-chuc"].notes
    assert "cần xác minh" in rule_sets["nd-90-2020-vien-chuc"].notes


@pytest.fixture
def people(
    staff,
    authority_officer,
    other_ward_officer,
    department_officer,
    other_school_principal,
    outsider,
):
    return staff | {
        "authority_officer": authority_officer,
        "other_ward_officer": other_ward_officer,
        "department_officer": department_officer,
        "other_school_principal": other_school_principal,
        "outsider": outsider,
    }


@pytest.fixture
def open_year(school, people):
    """School year 2025–2026 open on 05/6/2026: the unit rated, the head reviewed."""
    with time_machine.travel(after(D(2026, 6, 4)), tick=False):
        cycle = cycles.open_cycle(
            organisation=school, actor=people["principal"], period_type="year", year=2025
        )
        cycles.record_unit_level(
            cycle=cycle, actor=people["principal"], level="tot", reference="QĐ 101/QĐ-UBND"
        )
        head = evaluation_of(cycle, people["principal"])
        assessment.submit_self_assessment(
            evaluation=head, actor=people["principal"], comment="Báo cáo năm học.", level="tot"
        )
        assessment.record_group_opinion(
            evaluation=head,
            actor=people["deputy"],
            meeting_on=MEETING,
            minutes="Hội nghị nhất trí.",
            party_opinion="Chi bộ nhất trí.",
        )
        yield cycle


def _state(cycle):
    """What a refused decision or notice could have changed."""
    return (
        list(
            cycle.evaluations.order_by("pk").values_list(
                "status", "level", "decided_by", "notice", "notified_at"
            )
        ),
        ScoreHistory.objects.count(),
        EvaluationEvent.objects.count(),
        OutgoingDocument.objects.count(),
    )


def test_only_the_wards_officer_decides_the_head_and_a_refusal_changes_nothing(
    client, open_year, people
):
    head = evaluation_of(open_year, people["principal"])
    url = reverse("evaluation:decide", args=[head.public_id])
    data = {"level": "tot", "months_worked": "12", "decision_reference": "QĐ 12/QĐ-UBND"}
    # when / then: everyone else is refused, page and post, and nothing changes
    with time_machine.travel(after(D(2026, 6, 4)), tick=False):
        for persona in PERSONAS[1:]:
            client.force_login(people[persona])
            before = _state(open_year)
            assert client.get(url).status_code == 404, persona
            assert client.post(url, data).status_code == 404, persona
            assert _state(open_year) == before, persona
        # when: the ward's officer decides
        client.force_login(people["authority_officer"])
        assert client.get(url).status_code == 200
        response = client.post(url, data)
    # then
    assert response.status_code == 302
    assert response["Location"] == reverse("evaluation:managed")
    head.refresh_from_db()
    assert (head.status, head.level, head.decided_by) == (
        EvaluationStatus.DECIDED,
        "tot",
        people["authority_officer"],
    )
    assert head.decision_reference == "QĐ 12/QĐ-UBND"


def test_the_school_shows_the_heads_evaluation_as_the_managing_bodys(client, open_year, people):
    # when
    client.force_login(people["principal"])
    body = client.get(reverse("evaluation:cycle", args=[open_year.public_id])).content.decode()
    head = evaluation_of(open_year, people["principal"])
    deputy = evaluation_of(open_year, people["deputy"])
    # then: no decision link on her row, one on the deputy's (Điều 13 k3b: the school's head)
    assert "do cơ quan quản lý đánh giá" in body
    assert reverse("evaluation:decide", args=[head.public_id]) not in body
    assert reverse("evaluation:decide", args=[deputy.public_id]) in body
    detail = client.get(reverse("evaluation:detail", args=[head.public_id])).content.decode()
    assert "Do cơ quan quản lý (Ủy ban nhân dân phường Hải An) đánh giá" in detail
    assert reverse("evaluation:decide", args=[head.public_id]) not in detail
    assert not access.can_decide(people["principal"], head)
    assert not access.can_decide(people["deputy"], head)


def test_the_wards_officer_sees_the_heads_of_the_schools_below_it_awaiting_a_decision(
    client, open_year, people, other_school
):
    # given: the other school's head, not reviewed yet, in a year of her own
    other_head = people["other_school_principal"]
    other = cycles.open_cycle(
        organisation=other_school, actor=other_head, period_type="year", year=2025
    )
    url = reverse("evaluation:managed")
    # when
    client.force_login(people["authority_officer"])
    body = client.get(url).content.decode()
    # then: both heads, not the deputy (NĐ 233/2026 leaves deputies to the school)
    assert "Nguyễn Thị Thu Hà" in body and "Phạm Văn Sơn" in body
    assert "Trần Văn Minh" not in body
    head = evaluation_of(open_year, people["principal"])
    assert reverse("evaluation:decide", args=[head.public_id]) in body
    assert reverse("evaluation:decide", args=[evaluation_of(other, other_head).public_id]) in body
    desk = client.get(reverse("desk")).content.decode()
    assert "Xếp loại hiệu trưởng các trường" in desk and "Đánh giá Nguyễn Thị Thu Hà" in desk
    # another ward's officer and the Sở's see none of them; school staff get a 404
    for persona in ("other_ward_officer", "department_officer"):
        client.force_login(people[persona])
        other_body = client.get(url).content.decode()
        assert "Nguyễn Thị Thu Hà" not in other_body and "Phạm Văn Sơn" not in other_body
    for persona in ("principal", "deputy", "teacher", "outsider"):
        client.force_login(people[persona])
        assert client.get(url).status_code == 404, persona


def test_a_rule_set_that_gives_the_deputies_to_the_managing_body_routes_them_too(
    client, open_year, people
):
    # given: a decree version where the managing body also rates the deputies
    EvaluationRuleSet.objects.filter(pk=open_year.rule_set_id).update(
        rated_by_managing_body=RatedAbove.HEAD_AND_DEPUTIES
    )
    # when
    client.force_login(people["authority_officer"])
    body = client.get(reverse("evaluation:managed")).content.decode()
    deputy = evaluation_of(open_year, people["deputy"])
    # then
    assert "Trần Văn Minh" in body
    assert deputy.decided_above
    assert access.can_decide(people["authority_officer"], deputy)
    assert not access.can_decide(people["principal"], deputy)


def test_the_heads_quarter_is_scored_by_the_managing_body(school, people, unit_rules):
    # given: Quý I 2026–2027, the head reported and the meeting held
    principal, deputy = people["principal"], people["deputy"]
    quarter = cycles.open_cycle(
        organisation=school, actor=principal, period_type="quarter", year=2026
    )
    head = evaluation_of(quarter, principal)
    assessment.submit_self_assessment(
        evaluation=head, actor=principal, comment="Quý I.", general=28, task=60, task_reason="x"
    )
    assessment.record_group_opinion(
        evaluation=head, actor=deputy, meeting_on=D(2026, 11, 27), minutes="Nhất trí."
    )
    # then: Điều 13 k2a: the managing body tracks and evaluates the head, not her deputy
    assert not access.can_decide(deputy, head)
    assert not access.can_decide(principal, head)
    assert access.can_decide(people["authority_officer"], head)
    assert not access.can_decide(people["other_ward_officer"], head)


@pytest.fixture
def closed_year(school, people):
    return decided_nd90_year(school, people, LEVELS)


def test_only_the_wards_officer_notifies_the_head_and_the_school_never_does(
    client, closed_year, people, ward
):
    # given: the ward's chairman, who signs for the UBND
    _person("chutichphuong", "Vũ Đình Long", (ward, Role.HEAD, "Chủ tịch"))
    head = evaluation_of(closed_year, people["principal"])
    url = reverse("evaluation:notify_managed", args=[head.public_id])
    # when: the school notifies its staff
    client.force_login(people["principal"])
    client.post(reverse("evaluation:notify", args=[closed_year.public_id]), {"day": "2026-06-08"})
    # then: not the head
    head.refresh_from_db()
    assert head.notice is None
    # when: anyone but the ward's officer tries the ward's notice
    for persona in PERSONAS[1:]:
        client.force_login(people[persona])
        before = _state(closed_year)
        assert client.post(url, {"day": "2026-06-08"}).status_code == 404, persona
        assert _state(closed_year) == before, persona
    # when: the ward's officer issues it
    client.force_login(people["authority_officer"])
    response = client.post(url, {"day": "2026-06-08"})
    # then: numbered in the ward's register, signed for the UBND by its chairman
    assert response.status_code == 302
    head.refresh_from_db()
    assert head.notice is not None
    assert head.notice.organisation == ward
    assert head.notice.number_symbol == "01/TB-UBND"
    document = docx.Document(io.BytesIO(export_document(head.notice, "docx")))
    lines = [p.text for p in document.paragraphs] + [
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    ]
    text = " ".join(" ".join(lines).split())  # the header's names wrap over lines
    assert "ỦY BAN NHÂN DÂN PHƯỜNG HẢI AN" in text
    assert "TM. ỦY BAN NHÂN DÂN" in text and "CHỦ TỊCH" in text and "Vũ Đình Long" in text
    assert "HIỆU TRƯỞNG" not in text
    assert "Ủy ban nhân dân phường Hải An thông báo kết quả" in text
    assert "Nguyễn Thị Thu Hà, hiệu trưởng, Trường Tiểu học Thành Tô" in text
    assert "Hải An, ngày 08 tháng 6 năm 2026" in text
    assert "Trường Tiểu học Thành Tô (để công khai trong đơn vị)" in text
    # and the school's own register holds no notice of hers
    assert not OutgoingDocument.objects.filter(
        organisation=closed_year.organisation, source=f"evaluation.evaluation:{head.pk}"
    ).exists()


def test_the_heads_notice_waits_for_the_school_to_close_the_year(open_year, people):
    # given: the head decided by the ward, the year still open at the school
    head = evaluation_of(open_year, people["principal"])
    with time_machine.travel(after(D(2026, 6, 4)), tick=False):
        assessment.decide_evaluation(
            evaluation=head, actor=people["authority_officer"], level="tot"
        )
        before = _state(open_year)
        # when / then
        with pytest.raises(Exception, match="sau khi nhà trường chốt kết quả"):
            results.notify_managed_result(
                evaluation=head, actor=people["authority_officer"], issued_on=D(2026, 6, 5)
            )
    assert _state(open_year) == before


def test_the_wards_decision_sent_twice_is_one_decision(client, open_year, people):
    # given
    head = evaluation_of(open_year, people["principal"])
    url = reverse("evaluation:decide", args=[head.public_id])
    data = {"level": "tot", "months_worked": "12"}
    client.force_login(people["authority_officer"])
    with time_machine.travel(after(D(2026, 6, 4)), tick=False):
        # when: a double click
        first = client.post(url, data)
        history = ScoreHistory.objects.filter(evaluation=head).count()
        second = client.post(url, data)
    # then: decided once; the second send writes no new score or level
    assert (first.status_code, second.status_code) == (302, 302)
    head.refresh_from_db()
    assert (head.status, head.level) == (EvaluationStatus.DECIDED, "tot")
    assert history > 0
    assert ScoreHistory.objects.filter(evaluation=head).count() == history
    assert OutgoingDocument.objects.count() == 0
