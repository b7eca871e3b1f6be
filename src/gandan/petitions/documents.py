"""The official documents of a case, as `DocumentSpec`s for `paperwork.services.issue_document`.

Types follow Nghị định 30/2020, Điều 7 and Phụ lục III:
- notices (acknowledgement, acceptance, refusal, transfer, information-request extension): TB;
- decisions (acceptance of a tố cáo — Mẫu 04 NĐ 31/2019 —, extension, suspension,
  resumption, termination, resolution of a complaint): QĐ;
- letters to another body or a reply (chuyển đơn, trả lời kiến nghị/phản ánh, cung cấp thông
  tin): công văn, which carries no type abbreviation;
- thank-you and apology letters: thư công.
"Kết luận nội dung tố cáo" (Luật Tố cáo 2018, Điều 35) is not a type of Điều 7 and has no
Phụ lục III abbreviation; it is issued as a TB titled "Thông báo kết luận nội dung tố cáo",
so that its symbol stays an official one.

No document ever names a denouncer (Luật Tố cáo 2018, Điều 47 k2, Điều 56): the register is
read by the clerk and the head, and the acceptance notice and the conclusion go to the person
denounced. Letters meant for the denouncer are addressed by pseudonym; the resolver puts the
real address on the envelope.

The head signs every case document: the school's resolver (Luật Tố cáo 2018, Điều 12 k1).
Builders are called only from the use cases in `services`, which run in Vietnamese.
"""

import datetime as dt

from django.utils.translation import gettext as _

from gandan.paperwork.document import (
    Article,
    BasisLine,
    CentredLine,
    DocType,
    DocumentSpec,
    Paragraph,
)
from gandan.paperwork.signing import head_signer, head_title, header_names
from gandan.petitions.models import Case, CaseKind, DeadlineRule, MinutesKind, Procedure
from gandan.worktime.notices import provisional_warning

ARCHIVE = "Lưu: VT, hồ sơ vụ việc"

LAW_BASIS: dict[str, str] = {
    CaseKind.COMPLAINT: "Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011",
    CaseKind.DENUNCIATION: "Căn cứ Luật Tố cáo ngày 12 tháng 6 năm 2018",
    CaseKind.RECOMMENDATION: "Căn cứ Luật Tiếp công dân ngày 25 tháng 11 năm 2013",
    CaseKind.FEEDBACK: "Căn cứ Luật Tiếp công dân ngày 25 tháng 11 năm 2013",
    CaseKind.INFORMATION_REQUEST: "Căn cứ Luật Tiếp cận thông tin ngày 06 tháng 4 năm 2016",
}


def addressee(case: Case) -> str:
    """'Bà Lê Thị Hoa' (after "Kính gửi:", among the recipients), as the sender chose to be
    addressed, 'Ông/Bà Lê Thị Hoa' when nothing was chosen; a denouncer only by pseudonym."""
    if case.is_denunciation:
        return case.pseudonym
    return case.addressed_as(capitalised=True)


def _named(case: Case) -> str:
    """The addressee inside a sentence: 'bà Lê Thị Hoa'."""
    if case.is_denunciation:
        return case.pseudonym
    return case.addressed_as(capitalised=False)


def _you(case: Case, *, capitalised: bool = False) -> str:
    """How the letter speaks to its addressee: 'bà' ('Bà' opening a sentence)."""
    return case.form_of_address(capitalised=capitalised)


def _kind(case: Case) -> str:
    return case.get_kind_display().lower()


def _accepted_on(case: Case) -> dt.date:
    # Accepted cases only; a case never accepted is dated by its receipt.
    return case.accepted_on or case.received_on


def _provisional(case: Case, due: dt.date | None) -> list[Paragraph]:
    """The provisional-calendar warning under a date the calendar computed (a period counted
    from the case's acceptance into a year whose official days off are not entered, BLLĐ 2019
    Điều 112 k3); nothing for a date a person chose."""
    warning = provisional_warning(_accepted_on(case), due)
    return [Paragraph(warning)] if warning else []


