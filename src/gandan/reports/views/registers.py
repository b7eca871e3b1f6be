"""The incoming-document register's page, print view and workbook, for the authority's
officers (`access_requests.access_requesting_authority`, 404 otherwise)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.http import AuthenticatedRequest
from gandan.orgs.models import Organisation
from gandan.paperwork.registers import Choice, register_download, register_page
from gandan.reports import registers
from gandan.reports.access_requests import access_requesting_authority


def _parse(request: AuthenticatedRequest) -> tuple[Organisation, list[Organisation], int]:
    authority, authorities = access_requesting_authority(request.user, request.GET.get("co-quan"))
    today = timezone.localdate()
    try:
        year = int(request.GET.get("nam") or today.year)
    except ValueError:
        year = today.year
    if not 2000 <= year <= 2100:
        year = today.year
    return authority, authorities, year


@login_required
def incoming_register(request: AuthenticatedRequest) -> HttpResponse:
    """Sổ đăng ký văn bản đến: the year's documents in arrival order."""
    authority, authorities, year = _parse(request)
    choices = [
        Choice(
            "nam",
            _("Năm"),
            [
                (str(y), str(y))
                for y in registers.register_years(authority, timezone.localdate(), year)
            ],
            str(year),
        )
    ]
    if len(authorities) > 1:
        choices.insert(
            0,
            Choice(
                "co-quan", _("Cơ quan"), [(a.slug, a.name) for a in authorities], authority.slug
            ),
        )
    return register_page(
        request,
        registers.incoming_register(authority, year),
        xlsx_url=reverse("reports:incoming_xlsx"),
        choices=choices,
        intro=_(
            "Văn bản đến được đăng ký và đánh số đến theo thứ tự trong năm (Nghị định "
            "30/2020/NĐ-CP, Điều 22). Báo cáo các trường gửi qua Gần Dân được vào sổ ngày nhận."
        ),
        back=(reverse("reports:requests"), _("Yêu cầu báo cáo")),
    )


@login_required
def incoming_register_xlsx(request: AuthenticatedRequest) -> HttpResponse:
    """The same register as the page, as .xlsx."""
    authority, _authorities, year = _parse(request)
    return register_download(registers.incoming_register(authority, year))
