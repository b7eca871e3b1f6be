"""Use cases of surveys: prepare, open, answer, close, erase an answer on request.

Staff actions are audited (events.record). Answering is not: see models.py; the closing row
says how many answered.
"""

import datetime as dt
from collections.abc import Mapping, Sequence

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.core.language import in_vietnamese
from gandan.orgs.models import Organisation, User
from gandan.surveys import events, notices, respondents, sealing
from gandan.surveys.index import respondent_score
from gandan.surveys.models import (
    CHOICE_KINDS,
    LIKERT_MAX,
    LIKERT_MIN,
    Answer,
    Audience,
    Mode,
    Participation,
    Question,
    QuestionKind,
    Response,
    Survey,
    SurveyEventKind,
    SurveyStatus,
)
from gandan.surveys.redaction import redact

MAX_TEXT_ANSWER = 2000
MAX_OPTIONS = 12

AnswerValue = int | Sequence[int] | str | None


def _check_header(*, title: str, mode: str, audience: str, opens_at, closes_at) -> dict:
    errors = {}
    if not title.strip():
        errors["title"] = _("Cần nhập tên khảo sát.")
    if mode not in Mode.values:
        errors["mode"] = _("Cách trả lời không hợp lệ.")
    if audience not in Audience.values:
        errors["audience"] = _("Đối tượng không hợp lệ.")
    if opens_at and closes_at and closes_at <= opens_at:
        errors["closes_at"] = _("Hạn cuối phải sau thời điểm bắt đầu.")
    return errors


@in_vietnamese
@transaction.atomic
def create_survey(
    *,
    organisation: Organisation,
    actor: User | None,
    title: str,
    intro: str = "",
    audience: str = Audience.PARENTS,
    mode: str = Mode.ANONYMOUS,
    consent_text: str = "",
    opens_at: dt.datetime | None = None,
    closes_at: dt.datetime | None = None,
) -> Survey:
    """A draft survey of organisation (the caller checked that actor manages it)."""
    errors = _check_header(
        title=title, mode=mode, audience=audience, opens_at=opens_at, closes_at=closes_at
    )
    if errors:
        raise ValidationError(errors)
    header = {
        "organisation": organisation,
        "title": title.strip()[:255],
        "intro": intro.strip(),
        "audience": audience,
        "mode": mode,
        "consent_text": consent_text.strip(),
        "opens_at": opens_at,
        "closes_at": closes_at,
        "created_by": actor,
    }
    # The same form sent twice (a double click) is one draft.
    drafted = Survey.objects.filter(**header, status=SurveyStatus.DRAFT).first()
    if drafted is not None:
        return drafted
    survey = Survey.objects.create(**header)
    events.record(survey, SurveyEventKind.CREATED, _("Tạo khảo sát (bản nháp)"), actor=actor)
    return survey


def _require_draft(survey: Survey) -> None:
    if not survey.is_draft:
        raise ValidationError(
            _("Khảo sát đã mở lấy ý kiến nên không sửa được nội dung, câu hỏi và cách trả lời.")
        )


