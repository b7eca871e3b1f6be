"""After the decision: written notices through the register, publication inside the unit
(a staff disclosure of the democracy register), and appeals opening a petitions case."""

import datetime as dt
import io
import re

import docx
import pytest
import time_machine
from django.core.exceptions import ValidationError

from gandan.democracy.models import DisclosureItem, DisclosureObligation
from gandan.democracy.services import disclosures
from gandan.evaluation.models import Appeal, CycleStatus, EvaluationStatus
from gandan.evaluation.rules import Level
from gandan.evaluation.services import appeals, assessment, cycles, results
from gandan.evaluation.tests.builders import after, decided_nd90_year, evaluation_of
from gandan.paperwork.services import export_document
from gandan.petitions.models import Case

D = dt.date
LEVELS = {
    "principal": Level.GOOD,
    "deputy": Level.EXCELLENT,
    "teacher": Level.GOOD,
    "group_leader": Level.GOOD,
    "other_teacher": Level.GOOD,  # five at "tốt" or better: one may be "xuất sắc"
}


@pytest.fixture
def decided_year(school, staff):
    """School year 2025–2026 (NĐ 90/2020), everyone rated, closed on 05/6/2026."""
    return decided_nd90_year(school, staff, LEVELS)


def test_each_person_gets_a_numbered_written_notice(decided_year, staff):
    # when
    count = results.notify_results(
        cycle=decided_year, actor=staff["principal"], issued_on=D(2026, 6, 8)
    )
    # then
    rows = list(decided_year.evaluations.select_related("notice", "person"))
    notified = [e for e in rows if e.notice is not None]
    assert count == 4
    assert sorted(e.notice.number_symbol for e in notified) == [
        f"0{n}/TB-THTT" for n in range(1, 5)
    ]
    # the head's is the managing body's notice (NĐ 233/2026, Điều 13 k3a), not the school's
    assert [e.person for e in rows if e.notice is None] == [staff["principal"]]
    teacher = next(e for e in rows if e.person == staff["teacher"])
    text = "\n".join(
        p.text
        for p in docx.Document(io.BytesIO(export_document(teacher.notice, "docx"))).paragraphs
    )
    assert "THÔNG BÁO" in text
    # the year's dash as the paperwork's conventions print it ("2025–2026" or "2025 - 2026")
    assert re.search(
        r"Kết quả đánh giá, xếp loại chất lượng viên chức năm học 2025 ?[–-] ?2026", text
    )
    assert "Lê Thị Hồng Nhung" in text
    table = docx.Document(io.BytesIO(export_document(teacher.notice, "docx"))).tables
    cells = {cell.text for t in table for row in t.rows for cell in row.cells}
    assert "Hoàn thành tốt nhiệm vụ" in cells
    # and again: nobody is notified twice
    assert (
        results.notify_results(
            cycle=decided_year, actor=staff["principal"], issued_on=D(2026, 6, 8)
        )
        == 0
    )


def test_notices_wait_for_the_closed_results(school, staff):
    cycle = cycles.open_cycle(
        organisation=school, actor=staff["principal"], period_type="year", year=2025
    )
    with pytest.raises(ValidationError):
        results.notify_results(cycle=cycle, actor=staff["principal"], issued_on=D(2026, 6, 8))
    assert not cycle.evaluations.filter(notice__isnull=False).exists()


def test_publication_is_a_staff_disclosure_on_the_intranet(decided_year, staff):
    # when
    cycle = results.publish_results(
        cycle=decided_year, actor=staff["principal"], published_on=D(2026, 6, 9)
    )
    # then
    item = cycle.disclosure
    assert item is not None
    assert (cycle.status, cycle.published_on) == (CycleStatus.PUBLISHED, D(2026, 6, 9))
    assert (item.obligation.code, item.published_on, item.channels) == (
        "noi-bo-cong-tac-can-bo",
        D(2026, 6, 9),
        ["intranet"],
    )
    assert item.title == "Kết quả đánh giá, xếp loại viên chức năm học 2025–2026"
    assert "Lê Thị Hồng Nhung, Giáo viên: Hoàn thành tốt nhiệm vụ." in item.body
    assert not cycle.evaluations.filter(published_at__isnull=True).exists()


def test_publication_fulfils_an_item_already_awaiting_disclosure(decided_year, staff, school):
    # given: the democracy register already holds the results as decided, not disclosed
    waiting = disclosures.record_disclosure(
        organisation=school,
        obligation=DisclosureObligation.objects.get(code="noi-bo-cong-tac-can-bo"),
        actor=staff["principal"],
        title="Kết quả đánh giá, xếp loại viên chức năm học 2025–2026",
        decision_date=D(2026, 6, 5),
    )
    # when
    cycle = results.publish_results(
        cycle=decided_year, actor=staff["principal"], published_on=D(2026, 6, 9)
    )
    # then
    assert cycle.disclosure == waiting
    assert DisclosureItem.objects.filter(organisation=school).count() == 1


