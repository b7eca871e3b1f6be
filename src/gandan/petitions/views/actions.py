"""The one view that runs any action of a case page (the table is in `views.case_page`).

POST /don-thu/<public_id>/<action>/ → access_case(permission) → form → service → redirect.
A refused action (the case is not in the state the action needs) re-renders the case page
with the errors, or shows them as a message, and changes nothing; a replay of an action
already done returns its first result (the services are idempotent) and says so.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gandan.core.forms import add_service_error, error_text
from gandan.core.http import AuthenticatedRequest
from gandan.petitions import access
from gandan.petitions.views.case_page import BY_SLUG, detail_context, make_form, permitted
from gandan.petitions.views.responses import try_again


@login_required
@require_POST
def case_action(request: AuthenticatedRequest, public_id: str, slug: str) -> HttpResponse:
    action = BY_SLUG.get(slug)
    if action is None:
        raise Http404
    case = access.access_case(
        request.user,
        public_id,
        action="view" if action.permission == "identity" else action.permission,
    )
    if not permitted(request.user, case, action):
        raise Http404
    deadlines = list(case.deadlines.order_by("order"))
    form = make_form(action, case, deadlines, request.POST)
    if form is None or form.is_valid():
        data = form.cleaned_data if form is not None else {}
        # Every change writes one timeline event; a replay (double click, resent form) writes
        # none, and says so.
        events_before = case.events.count()
        try:
            action.run(case, request.user, data)
        except ValidationError as error:
            messages.error(request, error_text(error))
            if form is None:
                return redirect("petitions:detail", public_id=case.public_id)
            add_service_error(form, error)
        except DatabaseError:
            return try_again(request)
        else:
            if case.events.count() == events_before:
                messages.info(
                    request, _("Việc này đã được thực hiện trước đó; không có gì thay đổi.")
                )
            else:
                messages.success(request, str(action.done))
            return redirect("petitions:detail", public_id=case.public_id)
    context = detail_context(request, case, **{slug: form})
    context["failed_action"] = slug
    return render(request, "petitions/case_detail.html", context, status=400)