@in_vietnamese
@transaction.atomic
def update_survey(
    *,
    survey: Survey,
    actor: User,
    title: str,
    intro: str,
    audience: str,
    mode: str,
    consent_text: str,
    opens_at: dt.datetime | None,
    closes_at: dt.datetime | None,
) -> Survey:
    """Edit a draft's settings."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    _require_draft(survey)
    errors = _check_header(
        title=title, mode=mode, audience=audience, opens_at=opens_at, closes_at=closes_at
    )
    if errors:
        raise ValidationError(errors)
    wanted = (title.strip()[:255], intro.strip(), audience, mode, consent_text.strip())
    if (survey.title, survey.intro, survey.audience, survey.mode, survey.consent_text) == (
        wanted
    ) and (survey.opens_at, survey.closes_at) == (opens_at, closes_at):
        return survey  # the same settings sent again
    survey.title = title.strip()[:255]
    survey.intro = intro.strip()
    survey.audience = audience
    survey.mode = mode
    survey.consent_text = consent_text.strip()
    survey.opens_at = opens_at
    survey.closes_at = closes_at
    survey.save(
        update_fields=[
            "title",
            "intro",
            "audience",
            "mode",
            "consent_text",
            "opens_at",
            "closes_at",
            "updated_at",
        ]
    )
    events.record(survey, SurveyEventKind.EDITED, _("Sửa thông tin chung"), actor=actor)
    return survey


def _clean_options(kind: str, options: Sequence[str]) -> list[str]:
    cleaned = [option.strip()[:200] for option in options if option.strip()]
    if kind not in CHOICE_KINDS:
        return []
    if len(cleaned) < 2:
        raise ValidationError({"options": _("Câu hỏi lựa chọn cần ít nhất hai phương án.")})
    if len(cleaned) > MAX_OPTIONS:
        raise ValidationError(
            {"options": _("Tối đa %(n)d phương án cho một câu hỏi.") % {"n": MAX_OPTIONS}}
        )
    if len(set(cleaned)) != len(cleaned):
        raise ValidationError({"options": _("Có phương án bị lặp lại.")})
    return cleaned


@in_vietnamese
@transaction.atomic
def add_question(
    *,
    survey: Survey,
    actor: User,
    kind: str,
    text: str,
    required: bool = True,
    options: Sequence[str] = (),
) -> Question:
    """Append a question to a draft survey."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    _require_draft(survey)
    if kind not in QuestionKind.values:
        raise ValidationError({"kind": _("Loại câu hỏi không hợp lệ.")})
    if not text.strip():
        raise ValidationError({"text": _("Cần nhập nội dung câu hỏi.")})
    cleaned = _clean_options(kind, options)
    latest = survey.questions.order_by("-order").first()
    if latest is not None and (latest.kind, latest.text, latest.required, latest.options) == (
        kind,
        text.strip()[:500],
        required,
        cleaned,
    ):
        return latest  # the same question sent twice (a double click) is one question
    last = survey.questions.aggregate(last=Max("order"))["last"]
    question = Question.objects.create(
        survey=survey,
        order=0 if last is None else last + 1,
        kind=kind,
        text=text.strip()[:500],
        required=required,
        options=cleaned,
    )
    events.record(
        survey,
        SurveyEventKind.QUESTION_ADDED,
        _("Thêm câu hỏi: %(text)s") % {"text": question.text},
        actor=actor,
    )
    return question


@in_vietnamese
@transaction.atomic
def remove_question(*, question: Question, actor: User) -> None:
    """Remove a question from a draft survey."""
    survey = Survey.objects.select_for_update().get(pk=question.survey_id)
    _require_draft(survey)
    text = question.text
    question.delete()
    events.record(
        survey,
        SurveyEventKind.QUESTION_REMOVED,
        _("Bỏ câu hỏi: %(text)s") % {"text": text},
        actor=actor,
    )


@in_vietnamese
@transaction.atomic
def open_survey(*, survey: Survey, actor: User, now: dt.datetime | None = None) -> Survey:
    """Start taking answers: at opens_at if it is set and later, otherwise now."""
    now = now or timezone.now()
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    _require_draft(survey)
    if not survey.questions.exists():
        raise ValidationError(_("Khảo sát cần ít nhất một câu hỏi trước khi mở."))
    # Luật 91/2025/QH15: identifying respondents needs their informed consent, so the text
    # that informs them must exist before anyone can answer.
    if survey.mode == Mode.IDENTIFIED and not survey.consent_text.strip():
        raise ValidationError(
            {"consent_text": _("Khảo sát có định danh cần nội dung đồng ý xử lý dữ liệu cá nhân.")}
        )
    if survey.closes_at is not None and survey.closes_at <= now:
        raise ValidationError({"closes_at": _("Hạn cuối nhận trả lời đã qua.")})
    survey.status = SurveyStatus.OPEN
    survey.opens_at = survey.opens_at or now
    survey.save(update_fields=["status", "opens_at", "updated_at"])
    events.record(survey, SurveyEventKind.OPENED, _("Mở lấy ý kiến"), actor=actor)
    return survey


@in_vietnamese
@transaction.atomic
def close_survey(*, survey: Survey, actor: User | None, at: dt.datetime | None = None) -> Survey:
    """Stop taking answers (at `at`, default now). An anonymous survey's answers are re-sealed,
    its "has answered" markers deleted, and after the commit SQLite's WAL is truncated; the
    audit row records how many answered (models.py)."""
    at = at or timezone.now()
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.status != SurveyStatus.OPEN:
        raise ValidationError(_("Chỉ kết thúc được khảo sát đang lấy ý kiến."))
    if survey.opens_at is not None and at <= survey.opens_at:
        raise ValidationError(_("Thời điểm kết thúc phải sau thời điểm bắt đầu."))
    survey.status = SurveyStatus.CLOSED
    survey.closes_at = at if survey.closes_at is None else min(survey.closes_at, at)
    survey.save(update_fields=["status", "closes_at", "updated_at"])
    count = Response.objects.filter(survey=survey).count()
    if survey.is_anonymous:
        sealing.forget_participants(survey)
        sealing.reseal(survey)
        transaction.on_commit(sealing.checkpoint_wal)
    events.record(
        survey,
        SurveyEventKind.CLOSED,
        _("Kết thúc lấy ý kiến, %(n)d phiếu trả lời") % {"n": count},
        actor=actor,
    )
    if actor is None:
        # Closed by the schedule at its deadline: the owner did not see it happen.
        notices.survey_closed(survey, count)
    return survey


