"""Panels that domain apps add to the staff desk, so that orgs never imports them."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string


@dataclass(frozen=True)
class Panel:
    key: str
    template: str
    context: Callable[..., dict]  # (user, today) -> template context
    order: int = 100


_PANELS: dict[str, Panel] = {}


def register(panel: Panel) -> None:
    """Called from an app's AppConfig.ready()."""
    _PANELS[panel.key] = panel


def render_panels(request: HttpRequest, today: dt.date) -> list[str]:
    return [
        render_to_string(panel.template, panel.context(request.user, today), request=request)
        for panel in sorted(_PANELS.values(), key=lambda panel: panel.order)
    ]
