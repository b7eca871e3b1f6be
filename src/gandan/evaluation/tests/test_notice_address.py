"""The written notice addresses the person as their account records it (Bà Lê Thị Hồng Nhung,
and "bà" inside a sentence), the neutral "Ông/Bà" when nothing was chosen, never "Ông (bà)"."""

import datetime as dt
import io

import docx
import pytest

from gandan.core.salutation import Salutation
from gandan.evaluation.services import results
from gandan.evaluation.tests.builders import decided_nd90_year
from gandan.evaluation.tests.test_results import LEVELS
from gandan.paperwork.services import export_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided_year(school, staff):
    return decided_nd90_year(school, staff, LEVELS)


def _teacher_notice_text(decided_year, staff) -> str:
    results.notify_results(
        cycle=decided_year, actor=staff["principal"], issued_on=dt.date(2026, 6, 8)
    )
    teacher = decided_year.evaluations.select_related("notice").get(person=staff["teacher"])
    document = docx.Document(io.BytesIO(export_document(teacher.notice, "docx")))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for t in document.tables for row in t.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize(
    ("chosen", "addressed", "in_sentence"),
    [
        (Salutation.BA, "Bà Lê Thị Hồng Nhung", "bà Lê Thị Hồng Nhung"),
        ("", "Ông/Bà Lê Thị Hồng Nhung", "ông/bà Lê Thị Hồng Nhung"),
    ],
)
def test_the_notice_addresses_the_person_as_recorded(
    decided_year, staff, chosen, addressed, in_sentence
):
    teacher = staff["teacher"]
    teacher.salutation = chosen
    teacher.save(update_fields=["salutation"])
    text = _teacher_notice_text(decided_year, staff)
    assert addressed in text
    assert in_sentence in text
    assert "(bà)" not in text
