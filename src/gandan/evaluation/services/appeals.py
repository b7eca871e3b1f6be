"""A person disagrees with their result: the appeal becomes a case of the petitions app.

NĐ 233/2026, Điều 17 k2d files "hồ sơ giải quyết kiến nghị về kết quả" with the evaluation
records; a result the person contests as wrong is also a complaint inside a public unit, which
the head resolves at first instance (LAW.md §1a; Luật Khiếu nại 2011, Điều 3 k2). The person
chooses which; the case then follows the petitions workflow and its deadlines.

A complaint goes first to the one who made the decision (Luật Khiếu nại 2011, Điều 7 k1). The
head's result is decided and notified by the school's managing body (NĐ 233/2026, Điều 13 k3a,
Điều 15 k2đ; `Evaluation.decided_above`), so the head's appeal is a case of that body, the
UBND xã/phường, whose chairman resolves complaints against its own decisions at first instance
(Điều 17), handled by its officers with the same rules' deadlines: never of her own school,
where she would handle her own complaint. Everyone else's goes to the school.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gandan.core.language import in_vietnamese
from gandan.evaluation import events, notices
from gandan.evaluation.models import Appeal, Evaluation, EventKind
from gandan.orgs.models import Organisation, User
from gandan.petitions.models import CaseKind, Channel
from gandan.petitions.services import Sender, Submission, submit_case
from gandan.petitions.services.intake import CASE_HOLDERS

APPEAL_KINDS = (CaseKind.COMPLAINT, CaseKind.RECOMMENDATION)


def resolving_body(evaluation: Evaluation) -> Organisation | None:
    """The organisation whose petitions register takes an appeal against this result: the
    managing body for a result it decided, the school otherwise (module docstring). None when
    the managing body is not (or no longer) one that holds cases here."""
    school = evaluation.cycle.organisation
    if not evaluation.decided_above:
        return school
    body = school.parent
    return body if body is not None and body.kind in CASE_HOLDERS else None


@in_vietnamese
@transaction.atomic
def file_appeal(
    *, evaluation: Evaluation, actor: User, text: str, consent: bool, kind: str = CaseKind.COMPLAINT
) -> Appeal:
    """Record the appeal and open the case in the petitions register of `resolving_body`.

    Preconditions: the actor is the person; the result was decided and notified or published.
    The same appeal sent again (a double click, a resent form) returns the one filed.
    """
    # Serialise two submissions of one person's appeal: the second sees the first.
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    if actor.pk != evaluation.person_id:
        raise ValidationError(_("Chỉ người được đánh giá gửi khiếu nại về kết quả của mình."))
    if not evaluation.is_decided or not (evaluation.notified_at or evaluation.published_at):
        raise ValidationError(_("Kết quả chưa được thông báo nên chưa thể khiếu nại."))
    if kind not in APPEAL_KINDS:
        raise ValidationError({"kind": _("Hãy chọn khiếu nại hoặc kiến nghị.")})
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Hãy trình bày nội dung không đồng ý và lý do.")})
    filed = evaluation.appeals.filter(text=text, case__kind=kind).select_related("case").first()
    if filed is not None:
        return filed
    cycle = evaluation.cycle
    school = cycle.organisation
    body = resolving_body(evaluation)
    if body is None:
        raise ValidationError(
            _(
                "Kết quả do cơ quan quản lý của trường quyết định nhưng trường chưa có cơ quan "
                "quản lý trên hệ thống, nên chưa gửi được đơn. Hãy gửi đơn trực tiếp đến Ủy ban "
                "nhân dân xã, phường quản lý trường."
            )
        )
    appeal = Appeal.objects.create(evaluation=evaluation, text=text, created_by=actor)
    result = (
        evaluation.get_level_display()
        if evaluation.level
        else f"không xếp loại ({evaluation.not_rated_reason})"
    )
    notice = f", thông báo số {evaluation.notice.number_symbol}" if evaluation.notice else ""
    decided_by = f" Kết quả do {body.name} quyết định." if body != school else ""
    of_school = f", {school.name}" if body != school else ""
    what = "Khiếu nại" if kind == CaseKind.COMPLAINT else "Kiến nghị"
    case = submit_case(
        organisation=body,
        submission=Submission(
            kind=kind,
            title=f"{what} kết quả xếp loại chất lượng viên chức {cycle.year_label}{of_school}",
            content=f"{text}\n\nKết quả được thông báo: {result}{notice}.{decided_by}",
            # Submitted by the person on Gần Dân: an electronic submission.
            channel=Channel.WEB,
            sender=Sender(
                name=actor.full_name,
                phone=actor.phone,
                email=actor.email,
                address=", ".join(part for part in (school.name, school.address) if part),
            ),
            consent=consent,
        ),
        idempotency_key=f"danh-gia-{appeal.public_id.hex}",
        actor=actor,
    )
    appeal.case = case
    appeal.save(update_fields=["case"])
    events.record(
        cycle,
        EventKind.APPEALED,
        f"{actor.full_name} gửi {what.lower()} về kết quả {cycle.label} "
        f"(hồ sơ {case.display_code} của {body.name})",
        actor,
        evaluation=evaluation,
    )
    notices.appeal_filed(appeal, body)
    return appeal
