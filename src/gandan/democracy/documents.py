"""Official documents of grassroots democracy, as paperwork specs (Nghị định 30/2020, Phụ lục I).

Every builder runs inside `translation.override("vi")`: documents are Vietnamese whatever the
reader's language (ADR 1). Issuing, numbering and the register are `paperwork.services`' work.
"""

from django.utils import translation

from gandan.democracy.models import Comment, Consultation, ConsultationAudience, Decision
from gandan.orgs.models import Membership, Organisation, Role, User
from gandan.paperwork.document import DocType, DocumentSpec, Heading, Paragraph, Signer, Table

LAW = "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 ngày 10 tháng 11 năm 2022"
DECREE = (
    "Nghị định số 59/2023/NĐ-CP ngày 14 tháng 8 năm 2023 của Chính phủ quy định chi tiết một "
    "số điều của Luật Thực hiện dân chủ ở cơ sở"
)


def header_names(organisation: Organisation) -> tuple[str, str]:
    """(managing body, issuing body) as printed (Nghị định 30/2020, Phụ lục I, II.2)."""
    parent = organisation.parent
    managing = (parent.short_name or parent.name).upper() if parent else ""
    return managing, organisation.name.upper()


def head_of(organisation: Organisation) -> User | None:
    membership = (
        Membership.objects.current()
        .filter(organisation=organisation, role=Role.HEAD)
        .select_related("user")
        .first()
    )
    return membership.user if membership else None


def head_signer(organisation: Organisation) -> Signer:
    """The head signs (Nghị định 30/2020, Điều 13 k1); a blank name if none is recorded."""
    head = head_of(organisation)
    title = "HIỆU TRƯỞNG" if organisation.kind == "school" else "THỦ TRƯỞNG"
    return Signer(name=head.full_name if head else "", title=title)


def _lower_first(text: str) -> str:
    return f"{text[:1].lower()}{text[1:]}" if text else text


def draft_name(title: str) -> str:
    """'Quy chế chi tiêu nội bộ năm 2027' → 'quy chế chi tiêu nội bộ năm 2027' (no 'Dự thảo')."""
    title = title.strip()
    if title.lower().startswith("dự thảo "):
        title = title[len("dự thảo ") :]
    return _lower_first(title)


DECISION_TEXT = {
    Decision.ACCEPTED: "Tiếp thu",
    Decision.PARTLY: "Tiếp thu một phần",
    Decision.NOT_ACCEPTED: "Không tiếp thu",
}


def where_commented(comment: Comment) -> str:
    if comment.paragraph is None:
        return f"Toàn bộ dự thảo (lần {comment.version.number})"
    return f"Đoạn {comment.paragraph.order} (dự thảo lần {comment.version.number})"


def consultation_summary_spec(consultation: Consultation) -> DocumentSpec:
    """'Báo cáo tổng hợp ý kiến và tiếp thu, giải trình' (Luật 10/2022/QH15, Điều 55)."""
    with translation.override("vi"):
        return _consultation_summary_spec(consultation)


def _consultation_summary_spec(consultation: Consultation) -> DocumentSpec:
    school = consultation.organisation
    managing, issuing = header_names(school)
    comments = list(
        consultation.comments.select_related("paragraph", "version").order_by(
            "version__number", "paragraph__order", "created_at", "pk"
        )
    )
    counts = {decision: 0 for decision in Decision.values}
    for comment in comments:
        counts[comment.decision] = counts.get(comment.decision, 0) + 1
    who = (
        "cán bộ, viên chức, người lao động"
        if consultation.audience == ConsultationAudience.STAFF
        else "cha mẹ học sinh thông qua Ban đại diện cha mẹ học sinh"
    )
    final = consultation.current_version()
    body: list = [
        Paragraph(
            f"Thực hiện {LAW} (Điều 53, 54, 55), {school.name} đã lấy ý kiến {who} về dự thảo "
            f"{draft_name(consultation.title)} từ ngày {consultation.opens_on:%d/%m/%Y} đến "
            f"hết ngày {consultation.deadline:%d/%m/%Y}. {school.name} tổng hợp ý kiến và "
            "tiếp thu, giải trình như sau:"
        ),
        Heading(1, 1, "KẾT QUẢ LẤY Ý KIẾN"),
        Paragraph(
            f"Tổng số ý kiến góp ý: {len(comments)}; tiếp thu: {counts[Decision.ACCEPTED]}; "
            f"tiếp thu một phần: {counts[Decision.PARTLY]}; không tiếp thu: "
            f"{counts[Decision.NOT_ACCEPTED]}."
        ),
        Heading(1, 2, "TỔNG HỢP Ý KIẾN VÀ TIẾP THU, GIẢI TRÌNH"),
    ]
    if comments:
        rows = [("TT", "Nội dung được góp ý", "Ý kiến góp ý", "Tiếp thu, giải trình")]
        for index, comment in enumerate(comments, start=1):
            # No names: the summary is disclosed to everyone (Điều 46 k10).
            rows.append(
                (
                    str(index),
                    where_commented(comment),
                    comment.text,
                    f"{DECISION_TEXT.get(comment.decision, '')}: {comment.reason}",
                )
            )
        body.append(Table(tuple(rows)))
    else:
        body.append(Paragraph("Không có ý kiến góp ý."))
    body += [
        Heading(1, 3, "DỰ THẢO SAU KHI TIẾP THU"),
        Paragraph(
            f"Dự thảo đã được chỉnh lý đến lần thứ {final.number if final else 1} trên cơ sở các "
            "ý kiến được tiếp thu và được công khai cùng báo cáo này."
        ),
    ]
    recipients = ["Ban Chấp hành Công đoàn (để giám sát)"]
    if consultation.audience == ConsultationAudience.STAFF:
        recipients.append("CB, GV, NV nhà trường (để biết)")
    else:
        recipients.append("Ban đại diện cha mẹ học sinh (để biết)")
    return DocumentSpec(
        managing_body=managing,
        issuing_body=issuing,
        doc_type=DocType.REPORT,
        summary=(
            f"Tổng hợp ý kiến và tiếp thu, giải trình về dự thảo {draft_name(consultation.title)}"
        ),
        place=school.place_name,
        signer=head_signer(school),
        body=tuple(body),
        recipients=(*recipients, "Lưu: VT."),
    )
