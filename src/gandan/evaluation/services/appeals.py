"""A person disagrees with their result: the appeal becomes a case of the petitions app.

NĐ 233/2026, Điều 17 k2d files "hồ sơ giải quyết kiến nghị về kết quả" with the evaluation
records; a result the person contests as wrong is also a complaint inside a public unit, which
the head resolves at first instance (LAW.md §1a; Luật Khiếu nại 2011, Điều 3 k2). The person
chooses which; the case then follows the petitions workflow and its deadlines.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gandan.core.language import in_vietnamese
from gandan.evaluation import events
from gandan.evaluation.models import Appeal, Evaluation, EventKind
from gandan.orgs.models import User
from gandan.petitions.models import CaseKind, Channel
from gandan.petitions.services import Sender, Submission, submit_case

APPEAL_KINDS = (CaseKind.COMPLAINT, CaseKind.RECOMMENDATION)


@in_vietnamese
@transaction.atomic
def file_appeal(
    *, evaluation: Evaluation, actor: User, text: str, consent: bool, kind: str = CaseKind.COMPLAINT
) -> Appeal:
    """Record the appeal and open the case in the school's petitions register.

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
    appeal = Appeal.objects.create(evaluation=evaluation, text=text, created_by=actor)
    result = (
        evaluation.get_level_display()
        if evaluation.level
        else f"không xếp loại ({evaluation.not_rated_reason})"
    )
    notice = f", thông báo số {evaluation.notice.number_symbol}" if evaluation.notice else ""
    what = "Khiếu nại" if kind == CaseKind.COMPLAINT else "Kiến nghị"
    case = submit_case(
        organisation=school,
        submission=Submission(
            kind=kind,
            title=f"{what} kết quả xếp loại chất lượng viên chức {cycle.year_label}",
            content=f"{text}\n\nKết quả được thông báo: {result}{notice}.",
            # Submitted by the person on the school's own system: an electronic submission.
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
        f"(hồ sơ {case.display_code})",
        actor,
        evaluation=evaluation,
    )
    return appeal