def _school_title(case: Case) -> str:
    return _("HIỆU TRƯỞNG %(school)s") % {"school": case.organisation.name.upper()}


def _spec(
    case: Case,
    doc_type: DocType,
    summary: str,
    body: list,
    *,
    kinh_gui: tuple[str, ...] = (),
    recipients: tuple[str, ...] = (),
) -> DocumentSpec:
    managing, issuing = header_names(case.organisation)
    return DocumentSpec(
        managing_body=managing,
        issuing_body=issuing,
        doc_type=doc_type,
        summary=summary,
        place=case.organisation.place_name or case.organisation.name,
        signer=head_signer(case.organisation),
        body=tuple(body),
        kinh_gui=kinh_gui,
        recipients=(*recipients, ARCHIVE) if recipients else ("Như trên", ARCHIVE),
    )


def _received(case: Case) -> str:
    return _("Ngày %(date)s, %(school)s nhận được %(kind)s của %(sender)s về việc: %(title)s.") % {
        "date": case.received_on.strftime("%d/%m/%Y"),
        "school": case.organisation.name,
        "kind": _kind(case),
        "sender": _named(case) if case.can_receive_letters else case.sender_label,
        "title": case.title,
    }


def acknowledgement(case: Case) -> DocumentSpec:
    body = [Paragraph(_received(case))]
    if case.next_due:
        body.append(
            Paragraph(
                _("Nhà trường sẽ %(step)s chậm nhất ngày %(due)s.")
                % {
                    "step": case.next_step[0].lower() + case.next_step[1:],
                    "due": case.next_due.strftime("%d/%m/%Y"),
                }
            )
        )
        # Never a computed date presented as official when the year's calendar is not out.
        provisional = provisional_warning(case.received_on, case.next_due)
        if provisional:
            body.append(Paragraph(provisional))
    body.append(
        Paragraph(
            _(
                "%(you)s theo dõi kết quả trên trang công khai của nhà trường với mã tra cứu "
                "%(code)s."
            )
            % {"you": _you(case, capitalised=True), "code": case.display_code}
        )
    )
    return _spec(
        case,
        DocType.NOTICE,
        _("Về việc tiếp nhận %(kind)s") % {"kind": _kind(case)},
        body,
        kinh_gui=(addressee(case),),
    )


def acceptance(case: Case, *, due_label: str, due: dt.date | None = None) -> DocumentSpec:
    """Thụ lý: a QĐ for a tố cáo (Luật Tố cáo 2018, Điều 29 k2), else a TB (Luật KN Điều 27).
    `due` is the computed date inside `due_label`, for the provisional-calendar warning."""
    if case.is_denunciation:
        return _spec(
            case,
            DocType.DECISION,
            _("Về việc thụ lý tố cáo"),
            [
                BasisLine(LAW_BASIS[case.kind]),
                BasisLine(
                    _(
                        "Căn cứ Nghị định số 31/2019/NĐ-CP ngày 10 tháng 4 năm 2019 của Chính phủ "
                        "quy định chi tiết một số điều và biện pháp tổ chức thi hành Luật Tố cáo"
                    )
                ),
                CentredLine(_school_title(case)),
                CentredLine(_("QUYẾT ĐỊNH:")),
                Article(
                    1,
                    _("Thụ lý tố cáo đối với %(who)s. Nội dung được thụ lý: %(title)s.")
                    % {"who": case.denounced_person, "title": case.title},
                ),
                Article(2, _("Thời hạn giải quyết tố cáo: %(due)s.") % {"due": due_label}),
                *_provisional(case, due),
                Article(
                    3,
                    _(
                        "Người giải quyết, người bị tố cáo và các cá nhân có liên quan chịu trách "
                        "nhiệm thi hành Quyết định này."
                    ),
                ),
            ],
            recipients=(case.pseudonym, case.denounced_person),
        )
    return _spec(
        case,
        DocType.NOTICE,
        _("Về việc thụ lý giải quyết %(kind)s") % {"kind": _kind(case)},
        [
            Paragraph(_received(case)),
            Paragraph(
                _(
                    "Xét thấy đơn đủ điều kiện và thuộc thẩm quyền, nhà trường thụ lý giải quyết "
                    "từ ngày %(date)s. Thời hạn giải quyết: %(due)s."
                )
                % {"date": _accepted_on(case).strftime("%d/%m/%Y"), "due": due_label}
            ),
            *_provisional(case, due),
        ],
        kinh_gui=(addressee(case),),
    )


