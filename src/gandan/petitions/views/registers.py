"""The sổ tiếp công dân and the sổ theo dõi đơn thư: page, print view (?in=1) and .xlsx,
each through `petitions.access` (404 otherwise)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.http import AuthenticatedRequest
from gandan.orgs.models import Organisation
from gandan.paperwork.registers import Choice, Register, register_download, register_page
from gandan.petitions import access, registers
from gandan.petitions.models import CaseKind, CaseStatus


def _year(request: AuthenticatedRequest) -> int:
    today = timezone.localdate()
    try:
        year = int(request.GET.get("nam") or today.year)
    except ValueError:
        return today.year
    return year if 2000 <= year <= 2100 else today.year


def _reception(request: AuthenticatedRequest) -> tuple[Organisation, int, Register]:
    school = access.case_school(request.user)
    if not access.can_read_register(request.user, school):
        raise Http404
    year = _year(request)
    return school, year, registers.reception_register(request.user, school, year, request=request)


@login_required
def reception_register(request: AuthenticatedRequest) -> HttpResponse:
    school, year, register = _reception(request)
    years = [(str(y), str(y)) for y in registers.reception_years(school, year)]
    return register_page(
        request,
        register,
        xlsx_url=reverse("petitions:reception_xlsx"),
        choices=[Choice("nam", _("Năm"), years, str(year))],
        intro=_(
            "Mẫu sổ 03/TCD (Luật Tiếp công dân 2013, Điều 25 k2). Họ tên, địa chỉ, số giấy tờ "
            "là thông tin phải giữ bí mật; mỗi lần xem, in, tải sổ được ghi nhật ký. Người tố "
            "cáo không bao giờ được ghi tên trong sổ (Luật Tố cáo 2018, Điều 47)."
        ),
        back=(reverse("petitions:register"), _("Ghi sổ tiếp công dân")),
    )


@login_required
def reception_register_xlsx(request: AuthenticatedRequest) -> HttpResponse:
    _school, _y, register = _reception(request)
    return register_download(register)


def _cases(request: AuthenticatedRequest) -> tuple[Organisation, registers.CaseFilter, Register]:
    school = access.case_register_of(request.user)
    today = timezone.localdate()
    chosen = registers.CaseFilter.parse(request.GET, default_year=today.year)
    return school, chosen, registers.case_register(request.user, school, chosen, today)


@login_required
def case_register(request: AuthenticatedRequest) -> HttpResponse:
    school, chosen, register = _cases(request)
    years = [(str(y), str(y)) for y in registers.case_years(request.user, school, chosen.year)]
    statuses = [("", _("Tất cả")), ("mo", _("Đang mở")), *CaseStatus.choices]
    kinds = [("", _("Tất cả")), *CaseKind.choices]
    return register_page(
        request,
        register,
        xlsx_url=reverse("petitions:case_register_xlsx"),
        choices=[
            Choice("nam", _("Năm nhận"), years, str(chosen.year)),
            Choice("tinh-trang", _("Tình trạng"), statuses, chosen.status),
            Choice("loai", _("Loại đơn"), kinds, chosen.kind),
        ],
        intro=_(
            "Các vụ việc nhận trong năm, hạn giải quyết tính theo ngày làm việc, và việc giải "
            "quyết có đúng hạn không. Sổ không ghi thông tin người gửi."
        ),
        back=(reverse("petitions:list"), _("Danh sách vụ việc")),
    )


@login_required
def case_register_xlsx(request: AuthenticatedRequest) -> HttpResponse:
    _school, _chosen, register = _cases(request)
    return register_download(register)
