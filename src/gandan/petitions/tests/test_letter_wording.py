"""Letters to citizens in official style: no internal notes of the rules table, one date style
inside a letter (the long form only in the place-and-date line), Vietnamese punctuation, the
form of address the sender chose."""

import datetime as dt
import io
import re

import docx
import pytest

from gandan.orgs import demo as orgs_demo
from gandan.paperwork.models import OutgoingDocument
from gandan.paperwork.rendering import render_docx
from gandan.petitions import demo, documents, services
from gandan.petitions.models import Case, CaseKind
from gandan.petitions.tests.conftest import RECEIVED, submit

INTERNAL = ("Chính sách nội bộ", "không phải thời hạn luật định", "mục tiêu nội bộ")
LONG_DATE = re.compile(r"ngày \d{1,2} tháng \d{1,2} năm \d{4}")


def _paragraphs(document: OutgoingDocument) -> list[str]:
    parsed = docx.Document(io.BytesIO(render_docx(document.spec)))
    parts = [p.text for p in parsed.paragraphs]
    for table in parsed.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return parts


@pytest.fixture
def demo_letters(deadline_rules) -> dict[str, list[OutgoingDocument]]:
    school = orgs_demo.build()
    demo.build(school)
    letters: dict[str, list[OutgoingDocument]] = {}
    for case in Case.objects.filter(organisation=school):
        letters[case.idempotency_key] = list(services.case_documents(case))
    return letters


def test_no_demo_letter_carries_an_internal_note_a_dash_or_the_old_salutation(demo_letters):
    documents_seen = [d for docs in demo_letters.values() for d in docs]
    assert len(documents_seen) >= 5
    for document in documents_seen:
        text = "\n".join(_paragraphs(document))
        for note in INTERNAL:
            assert note not in text, (document.number_symbol, note)
        assert "–" not in text and "—" not in text, document.number_symbol
        assert "Ông (bà)" not in text and "ông (bà)" not in text, document.number_symbol
        assert "Cảm ơn phụ huynh đã báo" not in text


def test_the_demo_letters_use_each_senders_form_of_address(demo_letters):
    [*_, reply] = [d for d in demo_letters["demo-1"] if d.source.endswith(":ket_qua")]
    text = "\n".join(_paragraphs(reply))
    assert "Kính gửi: Ông Trần Văn Bình" in text
    assert "Nhà trường trân trọng cảm ơn ông đã phản ánh kịp thời." in text
    texts = ["\n".join(_paragraphs(d)) for d in demo_letters["demo-2"]]
    assert texts and all("Kính gửi: Bà Nguyễn Thị Hoa" in t for t in texts if "Kính gửi" in t)


def test_a_schools_own_target_reads_as_its_commitment(school, principal, deadline_rules):
    # given: a recommendation, whose resolution time is the school's own target (no law sets one)
    case = submit(school, CaseKind.RECOMMENDATION)
    assert case.deadlines.filter(is_internal_policy=True).exists()
    # when
    services.accept_case(case=case, actor=principal, on=RECEIVED)
    # then: the acceptance notice states the target without the rules table's note
    [notice] = [d for d in services.case_documents(case) if "thụ lý" in d.summary]
    text = "\n".join(_paragraphs(notice))
    for note in INTERNAL:
        assert note not in text
    assert "(theo cam kết của nhà trường)" in text


def test_a_legal_time_limit_still_cites_its_article(school, principal, complaint):
    services.accept_case(case=complaint, actor=principal, on=RECEIVED)
    [notice] = [d for d in services.case_documents(complaint) if "thụ lý" in d.summary]
    text = "\n".join(_paragraphs(notice))
    assert "Luật Khiếu nại" in text and "cam kết của nhà trường" not in text


def test_the_apology_uses_one_date_style_in_its_body(school, deadline_rules):
    case = submit(school)
    spec = documents.apology(
        case,
        late_step="Giải quyết và trả lời kết quả",
        due=dt.date(2026, 3, 20),
        new_date=dt.date(2026, 3, 25),
        reason="Chờ đơn vị thi công khảo sát mái.",
    )
    body = "\n".join(
        str(getattr(part, "text", "")) for part in spec.body
    )  # the place-and-date line is not part of the body
    assert "25/03/2026" in body and "20/03/2026" in body
    assert not LONG_DATE.search(body)
