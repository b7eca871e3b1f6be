"""Official documents of grassroots democracy, as paperwork specs (Nghị định 30/2020, Phụ lục I).

Documents are Vietnamese whatever the reader's language (ADR 1): the builders run inside the use
cases that issue them (`@in_vietnamese`); those a view also calls for a draft download carry the
decorator themselves. Issuing, numbering and the register are `paperwork.services`' work.
"""

import datetime as dt

from django.utils import timezone

from gandan.core.language import in_vietnamese
from gandan.core.vietnamese import format_number, official_date
from gandan.democracy.models import (
    AgendaKind,
    Ballot,
    BallotMethod,
    BallotStatus,
    BoardPosition,
    BoardTerm,
    Comment,
    Conference,
    Consultation,
    ConsultationAudience,
    Decision,
    InspectionStatus,
    RecommendationStatus,
)
from gandan.paperwork.conventions import official_moment
from gandan.paperwork.document import (
    Article,
    BasisLine,
    Bullet,
    CentredLine,
    DocType,
    DocumentSpec,
    Heading,
    Paragraph,
    Signer,
    SignerPrefix,
    Table,
)
from gandan.paperwork.signing import head_signer, header_names
from gandan.worktime.notices import provisional_warning

# Nghị định 30/2020, Phụ lục I, II.6b: a Law is cited by its name and date only.
LAW = "Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022"
DECREE = (
    "Nghị định số 59/2023/NĐ-CP ngày 14 tháng 8 năm 2023 của Chính phủ quy định chi tiết một "
    "số điều của Luật Thực hiện dân chủ ở cơ sở"
)


def _lower_first(text: str) -> str:
    return f"{text[:1].lower()}{text[1:]}" if text else text


def draft_name(title: str) -> str:
    """'Quy chế chi tiêu nội bộ năm 2027' → 'quy chế chi tiêu nội bộ năm 2027' (no 'Dự thảo')."""
    title = title.strip()
    if title.lower().startswith("dự thảo "):
        title = title[len("dự thảo ") :]
    return _lower_first(title)


DECISION_TEXT: dict[str, str] = {
    Decision.ACCEPTED: "Tiếp thu",
    Decision.PARTLY: "Tiếp thu một phần",
    Decision.NOT_ACCEPTED: "Không tiếp thu",
}


def where_commented(comment: Comment) -> str:
    if comment.paragraph is None:
        return f"Toàn bộ dự thảo (lần {comment.version.number})"
    return f"Đoạn {comment.paragraph.order} (dự thảo lần {comment.version.number})"


@in_vietnamese
def consultation_summary_spec(consultation: Consultation) -> DocumentSpec:
    """'Báo cáo tổng hợp ý kiến và tiếp thu, giải trình' (Luật 10/2022/QH15, Điều 55); the head
    downloads it as a draft before it is issued."""
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


# The staff conference: minutes (Mẫu 1.9) and resolution (Mẫu 1.1).


def percent(count: int, base: int) -> str:
    """'91,7%' (one decimal, Vietnamese comma); '0%' on an empty base."""
    if base <= 0:
        return "0%"
    return f"{format_number(count * 100 / base, 1).removesuffix(',0')}%"


_clock = official_moment


def vote_lines(ballot: Ballot) -> list[str]:
    """What a closed vote decided, in the words of the minutes."""
    result = ballot.result
    present = result.get("present", 0)
    if ballot.status == BallotStatus.CANCELLED:
        return [f"Biểu quyết “{ballot.title}” bị hủy: {ballot.cancel_reason}"]
    if ballot.status != BallotStatus.CLOSED:
        return [f"Biểu quyết “{ballot.title}” chưa kết thúc."]
    how = "bỏ phiếu kín" if ballot.is_secret else "biểu quyết công khai"
    if ballot.method == BallotMethod.MOTION:
        counts = result["counts"]
        verdict = "được thông qua" if result["adopted"] else "không được thông qua"
        return [
            f"Biểu quyết “{ballot.title}” ({how}): {counts['yes']}/{present} người có mặt tán "
            f"thành ({percent(counts['yes'], present)}), {counts['no']} không tán thành, "
            f"{counts['abstain']} không biểu quyết; {verdict}."
        ]
    lines = [f"Kết quả {how} “{ballot.title}” ({result['papers']} phiếu):"]
    for row in result.get("options", []):
        outcome = ""
        if row.get("elected"):
            outcome = "; trúng cử"
        elif row.get("adopted"):
            outcome = "; được thông qua"
        elif row.get("tied"):
            outcome = "; bằng phiếu, phải bầu lại"
        lines.append(
            f"{row['label']}: {row['votes']} phiếu ({percent(row['votes'], present)} số người "
            f"có mặt){outcome}."
        )
    return lines