def denounced_notice(case: Case) -> DocumentSpec:
    """Luật Tố cáo 2018, Điều 29 k3: the person denounced learns the content, not the denouncer."""
    return _spec(
        case,
        DocType.NOTICE,
        _("Về việc thụ lý tố cáo và nội dung tố cáo"),
        [
            Paragraph(
                _("Ngày %(date)s, Hiệu trưởng đã thụ lý tố cáo với nội dung: %(title)s.")
                % {"date": _accepted_on(case).strftime("%d/%m/%Y"), "title": case.title}
            ),
            Paragraph(
                _(
                    "Đề nghị ông/bà giải trình bằng văn bản và cung cấp thông tin, tài liệu "
                    "liên quan theo Điều 10 Luật Tố cáo 2018."
                )
            ),
        ],
        kinh_gui=(case.denounced_person,),
    )


def refusal(case: Case, *, reason: str) -> DocumentSpec:
    citations: dict[str, str] = {
        CaseKind.COMPLAINT: _("Điều 11 Luật Khiếu nại 2011"),
        CaseKind.DENUNCIATION: _("Điều 29 Luật Tố cáo 2018"),
        CaseKind.INFORMATION_REQUEST: _("Điều 28 Luật Tiếp cận thông tin 2016"),
    }
    citation = citations.get(case.kind, _("Điều 28 Luật Tiếp công dân 2013"))
    return _spec(
        case,
        DocType.NOTICE,
        _("Về việc không thụ lý %(kind)s") % {"kind": _kind(case)},
        [
            Paragraph(_received(case)),
            Paragraph(
                _("Căn cứ %(citation)s, nhà trường không thụ lý vì: %(reason)s")
                % {"citation": citation, "reason": reason}
            ),
        ],
        kinh_gui=(addressee(case),),
    )


def transfer(case: Case, *, to_body: str, reason: str) -> DocumentSpec:
    return _spec(
        case,
        DocType.OFFICIAL_LETTER,
        _("Chuyển đơn %(kind)s") % {"kind": _kind(case)},
        [
            Paragraph(_received(case)),
            Paragraph(
                _(
                    "Nội dung đơn không thuộc thẩm quyền giải quyết của nhà trường (%(reason)s). "
                    "Nhà trường chuyển đơn đến %(body)s để xem xét, giải quyết theo thẩm quyền."
                )
                % {"reason": reason, "body": to_body}
            ),
        ],
        kinh_gui=(to_body,),
        recipients=("Như trên", _("%(who)s (để biết)") % {"who": addressee(case)}),
    )


def transfer_notice(case: Case, *, to_body: str) -> DocumentSpec:
    return _spec(
        case,
        DocType.NOTICE,
        _("Về việc chuyển đơn đến cơ quan có thẩm quyền"),
        [
            Paragraph(_received(case)),
            Paragraph(
                _(
                    "Nội dung đơn không thuộc thẩm quyền của nhà trường; nhà trường đã chuyển đơn "
                    "đến %(body)s để giải quyết theo thẩm quyền."
                )
                % {"body": to_body}
            ),
        ],
        kinh_gui=(addressee(case),),
    )


