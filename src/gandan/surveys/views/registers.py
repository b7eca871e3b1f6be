"""The survey's answer register: page, print view (?in=1) and .xlsx, anonymised
(surveys.registers), for full-results readers when the results are not withheld."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from gandan.core.http import AuthenticatedRequest
from gandan.paperwork.registers import register_download, register_page
from gandan.surveys import registers


@login_required
def answer_register(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    survey = registers.access_answer_register(request.user, public_id)
    return register_page(
        request,
        registers.answer_register(survey),
        xlsx_url=reverse("surveys:answers_xlsx", args=[survey.public_id]),
        intro=_(
            "Mỗi dòng là một phiếu, không kèm người trả lời, ngày giờ hay thứ tự nộp; các phiếu "
            "xếp theo nội dung trả lời."
        ),
        back=(reverse("surveys:results", args=[survey.public_id]), _("Kết quả khảo sát")),
    )


@login_required
def answer_register_xlsx(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    survey = registers.access_answer_register(request.user, public_id)
    return register_download(registers.answer_register(survey))
