"""Use cases of API tokens: create one (shown once), revoke one. Each is audited."""

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.api.models import ApiToken
from gandan.audit.models import Action
from gandan.audit.services import record_event
from gandan.core.language import in_vietnamese
from gandan.orgs.models import User

TOKEN_PREFIX = "gdn_"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@in_vietnamese
@transaction.atomic
def create_api_token(*, user: User, name: str, actor: User | None = None) -> tuple[ApiToken, str]:
    """A new token for an active user; returns the row and the token itself (never stored).

    Preconditions: the user is active; the name is not blank.
    """
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Hãy đặt tên gợi nhớ cho mã truy cập.")})
    if not user.is_active:
        raise ValidationError({"user": _("Tài khoản này đang bị khóa.")})
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name[:100], token_hash=hash_token(raw), prefix=raw[:12]
    )
    record_event(
        action=Action.CREATE,
        summary=f"Tạo mã truy cập API “{token.name}” ({token.prefix}…) cho {user.username}",
        actor=actor,
        actor_label="" if actor is not None else "quản trị hệ thống (lệnh)",
        target=token,
    )
    return token, raw


@in_vietnamese
@transaction.atomic
def revoke_api_token(*, token: ApiToken, actor: User | None = None) -> ApiToken:
    """Revoke a token now; revoking a revoked token changes nothing."""
    token = ApiToken.objects.select_for_update(of=("self",)).select_related("user").get(pk=token.pk)
    if token.is_revoked:
        return token
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record_event(
        action=Action.WITHDRAW,
        summary=f"Thu hồi mã truy cập API “{token.name}” ({token.prefix}…) của "
        f"{token.user.username}",
        actor=actor,
        actor_label="" if actor is not None else "quản trị hệ thống (lệnh)",
        target=token,
    )
    return token
