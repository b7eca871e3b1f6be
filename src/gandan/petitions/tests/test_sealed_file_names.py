"""The file name of an identifying attachment is sealed with the identity (models.Attachment).

Found before: a denunciation's scan was stored sealed, but its original file name — often the
denouncer's own name — sat in plain text beside it. Now the name is a Fernet token and the row
keeps only "tep-dinh-kem.<ext>"; the resolver's download (logged) carries the real name; a
data migration seals the rows stored before.
"""

import importlib
from urllib.parse import quote

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from gandan.audit.models import Action, AuditEvent
from gandan.petitions import secrecy
from gandan.petitions.models import Attachment
from gandan.petitions.services.intake import store_attachment
from gandan.petitions.tests.test_access_matrix import PNG

SECRET_NAME = "don-to-cao-Pham-Thi-Bi-Mat.png"
migration = importlib.import_module("gandan.petitions.migrations.0004_attachment_sealed_names")


def _raw_rows() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM petitions_attachment")
        return repr(cursor.fetchall())


def test_the_name_of_an_identifying_scan_is_sealed(assigned_denunciation):
    scan = store_attachment(
        assigned_denunciation, SimpleUploadedFile(SECRET_NAME, PNG), identifying=True
    )
    assert scan.original_name == "tep-dinh-kem.png"
    assert secrecy.unseal(scan.name_token) == SECRET_NAME
    assert "Pham-Thi-Bi-Mat" not in _raw_rows()


def test_a_plain_attachment_keeps_its_name(feedback):
    plain = store_attachment(feedback, SimpleUploadedFile("anh-lop-2A.png", PNG), identifying=False)
    assert plain.original_name == "anh-lop-2A.png" and plain.name_token == ""


def test_only_the_resolvers_logged_download_carries_the_name(
    client, assigned_denunciation, resolver, principal
):
    case = assigned_denunciation
    scan = store_attachment(case, SimpleUploadedFile(SECRET_NAME, PNG), identifying=True)
    url = reverse("petitions:file", args=[case.public_id, scan.public_id])
    # the head does not resolve it: the page does not name the file, the download is refused
    client.force_login(principal)
    page = client.get(reverse("petitions:detail", args=[case.public_id])).content.decode()
    assert "Bi-Mat" not in page and client.get(url).status_code == 404
    # the resolver: the page shows the neutral name, the download the real one, logged
    client.force_login(resolver)
    page = client.get(reverse("petitions:detail", args=[case.public_id])).content.decode()
    assert "tep-dinh-kem.png" in page and "Bi-Mat" not in page
    logged = AuditEvent.objects.filter(action=Action.VIEW_PROTECTED).count()
    response = client.get(url)
    assert response.status_code == 200 and response.content == PNG
    assert (
        quote(SECRET_NAME) in response["Content-Disposition"]
        or SECRET_NAME in response["Content-Disposition"]
    )
    assert AuditEvent.objects.filter(action=Action.VIEW_PROTECTED).count() == logged + 1


def test_the_migration_seals_rows_stored_before_and_unseals_on_the_way_back(
    assigned_denunciation, feedback
):
    # given: rows as the old code stored them
    old = store_attachment(
        assigned_denunciation, SimpleUploadedFile(SECRET_NAME, PNG), identifying=True
    )
    Attachment.objects.filter(pk=old.pk).update(original_name=SECRET_NAME, name_token="")
    plain = store_attachment(feedback, SimpleUploadedFile("anh.png", PNG), identifying=False)
    assert SECRET_NAME in _raw_rows()
    # when
    migration.seal_names(apps, connection.schema_editor())
    # then
    old.refresh_from_db()
    assert old.original_name == "tep-dinh-kem.png"
    assert secrecy.unseal(old.name_token) == SECRET_NAME
    assert "Bi-Mat" not in _raw_rows()
    assert Attachment.objects.get(pk=plain.pk).original_name == "anh.png"
    # rerunning seals nothing twice
    token = old.name_token
    migration.seal_names(apps, connection.schema_editor())
    old.refresh_from_db()
    assert old.name_token == token
    # and back
    migration.unseal_names(apps, connection.schema_editor())
    old.refresh_from_db()
    assert (old.original_name, old.name_token) == (SECRET_NAME, "")


def test_a_case_reclassified_as_a_denunciation_has_its_files_sealed(
    feedback, principal, django_capture_on_commit_callbacks
):
    # given: a feedback sent with a scan named after its sender
    from gandan.petitions import services

    plain = store_attachment(feedback, SimpleUploadedFile(SECRET_NAME, PNG), identifying=False)
    plain_path = plain.file.path
    # when: staff find it is a denunciation
    with django_capture_on_commit_callbacks(execute=True):
        services.classify_case(case=feedback, actor=principal, kind="to_cao")
    # then: the file and its name are sealed, the plain copy is gone
    sealed = Attachment.objects.get(pk=plain.pk)
    assert sealed.is_identifying and sealed.original_name == "tep-dinh-kem.png"
    assert secrecy.unseal(sealed.name_token) == SECRET_NAME
    with sealed.file.open("rb") as handle:
        assert secrecy.unseal_bytes(handle.read()) == PNG
    assert "Bi-Mat" not in _raw_rows()
    import os

    assert not os.path.exists(plain_path)
