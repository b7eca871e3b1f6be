from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gandan.audit.access import access_audit_log
from gandan.audit.models import Action


@login_required
def audit_log(request: HttpRequest, slug: str) -> HttpResponse:
    org, events = access_audit_log(request.user, slug)
    action = request.GET.get("hanh_dong", "")
    if action in Action.values:
        events = events.filter(action=action)
    page = Paginator(events, 50).get_page(request.GET.get("trang"))
    return render(
        request,
        "audit/log.html",
        {"organisation": org, "page": page, "actions": Action.choices, "selected": action},
    )
