"""The desk panel of the calendar: the head is told when a year's official schedule is missing.

BLLĐ 2019 Điều 112 k3: the Prime Minister decides each year's Tết days and the day next to
Quốc khánh; until the yearly notice is entered, due dates across that year are provisional.
From 1 October (`notices.REMIND_FROM`) the head is told about next year too.
"""

import datetime as dt
from typing import Any

from django.urls import reverse

from gandan.orgs.access import grants
from gandan.orgs.models import Role, User
from gandan.worktime import notices


def calendar_panel(user: User, today: dt.date) -> dict[str, Any]:
    """The panel's context; `year` is None (nothing shown) unless the user heads a unit and a
    schedule is missing."""
    if not any(grant.role == Role.HEAD for grant in grants(user)):
        return {"year": None}
    year = notices.year_to_enter(today)
    if year is None:
        return {"year": None}
    # The head enters it herself only where she may edit the calendar in the admin; otherwise
    # she asks the installation's administrator.
    can_enter = user.is_staff and user.has_perm("worktime.add_calendaryear")
    return {
        "year": year,
        "this_year": year == today.year,
        "admin_url": reverse("admin:worktime_calendaryear_add") + f"?year={year}"
        if can_enter
        else "",
        "list_url": reverse("admin:worktime_calendaryear_changelist") if can_enter else "",
    }
