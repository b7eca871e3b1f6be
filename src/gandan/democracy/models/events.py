"""The timeline of the democracy app: one append-only row per state change."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gandan.core.models import TimelineEvent


class EventKind(models.TextChoices):
    DISCLOSURE_RECORDED = "disclosure_recorded", _("Ghi nhận nội dung phải công khai")
    DISCLOSURE_PUBLISHED = "disclosure_published", _("Công khai")
    DISCLOSURE_TAKEN_DOWN = "disclosure_taken_down", _("Gỡ xuống")
    DISCLOSURE_WITHDRAWN = "disclosure_withdrawn", _("Thu hồi nội dung công khai")
    ACKNOWLEDGED = "acknowledged", _("Xác nhận đã đọc")
    REQUEST_SUBMITTED = "request_submitted", _("Yêu cầu cung cấp thông tin")
    REQUEST_ANSWERED = "request_answered", _("Trả lời yêu cầu cung cấp thông tin")
    BALLOT_CREATED = "ballot_created", _("Tạo cuộc biểu quyết")
    BALLOT_OPENED = "ballot_opened", _("Mở bỏ phiếu")
    BALLOT_CAST = "ballot_cast", _("Bỏ phiếu")
    BALLOT_CLOSED = "ballot_closed", _("Kết thúc bỏ phiếu")
    BALLOT_CANCELLED = "ballot_cancelled", _("Hủy cuộc biểu quyết")
    CONSULTATION_OPENED = "consultation_opened", _("Lấy ý kiến dự thảo")
    CONSULTATION_REVISED = "consultation_revised", _("Chỉnh sửa dự thảo")
    COMMENTED = "commented", _("Góp ý dự thảo")
    CONSULTATION_CLOSED = "consultation_closed", _("Kết thúc lấy ý kiến")
    COMMENT_ANSWERED = "comment_answered", _("Tiếp thu, giải trình ý kiến")
    CONSULTATION_PUBLISHED = "consultation_published", _("Công khai kết quả tiếp thu, giải trình")
    CONFERENCE_CONVENED = "conference_convened", _("Triệu tập hội nghị")
    ATTENDANCE_TAKEN = "attendance_taken", _("Điểm danh")
    CONFERENCE_OPENED = "conference_opened", _("Khai mạc hội nghị")
    AGENDA_RECORDED = "agenda_recorded", _("Ghi diễn biến hội nghị")
    CONFERENCE_CLOSED = "conference_closed", _("Bế mạc hội nghị")
    RESOLUTION_CHECKED = "resolution_checked", _("Kiểm tra thực hiện nghị quyết")
    BOARD_CONSTITUTED = "board_constituted", _("Ghi nhận Ban Thanh tra nhân dân được bầu")
    BOARD_RECOGNISED = "board_recognised", _("Công đoàn công nhận kết quả bầu")
    PROGRAMME_ADDED = "programme_added", _("Chương trình hoạt động của Ban")
    INSPECTION_NOTIFIED = "inspection_notified", _("Thông báo kiểm tra")
    INSPECTION_CONCLUDED = "inspection_concluded", _("Kết luận kiểm tra")
    RECOMMENDATION_ANSWERED = "recommendation_answered", _("Thủ trưởng trả lời kiến nghị")
    RECOMMENDATION_FOLLOWED = "recommendation_followed", _("Ban theo dõi việc thực hiện")


class DemocracyEvent(TimelineEvent):
    """Who did what, when. Never says what a secret-ballot voter chose."""

    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=32, choices=EventKind.choices)
    item = models.ForeignKey(
        "democracy.DisclosureItem",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="events",
    )
    request = models.ForeignKey(
        "democracy.InformationRequest",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="events",
    )
    ballot = models.ForeignKey(
        "democracy.Ballot", null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    consultation = models.ForeignKey(
        "democracy.Consultation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="events",
    )
    conference = models.ForeignKey(
        "democracy.Conference",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="events",
    )
    board_term = models.ForeignKey(
        "democracy.BoardTerm",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="events",
    )
    inspection = models.ForeignKey(
        "democracy.Inspection",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="events",
    )

    class Meta(TimelineEvent.Meta):
        indexes = [models.Index(fields=["organisation", "-created_at"])]
