"""An evaluation notice's căn cứ names the decree in full: number, date, issuer and subject
(Nghị định 30/2020/NĐ-CP, Phụ lục I)."""

import pytest

from gandan.evaluation.models import EvaluationRuleSet

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (
            "nd-90-2020-vien-chuc",
            (
                "Nghị định số 90/2020/NĐ-CP ngày 13 tháng 8 năm 2020",
                "của Chính phủ về đánh giá, xếp loại",
            ),
        ),
        (
            "nd-233-2026-vien-chuc",
            (
                "Nghị định số 233/2026/NĐ-CP ngày 26 tháng 6 năm 2026",
                "của Chính phủ về đánh giá, xếp loại viên chức",
            ),
        ),
    ],
)
def test_each_rule_sets_citation_names_number_date_issuer_and_subject(code, words):
    citation = EvaluationRuleSet.objects.get(code=code).citation
    for part in words:
        assert part in citation
