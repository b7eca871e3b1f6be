"""The campaign's timeline: one append-only row per state change."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gandan.core.models import TimelineEvent
from gandan.emulation.models.campaigns import Campaign
from gandan.emulation.models.nominations import Nomination
from gandan.emulation.models.registrations import Registration


class EventKind(models.TextChoices):
    CAMPAIGN_CREATED = "campaign_created", _("Tạo phong trào")
    CRITERIA_CHANGED = "criteria_changed", _("Sửa tiêu chí")
    COUNCIL_SET = "council_set", _("Thành lập Hội đồng")
    PHASE_CHANGED = "phase_changed", _("Chuyển giai đoạn")
    REGISTERED = "registered", _("Đăng ký")
    UPDATED = "updated", _("Cập nhật kết quả thực hiện")
    SUBMITTED = "submitted", _("Gửi đánh giá")
    SCORED = "scored", _("Chấm điểm")
    SHORTLIST_OPENED = "shortlist_opened", _("Mở bỏ phiếu kín")
    SHORTLIST_CLOSED = "shortlist_closed", _("Kết thúc bỏ phiếu kín")
    REVIEW_CONCLUDED = "review_concluded", _("Hội đồng kết luận")
    RECOGNISED = "recognised", _("Công nhận")
    NOT_RECOGNISED = "not_recognised", _("Không công nhận")
    STORY_CHANGED = "story_changed", _("Sửa câu chuyện công khai")
    NOMINATED = "nominated", _("Đề cử")
    CONSENTED = "consented", _("Đồng ý được đề cử")
    DECLINED = "declined", _("Không đồng ý được đề cử")
    VOTE_OPENED = "vote_opened", _("Mở bỏ phiếu")
    VOTE_CLOSED = "vote_closed", _("Kết thúc bỏ phiếu")


class EmulationEvent(TimelineEvent):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="events")
    registration = models.ForeignKey(
        Registration, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    nomination = models.ForeignKey(
        Nomination, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(max_length=32, choices=EventKind.choices)

    class Meta(TimelineEvent.Meta):
        indexes = [models.Index(fields=["campaign", "-created_at"])]
