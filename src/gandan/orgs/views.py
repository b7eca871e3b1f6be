from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from gandan.audit.models import Action
from gandan.core.http import AuthenticatedRequest
from gandan.orgs import access, twofactor
from gandan.orgs import desk as desk_panels
from gandan.orgs.forms import LoginForm
from gandan.orgs.models import Membership, Role


@login_required
def desk(request: AuthenticatedRequest) -> HttpResponse:
    """Bàn làm việc: who I am, where, in which roles, and what each module asks of me."""
    memberships = list(
        Membership.objects.current()
        .filter(user=request.user)
        .select_related("organisation__parent")
        .order_by("organisation__path", "role")
    )
    organisation = access.primary_organisation(request.user)
    return render(
        request,
        "orgs/desk.html",
        {
            "memberships": memberships,
            "organisation": organisation,
            "can_read_audit": organisation is not None
            and access.can_read_audit_log(request.user, organisation),
            "can_manage": organisation is not None
            and access.can_manage_organisation(request.user, organisation),
            "panels": desk_panels.render_panels(request, timezone.localdate()),
        },
    )


@login_required
def organisation_detail(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    """An organisation's staff page: its units and the people with their roles."""
    org = access.access_organisation(request.user, slug)
    units = list(org.children.filter(is_active=True).order_by("name"))
    memberships = (
        Membership.objects.current()
        .filter(organisation__path__startswith=org.path, user__is_active=True)
        .exclude(role=Role.AUTHORITY_OFFICER, organisation__path=org.path)
        .select_related("user", "organisation")
        .order_by("user__sort_key", "organisation__path")
    )
    people: dict[int, dict] = {}
    for membership in memberships:
        entry = people.setdefault(membership.user_id, {"user": membership.user, "roles": []})
        entry["roles"].append(membership)
    return render(
        request,
        "orgs/organisation.html",
        {
            "organisation": org,
            "ancestors": org.ancestors(),
            "units": units,
            "people": list(people.values()),
            "can_read_audit": access.can_read_audit_log(request.user, org),
        },
    )


@login_required
def audit_log(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    """The head's audit log of the organisation and its units, newest first, by action."""
    org, events = access.access_audit_log(request.user, slug)
    action = request.GET.get("hanh_dong", "")
    if action in Action.values:
        events = events.filter(action=action)
    page = Paginator(events, 50).get_page(request.GET.get("trang"))
    return render(
        request,
        "orgs/audit_log.html",
        {"organisation": org, "page": page, "actions": Action.choices, "selected": action},
    )


class LoginView(auth_views.LoginView):
    """Django's login, in Vietnamese; the demo accounts are listed only in demo mode.

    django-axes refuses a name at an address after 20 wrong passwords (orgs/lockouts.py);
    a right password then leads to the second factor when one is needed (orgs/twofactor.py).
    """

    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        twofactor.after_password(self.request, form.get_user())
        if twofactor.must_verify(self.request):
            return redirect(twofactor.next_step_url(self.request, self.get_success_url()))
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if settings.GANDAN_DEMO:
            from gandan.orgs.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

            context["demo_accounts"] = DEMO_ACCOUNTS
            context["demo_password"] = DEMO_PASSWORD
        return context
