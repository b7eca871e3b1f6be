"""Typed requests for views: a signed-in view's request has a `User`, never `AnonymousUser`."""

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from gandan.orgs.models import User


class AuthenticatedRequest(HttpRequest):
    """The request of a view behind `login_required` (django-stubs' recommended pattern)."""

    user: "User"
