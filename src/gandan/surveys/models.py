"""Satisfaction surveys of parents, citizens and staff: questions, responses, answers.

Anonymity is structural. An anonymous `Response` holds its survey, the first day of the survey
period (the same on every row of the survey: no answer keeps a day, let alone a time, of its
own), its score and its answers; no user, no address, no session, no consent record, no
sequence number: the key is a random UUID. Nothing is written elsewhere when it is stored (no
audit row, no timeline row, no counter on the survey whose `updated_at` would date it); the
audit log learns only the number of answers, when the survey closes. When an anonymous survey
closes, its responses are re-sealed: re-written under fresh random keys, in key order, the old
rows overwritten (sealing.py), and SQLite's WAL is checkpointed and truncated (after every
anonymous answer too, best effort), so that neither storage order nor the log's frame order
follows the order of answering.

Staff answer anonymous staff surveys signed in, and their logins are in the audit log with a
time: for those surveys the answers are also re-sealed after every answer, one answer per
person is kept by a `Participation` marker stored apart (its docstring gives the argument), and
results are withheld until the survey closes and has MIN_ANONYMOUS_RESULTS answers
(`Survey.results_withheld`; tests/test_anonymous_staff.py plays the attacks).

An identified survey stores a keyed hash of the respondent's phone number or e-mail address,
never the address itself (Luật Bảo vệ dữ liệu cá nhân 91/2025: minimal data), so that the
database can refuse a second answer; the day of the answer; and the date, time and version of
the consent given.
"""

import datetime as dt
import secrets
import uuid
from typing import TYPE_CHECKING, TypedDict, cast

from django.conf import settings
from django.db import models
from django.db.models import Count, F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gandan.core.models import TimelineEvent, TimeStampedModel

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

PUBLIC_ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read off a poster
PUBLIC_ID_LENGTH = 10
LIKERT_MIN, LIKERT_MAX = 1, 5
# The fewest answers an anonymous staff survey shows results for. The head knows every
# respondent: below five, one dissenting answer among three or four colleagues is easy to place
# by elimination, and two colleagues comparing notes leave little doubt about the rest. Five is
# the usual small-cell threshold of statistical disclosure control (no figure published that
# rests on fewer than five people); one answer fewer shows nothing at all.
MIN_ANONYMOUS_RESULTS = 5


def new_public_id() -> str:
    return "".join(secrets.choice(PUBLIC_ID_ALPHABET) for _ in range(PUBLIC_ID_LENGTH))


def new_salt() -> str:
    return secrets.token_hex(16)


class Audience(models.TextChoices):
    PARENTS = "parents", _("Cha mẹ học sinh")
    CITIZENS = "citizens", _("Người dân")
    STAFF = "staff", _("Cán bộ, giáo viên, nhân viên")


class Mode(models.TextChoices):
    ANONYMOUS = "anonymous", _("Ẩn danh (không lưu bất cứ thông tin nào về người trả lời)")
    IDENTIFIED = "identified", _("Có định danh (mỗi người chỉ trả lời một lần)")


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    OPEN = "open", _("Đang lấy ý kiến")
    CLOSED = "closed", _("Đã kết thúc")


class Withheld(models.TextChoices):
    """Why a survey's results are not shown (Survey.results_withheld)."""

    WHILE_OPEN = "while_open", _("Đang lấy ý kiến")
    TOO_FEW = "too_few", _("Chưa đủ số người trả lời")


class QuestionKind(models.TextChoices):
    LIKERT = "likert", _("Mức độ hài lòng (1–5)")
    SINGLE = "single", _("Chọn một phương án")
    MULTIPLE = "multiple", _("Chọn nhiều phương án")
    TEXT = "text", _("Trả lời tự do")


CHOICE_KINDS = {QuestionKind.SINGLE, QuestionKind.MULTIPLE}


class Moments(TypedDict):
    """The annotations of `with_moments`."""

    score_n: int
    score_total: float | None
    score_total_sq: float | None


class SurveyQuerySet(models.QuerySet["Survey"]):
    def with_moments(self) -> "models.QuerySet[WithAnnotations[Survey, Moments]]":
        """Annotate n, Σscore and Σscore² of the scored responses: the index in one query."""
        annotated = self.annotate(
            score_n=Count("responses__score"),
            score_total=Sum("responses__score"),
            score_total_sq=Sum(F("responses__score") * F("responses__score")),
        )
        # The plugin types the annotations but not the row type of a custom queryset's method.
        return cast("models.QuerySet[WithAnnotations[Survey, Moments]]", annotated)

    def running(self) -> "SurveyQuerySet":
        """Surveys opened and not yet closed, whatever their dates."""
        return self.filter(status=SurveyStatus.OPEN)

    def accepting(self, now: dt.datetime | None = None) -> "SurveyQuerySet":
        now = now or timezone.now()
        return self.filter(status=SurveyStatus.OPEN, opens_at__lte=now).filter(
            Q(closes_at__isnull=True) | Q(closes_at__gt=now)
        )