def elected(ballot: Ballot) -> list[str]:
    return [row["label"] for row in ballot.result.get("options", []) if row.get("elected")]


def _people(conference: Conference):
    attendees = list(conference.attendees.select_related("user"))
    return [a for a in attendees if a.present], [a for a in attendees if not a.present]


def minutes_spec(conference: Conference) -> DocumentSpec:
    """'Biên bản hội nghị' in the order of Mẫu 1.9 (NĐ 30/2020, Phụ lục III): start, place,
    participants, chair, secretary, proceedings point by point, end."""
    school = conference.organisation
    managing, issuing = header_names(school)
    present, absent = _people(conference)
    summoned = conference.summoned_count
    secretary = conference.secretary
    started = conference.opened_at or timezone.now()
    body: list = [
        Paragraph(f"Thời gian bắt đầu: {_clock(started)}."),
        Paragraph(f"Địa điểm: {conference.place}."),
        Paragraph(
            f"Thành phần tham dự: cán bộ, viên chức, người lao động {school.name}; số người được "
            f"triệu tập: {summoned}; có mặt: {len(present)} ({percent(len(present), summoned)}); "
            f"vắng mặt: {len(absent)}."
        ),
    ]
    body += [
        Bullet(
            f"Vắng mặt: {a.user.full_name}"
            + (f" (lý do: {a.absence_reason})" if a.absence_reason else " (không có lý do)")
            + "."
        )
        for a in absent
    ]
    body += [
        Paragraph(
            f"Hội nghị hợp lệ: số người có mặt {len(present)}/{summoned}, không dưới 2/3 số người "
            "được triệu tập (Điều 51 khoản 2 điểm c Luật Thực hiện dân chủ ở cơ sở)."
        ),
        Paragraph(
            f"Chủ trì: {conference.chair.full_name}, {head_signer(school).title.capitalize()}; "
            f"phối hợp: {conference.union_chair.full_name}, Chủ tịch Công đoàn."
        ),
        Paragraph(f"Thư ký: {secretary.full_name if secretary else ''}."),
        Heading(1, "", "NỘI DUNG"),
    ]
    items = conference.agenda.prefetch_related("documents", "ballots")
    for item in items:
        body.append(Heading(2, item.order, item.title))
        if item.presenter:
            body.append(Paragraph(f"Người trình bày: {item.presenter}."))
        body += [Paragraph(line) for line in item.notes.splitlines() if line.strip()]
        body += [Bullet(f"Tài liệu: {document.name}.") for document in item.documents.all()]
        for ballot in item.ballots.all():
            lines = vote_lines(ballot)
            body.append(Paragraph(lines[0]))
            body += [Bullet(line) for line in lines[1:]]
        if not (item.notes.strip() or item.presenter or item.ballots.all()):
            body.append(Paragraph("Không có nội dung ghi nhận."))
    ended = conference.closed_at or timezone.now()
    body.append(Paragraph(f"Hội nghị kết thúc vào {_clock(ended)}./."))
    return DocumentSpec(
        managing_body=managing,
        issuing_body=issuing,
        doc_type=DocType.MINUTES,
        summary=conference.title,
        place=school.place_name,
        signer=Signer(name=conference.chair.full_name, title="CHỦ TỌA"),
        co_signer=Signer(name=secretary.full_name if secretary else "", title="THƯ KÝ"),
        body=tuple(body),
        # Phụ lục III, Mẫu 1.9.
        recipients=("Ban Chấp hành Công đoàn", "Lưu: VT, Hồ sơ."),
    )


