"""The written notice of a person's result (NĐ 233/2026, Điều 15 k2đ, k3đ), as a paperwork spec.

Built by `services.results.notify_results`, a use case under `in_vietnamese`: an official
document is Vietnamese whatever the language of the screen that issued it (ADR 1 addendum).
"""

from decimal import Decimal

from gandan.core.salutation import addressed_as, form_of_address
from gandan.core.vietnamese import format_number
from gandan.evaluation.models import Evaluation, EvaluationStatus
from gandan.orgs.models import Organisation
from gandan.paperwork.document import (
    BasisLine,
    DocType,
    DocumentSpec,
    Paragraph,
    Signer,
    Table,
)
from gandan.paperwork.signing import head_signer, header_names

NOTICE_SUMMARY = "Kết quả đánh giá, xếp loại chất lượng viên chức {period}"


def points_text(value) -> str:
    """'89,75', '90', '27,5': Vietnamese decimals, no trailing zeros; '—' when missing."""
    if value is None:
        return "—"
    exponent = Decimal(value).normalize().as_tuple().exponent
    decimals = min(2, -exponent) if isinstance(exponent, int) and exponent < 0 else 0
    return format_number(Decimal(value), decimals)


def notice_spec(
    evaluation: Evaluation, *, signer: Signer | None = None, issuer: Organisation | None = None
) -> DocumentSpec:
    """'Thông báo kết quả đánh giá, xếp loại chất lượng viên chức năm học …' for one person.

    The body that rated the person issues it (NĐ 233/2026, Điều 15 k2đ, k3đ): the school, or
    for its head the managing body (`issuer`, the school's parent; Điều 13 k3a), whose head
    signs "TM. ỦY BAN NHÂN DÂN" (paperwork.signing).
    """
    cycle = evaluation.cycle
    school = cycle.organisation
    issuer = issuer or school
    managing, issuing = header_names(issuer)
    person = evaluation.person
    where = evaluation.unit.name if evaluation.unit is not None else school.name
    body: list = [BasisLine(f"Căn cứ {cycle.rule_set.citation}")]
    rules = cycle.unit_rules
    if rules is not None:
        number = f" số {rules.reference}" if rules.reference else ""
        body.append(BasisLine(f"Căn cứ {rules.title}{number}"))
    if evaluation.group_meeting_on:
        body.append(
            BasisLine(
                "Căn cứ biên bản cuộc họp nhận xét, đánh giá viên chức ngày "
                f"{evaluation.group_meeting_on:%d/%m/%Y}"
            )
        )
    if evaluation.party_opinion and issuer != school:
        body.append(BasisLine("Căn cứ ý kiến nhận xét, đánh giá của cấp ủy đảng nơi công tác"))
    whom = addressed_as(person.salutation, person.full_name, capitalised=False)
    body.append(
        Paragraph(
            f"{issuer.name} thông báo kết quả đánh giá, xếp loại chất lượng viên chức "
            f"{cycle.year_label} đối với {whom}"
            + (f", {evaluation.title.lower()}" if evaluation.title else "")
            + f", {where}, như sau:"
        )
    )
    if evaluation.status == EvaluationStatus.NOT_RATED:
        body.append(
            Paragraph(f"Không xếp loại chất lượng trong năm. Lý do: {evaluation.not_rated_reason}.")
        )
    else:
        rows = [("Nội dung", "Kết quả")]
        if cycle.rule_set.point_based:
            rows += [
                ("Điểm tiêu chí chung", points_text(evaluation.general_score)),
                ("Điểm kết quả thực hiện nhiệm vụ", points_text(evaluation.task_score)),
                ("Tổng điểm", points_text(evaluation.score)),
            ]
        rows.append(("Mức xếp loại chất lượng", evaluation.get_level_display()))
        body.append(Table(tuple(rows)))
        if evaluation.disqualification:
            body.append(
                Paragraph(
                    f"Căn cứ xếp loại không hoàn thành nhiệm vụ: "
                    f"{evaluation.get_disqualification_display()} "
                    f"({evaluation.disqualification_note})."
                )
            )
        if evaluation.decision_note:
            body.append(Paragraph(f"Nhận xét: {evaluation.decision_note}"))
    where_to = (
        # No product name in official text (paperwork.conventions): the school's own channel.
        "; đơn có thể gửi trực tuyến trên trang thông tin của nhà trường"
        if issuer == school
        else f", gửi {issuer.name}"
    )
    body.append(
        Paragraph(
            f"Trường hợp không đồng ý với kết quả trên, "
            f"{form_of_address(person.salutation, capitalised=False)} có quyền kiến nghị hoặc "
            f"khiếu nại theo quy định của pháp luật{where_to}."
        )
    )
    recipients = [addressed_as(person.salutation, person.full_name)]
    if issuer != school:
        recipients.append(f"{school.name} (để công khai trong đơn vị)")
    recipients.append("Lưu: VT, hồ sơ viên chức.")
    return DocumentSpec(
        managing_body=managing,
        issuing_body=issuing,
        doc_type=DocType.NOTICE,
        summary=NOTICE_SUMMARY.format(period=cycle.year_label),
        place=issuer.place_name,
        signer=signer or head_signer(issuer),
        body=tuple(body),
        recipients=tuple(recipients),
    )
