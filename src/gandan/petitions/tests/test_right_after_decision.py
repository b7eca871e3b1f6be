"""A complaint decision tells the complainant the next step with the limit of their procedure,
read from the rules table: 30 days to complain again after a first-instance decision (Luật
Khiếu nại 2011 Điều 33), 10 days (30 for buộc thôi việc) after a disciplinary one (Điều 48),
no invented period after a second-instance decision."""

import pytest

from gandan.petitions import documents, services
from gandan.petitions.models import CaseKind, DeadlineRule, Procedure
from gandan.petitions.tests.conftest import submit

pytestmark = pytest.mark.django_db


def _article_2(school, principal, procedure: str) -> str:
    case = submit(school, CaseKind.COMPLAINT, title="Khiếu nại quyết định kỷ luật khiển trách")
    case = services.classify_case(
        case=case, actor=principal, kind=CaseKind.COMPLAINT, procedure=procedure
    )
    spec = documents.resolution(case, outcome="Giữ nguyên quyết định.", answer="")
    return " ".join(getattr(block, "text", "") for block in spec.body)


def test_after_a_disciplinary_first_instance_decision_the_time_bar_is_ten_days(
    school, principal, deadline_rules
):
    text = _article_2(school, principal, Procedure.DISCIPLINARY_FIRST)
    assert "Trong thời hạn 10 ngày kể từ ngày nhận được Quyết định này (30 ngày" in text
    assert "khiếu nại lần hai đến" in text
    assert "30 ngày kể từ ngày nhận được Quyết định này, nếu" not in text


def test_the_limit_is_the_rules_tables(school, principal, deadline_rules):
    # given: an administrator corrects the row of the time bar (one mechanism for each limit)
    DeadlineRule.objects.filter(procedure=Procedure.DISCIPLINARY_SECOND, step="thoi_hieu").update(
        limit=12
    )
    # then: the letter follows it
    text = _article_2(school, principal, Procedure.DISCIPLINARY_FIRST)
    assert "Trong thời hạn 12 ngày kể từ ngày nhận được Quyết định này" in text


def test_after_a_first_instance_decision_the_complainant_has_thirty_days(
    school, principal, deadline_rules
):
    text = _article_2(school, principal, Procedure.FIRST_INSTANCE)
    assert "Trong thời hạn 30 ngày kể từ ngày nhận được Quyết định này, nếu không đồng ý" in text
    assert "khởi kiện vụ án hành chính" in text


@pytest.mark.parametrize("procedure", [Procedure.SECOND_INSTANCE, Procedure.DISCIPLINARY_SECOND])
def test_a_second_instance_decision_sets_no_period_of_its_own(
    school, principal, deadline_rules, procedure
):
    text = _article_2(school, principal, procedure)
    assert "khởi kiện vụ án hành chính tại Tòa án" in text
    assert "Trong thời hạn 30 ngày" not in text


def test_the_denunciation_acceptance_cites_the_decree_in_full(school, principal, deadline_rules):
    # NĐ 30/2020, Phụ lục I: a căn cứ names the text's number, date, issuer and subject
    case = submit(school, CaseKind.DENUNCIATION, denounced_person="Giáo viên lớp 3B")
    spec = documents.acceptance(case, due_label="30 ngày")
    text = " ".join(getattr(block, "text", "") for block in spec.body)
    assert (
        "Căn cứ Nghị định số 31/2019/NĐ-CP ngày 10 tháng 4 năm 2019 của Chính phủ quy định chi "
        "tiết một số điều và biện pháp tổ chức thi hành Luật Tố cáo"
    ) in text