@in_vietnamese
def close_due_surveys(*, now: dt.datetime | None = None) -> int:
    """Close every open survey whose deadline has passed; safe to rerun. Returns how many.
    The job `surveys.close_due` (every 15 minutes) and the command close_due_surveys."""
    now = now or timezone.now()
    count = 0
    for survey in Survey.objects.filter(status=SurveyStatus.OPEN, closes_at__lte=now):
        close_survey(survey=survey, actor=None, at=survey.closes_at)
        count += 1
    return count


def field_name(question: Question) -> str:
    """The form field (and error key) of a question."""
    return f"q{question.pk}"


def _check_answer(question: Question, value: AnswerValue) -> list[Answer]:
    """The Answer rows for one question's value; ValidationError in the respondent's words."""
    empty = value is None or value == "" or (isinstance(value, list | tuple) and not value)
    if empty:
        if question.required:
            raise ValidationError(_("Xin trả lời câu hỏi này."))
        return []
    kind = question.kind
    if kind == QuestionKind.TEXT:
        if not isinstance(value, str):
            raise ValidationError(_("Câu trả lời không hợp lệ."))
        text = redact(value.strip())
        if len(text) > MAX_TEXT_ANSWER:
            raise ValidationError(_("Câu trả lời dài quá %(n)d ký tự.") % {"n": MAX_TEXT_ANSWER})
        return [Answer(question=question, text=text)] if text else []
    given = (
        list(value)
        if kind == QuestionKind.MULTIPLE and isinstance(value, list | tuple)
        else [value]
    )
    values = [v for v in given if isinstance(v, int) and not isinstance(v, bool)]
    if len(values) != len(given):
        raise ValidationError(_("Câu trả lời không hợp lệ."))
    if kind == QuestionKind.LIKERT:
        if not LIKERT_MIN <= values[0] <= LIKERT_MAX:
            raise ValidationError(_("Hãy chọn một mức từ 1 đến 5."))
    elif any(not 0 <= v < len(question.options) for v in values) or len(set(values)) != len(values):
        raise ValidationError(_("Hãy chọn trong các phương án đã cho."))
    return [Answer(question=question, value=v) for v in values]


