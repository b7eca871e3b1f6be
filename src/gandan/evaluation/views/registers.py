"""A cycle's results register: page, print view (?in=1) and .xlsx (evaluation access)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse

from gandan.core.http import AuthenticatedRequest
from gandan.evaluation import access, registers
from gandan.paperwork.registers import register_download, register_page


@login_required
def results_register(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    cycle = access.access_cycle(request.user, public_id, action="results")
    back = "evaluation:results" if cycle.is_published else "evaluation:cycle"
    return register_page(
        request,
        registers.results_register(request.user, cycle),
        xlsx_url=reverse("evaluation:results_xlsx", args=[cycle.public_id]),
        back=(reverse(back, args=[cycle.public_id]), cycle.label),
    )


@login_required
def results_register_xlsx(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    cycle = access.access_cycle(request.user, public_id, action="results")
    return register_download(registers.results_register(request.user, cycle))
