"""The disclosure register's page, print view and .xlsx (democracy access, 404 otherwise)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.http import AuthenticatedRequest
from gandan.democracy import access, registers
from gandan.democracy.models import Audience
from gandan.orgs.models import Organisation
from gandan.paperwork.registers import Choice, Register, register_download, register_page


def _register(request: AuthenticatedRequest) -> tuple[Organisation, int, str, Register]:
    school = access.school_for(request.user, request.GET.get("truong"))
    today = timezone.localdate()
    try:
        year = int(request.GET.get("nam") or today.year)
    except ValueError:
        year = today.year
    if not 2000 <= year <= 2100:
        year = today.year
    audience = request.GET.get("doi-tuong", "")
    audience = audience if audience in Audience.values else ""
    register = registers.disclosure_register(request.user, school, year, audience, today)
    return school, year, audience, register


@login_required
def disclosure_register(request: AuthenticatedRequest) -> HttpResponse:
    school, year, audience, register = _register(request)
    years = [(str(y), str(y)) for y in registers.register_years(request.user, school, year)]
    choices = [
        Choice("nam", _("Năm"), years, str(year)),
        Choice("doi-tuong", _("Đối tượng"), [("", _("Tất cả")), *Audience.choices], audience),
    ]
    if request.GET.get("truong"):
        choices.insert(0, Choice("truong", _("Trường"), [(school.slug, school.name)], school.slug))
    return register_page(
        request,
        register,
        xlsx_url=reverse("democracy:register_book_xlsx"),
        choices=choices,
        intro=_(
            "Các nội dung công khai đến hạn trong năm, hạn công khai (tính theo ngày làm việc), "
            "ngày đã công khai và việc công khai có đúng hạn không (Luật Thực hiện dân chủ ở "
            "cơ sở 2022)."
        ),
        back=(reverse("democracy:register"), _("Công khai thông tin")),
    )


@login_required
def disclosure_register_xlsx(request: AuthenticatedRequest) -> HttpResponse:
    return register_download(_register(request)[3])
