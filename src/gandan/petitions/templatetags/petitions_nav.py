"""The cases section's tabs, showing only what the user may open."""

from django import template
from django.http import Http404

from gandan.petitions import access

register = template.Library()


@register.inclusion_tag("petitions/_nav.html", takes_context=True)
def petitions_nav(context) -> dict:
    user = context["request"].user
    try:
        school = access.case_school(user)
    except Http404:
        # A ward's officer lists the ward's cases only (access.case_register_of).
        return {"can_receive": False, "can_supervise": False, "has_schedule": False}
    return {
        "can_receive": access.can_receive_cases(user, school),
        "can_supervise": access.can_supervise(user, school),
        "has_schedule": True,
    }
