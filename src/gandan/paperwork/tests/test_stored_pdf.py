"""An issued document's PDF is rendered once and stored: later downloads read the stored file,
a change of the stored content renders again, and backups carry the file."""

import dataclasses
import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client

from gandan.conftest import department, school, ward  # noqa: F401  (the tree with the clerk)
from gandan.paperwork import services
from gandan.paperwork.models import RenderedDocument
from gandan.paperwork.samples import sample_plan
from gandan.paperwork.services import export_document, issue_document

FAKE_PDF = b"%PDF-1.7 rendered for the test"
URL = "/so-van-ban-di/th-thanh-to/2025/1.pdf"


@pytest.fixture
def renders(monkeypatch, settings, tmp_path) -> list[int]:
    """Counts the PDF conversions (no LibreOffice needed); the files folder is a fresh one."""
    settings.MEDIA_ROOT = tmp_path / "files"
    calls: list[int] = []

    def fake_render_pdf(spec, **options):
        calls.append(1)
        return FAKE_PDF + str(len(calls)).encode()

    monkeypatch.setattr(services, "render_pdf", fake_render_pdf)
    return calls


def issued(school):  # noqa: F811
    draft = dataclasses.replace(sample_plan(), number_symbol="", date=None)
    return issue_document(organisation=school, spec=draft, issued_on=dt.date(2025, 3, 2))


def test_the_second_download_reads_the_stored_file(school, renders, settings):  # noqa: F811
    # given
    document = issued(school)
    # when
    first = export_document(document, "pdf")
    second = export_document(document, "pdf")
    # then
    assert len(renders) == 1
    assert first == second == FAKE_PDF + b"1"
    stored = RenderedDocument.objects.get(document=document)
    assert stored.content_hash == services.content_hash(document)
    assert stored.sha256 == hashlib.sha256(first).hexdigest()
    assert stored.size == len(first)
    assert stored.original_name == "01-KH-THTT.pdf"
    assert stored.content_type == "application/pdf"
    assert Path(stored.file.path).is_relative_to(settings.MEDIA_ROOT)  # what backups copy


def test_a_download_through_the_register_page_is_served_from_storage(clerk, school, renders):  # noqa: F811
    # given
    document = issued(school)
    client = Client()
    client.force_login(clerk)
    # when
    responses = [client.get(URL) for _ in range(3)]
    # then
    assert [response.status_code for response in responses] == [200, 200, 200]
    assert {response.content for response in responses} == {FAKE_PDF + b"1"}
    assert len(renders) == 1
    assert RenderedDocument.objects.filter(document=document).count() == 1
    assert "01-KH-THTT.pdf" in responses[-1]["Content-Disposition"]


def test_changed_content_is_rendered_again(school, renders):  # noqa: F811
    # given
    document = issued(school)
    before = export_document(document, "pdf")
    # when: the stored content is corrected
    spec_json = json.loads(json.dumps(document.spec_json))
    spec_json["summary"] = "Kế hoạch đã đính chính"
    document.spec_json = spec_json
    document.save(update_fields=["spec_json"])
    after = export_document(document, "pdf")
    again = export_document(document, "pdf")
    # then
    assert len(renders) == 2
    assert before != after == again
    assert RenderedDocument.objects.filter(document=document).count() == 2


def test_a_stored_row_whose_file_is_gone_is_rendered_again(school, renders):  # noqa: F811
    # given
    document = issued(school)
    export_document(document, "pdf")
    Path(RenderedDocument.objects.get().file.path).unlink()
    # when
    content = export_document(document, "pdf")
    # then
    assert len(renders) == 2
    assert content == FAKE_PDF + b"2"
    assert RenderedDocument.objects.count() == 1


def test_the_docx_is_not_stored(school, renders):  # noqa: F811
    # given
    document = issued(school)
    # when
    content = export_document(document, "docx")
    # then
    assert content[:2] == b"PK"
    assert not RenderedDocument.objects.exists()
    assert renders == []


@pytest.mark.django_db(transaction=True)
def test_a_backup_carries_the_stored_pdf(school, renders, tmp_path):  # noqa: F811
    # given
    if connection.vendor == "postgresql" and shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    from gandan.core.backups import make_backup

    document = issued(school)
    content = export_document(document, "pdf")
    stored = RenderedDocument.objects.get(document=document)
    # when
    manifest = make_backup(tmp_path / "backup")
    # then: the files folder of the backup holds the PDF, byte for byte
    copied = tmp_path / "backup" / "files" / stored.file.name
    assert copied.read_bytes() == content
    assert manifest["tables"]["paperwork_rendereddocument"] == 1