def test_open_results_are_not_published(school, staff):
    cycle = cycles.open_cycle(
        organisation=school, actor=staff["principal"], period_type="year", year=2025
    )
    with pytest.raises(ValidationError):
        results.publish_results(cycle=cycle, actor=staff["principal"], published_on=D(2026, 11, 28))
    cycle.refresh_from_db()
    assert (cycle.status, cycle.disclosure) == (CycleStatus.OPEN, None)
    assert not DisclosureItem.objects.exists()


def test_an_appeal_opens_a_complaint_case(decided_year, staff):
    # given
    teacher = staff["teacher"]
    results.notify_results(cycle=decided_year, actor=staff["principal"], issued_on=D(2026, 6, 8))
    evaluation = evaluation_of(decided_year, teacher)
    # when
    appeal = appeals.file_appeal(
        evaluation=evaluation,
        actor=teacher,
        text="Tôi hoàn thành vượt mức 60% nhiệm vụ, đề nghị xem xét mức xuất sắc.",
        consent=True,
    )
    # then
    case = appeal.case
    assert case is not None
    assert (case.kind, case.procedure, case.channel, case.organisation) == (
        "khieu_nai",
        "lan_dau",
        "web",
        decided_year.organisation,
    )
    assert case.title == "Khiếu nại kết quả xếp loại chất lượng viên chức năm học 2025–2026"
    assert "Hoàn thành tốt nhiệm vụ" in case.content
    assert case.contact_name == "Lê Thị Hồng Nhung"
    assert decided_year.events.filter(kind="appealed").count() == 1


def test_an_appeal_needs_a_notified_result_of_ones_own(decided_year, staff):
    evaluation = evaluation_of(decided_year, staff["teacher"])
    with pytest.raises(ValidationError):
        appeals.file_appeal(
            evaluation=evaluation, actor=staff["teacher"], text="Không đồng ý.", consent=True
        )
    results.notify_results(cycle=decided_year, actor=staff["principal"], issued_on=D(2026, 6, 8))
    with pytest.raises(ValidationError):
        appeals.file_appeal(
            evaluation=evaluation_of(decided_year, staff["teacher"]),
            actor=staff["other_teacher"],
            text="Không đồng ý.",
            consent=True,
        )
    assert not Appeal.objects.exists()
    assert not Case.objects.exists()


def test_an_appeal_without_consent_is_refused_and_leaves_nothing(decided_year, staff):
    results.notify_results(cycle=decided_year, actor=staff["principal"], issued_on=D(2026, 6, 8))
    with pytest.raises(ValidationError):
        appeals.file_appeal(
            evaluation=evaluation_of(decided_year, staff["teacher"]),
            actor=staff["teacher"],
            text="Không đồng ý.",
            consent=False,
        )
    assert not Appeal.objects.exists()
    assert not Case.objects.exists()


def test_a_person_with_under_six_months_gets_a_notice_saying_so(school, staff):
    principal = staff["principal"]
    with time_machine.travel(after(D(2026, 6, 4)), tick=False):
        cycle = cycles.open_cycle(
            organisation=school, actor=principal, period_type="year", year=2025
        )
        evaluation = assessment.decide_evaluation(
            evaluation=evaluation_of(cycle, staff["other_teacher"]),
            actor=principal,
            months_worked=4,
        )
    assert evaluation.status == EvaluationStatus.NOT_RATED
    assert evaluation.not_rated_reason.startswith("thời gian làm việc trong năm chưa đủ 6 tháng")


def test_the_count_of_people_without_a_decision_is_the_count_of_the_names_given(
    school, staff, nd233, unit_rules
):
    # given: twelve people of a quarter without a decision (more than the names shown)
    from gandan.evaluation.models import Evaluation
    from gandan.orgs.models import User

    cycle = cycles.open_cycle(
        organisation=school, actor=staff["principal"], period_type="quarter", year=2026
    )
    names = [f"Người Thứ {n:02d}" for n in range(1, 13)]
    rows = [Evaluation(cycle=cycle, person=User(full_name=name)) for name in names]
    # when
    found = results.problems(cycle, rows)
    # then: 12 said, 8 named and "4 others": one list behind both
    message = found[0]
    assert message.startswith("12 người chưa có quyết định: ")
    named = [name for name in names if name in message]
    assert named == names[:8]
    assert message.endswith(" và 4 người khác.")
    # and with a short list every name is given and nothing is added
    short = results.problems(cycle, rows[:3])[0]
    assert short == "3 người chưa có quyết định: Người Thứ 01, Người Thứ 02, Người Thứ 03."


def test_the_written_notice_names_no_product(decided_year, staff):
    # given
    results.notify_results(cycle=decided_year, actor=staff["principal"], issued_on=D(2026, 6, 8))
    teacher = decided_year.evaluations.select_related("notice").get(person=staff["teacher"])
    # when
    document = docx.Document(io.BytesIO(export_document(teacher.notice, "docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    # then: official text names the school's channel, not the software (paperwork.conventions)
    assert "Gần Dân" not in text
    assert "trang thông tin của nhà trường" in text