@in_vietnamese
def submit_response(
    *,
    survey: Survey,
    answers: Mapping[int, AnswerValue],
    identifier: str = "",
    account: User | None = None,
    consent: bool = False,
    on: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Response:
    """Store one person's answers. `answers` maps question pk → value; `on` is the day of a
    paper form entered later (default today; checked against the window, kept by identified
    surveys only). Identified surveys need the consent and the typed identifier (the
    signed-in `account` for staff surveys); anonymous staff surveys need the signed-in
    `account`, to answer once (models.Participation); anonymous surveys store none of them.

    Runs its own transactions (an anonymous staff answer is written apart from the marker that
    names its author): call it outside a transaction."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    if not survey.is_accepting(now):
        raise ValidationError(_("Khảo sát này hiện không nhận trả lời."))
    on = on or today
    if on > today or (survey.opens_at and on < timezone.localdate(survey.opens_at)):
        raise ValidationError(_("Ngày trả lời phải nằm trong thời gian lấy ý kiến."))
    errors: dict[str, list[str]] = {}
    rows: list[Answer] = []
    for question in survey.questions.all():
        try:
            rows += _check_answer(question, answers.get(question.pk))
        except ValidationError as error:
            errors[field_name(question)] = error.messages
    identity = {}
    member = None
    if survey.mode == Mode.IDENTIFIED:
        identity = _identity(survey, identifier, account, consent, now, errors)
    elif survey.protects_signed_in_respondents:
        member = _signed_in(account, errors)
    if errors:
        raise ValidationError(errors)
    score = respondent_score(
        row.value for row in rows if row.question.is_likert and row.value is not None
    )
    if survey.mode == Mode.IDENTIFIED:
        return _store(survey, rows, created_on=on, score=score, identity=identity)
    if member is None:
        response = _store(survey, rows, created_on=survey.period_day(), score=score)
        sealing.checkpoint_wal()
        return response
    claim = _claim(survey, member)
    try:
        response = _store(survey, rows, created_on=survey.period_day(), score=score, reseal=True)
    except BaseException:
        Participation.objects.filter(pk=claim.pk).delete()
        raise
    sealing.checkpoint_wal()
    return response


def _signed_in(account: User | None, errors: dict) -> User | None:
    if account is None or not account.is_authenticated:
        errors["identifier"] = [_("Cần đăng nhập để trả lời khảo sát này.")]
        return None
    return account


def _claim(survey: Survey, member: User) -> Participation:
    """The "has answered" marker, committed before the answer (models.Participation, 1–2)."""
    try:
        with transaction.atomic():
            return Participation.objects.create(survey=survey, user=member)
    except IntegrityError as exc:
        raise ValidationError(
            {"identifier": _("Bạn đã trả lời khảo sát này. Mỗi người chỉ trả lời một lần.")}
        ) from exc


@transaction.atomic
def _store(
    survey: Survey,
    rows: list[Answer],
    *,
    created_on: dt.date,
    score: float | None,
    identity: dict | None = None,
    reseal: bool = False,
) -> Response:
    """The response and its answers, in one transaction; re-sealed with the survey's other
    responses when `reseal` (the survey row locked, so two answers re-seal one after the
    other)."""
    if reseal:
        Survey.objects.select_for_update().filter(pk=survey.pk).exists()
    try:
        with transaction.atomic():
            response = Response.objects.create(
                survey=survey, created_on=created_on, score=score, **(identity or {})
            )
    except IntegrityError as exc:  # the same person, a second time (or twice at once)
        raise ValidationError({"identifier": _already_answered()}) from exc
    for row in rows:
        row.response = response
    Answer.objects.bulk_create(rows)
    if reseal:
        # The caller's object follows its row to the new key (in memory only).
        response.id = sealing.reseal(survey)[response.id]
    return response


def _already_answered() -> str:
    return _(
        "Người dùng số điện thoại hoặc thư điện tử này đã trả lời khảo sát. "
        "Mỗi người chỉ trả lời một lần."
    )


def _identity(survey: Survey, identifier: str, account, consent: bool, now, errors: dict) -> dict:
    respondent = ""
    if survey.audience == Audience.STAFF:
        if account is None or not account.is_authenticated:
            errors["identifier"] = [_("Cần đăng nhập để trả lời khảo sát này.")]
        else:
            respondent = respondents.account_identifier(account)
    else:
        try:
            respondent = respondents.normalise_identifier(identifier)
        except ValidationError as error:
            errors["identifier"] = error.messages
    # Luật 91/2025/QH15: consent is an explicit act, never assumed from silence.
    if not consent:
        errors["consent"] = [
            _("Cần đồng ý xử lý dữ liệu cá nhân để trả lời khảo sát có định danh.")
        ]
    if not respondent:
        return {}
    digest = respondents.respondent_hash(survey, respondent)
    if Response.objects.filter(survey=survey, respondent_hash=digest).exists():
        errors["identifier"] = [_already_answered()]
    return {
        "respondent_hash": digest,
        "consent_at": now,
        "consent_version": respondents.consent_version(survey.consent_text),
    }


@in_vietnamese
@transaction.atomic
def erase_response(*, survey: Survey, actor: User, identifier: str) -> bool:
    """Delete the identified response of the person who asked (Luật 91/2025: right to erasure).

    The identifier is used to find the hash and is not recorded anywhere.
    """
    if survey.mode != Mode.IDENTIFIED:
        raise ValidationError(
            _("Khảo sát ẩn danh không lưu người trả lời nên không tìm được câu trả lời của ai.")
        )
    try:
        respondent = respondents.normalise_identifier(identifier)
    except ValidationError as error:
        raise ValidationError({"identifier": error.messages}) from error
    digest = respondents.respondent_hash(survey, respondent)
    deleted, _rows = Response.objects.filter(survey=survey, respondent_hash=digest).delete()
    if deleted:
        events.record(
            survey,
            SurveyEventKind.RESPONSE_ERASED,
            _("Xóa một câu trả lời theo yêu cầu của người trả lời"),
            actor=actor,
        )
    return bool(deleted)
