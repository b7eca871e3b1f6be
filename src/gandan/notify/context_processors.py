from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from gandan.notify.models import Notification


def unread(request: HttpRequest) -> dict:
    """The unread count in the menu of every staff page (one COUNT, only when shown)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "unread_notices": SimpleLazyObject(lambda: Notification.objects.unread_by(user).count())
    }