class Survey(TimeStampedModel):
    """One survey of one school, answered through its public link (/khao-sat/<public_id>/)."""

    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("Đơn vị"),
        on_delete=models.PROTECT,
        related_name="surveys",
    )
    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    title = models.CharField(_("Tên khảo sát"), max_length=255)
    intro = models.TextField(_("Lời giới thiệu"), blank=True)
    audience = models.CharField(
        _("Đối tượng"), max_length=16, choices=Audience.choices, default=Audience.PARENTS
    )
    mode = models.CharField(
        _("Cách trả lời"), max_length=16, choices=Mode.choices, default=Mode.ANONYMOUS
    )
    status = models.CharField(
        _("Tình trạng"), max_length=16, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT
    )
    opens_at = models.DateTimeField(_("Bắt đầu nhận trả lời"), null=True, blank=True)
    closes_at = models.DateTimeField(_("Hạn cuối nhận trả lời"), null=True, blank=True)
    # Luật 91/2025/QH15: consent is informed (what, why, who, rights) and per purpose. The text
    # is frozen once the survey opens; each response records the version it agreed to.
    consent_text = models.TextField(_("Nội dung đồng ý xử lý dữ liệu cá nhân"), blank=True)
    salt = models.CharField(max_length=32, default=new_salt, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người tạo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = SurveyQuerySet.as_manager()

    class Meta:
        verbose_name = _("khảo sát")
        verbose_name_plural = _("khảo sát")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "status"], name="surveys_org_status")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=SurveyStatus.values), name="surveys_status_valid"
            ),
            models.CheckConstraint(condition=Q(mode__in=Mode.values), name="surveys_mode_valid"),
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True)
                | Q(closes_at__isnull=True)
                | Q(closes_at__gt=F("opens_at")),
                name="surveys_window_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_anonymous(self) -> bool:
        return self.mode == Mode.ANONYMOUS

    @property
    def is_draft(self) -> bool:
        return self.status == SurveyStatus.DRAFT

    @property
    def is_closed(self) -> bool:
        return self.status == SurveyStatus.CLOSED

    @property
    def protects_signed_in_respondents(self) -> bool:
        """Anonymous, answered by signed-in staff whose logins the audit log dates."""
        return self.is_anonymous and self.audience == Audience.STAFF

    def results_withheld(self, response_count: int) -> str | None:
        """Why nobody may read this survey's results now (a `Withheld` value), or None.

        An anonymous staff survey shows nothing while it runs (live results next to the audit
        log's logins would pair each answer with its author) and nothing below
        MIN_ANONYMOUS_RESULTS answers after it closes."""
        if not self.protects_signed_in_respondents:
            return None
        if not self.is_closed:
            return Withheld.WHILE_OPEN
        if response_count < MIN_ANONYMOUS_RESULTS:
            return Withheld.TOO_FEW
        return None

    def period_day(self) -> dt.date:
        """The day every anonymous response carries: the first of the survey period."""
        return timezone.localdate(self.opens_at) if self.opens_at else timezone.localdate()

    def is_accepting(self, now=None) -> bool:
        """Open, and inside its answering window."""
        now = now or timezone.now()
        return (
            self.status == SurveyStatus.OPEN
            and self.opens_at is not None
            and self.opens_at <= now
            and (self.closes_at is None or now < self.closes_at)
        )


class Question(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)
    kind = models.CharField(_("Loại câu hỏi"), max_length=16, choices=QuestionKind.choices)
    text = models.CharField(_("Câu hỏi"), max_length=500)
    required = models.BooleanField(_("Bắt buộc trả lời"), default=True)
    options = models.JSONField(_("Các phương án"), default=list, blank=True)

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")
        ordering = ["survey", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=QuestionKind.values), name="surveys_question_kind_valid"
            )
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def is_likert(self) -> bool:
        return self.kind == QuestionKind.LIKERT

    @property
    def has_options(self) -> bool:
        return self.kind in CHOICE_KINDS


