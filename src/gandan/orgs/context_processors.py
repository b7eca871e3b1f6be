from django.http import HttpRequest

from gandan.orgs.access import primary_organisation


def current_organisation(request: HttpRequest) -> dict:
    """The organisation whose name heads every staff page."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"current_organisation": primary_organisation(user)}