def extension(case: Case, *, step_label: str, new_due, reason: str, days) -> DocumentSpec:
    length = _("thêm %(days)s ngày, ") % {"days": days} if days else ""
    if case.kind == CaseKind.INFORMATION_REQUEST:
        # NĐ 13/2018/NĐ-CP, Mẫu 04: an extension of an information request is a notice.
        return _spec(
            case,
            DocType.NOTICE,
            _("Về việc gia hạn cung cấp thông tin"),
            [
                Paragraph(_received(case)),
                Paragraph(
                    _(
                        "Vì %(reason)s, thời hạn cung cấp thông tin được gia hạn %(length)sđến "
                        "hết ngày %(due)s."
                    )
                    % {"reason": reason, "length": length, "due": new_due.strftime("%d/%m/%Y")}
                ),
                *_provisional(case, new_due),
            ],
            kinh_gui=(addressee(case),),
        )
    return _spec(
        case,
        DocType.DECISION,
        _("Về việc gia hạn giải quyết %(kind)s") % {"kind": _kind(case)},
        [
            BasisLine(LAW_BASIS[case.kind]),
            CentredLine(_school_title(case)),
            CentredLine(_("QUYẾT ĐỊNH:")),
            Article(
                1,
                _(
                    "Gia hạn thời hạn “%(step)s” của vụ việc %(title)s %(length)sđến hết ngày "
                    "%(due)s."
                )
                % {
                    "step": step_label,
                    "title": case.title,
                    "length": length,
                    "due": new_due.strftime("%d/%m/%Y"),
                },
            ),
            *_provisional(case, new_due),
            Article(2, _("Lý do gia hạn: %(reason)s") % {"reason": reason}),
            Article(
                3,
                _(
                    "Người giải quyết và các cá nhân có liên quan chịu trách nhiệm thi hành Quyết "
                    "định này."
                ),
            ),
        ],
        recipients=(
            addressee(case) if case.can_receive_letters else case.sender_label,
            *((case.denounced_person,) if case.denounced_person else ()),
        ),
    )


def suspension(case: Case, *, reason: str, resumed: bool, new_due=None) -> DocumentSpec:
    if resumed:
        summary = _("Về việc tiếp tục giải quyết %(kind)s") % {"kind": _kind(case)}
        first = _(
            "Tiếp tục giải quyết vụ việc %(title)s từ ngày ban hành Quyết định này%(due)s."
        ) % {
            "title": case.title,
            "due": _("; thời hạn giải quyết đến hết ngày %(d)s")
            % {"d": new_due.strftime("%d/%m/%Y")}
            if new_due
            else "",
        }
    else:
        summary = _("Về việc tạm đình chỉ việc giải quyết %(kind)s") % {"kind": _kind(case)}
        first = _(
            "Tạm đình chỉ việc giải quyết vụ việc %(title)s. Lý do: %(reason)s. Thời gian tạm "
            "đình chỉ không tính vào thời hạn giải quyết."
        ) % {"title": case.title, "reason": reason}
    return _spec(
        case,
        DocType.DECISION,
        summary,
        [
            BasisLine(LAW_BASIS[case.kind]),
            CentredLine(_school_title(case)),
            CentredLine(_("QUYẾT ĐỊNH:")),
            Article(1, first),
            *(_provisional(case, new_due) if resumed else []),
            Article(
                2,
                _(
                    "Người giải quyết và các cá nhân có liên quan chịu trách nhiệm thi hành Quyết "
                    "định này."
                ),
            ),
        ],
        recipients=(addressee(case) if case.can_receive_letters else case.sender_label,),
    )


def termination(case: Case, *, reason: str) -> DocumentSpec:
    """Đình chỉ: an accepted complaint or denunciation ends without a resolution."""
    return _spec(
        case,
        DocType.DECISION,
        _("Về việc đình chỉ việc giải quyết %(kind)s") % {"kind": _kind(case)},
        [
            BasisLine(LAW_BASIS[case.kind]),
            CentredLine(_school_title(case)),
            CentredLine(_("QUYẾT ĐỊNH:")),
            Article(
                1,
                _("Đình chỉ việc giải quyết vụ việc %(title)s. Lý do: %(reason)s")
                % {"title": case.title, "reason": reason},
            ),
            Article(
                2,
                _(
                    "Người giải quyết và các cá nhân có liên quan chịu trách nhiệm thi hành Quyết "
                    "định này."
                ),
            ),
        ],
        recipients=(addressee(case) if case.can_receive_letters else case.sender_label,),
    )


