"""Panels that domain apps add to the staff desk, so that orgs never imports them."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string

from gandan.orgs.access import grants
from gandan.orgs.models import Role

SCHOOL = "school"
AUTHORITY = "authority"


@dataclass(frozen=True)
class Panel:
    key: str
    template: str
    context: Callable[..., dict]  # (user, today) -> template context
    order: int = 100
    # Who sees it: members of a school (its modules) or officers of a ward or a Sở.
    audience: str = SCHOOL


_PANELS: dict[str, Panel] = {}


def register(panel: Panel) -> None:
    """Called from an app's AppConfig.ready()."""
    _PANELS[panel.key] = panel


def audiences(user) -> set[str]:
    """The panel audiences a person belongs to (an officer who also teaches sees both)."""
    roles = {grant.role for grant in grants(user)}
    result = set()
    if Role.AUTHORITY_OFFICER in roles:
        result.add(AUTHORITY)
    if roles - {Role.AUTHORITY_OFFICER}:
        result.add(SCHOOL)
    return result


def render_panels(request: HttpRequest, today: dt.date) -> list[str]:
    """The desk's panels for this person, in their order; panels of other audiences are left
    out rather than shown empty."""
    mine = audiences(request.user)
    return [
        render_to_string(panel.template, panel.context(request.user, today), request=request)
        for panel in sorted(_PANELS.values(), key=lambda panel: panel.order)
        if panel.audience in mine
    ]
