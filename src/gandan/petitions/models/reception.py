"""Citizen reception (tiếp công dân): the register and the head's reception schedule."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gandan.core.models import TimeStampedModel
from gandan.petitions.models.rules import CaseKind


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Đã lên lịch")
    POSTPONED = "postponed", _("Đã hoãn, có ngày mới")
    HELD = "held", _("Đã tiếp")
    CANCELLED = "cancelled", _("Đã hủy")


class ReceptionSession(TimeStampedModel):
    """One day on which the head receives citizens in person.

    Luật Tiếp công dân 2013, Điều 18 k2: the head receives at least one day a month;
    Điều 24 k4: the schedule is posted at least 05 working days before the day, and a
    postponement is announced with the new date. `published_on` is the day it was posted.
    """

    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="reception_sessions"
    )
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người tiếp"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    date = models.DateField(_("Ngày tiếp"))
    start_time = models.TimeField(_("Từ"))
    end_time = models.TimeField(_("Đến"))
    place = models.CharField(_("Địa điểm"), max_length=255)
    participants = models.CharField(_("Thành phần cùng tiếp"), max_length=500, blank=True)
    expected_content = models.CharField(_("Nội dung dự kiến"), max_length=500, blank=True)
    status = models.CharField(
        max_length=12, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED
    )
    published_on = models.DateField(_("Ngày niêm yết, đăng lịch"))
    postponed_from = models.DateField(_("Ngày tiếp đã hoãn"), null=True, blank=True)
    postponement_reason = models.CharField(_("Lý do hoãn"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("lịch tiếp công dân")
        verbose_name_plural = _("lịch tiếp công dân")
        ordering = ["date", "start_time"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=models.F("start_time")),
                name="petitions_session_times_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}: {self.date}"


class ReceptionEntry(TimeStampedModel):
    """One line of the sổ tiếp công dân (Luật Tiếp công dân 2013, Điều 25 k2; Mẫu 03/TCD).

    Name, address and ID number are personal data the receiver must keep secret (Luật Tiếp
    công dân 2013, Điều 25 k1): they are stored sealed. A denunciation is never a bare line:
    it is received as a case, whose denouncer identity is sealed there.
    """

    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="reception_entries"
    )
    year = models.PositiveSmallIntegerField()
    number = models.PositiveIntegerField(_("Số thứ tự"))
    received_on = models.DateField(_("Ngày tiếp"))
    name_token = models.TextField(editable=False)
    address_token = models.TextField(blank=True, editable=False)
    id_number_token = models.TextField(blank=True, editable=False)
    content_summary = models.TextField(_("Tóm tắt nội dung vụ việc"))
    kind = models.CharField(_("Phân loại đơn"), max_length=20, choices=CaseKind.choices, blank=True)
    people_count = models.PositiveSmallIntegerField(_("Số người cùng nội dung"), default=1)
    previously_resolved_by = models.CharField(
        _("Cơ quan đã giải quyết"), max_length=255, blank=True
    )
    within_competence = models.BooleanField(_("Thuộc thẩm quyền"), default=True)
    guidance = models.CharField(
        _("Hướng dẫn công dân đến cơ quan có thẩm quyền"), max_length=500, blank=True
    )
    handled_by = models.CharField(_("Cơ quan, đơn vị thụ lý"), max_length=255, blank=True)
    follow_up = models.CharField(_("Theo dõi kết quả giải quyết"), max_length=500, blank=True)
    note = models.CharField(_("Ghi chú"), max_length=500, blank=True)
    receiver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Cán bộ tiếp"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    session = models.ForeignKey(
        ReceptionSession, null=True, blank=True, on_delete=models.PROTECT, related_name="entries"
    )
    case = models.ForeignKey(
        "petitions.Case",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reception_entries",
    )

    class Meta:
        verbose_name = _("sổ tiếp công dân")
        verbose_name_plural = _("sổ tiếp công dân")
        ordering = ["organisation", "-year", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "number"], name="petitions_reception_number_once"
            ),
            models.CheckConstraint(condition=Q(people_count__gte=1), name="petitions_people_ge_1"),
        ]

    def __str__(self) -> str:
        return f"{self.year}/{self.number}"