def superior_head(case: Case) -> str:
    """The head of the body directly above the school, by title: 'Chủ tịch Ủy ban nhân dân
    phường Hải An' (the managing body, `Organisation.parent`); the recorded managing body's
    name when the tree does not hold it."""
    parent = case.organisation.parent
    if parent is not None:
        return f"{head_title(parent).capitalize()} {parent.name}"
    if case.organisation.managing_body_name:
        return _("Thủ trưởng %(body)s") % {"body": case.organisation.managing_body_name}
    return _("Thủ trưởng cơ quan quản lý trực tiếp")


def complaint_decision_recipients(case: Case) -> tuple[str, ...]:
    """Nơi nhận of a complaint decision, as the law names them.

    First instance (Luật Khiếu nại 2011, Điều 32): the complainant, the direct superior of the
    resolver (the school's managing body), the people with related rights and obligations,
    and the body that forwarded the complaint; the respondent carries the decision out (Điều
    31 k5). Second instance (Điều 41 k1): the complainant, the respondent, the first-instance
    resolver, the people with related rights and obligations and the forwarding body.
    Disciplinary decisions (Chương IV): the complainant and the person disciplining.
    """
    respondent = (case.denounced_person,) if case.denounced_person else ()
    related = _("Người có quyền, nghĩa vụ liên quan (nếu có)")
    forwarding = _("Cơ quan, tổ chức, cá nhân đã chuyển khiếu nại đến (nếu có)")
    if case.procedure == Procedure.FIRST_INSTANCE:
        return (
            addressee(case),
            *respondent,
            _("%(head)s (để báo cáo)") % {"head": superior_head(case)},
            related,
            forwarding,
        )
    if case.procedure == Procedure.SECOND_INSTANCE:
        return (
            addressee(case),
            *respondent,
            _("Người giải quyết khiếu nại lần đầu"),
            related,
            forwarding,
        )
    return (addressee(case), *respondent)


def _time_bar(case: Case, procedure: str, step: str) -> int:
    """The days the complainant has to act after this decision: the rules table's row in force
    on the case's receipt date (one mechanism for every limit; LAW.md §1a)."""
    row = DeadlineRule.objects.in_force(CaseKind.COMPLAINT, case.received_on, procedure).get(
        step=step
    )
    return row.limit


