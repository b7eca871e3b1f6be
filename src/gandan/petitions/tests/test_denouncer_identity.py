"""The denouncer is protected (Luật Tố cáo 2018, Điều 47, 56): sealed at rest, shown only to
the resolver, every view logged, never in documents, exports, publications or other pages."""

import base64
import datetime as dt
import io
import json

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.http import Http404
from django.urls import reverse

from gandan.audit.models import Action, AuditEvent
from gandan.paperwork.models import OutgoingDocument
from gandan.petitions import access, services
from gandan.petitions.models import CaseKind, DenouncerIdentity
from gandan.petitions.tests.conftest import (
    DENOUNCER,
    DENOUNCER_ADDRESS,
    DENOUNCER_PHONE,
    RECEIVED,
    submit,
)

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
SECRETS = (DENOUNCER, DENOUNCER_ADDRESS, DENOUNCER_PHONE, "031099001234")


def _raw_rows(table: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")
        return json.dumps(cursor.fetchall(), default=str, ensure_ascii=False)


def test_the_identity_is_not_stored_in_plaintext_anywhere(denunciation):
    # then: not in the identity row, not on the case, not in events or the audit log
    raw = _raw_rows("petitions_denounceridentity")
    raw += _raw_rows("petitions_case") + _raw_rows("petitions_caseevent")
    raw += _raw_rows("audit_auditevent")
    for secret in SECRETS:
        assert secret not in raw
    assert denunciation.content == "" and denunciation.needs_redaction
    token = DenouncerIdentity.objects.get(case=denunciation).name_token
    assert token.startswith("gAAAA")  # a Fernet token


def test_only_the_resolver_sees_the_identity_and_each_view_is_logged(
    assigned_denunciation, resolver, principal, verifier, clerk, inspector
):
    case = assigned_denunciation
    # when: the resolver looks twice
    first = access.access_denouncer_identity(resolver, case)
    access.access_denouncer_identity(resolver, case)
    # then
    assert first.name == DENOUNCER and first.phone == DENOUNCER_PHONE
    assert "Tôi là Phạm Thị Bí Mật" in first.original_content
    views = AuditEvent.objects.filter(action=Action.VIEW_PROTECTED, actor=resolver)
    assert views.count() == 2
    assert all(DENOUNCER not in event.summary for event in views)
    # and nobody else, not even the head
    for person in (principal, verifier, clerk, inspector):
        with pytest.raises(Http404):
            access.access_denouncer_identity(person, case)
    assert AuditEvent.objects.filter(action=Action.VIEW_PROTECTED).count() == 2


def test_the_identity_page_through_the_web(client, assigned_denunciation, resolver, principal):
    url = reverse("petitions:identity", args=[assigned_denunciation.public_id])
    client.force_login(principal)
    assert client.get(url).status_code == 404
    client.force_login(resolver)
    page = client.get(url)
    assert page.status_code == 200
    assert DENOUNCER in page.content.decode()
    assert page["Cache-Control"] == "no-store"
    assert AuditEvent.objects.filter(
        action=Action.VIEW_PROTECTED, actor=resolver, ip_address="127.0.0.1"
    ).exists()


def test_everyone_but_the_resolver_sees_a_pseudonym(
    client, assigned_denunciation, principal, verifier, resolver
):
    case = assigned_denunciation
    services.redact_case(
        case=case, actor=resolver, content="Tố cáo việc thu tiền học thêm trong lớp 4B."
    )
    for person in (principal, verifier):
        client.force_login(person)
        page = client.get(reverse("petitions:detail", args=[case.public_id])).content.decode()
        assert case.pseudonym in page
        assert "Tố cáo việc thu tiền học thêm trong lớp 4B." in page
        for secret in SECRETS:
            assert secret not in page
        assert "Xem thông tin người tố cáo" not in page
    client.force_login(resolver)
    page = client.get(reverse("petitions:detail", args=[case.public_id])).content.decode()
    assert "Xem thông tin người tố cáo" in page
    assert DENOUNCER not in page  # the detail page itself never shows it


def test_the_pseudonym_is_stable_and_reveals_nothing(denunciation):
    assert denunciation.pseudonym == denunciation.pseudonym
    assert denunciation.pseudonym.startswith("Người tố cáo ")
    assert DENOUNCER not in denunciation.pseudonym


def test_no_document_of_the_case_contains_the_identity(
    assigned_denunciation, principal, resolver, verifier
):
    case = assigned_denunciation
    services.record_minutes(
        case=case,
        actor=verifier,
        kind="verification",
        held_on=RECEIVED,
        participants="Tổ xác minh",
        content="Làm việc với giáo viên lớp 4B.",
        result="Có thu tiền học thêm.",
    )
    services.extend_case(
        case=case,
        actor=principal,
        step="giai_quyet",
        reason="Xác minh ở hai nơi",
        complexity="complex",
        on=dt.date(2026, 3, 5),
    )
    services.resolve_case(
        case=case,
        actor=resolver,
        outcome="Tố cáo đúng.",
        public_answer="Hoàn trả tiền đã thu.",
        on=dt.date(2026, 3, 10),
    )
    documents = list(OutgoingDocument.objects.filter(source__startswith="petitions.case:"))
    kinds = {document.source.rsplit(":", 1)[1] for document in documents}
    assert kinds == {"thu_ly", "thong_bao_bi_to_cao", "gia_han", "ket_qua"}
    assert {d.pk for d in services.case_documents(case)} == {d.pk for d in documents}
    for document in documents:
        text = _docx_text(document) + json.dumps(document.spec_json, ensure_ascii=False)
        for secret in SECRETS:
            assert secret not in text
    notice = next(d for d in documents if d.source.endswith(":thong_bao_bi_to_cao"))
    assert "Ông Lê Văn Dạy" in _docx_text(notice)
    conclusion = next(d for d in documents if d.source.endswith(":ket_qua"))
    assert conclusion.doc_type == "TB"
    assert conclusion.summary == "Kết luận nội dung tố cáo"


def _docx_text(document: OutgoingDocument) -> str:
    from gandan.paperwork.rendering import render_docx

    parsed = docx.Document(io.BytesIO(render_docx(document.spec)))
    parts = [p.text for p in parsed.paragraphs]
    for table in parsed.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_identifying_scans_are_sealed_and_served_to_the_resolver_only(
    client, school, principal, resolver, deadline_rules
):
    case = submit(
        school,
        CaseKind.DENUNCIATION,
        denounced_person="Ông Lê Văn Dạy",
        attachments=[SimpleUploadedFile("don-viet-tay.png", PNG)],
    )
    services.assign_case(case=case, actor=principal, handler=resolver)
    attachment = case.attachments.get()
    assert attachment.is_identifying
    assert attachment.file.read() != PNG  # sealed on disk
    url = reverse("petitions:file", args=[case.public_id, attachment.public_id])
    client.force_login(principal)
    assert client.get(url).status_code == 404
    client.force_login(resolver)
    response = client.get(url)
    assert response.status_code == 200 and response.content == PNG
    assert AuditEvent.objects.filter(action=Action.VIEW_PROTECTED, actor=resolver).exists()


def test_the_register_never_shows_a_denouncer(client, school, clerk, deadline_rules, principal):
    client.force_login(clerk)
    client.post(
        reverse("petitions:walk_in"),
        {
            "kind": "to_cao",
            "channel": "walk_in",
            "received_on": RECEIVED.isoformat(),
            "people_count": "1",
            "register": "on",
            "title": "Tố cáo thu tiền trái phép",
            "content": "Nội dung tố cáo.",
            "denounced_person": "Ông Lê Văn Dạy",
            "name": DENOUNCER,
            "address": DENOUNCER_ADDRESS,
            "consent": "on",
        },
    )
    page = client.get(reverse("petitions:register")).content.decode()
    assert "Tố cáo thu tiền trái phép" in page
    assert DENOUNCER not in page and DENOUNCER_ADDRESS not in page
    assert "Giữ bí mật" in page


def test_key_from_the_environment_and_rotation(monkeypatch):
    from cryptography.fernet import Fernet

    from gandan.petitions import secrecy

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    monkeypatch.setenv(secrecy.KEY_ENV, old)
    secrecy.reset_key_cache()
    token = secrecy.seal("Nguyễn Văn A")
    # when: a new key is put first, the old one kept to read
    monkeypatch.setenv(secrecy.KEY_ENV, f"{new},{old}")
    secrecy.reset_key_cache()
    assert secrecy.unseal(token) == "Nguyễn Văn A"
    # and a wrong key cannot read it
    monkeypatch.setenv(secrecy.KEY_ENV, new)
    secrecy.reset_key_cache()
    with pytest.raises(Exception, match="cannot read"):
        secrecy.unseal(token)
