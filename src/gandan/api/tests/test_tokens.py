"""API tokens: created by a command that prints them once, stored hashed, revocable, audited."""

import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.core.management.base import OutputWrapper

from gandan.api.models import ApiToken
from gandan.api.services import create_api_token
from gandan.audit.models import Action, AuditEvent


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("api_token", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_create_prints_the_token_once_and_stores_only_its_hash(client, principal, feedback):
    # when
    out, err = run("create", "hieutruong", "--name", "Báo cáo phòng GD")
    # then
    raw = out.strip()
    assert raw.startswith("gdn_") and len(raw) > 40
    assert "chỉ in ra một lần" in err
    token = ApiToken.objects.get()
    assert token.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in (token.token_hash, token.prefix, token.name)
    assert raw.startswith(token.prefix)
    assert (token.user, token.name, token.revoked_at) == (principal, "Báo cáo phòng GD", None)
    assert (
        AuditEvent.objects.filter(
            action=Action.CREATE, object_type="api.apitoken", object_id=str(token.pk)
        ).count()
        == 1
    )
    # and it opens the API with its owner's rights
    response = client.get("/api/v1/cases", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    assert response.json()["count"] == 1


def test_list_never_prints_tokens_and_revoke_closes_one(client, principal, feedback):
    raw = run("create", "hieutruong", "--name", "Kịch bản")[0].strip()
    token = ApiToken.objects.get()
    listing = run("list")[0]
    assert token.prefix in listing and "đang dùng" in listing
    assert raw not in listing
    # when
    out, _err = run("revoke", token.prefix)
    # then
    token.refresh_from_db()
    assert token.is_revoked
    assert "Đã thu hồi" in out
    assert "đã thu hồi" in run("list", "hieutruong")[0]
    assert AuditEvent.objects.filter(
        action=Action.WITHDRAW, object_type="api.apitoken", object_id=str(token.pk)
    ).exists()
    response = client.get("/api/v1/cases", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 401


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("create", "khongco", "--name", "x"), "Không có tài khoản khongco."),
        (("create", "hieutruong", "--name", "   "), "Hãy đặt tên gợi nhớ cho mã truy cập."),
        (("revoke", "gdn_"), "Hãy ghi đủ đầu mã"),
        (("revoke", "gdn_khongco"), "Hãy ghi đủ đầu mã"),
    ],
)
def test_the_command_refuses_clearly_and_creates_nothing(principal, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("api_token", *args, stdout=OutputWrapper(StringIO()))
    assert not ApiToken.objects.exists()


def test_a_locked_account_gets_no_token(principal):
    principal.is_active = False
    principal.save(update_fields=["is_active"])
    with pytest.raises(CommandError, match="đang bị khóa"):
        call_command("api_token", "create", "hieutruong", "--name", "x", stdout=StringIO())
    with pytest.raises(Exception, match="đang bị khóa"):
        create_api_token(user=principal, name="x")
    assert not ApiToken.objects.exists()
