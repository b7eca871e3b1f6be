"""The outgoing register: yearly numbering, symbols, order of issue, withdrawal."""

import dataclasses
import datetime as dt
import os
import subprocess
import sys
import time

import pytest
from django.core.exceptions import ValidationError

from gandan.audit.models import Action, AuditEvent
from gandan.paperwork.document import DocType, Paragraph, number_symbol
from gandan.paperwork.models import DocumentStatus, NumberSequence, OutgoingDocument
from gandan.paperwork.samples import sample_letter, sample_plan
from gandan.paperwork.services import export_document, issue_document, withdraw_document


def draft_plan():
    return dataclasses.replace(sample_plan(), number_symbol="", date=None)


def draft_of(doc_type):
    return dataclasses.replace(draft_plan(), doc_type=doc_type)


def test_first_document_of_the_year_is_01_with_type_and_body_abbreviation(school):
    # given / when
    document = issue_document(
        organisation=school, spec=draft_plan(), issued_on=dt.date(2022, 8, 5), source="test:1"
    )
    # then
    assert document.number == 1
    assert document.year == 2022
    assert document.number_symbol == "01/KH-THTT"
    assert document.spec.number_symbol == "01/KH-THTT"
    assert document.spec.date == dt.date(2022, 8, 5)
    assert document.summary == draft_plan().summary
    assert document.signer_name == "Nguyễn Thị Hồng"
    assert document.signer_prefix == "KT."
    assert document.source == "test:1"
    assert document.status == DocumentStatus.ISSUED


def test_one_sequence_for_all_types_within_the_year(school):
    # given
    issue_document(organisation=school, spec=draft_plan(), issued_on=dt.date(2022, 3, 1))
    issue_document(
        organisation=school, spec=draft_of(DocType.REPORT), issued_on=dt.date(2022, 3, 2)
    )
    # when
    third = issue_document(
        organisation=school, spec=draft_of(DocType.DECISION), issued_on=dt.date(2022, 3, 2)
    )
    # then
    assert third.number_symbol == "03/QĐ-THTT"
    assert list(
        OutgoingDocument.objects.register(school, 2022).values_list("number_symbol", flat=True)
    ) == ["01/KH-THTT", "02/BC-THTT", "03/QĐ-THTT"]


def test_numbering_restarts_at_01_on_1_january(school):
    # given
    for day in (dt.date(2025, 11, 3), dt.date(2025, 12, 31)):
        issue_document(organisation=school, spec=draft_plan(), issued_on=day)
    # when: Nghị định 30/2020, Điều 15 k1: from 01 on 1 January to 31 December.
    january = issue_document(organisation=school, spec=draft_plan(), issued_on=dt.date(2026, 1, 1))
    # then
    assert (january.year, january.number, january.number_symbol) == (2026, 1, "01/KH-THTT")
    assert january.spec.date_line() == "Hải Phòng, ngày 01 tháng 01 năm 2026"
    assert NumberSequence.objects.get(organisation=school, year=2025).last_number == 2


def test_two_organisations_have_independent_sequences(school, other_school):
    # given
    issue_document(organisation=school, spec=draft_plan(), issued_on=dt.date(2026, 2, 2))
    issue_document(organisation=school, spec=draft_plan(), issued_on=dt.date(2026, 2, 3))
    # when
    other = issue_document(
        organisation=other_school, spec=draft_plan(), issued_on=dt.date(2026, 2, 3)
    )
    # then
    assert other.number_symbol == "01/KH-THĐL"


def test_secret_documents_have_their_own_sequence(school):
    # given
    issue_document(organisation=school, spec=draft_plan(), issued_on=dt.date(2026, 3, 2))
    # when: Điều 15 k1: a separate sequence for secret documents.
    secret = issue_document(
        organisation=school, spec=draft_plan(), issued_on=dt.date(2026, 3, 2), is_secret=True
    )
    public = issue_document(organisation=school, spec=draft_plan(), issued_on=dt.date(2026, 3, 3))
    # then
    assert (secret.number, public.number) == (1, 2)


def test_cong_van_symbol_has_no_type_abbreviation(school):
    # given
    letter = dataclasses.replace(sample_letter(), number_symbol="", date=None)
    issue_document(organisation=school, spec=draft_plan(), issued_on=dt.date(2026, 1, 2))
    # when: Phụ lục I, II.3b: body abbreviation, then the drafting unit.
    plain = issue_document(organisation=school, spec=letter, issued_on=dt.date(2026, 1, 5))
    with_unit = issue_document(
        organisation=school, spec=letter, issued_on=dt.date(2026, 1, 5), unit="HC"
    )
    # then: without a unit named, the office ("VP"), never the body alone.
    assert plain.number_symbol == "02/THTT-VP"
    assert with_unit.number_symbol == "03/THTT-HC"
    assert with_unit.doc_type == DocType.OFFICIAL_LETTER


def test_builder_receives_the_number_to_quote_it(school):
    # given
    def build(number, day):
        own = number_symbol(number, "QĐ", school.symbol)
        return dataclasses.replace(
            draft_of(DocType.DECISION), body=(Paragraph(f"Quyết định số {own} có hiệu lực."),)
        )

    # when
    document = issue_document(organisation=school, spec=build, issued_on=dt.date(2026, 4, 1))
    # then
    assert document.spec.body == (Paragraph("Quyết định số 01/QĐ-THTT có hiệu lực."),)


