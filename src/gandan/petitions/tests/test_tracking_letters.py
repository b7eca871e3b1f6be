"""The citizen downloads the letters sent to them from the tracking page: with the tracking
code only, only letters addressed to them, only issued ones; anything else is a 404, and a
denouncer's letters never name them (Luật Tố cáo 2018, Điều 47)."""

import datetime as dt
import io

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from docx import Document

from gandan.paperwork.models import DocumentStatus, OutgoingDocument
from gandan.paperwork.services import withdraw_document
from gandan.petitions import services, throttle
from gandan.petitions.tests.conftest import (
    DENOUNCER,
    DENOUNCER_ADDRESS,
    DENOUNCER_PHONE,
    RECEIVED,
    submit,
)

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(autouse=True)
def on_today():
    with time_machine.travel(dt.datetime(2026, 3, 4, 2, tzinfo=dt.UTC), tick=False):
        yield


def letter_url(code: str, document: OutgoingDocument, fmt: str = "docx") -> str:
    return reverse("petitions:letter", args=[code, document.pk]) + f"?dinh-dang={fmt}"


def text_of(response) -> str:
    document = Document(io.BytesIO(response.content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def by_kind(case, kind: str) -> OutgoingDocument:
    return OutgoingDocument.objects.get(source=f"petitions.case:{case.pk}:{kind}")


def test_the_sender_downloads_the_acknowledgement_from_the_tracking_page(feedback, principal):
    # given: the acknowledgement issued
    letter = services.issue_acknowledgement(case=feedback, actor=principal, on=RECEIVED)
    citizen = Client()
    # when: the tracking page
    page = citizen.get(reverse("petitions:tracked", args=[feedback.tracking_code]))
    # then: it links the letter
    assert page.status_code == 200
    assert letter_url(feedback.tracking_code, letter) in page.content.decode()
    # and the letter opens with the code alone, addressed to the sender
    response = citizen.get(letter_url(feedback.tracking_code, letter))
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert "no-store" in response["Cache-Control"]
    text = text_of(response)
    assert letter.number_symbol.split("/")[0] in text
    assert "Trần Văn Phụ Huynh" in text


@pytest.mark.parametrize(
    "mangle",
    [
        pytest.param(lambda code, pk: ("ZZZZZZZZZZ", pk), id="wrong code"),
        pytest.param(lambda code, pk: (code, pk + 1000), id="no such letter"),
        pytest.param(lambda code, pk: (code.lower(), pk), id="code not normalised"),
    ],
)
def test_anything_but_the_code_and_a_letter_of_its_case_is_a_404(feedback, principal, mangle):
    letter = services.issue_acknowledgement(case=feedback, actor=principal, on=RECEIVED)
    code, pk = mangle(feedback.tracking_code, letter.pk)
    response = Client().get(reverse("petitions:letter", args=[code, pk]))
    assert response.status_code == 404


def test_a_letter_of_another_case_is_a_404_with_this_code(school, feedback, principal):
    # given: two parents' cases, each acknowledged
    other = submit(school, title="Cổng trường ùn tắc", idempotency_key="k2")
    mine = services.issue_acknowledgement(case=feedback, actor=principal, on=RECEIVED)
    theirs = services.issue_acknowledgement(case=other, actor=principal, on=RECEIVED)
    citizen = Client()
    # then
    assert citizen.get(letter_url(feedback.tracking_code, mine)).status_code == 200
    assert citizen.get(letter_url(feedback.tracking_code, theirs)).status_code == 404
    page = citizen.get(reverse("petitions:tracked", args=[feedback.tracking_code])).content
    assert theirs.number_symbol not in page.decode()


def test_a_withdrawn_or_not_yet_dated_letter_is_a_404(feedback, principal):
    letter = services.issue_acknowledgement(case=feedback, actor=principal, on=RECEIVED)
    citizen = Client()
    # when: dated tomorrow (issued ahead of its date): not yet sent
    OutgoingDocument.objects.filter(pk=letter.pk).update(issued_on=dt.date(2026, 3, 5))
    assert citizen.get(letter_url(feedback.tracking_code, letter)).status_code == 404
    # when: dated today again, then withdrawn
    OutgoingDocument.objects.filter(pk=letter.pk).update(issued_on=dt.date(2026, 3, 4))
    assert citizen.get(letter_url(feedback.tracking_code, letter)).status_code == 200
    withdraw_document(document=letter, reason="Ghi nhầm ngày nhận đơn.", actor=principal)
    assert OutgoingDocument.objects.get(pk=letter.pk).status == DocumentStatus.WITHDRAWN
    assert citizen.get(letter_url(feedback.tracking_code, letter)).status_code == 404
    page = citizen.get(reverse("petitions:tracked", args=[feedback.tracking_code])).content
    assert letter.number_symbol not in page.decode()


def test_the_denouncer_gets_the_acceptance_never_the_notice_to_the_person_denounced(
    assigned_denunciation,
):
    # given: accepted: a decision to the denouncer (by pseudonym), a notice to the denounced
    case = assigned_denunciation
    acceptance = by_kind(case, "thu_ly")
    to_denounced = by_kind(case, "thong_bao_bi_to_cao")
    citizen = Client()
    # then: the acceptance opens, naming the denouncer by pseudonym only
    response = citizen.get(letter_url(case.tracking_code, acceptance))
    assert response.status_code == 200
    text = text_of(response)
    assert case.pseudonym in text
    for secret in (DENOUNCER, DENOUNCER_ADDRESS, DENOUNCER_PHONE, "031099001234"):
        assert secret not in text
    assert DENOUNCER not in response["Content-Disposition"]
    # and the notice to the person denounced is not the citizen's
    assert citizen.get(letter_url(case.tracking_code, to_denounced)).status_code == 404
    page = citizen.get(reverse("petitions:tracked", args=[case.tracking_code])).content.decode()
    assert acceptance.number_symbol in page
    assert to_denounced.number_symbol not in page
    assert DENOUNCER not in page


def test_the_transfer_letter_to_the_other_body_is_not_the_citizens(complaint, principal):
    # given: transferred: a letter to the competent body, a notice to the sender
    services.transfer_case(
        case=complaint, actor=principal, to_body="UBND phường Hải An", reason="thuộc phường"
    )
    citizen = Client()
    notice = by_kind(complaint, "thong_bao_chuyen_don")
    letter = by_kind(complaint, "chuyen_don")
    # then
    assert citizen.get(letter_url(complaint.tracking_code, notice)).status_code == 200
    assert citizen.get(letter_url(complaint.tracking_code, letter)).status_code == 404


def test_an_anonymous_sender_has_no_letters(school, principal, deadline_rules):
    # given: an unsigned feedback, answered on the tracking page only
    case = submit(school, anonymous=True, sender=services.Sender(), idempotency_key="anon")
    services.resolve_case(case=case, actor=principal, outcome="", public_answer="Đã sửa.")
    # then
    page = Client().get(reverse("petitions:tracked", args=[case.tracking_code]))
    assert page.status_code == 200
    assert "Văn bản nhà trường gửi ông (bà)" not in page.content.decode()
    assert not OutgoingDocument.objects.filter(source__startswith=f"petitions.case:{case.pk}:")


def test_a_wrong_code_counts_as_a_miss_and_the_lookup_limit_applies(
    feedback, principal, monkeypatch
):
    letter = services.issue_acknowledgement(case=feedback, actor=principal, on=RECEIVED)
    citizen = Client()
    # when: a guessed code
    misses = []
    monkeypatch.setattr(throttle, "record_miss", lambda request: misses.append(request.path))
    assert citizen.get(letter_url("ZZZZZZZZZZ", letter)).status_code == 404
    assert len(misses) == 1
    # when: past the per-code limit
    monkeypatch.setattr(throttle, "LOOKUP_CODE", throttle.Limit("lookup-code", 1, 600))
    assert citizen.get(letter_url(feedback.tracking_code, letter)).status_code == 200
    refused = citizen.get(letter_url(feedback.tracking_code, letter))
    assert refused.status_code == 429
    assert refused["Retry-After"]


def test_the_letter_as_pdf(feedback, principal):
    letter = services.issue_acknowledgement(case=feedback, actor=principal, on=RECEIVED)
    response = Client().get(letter_url(feedback.tracking_code, letter, "pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