def _right_after_decision(case: Case, superior: str) -> str:
    """What a complaint decision tells the complainant about the next step, by procedure.

    - First instance: complain again to the second instance or sue, within the row
      "khieu_nai_lan_hai" (Luật Khiếu nại 2011 Điều 33: 30 days).
    - Disciplinary, first instance: complain again within the time bar of Điều 48 (10 days,
      30 for buộc thôi việc), read from the second-instance procedure's "thoi_hieu" rows;
      a dismissed civil servant may also sue (Luật Tố tụng hành chính 2015; the article is to
      be checked against the official text, LAW.md has no row for it).
    - Second instance: sue (Luật Khiếu nại 2011 Điều 33 k1, Điều 44 k2); the lawsuit's own time
      bar is the Luật Tố tụng hành chính's, not a period this decision sets.
    - Disciplinary, second instance: a dismissed civil servant may sue (as above, to be checked).
    """
    if case.procedure == Procedure.DISCIPLINARY_FIRST:
        return _(
            "Trong thời hạn %(days)d ngày kể từ ngày nhận được Quyết định này (%(dismissal)d ngày "
            "đối với quyết định kỷ luật buộc thôi việc), nếu không đồng ý, người khiếu nại có "
            "quyền khiếu nại lần hai đến %(superior)s; trường hợp bị kỷ luật buộc thôi việc, "
            "người khiếu nại có quyền khởi kiện vụ án hành chính tại Tòa án theo quy định của "
            "pháp luật về tố tụng hành chính."
        ) % {
            "days": _time_bar(case, Procedure.DISCIPLINARY_SECOND, "thoi_hieu"),
            "dismissal": _time_bar(case, Procedure.DISCIPLINARY_SECOND, "thoi_hieu_buoc_thoi_viec"),
            "superior": superior,
        }
    if case.procedure == Procedure.DISCIPLINARY_SECOND:
        return _(
            "Trường hợp bị kỷ luật buộc thôi việc, nếu không đồng ý với Quyết định này, người "
            "khiếu nại có quyền khởi kiện vụ án hành chính tại Tòa án theo quy định của pháp luật "
            "về tố tụng hành chính."
        )
    if case.procedure == Procedure.SECOND_INSTANCE:
        return _(
            "Nếu không đồng ý với Quyết định này, người khiếu nại có quyền khởi kiện vụ án hành "
            "chính tại Tòa án theo quy định của pháp luật về tố tụng hành chính."
        )
    return _(
        "Trong thời hạn %(days)d ngày kể từ ngày nhận được Quyết định này, nếu không đồng ý, "
        "người khiếu nại có quyền khiếu nại đến %(superior)s hoặc khởi kiện vụ án hành chính "
        "tại Tòa án theo quy định của pháp luật về tố tụng hành chính."
    ) % {
        "days": _time_bar(case, Procedure.FIRST_INSTANCE, "khieu_nai_lan_hai"),
        "superior": superior,
    }


def resolution(
    case: Case,
    *,
    outcome: str,
    answer: str,
    no_verification_reason: str = "",
    no_dialogue_reason: str = "",
) -> DocumentSpec:
    """The result: QĐ for a complaint (Luật KN Điều 31), TB kết luận for a tố cáo (Điều 35),
    a công văn for a recommendation, feedback or information request."""
    verification = [m for m in case.minutes.all() if m.kind == MinutesKind.VERIFICATION]
    dialogue = [m for m in case.minutes.all() if m.kind == MinutesKind.DIALOGUE]
    if case.kind == CaseKind.COMPLAINT:
        # The second instance: the head of the managing body (LAW.md §1a, NĐ 124/2020/NĐ-CP).
        superior = superior_head(case)
        second = case.procedure in (Procedure.SECOND_INSTANCE, Procedure.DISCIPLINARY_SECOND)
        right = _right_after_decision(case, superior)
        body = [
            BasisLine(LAW_BASIS[case.kind]),
            BasisLine(
                _("Xét đơn khiếu nại ngày %(date)s của %(who)s")
                % {"date": case.received_on.strftime("%d/%m/%Y"), "who": _named(case)}
            ),
            Paragraph(_("Nội dung khiếu nại: %(content)s") % {"content": case.title}),
            Paragraph(
                _("Kết quả xác minh: %(text)s")
                % {
                    "text": " ".join(m.result or m.content for m in verification)
                    # Luật Khiếu nại 2011, Điều 29 k1: no verification only with its reason.
                    or _(
                        "không tiến hành xác minh riêng vì %(reason)s (Điều 29 Luật Khiếu nại "
                        "2011)."
                    )
                    % {"reason": no_verification_reason}
                }
            ),
        ]
        if dialogue:
            body.append(
                Paragraph(
                    _("Kết quả đối thoại: %(text)s")
                    % {"text": " ".join(m.result or m.content for m in dialogue)}
                )
            )
        elif no_dialogue_reason:
            body.append(
                Paragraph(
                    _("Không tổ chức đối thoại vì %(reason)s (Điều 30 Luật Khiếu nại 2011).")
                    % {"reason": no_dialogue_reason}
                )
            )
        body += [
            Paragraph(_("Kết luận: %(outcome)s") % {"outcome": outcome}),
            CentredLine(_school_title(case)),
            CentredLine(_("QUYẾT ĐỊNH:")),
            Article(1, answer),
            Article(2, right),
            Article(
                3,
                _(
                    "Người khiếu nại, người bị khiếu nại và các cá nhân có liên quan chịu trách "
                    "nhiệm thi hành Quyết định này."
                ),
            ),
        ]
        instance = _("lần hai") if second else _("lần đầu")
        return _spec(
            case,
            DocType.DECISION,
            _("Về việc giải quyết khiếu nại của %(who)s (%(instance)s)")
            % {"who": _named(case), "instance": instance},
            body,
            recipients=complaint_decision_recipients(case),
        )
    if case.is_denunciation:
        body = [
            Paragraph(
                _(
                    "Ngày %(date)s, Hiệu trưởng thụ lý tố cáo đối với %(who)s về nội dung: "
                    "%(title)s."
                )
                % {
                    "date": _accepted_on(case).strftime("%d/%m/%Y"),
                    "who": case.denounced_person,
                    "title": case.title,
                }
            ),
            Paragraph(
                _("Kết quả xác minh: %(text)s")
                % {"text": " ".join(m.result or m.content for m in verification) or _("(không có)")}
            ),
            Paragraph(_("Kết luận: %(outcome)s") % {"outcome": outcome}),
            Paragraph(_("Biện pháp xử lý, kiến nghị: %(answer)s") % {"answer": answer}),
        ]
        return _spec(
            case,
            DocType.NOTICE,
            _("Kết luận nội dung tố cáo"),
            body,
            recipients=(
                case.denounced_person,
                _("%(who)s (thông báo kết quả)") % {"who": case.pseudonym},
                _("Cơ quan quản lý người bị tố cáo"),
            ),
        )
    summary = (
        _("Cung cấp thông tin theo yêu cầu")
        if case.kind == CaseKind.INFORMATION_REQUEST
        else _("Trả lời %(kind)s") % {"kind": _kind(case)}
    )
    return _spec(
        case,
        DocType.OFFICIAL_LETTER,
        summary,
        [Paragraph(_received(case)), Paragraph(answer)],
        kinh_gui=(addressee(case),),
    )