def test_dates_cannot_go_backwards_within_a_register(school):
    # given
    issue_document(organisation=school, spec=draft_plan(), issued_on=dt.date(2026, 5, 10))
    # when: Điều 15 k1: numbers follow the order of issue.
    with pytest.raises(ValidationError):
        issue_document(organisation=school, spec=draft_plan(), issued_on=dt.date(2026, 5, 9))
    # then: nothing changed, and the number was not consumed.
    assert OutgoingDocument.objects.count() == 1
    assert NumberSequence.objects.get(organisation=school, year=2026).last_number == 1


def test_organisation_without_symbol_is_refused(school):
    # given
    school.symbol = ""
    school.save(update_fields=["symbol"])
    # when / then
    with pytest.raises(ValidationError):
        issue_document(organisation=school, spec=draft_plan(), issued_on=dt.date(2026, 5, 9))
    assert not OutgoingDocument.objects.exists()
    assert not NumberSequence.objects.exists()


def test_withdrawn_document_keeps_its_number(school):
    # given
    first = issue_document(organisation=school, spec=draft_plan(), issued_on=dt.date(2026, 6, 1))
    # when
    withdrawn = withdraw_document(
        document=first, reason="Ban hành nhầm đối tượng", withdrawn_on=dt.date(2026, 6, 2)
    )
    second = issue_document(organisation=school, spec=draft_plan(), issued_on=dt.date(2026, 6, 3))
    # then
    withdrawn.refresh_from_db()
    assert withdrawn.status == DocumentStatus.WITHDRAWN
    assert withdrawn.number == 1 and withdrawn.number_symbol == "01/KH-THTT"
    assert withdrawn.withdrawal_reason == "Ban hành nhầm đối tượng"
    assert second.number == 2
    assert OutgoingDocument.objects.count() == 2


def test_withdrawal_needs_a_reason_and_happens_once(school):
    # given
    document = issue_document(organisation=school, spec=draft_plan(), issued_on=dt.date(2026, 6, 1))
    # when / then
    with pytest.raises(ValidationError):
        withdraw_document(document=document, reason="  ")
    document.refresh_from_db()
    assert document.status == DocumentStatus.ISSUED
    withdraw_document(document=document, reason="Sai sót")
    with pytest.raises(ValidationError):
        withdraw_document(document=document, reason="Lần nữa")
    document.refresh_from_db()
    assert document.withdrawal_reason == "Sai sót"


def test_issue_and_withdrawal_are_written_to_the_audit_log(school):
    # given
    document = issue_document(organisation=school, spec=draft_plan(), issued_on=dt.date(2026, 6, 1))
    # when
    withdraw_document(document=document, reason="Sai sót")
    # then
    events = AuditEvent.objects.filter(object_id=str(document.pk)).order_by("sequence")
    assert [event.action for event in events] == [Action.CREATE, Action.WITHDRAW]
    assert "01/KH-THTT" in events[0].summary


def test_export_renders_the_stored_content(school):
    # given
    document = issue_document(organisation=school, spec=draft_plan(), issued_on=dt.date(2026, 1, 5))
    # when
    content = export_document(document, "docx")
    # then
    assert content[:2] == b"PK"
    assert b"word/document.xml" in content
    with pytest.raises(ValueError):
        export_document(document, "odt")


WORKER = """
import datetime as dt, dataclasses, sys, time
import django
django.setup()
from gandan.orgs.models import Organisation
from gandan.paperwork.samples import sample_plan
from gandan.paperwork.services import issue_document
school = Organisation.objects.get(slug="th-thanh-to")
spec = dataclasses.replace(sample_plan(), number_symbol="", date=None)
time.sleep(max(0.0, float(sys.argv[1]) - time.time()))  # all workers start together
for _ in range(10):
    print(issue_document(organisation=school, spec=spec, issued_on=dt.date(2026, 9, 1)).number)
"""

SETUP = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from gandan.orgs.models import Organisation, OrgKind
ward = Organisation.objects.create(kind=OrgKind.COMMUNE_COMMITTEE, slug="w", name="UBND")
Organisation.objects.create(
    kind=OrgKind.SCHOOL, parent=ward, slug="th-thanh-to", name="TH Thành Tô", symbol="THTT"
)
"""


def test_concurrent_issuing_gives_distinct_consecutive_numbers(tmp_path):
    # given: four processes sharing one SQLite database file, as under a real server.
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env |= {"GANDAN_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "gandan.settings"}
    subprocess.run([sys.executable, "-c", SETUP], env=env, check=True, timeout=120)
    start = str(time.time() + 3)
    # when
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, start], env=env, stdout=subprocess.PIPE, text=True
        )
        for _ in range(4)
    ]
    outputs = [worker.communicate(timeout=120)[0] for worker in workers]
    # then
    assert [worker.returncode for worker in workers] == [0, 0, 0, 0]
    numbers = sorted(int(line) for output in outputs for line in output.split())
    assert numbers == list(range(1, 41))