def resolution_spec(conference: Conference, *, minutes_number: str = "") -> DocumentSpec:
    """'Nghị quyết hội nghị' (NĐ 30/2020, Mẫu 1.1), signed by the head with the union chair
    for the union's executive (Luật 10/2022/QH15, Điều 51 k1: the head organises it with the
    union)."""
    school = conference.organisation
    managing, issuing = header_names(school)
    cited = f" số {minutes_number}" if minutes_number else ""
    body: list = [
        # Mẫu 1.1: the issuing authority first, then the bases (Phụ lục I, II.6a: type,
        # number, date, issuer and subject of each cited text).
        CentredLine(f"HỘI NGHỊ CÁN BỘ, VIÊN CHỨC, NGƯỜI LAO ĐỘNG {school.name.upper()}"),
        BasisLine(f"Căn cứ {LAW};"),
        BasisLine(f"Căn cứ {DECREE};"),
        BasisLine(
            f"Căn cứ Biên bản{cited} {official_date(conference.held_on)} của {conference.title}."
        ),
        CentredLine("QUYẾT NGHỊ:"),
    ]
    articles: list[tuple[str, list[str]]] = [
        (
            "Thông qua báo cáo kết quả thực hiện nhiệm vụ năm công tác vừa qua và phương hướng "
            "nhiệm vụ năm tới của thủ trưởng đơn vị; báo cáo của Ban Chấp hành Công đoàn; báo "
            "cáo của Ban Thanh tra nhân dân.",
            [],
        )
    ]
    decisions = Ballot.objects.filter(
        agenda_item__conference=conference, status=BallotStatus.CLOSED
    ).exclude(agenda_item__kind=AgendaKind.RESOLUTION)
    for ballot in decisions.order_by("agenda_item__order", "closed_at"):
        result = ballot.result
        present = result.get("present", 0)
        if ballot.method == BallotMethod.MOTION:
            if result.get("adopted"):
                yes = result["counts"]["yes"]
                articles.append(
                    (
                        f"Thông qua {_lower_first(ballot.title)} ({yes}/{present} người có mặt "
                        f"tán thành, đạt {percent(yes, present)}).",
                        [],
                    )
                )
        elif elected(ballot):
            articles.append(
                (f"Kết quả {_lower_first(ballot.title)}, những người trúng cử:", elected(ballot))
            )
    articles.append(
        ("Hội nghị thống nhất các nhiệm vụ, chỉ tiêu sau:", conference.resolution_points)
    )
    articles.append(
        (
            "Thủ trưởng đơn vị và Ban Chấp hành Công đoàn có trách nhiệm phổ biến, tổ chức thực "
            "hiện nghị quyết; định kỳ 6 tháng kiểm tra, đánh giá việc thực hiện và thông báo "
            "đến toàn thể cán bộ, viên chức, người lao động (Điều 52 Luật Thực hiện dân chủ ở "
            "cơ sở).",
            [],
        )
    )
    for number, (text, bullets) in enumerate(articles, start=1):
        body.append(Article(number, text))
        body += [Bullet(f"{line}{'' if line.endswith(('.', ';')) else ';'}") for line in bullets]
    vote = (
        Ballot.objects.filter(
            agenda_item__conference=conference,
            agenda_item__kind=AgendaKind.RESOLUTION,
            status=BallotStatus.CLOSED,
        )
        .order_by("-closed_at")
        .first()
    )
    if vote is not None:
        yes, present = vote.result["counts"]["yes"], vote.result["present"]
        body.append(
            Paragraph(
                f"Nghị quyết được {conference.title} thông qua {official_date(conference.held_on)}"
                f" với {yes}/{present} người có mặt tán thành ({percent(yes, present)})./."
            )
        )
    parent = school.parent
    recipients = [f"{parent.short_name or parent.name} (để báo cáo)"] if parent else []
    return DocumentSpec(
        managing_body=managing,
        issuing_body=issuing,
        doc_type=DocType.RESOLUTION,
        summary=conference.title,
        place=school.place_name,
        signer=Signer(name=conference.chair.full_name, title=head_signer(school).title),
        co_signer=Signer(
            name=conference.union_chair.full_name,
            title="CHỦ TỊCH",
            prefix=SignerPrefix.ON_BEHALF_OF_BODY,
            on_behalf_of="BAN CHẤP HÀNH CÔNG ĐOÀN",
        ),
        body=tuple(body),
        recipients=(*recipients, "CB, GV, NV nhà trường (để thực hiện)", "Lưu: VT."),
    )


# The inspection board's report to the conference (NĐ 59/2023/NĐ-CP, Điều 22 k3).

RECOMMENDATION_STATES: dict[str, str] = {
    RecommendationStatus.OPEN: "chờ thủ trưởng trả lời",
    RecommendationStatus.ANSWERED: "thủ trưởng đã trả lời, Ban đang theo dõi",
    RecommendationStatus.CLOSED: "đã thực hiện",
}


