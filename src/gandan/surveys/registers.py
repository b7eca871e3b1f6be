"""The survey's answer register (bảng tổng hợp phiếu trả lời): one row per answer sheet,
anonymised.

No identity: no respondent, account, hash, day or time, no key of the row. Free text goes
through `redaction.redact` (phones and e-mails out). Rows are ordered by their own content
(the answers, as text), never by insertion or key, so that their order says nothing about who
answered first. Only for those who read full results (`access.access_results`) and only when
the results are not withheld (`Survey.results_withheld`: an anonymous staff survey while it
runs or below MIN_ANONYMOUS_RESULTS answers).
"""

from collections import defaultdict
from typing import Literal

from django.http import Http404
from django.utils.translation import gettext as _

from gandan.core.text import strip_forbidden
from gandan.orgs.models import User
from gandan.paperwork.registers import Cell, Column, Register, Value, keeper
from gandan.surveys import access
from gandan.surveys.forms import LIKERT_CHOICES
from gandan.surveys.models import Answer, Question, QuestionKind, Survey
from gandan.surveys.redaction import redact

LIKERT = dict(LIKERT_CHOICES)


def access_answer_register(user: User, public_id: str) -> Survey:
    """The survey whose answers the user may read one by one; 404 otherwise or when withheld."""
    survey, full = access.access_results(user, public_id)
    if not full or survey.results_withheld(survey.responses.count()) is not None:
        raise Http404
    return survey


def _value(question: Question, values: list[int | None], texts: list[str]) -> Value:
    if question.kind == QuestionKind.TEXT:
        text = " / ".join(" ".join(redact(strip_forbidden(t)).split()) for t in texts if t.strip())
        return text or None
    chosen = sorted(v for v in values if v is not None)
    if not chosen:
        return None
    if question.kind == QuestionKind.LIKERT:
        return chosen[0]
    options = question.options or []
    return "; ".join(str(options[v]) if 0 <= v < len(options) else str(v) for v in chosen)


def answer_register(survey: Survey) -> Register:
    """Every answer sheet of the survey, anonymised, in the order of its content."""
    questions = list(survey.questions.order_by("order", "pk"))
    sheets: dict[object, dict[int, tuple[list[int | None], list[str]]]] = defaultdict(dict)
    for response_id in survey.responses.values_list("id", flat=True):
        sheets[response_id] = {}
    for response_id, question_id, value, text in Answer.objects.filter(
        response__survey=survey
    ).values_list("response_id", "question_id", "value", "text"):
        values, texts = sheets[response_id].setdefault(question_id, ([], []))
        values.append(value)
        texts.append(text)
    contents = []
    for answers in sheets.values():
        contents.append([_value(q, *answers.get(q.pk, ([], []))) for q in questions])
    # The content decides the order: the same answers always land in the same place.
    contents.sort(key=lambda row: [("" if v is None else f"{v}") for v in row])
    columns = [Column(_("STT"), 6, "number")]
    for question in questions:
        width = 40 if question.kind == QuestionKind.TEXT else 18
        kind: Literal["number", "text"] = (
            "number" if question.kind == QuestionKind.LIKERT else "text"
        )
        columns.append(Column(strip_forbidden(question.text), width, kind))
    rows: list[list[Value | Cell]] = [
        [number, *row] for number, row in enumerate(contents, start=1)
    ]
    return Register(
        title=_("Tổng hợp phiếu trả lời: %(title)s") % {"title": strip_forbidden(survey.title)},
        **keeper(survey.organisation),
        columns=columns,
        rows=rows,
        notes=[
            _("Phiếu ẩn danh, xếp theo nội dung trả lời; số điện thoại, thư điện tử đã được ẩn."),
            _("Mức hài lòng: 5 rất hài lòng … 1 rất không hài lòng."),
        ],
        sheet_name=_("Phiếu trả lời"),
        empty=_("Chưa có phiếu trả lời nào."),
        filename=f"phieu-tra-loi-{survey.public_id}.xlsx",
    )