def thanks(case: Case) -> DocumentSpec:
    return _spec(
        case,
        DocType.PUBLIC_LETTER,
        _("Cảm ơn ý kiến đóng góp"),
        [
            Paragraph(_received(case)),
            Paragraph(
                _(
                    "Nhà trường trân trọng cảm ơn %(you)s đã quan tâm, đóng góp ý kiến để nhà "
                    "trường làm tốt hơn công tác giáo dục và phục vụ nhân dân. Mong tiếp tục nhận "
                    "được sự đồng hành của %(you)s."
                )
                % {"you": _you(case)}
            ),
        ],
        kinh_gui=(addressee(case),),
    )


def apology(case: Case, *, late_step: str, due, new_date, reason: str) -> DocumentSpec:
    """Thư xin lỗi with the new date (LAW.md §1f: NĐ 118/2025 practice for late results)."""
    return _spec(
        case,
        DocType.PUBLIC_LETTER,
        _("Xin lỗi vì chậm giải quyết"),
        [
            Paragraph(_received(case)),
            Paragraph(
                _(
                    "Theo quy định, nhà trường phải %(step)s chậm nhất ngày %(due)s nhưng đã chậm "
                    "so với thời hạn. Lý do: %(reason)s"
                )
                % {
                    "step": late_step[0].lower() + late_step[1:],
                    "due": due.strftime("%d/%m/%Y"),
                    "reason": reason,
                }
            ),
            Paragraph(
                # One date style inside a letter: dd/mm/yyyy; the long form is the date line's.
                _(
                    "Nhà trường thành thật xin lỗi %(you)s và hẹn trả kết quả chậm nhất ngày "
                    "%(date)s."
                )
                % {"you": _you(case), "date": new_date.strftime("%d/%m/%Y")}
            ),
        ],
        kinh_gui=(addressee(case),),
    )
