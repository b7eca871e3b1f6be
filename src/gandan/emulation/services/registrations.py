"""Registrations: register a model or exemplar, report on it with evidence, submit it."""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from gandan.core.language import in_vietnamese
from gandan.core.uploads import check_upload
from gandan.democracy.electorate import is_staff_of
from gandan.democracy.models import BallotStatus
from gandan.emulation.events import record
from gandan.emulation.models import (
    OPEN_STATUSES,
    Campaign,
    CampaignStatus,
    EventKind,
    Evidence,
    Field,
    Registration,
    RegistrationKind,
    RegistrationStatus,
    Update,
)
from gandan.orgs.models import Membership, Organisation, User

MAX_EVIDENCE_FILES = 5
# Marked for the catalogue here, translated where the refusal is raised.
TEXT_FIELDS = {
    "problem": gettext_noop("Cần nêu thực trạng, vấn đề cần giải quyết."),
    "goals": gettext_noop("Cần nêu mục tiêu."),
    "mobilisation": gettext_noop("Cần nêu cách thức tuyên truyền, vận động."),
    "expected_results": gettext_noop("Cần nêu kết quả dự kiến."),
}


def _kind_word(registration: Registration) -> str:
    return "mô hình" if registration.kind == RegistrationKind.MODEL else "điển hình"


@in_vietnamese
@transaction.atomic
def register(
    *,
    campaign: Campaign,
    registrant: User,
    kind: str,
    title: str,
    field: str,
    problem: str,
    goals: str,
    mobilisation: str,
    expected_results: str,
    unit: Organisation | None = None,
) -> Registration:
    """Register a model or exemplar, for oneself or for a unit one belongs to.

    Only while the campaign takes registrations.
    """
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    # LAW.md §9: models and exemplars are registered at the start of the year.
    if campaign.status != CampaignStatus.REGISTRATION:
        raise ValidationError(_("Phong trào đã hết thời gian nhận đăng ký."))
    school = campaign.organisation
    if not is_staff_of(registrant, school):
        raise ValidationError(_("Chỉ cán bộ của trường đăng ký được."))
    if kind not in RegistrationKind.values:
        raise ValidationError({"kind": _("Hãy chọn mô hình hoặc điển hình.")})
    if field not in Field.values:
        raise ValidationError({"field": _("Hãy chọn lĩnh vực.")})
    title = title.strip()
    if not title:
        raise ValidationError({"title": _("Cần nhập tên mô hình, điển hình.")})
    texts = {
        "problem": problem.strip(),
        "goals": goals.strip(),
        "mobilisation": mobilisation.strip(),
        "expected_results": expected_results.strip(),
    }
    missing = {name: _(message) for name, message in TEXT_FIELDS.items() if not texts[name]}
    if missing:
        raise ValidationError(missing)
    if unit is not None:
        belongs = (
            unit.parent_id == school.pk
            and unit.is_internal_unit
            and Membership.objects.current().filter(user=registrant, organisation=unit).exists()
        )
        if not belongs:
            raise ValidationError(
                {"unit": _("Chỉ đăng ký được cho tổ, đơn vị mình là thành viên.")}
            )
    if Registration.objects.filter(campaign=campaign, title=title).exists():
        raise ValidationError({"title": _("Đã có mô hình, điển hình cùng tên trong phong trào.")})
    registration = Registration.objects.create(
        campaign=campaign,
        kind=kind,
        title=title[:300],
        registrant=registrant,
        unit=unit,
        field=field,
        **texts,
    )
    who = unit.name if unit is not None else registrant.full_name
    record(
        campaign,
        EventKind.REGISTERED,
        f"{registrant.full_name} đăng ký {_kind_word(registration)} “{registration.title}” ({who})",
        registrant,
        registration=registration,
    )
    return registration


@in_vietnamese
@transaction.atomic
def add_update(
    *,
    registration: Registration,
    author: User,
    text: str,
    files: Sequence[UploadedFile] = (),
) -> Update:
    """Report what was done, with photos or documents, while the registration is open."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status not in OPEN_STATUSES:
        raise ValidationError(_("Hồ sơ đã gửi đánh giá; không cập nhật thêm được."))
    if registration.campaign.status == CampaignStatus.CLOSED:
        raise ValidationError(_("Phong trào đã tổng kết."))
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Hãy ghi ngắn gọn đã làm được gì.")})
    if len(files) > MAX_EVIDENCE_FILES:
        raise ValidationError(
            _("Mỗi lần cập nhật đính kèm tối đa %(n)d tệp.") % {"n": MAX_EVIDENCE_FILES}
        )
    checked = [check_upload(upload) for upload in files]
    # The same report with the same files sent twice (a double click) is one report.
    last = registration.updates.filter(author=author).order_by("-pk").first()
    if (
        last is not None
        and last.text == text
        and sorted(last.evidence.values_list("sha256", flat=True))
        == sorted(info.sha256 for info in checked)
    ):
        return last
    update = Update.objects.create(registration=registration, author=author, text=text)
    for upload, info in zip(files, checked, strict=True):
        Evidence.objects.create(
            update=update,
            file=upload,
            original_name=(upload.name or "")[:255],
            content_type=info.content_type,
            size=info.size,
            sha256=info.sha256,
        )
    if registration.status == RegistrationStatus.REGISTERED:
        registration.status = RegistrationStatus.IN_PROGRESS
        registration.save(update_fields=["status", "updated_at"])
    attached = f" ({len(files)} tệp minh chứng)" if files else ""
    record(
        registration.campaign,
        EventKind.UPDATED,
        f"{author.full_name} cập nhật kết quả thực hiện “{registration.title}”{attached}",
        author,
        registration=registration,
    )
    return update


@in_vietnamese
@transaction.atomic
def submit_registration(*, registration: Registration, actor: User) -> Registration:
    """Send the registration to the council, once it has at least one implementation report."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status not in OPEN_STATUSES:
        raise ValidationError(_("Hồ sơ này đã được gửi đánh giá."))
    # LAW.md §9: the review is at year end, on what was done during the year.
    if registration.campaign.status not in (
        CampaignStatus.IMPLEMENTATION,
        CampaignStatus.REVIEW,
    ):
        raise ValidationError(_("Chỉ gửi đánh giá khi phong trào đang triển khai hoặc đánh giá."))
    if registration.campaign.is_reviewed:
        raise ValidationError(_("Hội đồng đã kết luận; không nhận thêm hồ sơ."))
    ballot = registration.campaign.shortlist_ballot
    if ballot is not None and ballot.status != BallotStatus.CANCELLED:
        raise ValidationError(_("Hội đồng đã bỏ phiếu chọn danh sách; không nhận thêm hồ sơ."))
    if not registration.updates.exists():
        raise ValidationError(
            _("Hãy cập nhật kết quả thực hiện ít nhất một lần trước khi gửi đánh giá.")
        )
    registration.status = RegistrationStatus.SUBMITTED
    registration.submitted_at = timezone.now()
    registration.save(update_fields=["status", "submitted_at", "updated_at"])
    record(
        registration.campaign,
        EventKind.SUBMITTED,
        f"{actor.full_name} gửi hồ sơ “{registration.title}” để Hội đồng đánh giá",
        actor,
        registration=registration,
    )
    return registration