@in_vietnamese
def board_report_spec(term: BoardTerm, *, until: dt.date) -> DocumentSpec:
    """'Báo cáo kết quả hoạt động của Ban Thanh tra nhân dân', from its term up to `until`,
    as a draft (not numbered) signed for the board by its head; also downloaded from its page."""
    school = term.organisation
    members = list(term.members.select_related("user"))
    head = next((m.user for m in members if m.position == BoardPosition.HEAD), None)
    inspections = list(
        term.inspections.filter(starts_on__lte=until)
        .prefetch_related("recommendations")
        .order_by("starts_on", "pk")
    )
    body: list = [
        Heading(1, 1, "TÌNH HÌNH TỔ CHỨC"),
        Paragraph(
            f"Ban Thanh tra nhân dân nhiệm kỳ từ {official_date(term.starts_on)} đến "
            f"{official_date(term.ends_on)} gồm {len(members)} thành viên:"
        ),
    ]
    body += [Bullet(f"{m.user.full_name}: {m.get_position_display().lower()};") for m in members]
    body += [
        Heading(1, 2, "KẾT QUẢ HOẠT ĐỘNG"),
        Paragraph(
            f"Từ ngày {term.starts_on:%d/%m/%Y} đến ngày {until:%d/%m/%Y}, Ban đã xây dựng "
            f"{term.programmes.filter(starts_on__lte=until).count()} chương trình hoạt động và "
            f"tiến hành {len(inspections)} cuộc kiểm tra, giám sát."
        ),
    ]
    for number, inspection in enumerate(inspections, start=1):
        body.append(Heading(2, number, f"{inspection.subject} ({inspection.target})"))
        body.append(
            Paragraph(
                f"Thông báo ngày {inspection.notified_on:%d/%m/%Y}, kiểm tra từ ngày "
                f"{inspection.starts_on:%d/%m/%Y}."
            )
        )
        if inspection.status == InspectionStatus.DONE:
            body += [Paragraph(line) for line in inspection.findings.splitlines() if line.strip()]
        else:
            body.append(Paragraph("Đang kiểm tra, chưa có kết luận."))
        for rec in inspection.recommendations.all():
            state = RECOMMENDATION_STATES[rec.status]
            if rec.status == RecommendationStatus.OPEN and rec.answer_due is not None:
                # Luật 10/2022/QH15, Điều 63 k1c: the head answers within 15 days.
                state += f", hạn trả lời {official_date(rec.answer_due)}"
                state += ", đã quá hạn" if until > rec.answer_due else ""
            body.append(Bullet(f"Kiến nghị: {rec.text} ({state})."))
            if rec.status == RecommendationStatus.OPEN and rec.received_on is not None:
                warning = provisional_warning(rec.received_on, rec.answer_due)
                body += [Paragraph(warning)] if warning else []
    open_count = sum(
        1
        for inspection in inspections
        for rec in inspection.recommendations.all()
        if rec.status != RecommendationStatus.CLOSED
    )
    body += [
        Heading(1, 3, "CHƯƠNG TRÌNH HOẠT ĐỘNG THỜI GIAN TỚI"),
        Paragraph(
            f"Tiếp tục theo dõi {open_count} kiến nghị chưa hoàn thành; thực hiện chương trình "
            "hoạt động theo quý, 6 tháng, năm và báo cáo Ban Chấp hành Công đoàn theo quy định."
        ),
    ]
    return DocumentSpec(
        managing_body=school.name.upper(),
        issuing_body="BAN THANH TRA NHÂN DÂN",
        doc_type=DocType.REPORT,
        summary=f"Kết quả hoạt động của Ban Thanh tra nhân dân đến ngày {until:%d/%m/%Y}",
        place=school.place_name,
        signer=Signer(
            name=head.full_name if head else "",
            title="TRƯỞNG BAN",
            prefix=SignerPrefix.ON_BEHALF_OF_BODY,
            on_behalf_of="BAN THANH TRA NHÂN DÂN",
        ),
        body=tuple(body),
        recipients=(
            "Ban Chấp hành Công đoàn (để báo cáo)",
            "Hội nghị cán bộ, viên chức, người lao động",
            "Lưu: Ban TTND.",
        ),
    )
