"""The outgoing-document register's page, its workbook and each registered document's file.

Views parse → `paperwork.access` → the read queries of `paperwork.register` → render.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.http import AuthenticatedRequest
from gandan.paperwork import access, register, registers
from gandan.paperwork.rendering import RenderError
from gandan.paperwork.responses import registered_document_response
from gandan.paperwork.services import EXPORT_FORMATS


def _chosen(request: AuthenticatedRequest) -> register.RegisterFilter:
    return register.RegisterFilter.parse(
        request.GET.get("nam"), request.GET.get("loai"), default_year=timezone.localdate().year
    )


@login_required
def register_home(request: AuthenticatedRequest) -> HttpResponse:
    """The menu's entry: the first register the user may read (their own organisation's), or
    the one the unit picker names."""
    chosen = request.GET.get("don-vi")
    if chosen:  # the page's unit picker (a plain form, no script)
        return redirect(
            "paperwork:register", slug=access.access_register(request.user, chosen).slug
        )
    readable = access.readable_registers(request.user)
    if not readable:
        raise Http404
    return redirect("paperwork:register", slug=readable[0].slug)


@login_required
def register_page(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    """One year's register, newest number first, by kind, fifty rows a page; printed (?in=1)
    every row of the year in the book's number order."""
    organisation = access.access_register(request.user, slug)
    chosen = _chosen(request)
    rows = register.register_rows(organisation, chosen)
    page = None
    if registers.is_print_view(request):
        documents = list(rows.order_by("number"))
    else:
        page = Paginator(rows, register.PAGE_SIZE).get_page(request.GET.get("trang"))
        documents = list(page.object_list)
    readable = access.readable_registers(request.user)
    return registers.register_page(
        request,
        register.as_register(organisation, chosen, documents),
        xlsx_url=reverse("paperwork:register_xlsx", args=[organisation.slug]),
        template="paperwork/register.html",
        intro=_(
            "Mọi văn bản cơ quan đã ban hành qua Gần Dân, theo số thứ tự trong năm (Nghị định "
            "30/2020/NĐ-CP, Điều 15, Điều 16 và Phụ lục IV). Văn bản mật có sổ riêng, không hiện "
            "ở đây."
        ),
        context={
            "organisation": organisation,
            "chosen": chosen,
            "page": page,
            "years": register.register_years(organisation, timezone.localdate().year),
            "kinds": register.register_kinds(organisation, chosen.year),
            "readable": readable if len(readable) > 1 else [],
        },
    )


@login_required
def register_xlsx(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    """The register as the page filters it, in the book's number order, as .xlsx."""
    organisation = access.access_register(request.user, slug)
    chosen = _chosen(request)
    documents = register.register_rows(organisation, chosen).order_by("number")
    return registers.register_download(register.as_register(organisation, chosen, documents))


@login_required
def register_document(
    request: AuthenticatedRequest, slug: str, year: int, number: int, fmt: str
) -> HttpResponse:
    """One registered document, rendered again from its stored content (.docx or PDF)."""
    organisation = access.access_register(request.user, slug)
    document = register.registered_document(organisation, year, number)
    if document is None or fmt not in EXPORT_FORMATS:
        raise Http404
    try:
        return registered_document_response(document, fmt)
    except RenderError:
        messages.error(request, _("Máy chủ chưa tạo được PDF lúc này; hãy tải bản Word."))
        back = reverse("paperwork:register", kwargs={"slug": organisation.slug})
        return redirect(f"{back}?nam={year}")