class Response(models.Model):
    """One person's answers. See the module docstring for what it may and may not hold."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    # Anonymous surveys: the first day of the survey period, the same on every row (a day of
    # its own singles an answer out wherever few were given that day). Identified surveys:
    # the day of the answer. Never a time.
    created_on = models.DateField(_("Ngày (khảo sát ẩn danh: ngày đầu đợt khảo sát)"))
    # Mean of the response's Likert answers mapped to 0–100 (index.respondent_score); stored
    # once, since answers never change, so that the index is a plain aggregate.
    score = models.FloatField(null=True, blank=True)
    # Identified surveys only (empty / null when anonymous).
    respondent_hash = models.CharField(max_length=64, blank=True, editable=False)
    consent_at = models.DateTimeField(null=True, blank=True)
    consent_version = models.CharField(max_length=16, blank=True)

    class Meta:
        verbose_name = _("phiếu trả lời")
        verbose_name_plural = _("phiếu trả lời")
        # Deliberately no ordering by insertion.
        ordering = ["id"]
        indexes = [models.Index(fields=["survey", "created_on"], name="surveys_response_day")]
        constraints = [
            # One answer per respondent where the survey identifies respondents.
            models.UniqueConstraint(
                fields=["survey", "respondent_hash"],
                condition=~Q(respondent_hash=""),
                name="surveys_one_response_per_respondent",
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | (Q(score__gte=0) & Q(score__lte=100)),
                name="surveys_response_score_range",
            ),
        ]

    def __str__(self) -> str:
        return str(self.id)


class Answer(models.Model):
    """One answer: `value` is 1–5 for a Likert item or the option's index for a choice (one row
    per chosen option, so that counting is a GROUP BY); `text` for a free answer."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    value = models.SmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("câu trả lời")
        verbose_name_plural = _("câu trả lời")
        ordering = ["response", "question"]
        indexes = [models.Index(fields=["question", "value"], name="surveys_answer_value")]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.value if self.value is not None else self.text[:40]}"


class Participation(models.Model):
    """ "Has answered": one row per staff member who answered an anonymous staff survey.

    It exists so that each person answers once, without anything that links the person to
    the answer. The argument:

    1. The claim comes first, in a transaction of its own: INSERT (survey, user) under a
       unique constraint. A second attempt (another tab, a double tap, a script, two requests
       at the same instant) fails on the constraint, so the database, not a read-then-write
       check, keeps one answer per person.
    2. The answer follows in a second transaction. If it fails, the claim is deleted and the
       person may try again; if the process dies in between, the person is marked without an
       answer. That fails closed: at worst one answer is lost, never two are counted. The
       reverse order (answer, then claim) would fail open.
    3. Nothing joins the two. No foreign key either way. Not one transaction (which would give
       both the same PostgreSQL xmin and one commit in SQLite's WAL). No time or day on
       either: the response carries the survey's first day. Random keys on both; the
       survey's responses are re-sealed (re-written in the order of fresh random keys) in the
       answer's transaction, so the n-th marker cannot be paired with the n-th stored answer;
       and after each answer SQLite's WAL is checkpointed and truncated, so frame order
       (login, claim, answer) does not survive either.
    4. At close the markers are deleted (their purpose is over; Luật 91/2025/QH15: minimal
       data): the audit log keeps only how many answered. Deleted and re-sealed rows are
       overwritten on SQLite (secure_delete) and the WAL is truncated.

    What remains is the power of whoever reads the live database files during the instant
    between two commits, or the PostgreSQL server's own WAL and not yet vacuumed row versions:
    that is the database administrator's, and no page of the application shows it.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="participations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("người đã trả lời")
        verbose_name_plural = _("người đã trả lời")
        # Deliberately no ordering by insertion.
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "user"], name="surveys_one_participation")
        ]

    def __str__(self) -> str:
        return str(self.id)


class SurveyEventKind(models.TextChoices):
    CREATED = "created", _("Tạo khảo sát")
    EDITED = "edited", _("Sửa khảo sát")
    QUESTION_ADDED = "question_added", _("Thêm câu hỏi")
    QUESTION_REMOVED = "question_removed", _("Bỏ câu hỏi")
    OPENED = "opened", _("Mở lấy ý kiến")
    CLOSED = "closed", _("Kết thúc lấy ý kiến")
    RESPONSE_ERASED = "response_erased", _("Xóa câu trả lời theo yêu cầu")


class SurveyEvent(TimelineEvent):
    """The survey's timeline: staff actions only. Answering writes nothing here."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=32, choices=SurveyEventKind.choices)

    class Meta(TimelineEvent.Meta):
        # Oldest first: the survey's history reads in order (pages order newest first).
        ordering = ["survey", "created_at", "pk"]
