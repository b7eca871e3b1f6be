"""Who calls the staff API: a person signed in (session cookie, with CSRF on writes) or a
script holding one of their access tokens (`Authorization: Bearer gdn_…`).

Either way the caller is a User and every endpoint asks the apps' `access_*` functions what
that user may see, exactly as the HTML pages do; a token gives no more than its owner has.
"""

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from gandan.api.errors import ApiError, Messages
from gandan.api.models import ApiToken
from gandan.api.services import hash_token
from gandan.orgs.models import User

# Writing "last used" on every request would make every read a write; once in a while is
# enough to tell a living token from a forgotten one.
LAST_USED_PRECISION = dt.timedelta(minutes=5)


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User:
        row = (
            ApiToken.objects.select_related("user")
            .filter(token_hash=hash_token(token.strip()), revoked_at__isnull=True)
            .first()
        )
        if row is None or not row.user.is_active:
            # A token was presented and is wrong: refuse now rather than fall back to the
            # session (which would blame a missing CSRF token on a POST).
            raise ApiError(401, Messages.BAD_TOKEN, headers={"WWW-Authenticate": "Bearer"})
        now = timezone.now()
        if row.last_used_at is None or now - row.last_used_at > LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
        return row.user


class StaffSession(SessionAuth):
    """Django's session; ninja checks the CSRF token on unsafe methods (csrf=True)."""

    def __call__(self, request: HttpRequest) -> User | None:
        # No signed-in session, nothing for a forged request to borrow: answer 401 (sign in),
        # not 403 (CSRF), to a script that sent no credentials at all.
        if not (request.user.is_authenticated and request.user.is_active):
            return None
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        user = request.user
        return user if user.is_authenticated and user.is_active else None


STAFF_AUTH = [TokenAuth(), StaffSession()]


def caller(request: HttpRequest) -> User:
    """The authenticated user of a staff endpoint (ninja puts it on `request.auth`)."""
    user = getattr(request, "auth", None)
    if not isinstance(user, User):
        raise ApiError(401, Messages.SIGN_IN, headers={"WWW-Authenticate": "Bearer"})
    return user
