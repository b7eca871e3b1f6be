"""The movement's papers as paperwork specs (Nghị định 30/2020/NĐ-CP, Phụ lục I): the
registration form, the council's minutes, the decisions on recognition.

Documents are Vietnamese whatever the reader's language (ADR 1, addendum): the builders run
inside the use cases (`@in_vietnamese`); the registration form, also built for a download from
its page, is decorated itself. Numbering and the register are `paperwork.services`' work.
"""

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from django.utils import timezone

from gandan.core.language import in_vietnamese
from gandan.core.vietnamese import format_number, official_date
from gandan.democracy.models import Ballot
from gandan.emulation.models import (
    Campaign,
    CouncilMember,
    CouncilRole,
    Criterion,
    CriterionKind,
    Nomination,
    RecognitionLevel,
    Registration,
    RegistrationKind,
    Score,
)
from gandan.orgs import access as org_access
from gandan.orgs.models import Membership, Organisation, Role, User
from gandan.paperwork.conventions import official_moment
from gandan.paperwork.document import (
    Article,
    BasisLine,
    Block,
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
from gandan.paperwork.signing import competence_basis, deputy_signer, head_signer, header_names


def points(value: Decimal | int | None) -> str:
    """'88,33' (two decimals at most, Vietnamese comma); '—' when there is none (a page's mark;
    a document prints the dash as none, paperwork.conventions)."""
    if value is None:
        return "—"
    text = format_number(value, 2)
    return text.removesuffix(",00")


def staff_title(user: User, school: Organisation) -> str:
    """The person's title at the school ('Giáo viên'), for the documents."""
    membership = (
        Membership.objects.current()
        .filter(user=user, organisation=school)
        .exclude(title="")
        .order_by("role")
        .first()
    )
    return membership.title if membership else ""


def decision_signer(school: Organisation, actor: User) -> Signer:
    """The head signs; a deputy signs "KT." for the head (Nghị định 30/2020, Điều 13 k1)."""
    roles = org_access.roles_in(actor, school)
    if Role.HEAD not in roles and Role.DEPUTY_HEAD in roles:
        return deputy_signer(school, actor)
    return head_signer(school)


def lower_first(text: str) -> str:
    return f"{text[:1].lower()}{text[1:]}" if text else text


def _kind_word(registration: Registration) -> str:
    return "mô hình" if registration.kind == RegistrationKind.MODEL else "điển hình"


def _of_whom(registration: Registration) -> str:
    if registration.unit is not None:
        return registration.unit.name
    title = staff_title(registration.registrant, registration.campaign.organisation)
    name = registration.registrant.full_name
    return f"{name} ({title})" if title else name


def _plan_basis(campaign: Campaign) -> list[BasisLine]:
    plan = campaign.plan
    if plan is None or not plan.number_symbol:
        return []
    issued = f" {official_date(plan.issued_on)}" if plan.issued_on else ""
    return [
        BasisLine(
            f"Căn cứ Kế hoạch số {plan.number_symbol}{issued} của {plan.organisation.name} "
            f"về {lower_first(plan.title)};"
        )
    ]


# The registration form. No standard form is known (LAW.md §9, open question 11; local forms
# are "phiếu đăng ký mô hình" [unverified]). It is not one of the types of Nghị định 30/2020,
# Điều 7, so it takes the frame of a công văn: it is what the unit or person sends to the
# head, "V/v đăng ký …", unnumbered until the school files it.


@in_vietnamese
def registration_form_spec(registration: Registration) -> DocumentSpec:
    """The 'đăng ký xây dựng mô hình / điển hình “Dân vận khéo”' sent to the head."""
    campaign = registration.campaign
    school = campaign.organisation
    unit = registration.unit
    if unit is not None:
        managing, issuing = school.name.upper(), unit.name.upper()
        title = staff_title(registration.registrant, unit) or "Người đăng ký"
        signer = Signer(
            name=registration.registrant.full_name,
            title=title.upper(),
            prefix=SignerPrefix.ON_BEHALF_OF_BODY,
            on_behalf_of=unit.name,
        )
    else:
        managing, issuing = header_names(school)
        signer = Signer(name=registration.registrant.full_name, title="NGƯỜI ĐĂNG KÝ")
    kind = _kind_word(registration)
    body: list[Block] = [
        Paragraph(
            f"Thực hiện {lower_first(campaign.title)} của {school.name}, "
            f"{_of_whom(registration)} đăng ký "
            f"xây dựng {kind} “Dân vận khéo” {campaign.year_label} như sau:"
        ),
        Heading(2, 1, f"Tên {kind}: “{registration.title}”."),
        Heading(2, 2, f"Lĩnh vực: {registration.get_field_display()}."),
        Heading(2, 3, "Thực trạng, vấn đề cần giải quyết"),
        *[Paragraph(line) for line in registration.problem.splitlines() if line.strip()],
        Heading(2, 4, "Mục tiêu"),
        *[Paragraph(line) for line in registration.goals.splitlines() if line.strip()],
        Heading(2, 5, "Cách thức tuyên truyền, vận động"),
        *[Paragraph(line) for line in registration.mobilisation.splitlines() if line.strip()],
        Heading(2, 6, "Kết quả dự kiến"),
        *[Paragraph(line) for line in registration.expected_results.splitlines() if line.strip()],
        Paragraph(
            f"{'Tập thể' if registration.unit_id else 'Tôi'} cam kết tổ chức thực hiện, báo cáo "
            f"kết quả định kỳ và gửi hồ sơ đánh giá vào cuối {campaign.year_label}./."
        ),
    ]
    return DocumentSpec(
        managing_body=managing,
        issuing_body=issuing,
        doc_type=DocType.OFFICIAL_LETTER,
        summary=f"Đăng ký xây dựng {kind} “Dân vận khéo” {campaign.year_label}",
        place=school.place_name,
        signer=signer,
        body=tuple(body),
        kinh_gui=(f"Hiệu trưởng {school.name}",),
        recipients=("Như trên", "Lưu."),
        date=timezone.localdate(registration.created_at) if registration.created_at else None,
    )


def council_name(campaign: Campaign) -> str:
    return f"Hội đồng xét công nhận mô hình, điển hình “Dân vận khéo” {campaign.year_label}"


def minutes_spec(
    campaign: Campaign,
    *,
    rows: Sequence[Registration],
    criteria: Sequence[Criterion],
    members: Sequence[CouncilMember],
    held_on: dt.date,
) -> DocumentSpec:
    """'Biên bản họp Hội đồng …': who sat, the criteria, each registration's result, the
    secret ballot if the council held one, and what it proposes to the head.

    `rows` are Registration rows with council_score, max_score and scorer_count set, best
    first; `members` CouncilMember rows with their users.
    """
    school = campaign.organisation
    managing, issuing = header_names(school)
    chair = next((m for m in members if m.role == CouncilRole.CHAIR), None)
    secretary = next((m for m in members if m.role == CouncilRole.SECRETARY), None)
    # Mẫu 1.9 asks for the start and end: the council's work starts with its first score
    # card and ends when its chair concludes it (this document is built at that moment).
    first_score = (
        Score.objects.filter(registration__in=rows).order_by("scored_at").first() if rows else None
    )
    started = official_moment(first_score.scored_at) if first_score else official_date(held_on)
    body: list[Block] = [
        Paragraph(f"Thời gian bắt đầu: {started}."),
        Paragraph(f"Địa điểm: {school.name}."),
        Paragraph(f"Thành phần tham dự: {council_name(campaign)}, gồm {len(members)} thành viên:"),
        *[Bullet(f"{m.user.full_name}, {m.get_role_display()};") for m in members],
        Paragraph(f"Chủ trì: {chair.user.full_name if chair else ''}, Chủ tịch Hội đồng."),
        Paragraph(f"Thư ký: {secretary.user.full_name if secretary else ''}."),
        Paragraph(
            f"Nội dung: Hội đồng xem xét {len(rows)} mô hình, điển hình đã gửi hồ sơ đánh giá; "
            "mỗi thành viên chấm điểm độc lập theo tiêu chí của phong trào (thành viên không chấm "
            "hồ sơ của chính mình). Điểm của Hội đồng là trung bình cộng tổng điểm của các thành "
            "viên đã chấm."
        ),
        Heading(1, 1, "TIÊU CHÍ ĐÁNH GIÁ"),
    ]
    kinds = {row.criterion_kind for row in rows}
    for kind in (CriterionKind.COLLECTIVE, CriterionKind.INDIVIDUAL):
        own = [c for c in criteria if c.kind == kind and kind in kinds]
        if not own:
            continue
        total = sum(c.max_points for c in own)
        body.append(Paragraph(f"{CriterionKind(kind).label} (tối đa {total} điểm):"))
        body += [Bullet(f"{c.text}: tối đa {c.max_points} điểm;") for c in own]
    body.append(Heading(1, 2, "KẾT QUẢ CHẤM ĐIỂM"))
    table = [("TT", "Mô hình, điển hình", "Tập thể, cá nhân", "Số phiếu chấm", "Điểm")]
    for index, row in enumerate(rows, start=1):
        table.append(
            (
                str(index),
                row.title,
                row.registrant_label,
                str(row.scorer_count),
                f"{points(row.council_score)}/{row.max_score}",
            )
        )
    body.append(Table(tuple(table)))
    section = 3
    ballot = campaign.shortlist_ballot
    if ballot is not None:
        body.append(Heading(1, section, "BỎ PHIẾU KÍN LỰA CHỌN DANH SÁCH ĐỀ NGHỊ"))
        body += shortlist_lines(ballot)
        section += 1
    proposed = [row for row in rows if row.shortlisted is not False]
    body.append(Heading(1, section, "KẾT LUẬN"))
    if proposed:
        body.append(
            Paragraph(
                "Hội đồng đề nghị Hiệu trưởng xem xét công nhận, khen thưởng (theo thứ tự điểm):"
            )
        )
        body += [
            Bullet(f"“{row.title}”, {row.registrant_label} ({points(row.council_score)} điểm);")
            for row in proposed
        ]
    else:
        body.append(Paragraph("Hội đồng không đề nghị công nhận mô hình, điển hình nào."))
    body += [
        Paragraph("Biên bản được thông qua trước Hội đồng và các thành viên nhất trí."),
        Paragraph(f"Cuộc họp kết thúc vào {official_moment(timezone.now())}./."),
    ]
    return DocumentSpec(
        managing_body=managing,
        issuing_body=issuing,
        doc_type=DocType.MINUTES,
        summary=f"Họp {council_name(campaign)}",
        place=school.place_name,
        signer=Signer(name=chair.user.full_name if chair else "", title="CHỦ TỊCH HỘI ĐỒNG"),
        co_signer=Signer(name=secretary.user.full_name if secretary else "", title="THƯ KÝ"),
        body=tuple(body),
        # Phụ lục III, Mẫu 1.9.
        recipients=("Hiệu trưởng", "Thành viên Hội đồng", "Lưu: VT, Hồ sơ."),
    )


def shortlist_lines(ballot: Ballot) -> list[Block]:
    """The council's secret ballot in the minutes' words: votes out of all members."""
    if ballot.status != "closed":
        return [Paragraph(f"Cuộc bỏ phiếu kín “{ballot.title}” không được kiểm phiếu.")]
    result = ballot.result
    members = result.get("electorate", 0)
    lines: list[Block] = [
        Paragraph(
            f"Hội đồng bỏ phiếu kín, mỗi thành viên chọn không quá {result.get('seats', 0)} hồ "
            f"sơ; {result.get('papers', 0)}/{members} thành viên đã bỏ phiếu. Hồ sơ được quá nửa "
            "số thành viên Hội đồng chọn thì được đề nghị:"
        )
    ]
    for row in sorted(result.get("options", []), key=lambda row: row["label"]):
        outcome = "được đề nghị" if row.get("elected") else "không được đề nghị"
        lines.append(Bullet(f"{row['label']}: {row['votes']}/{members} phiếu; {outcome};"))
    return lines


def _authority(school: Organisation) -> list[Block]:
    """Mẫu 1.2: the head's title, then the text that gives the head the power to decide."""
    basis = competence_basis(school)
    return [
        CentredLine(f"HIỆU TRƯỞNG {school.name.upper()}"),
        *([BasisLine(f"{basis};")] if basis else []),
    ]


def _minutes_basis(campaign: Campaign) -> BasisLine:
    minutes = campaign.minutes
    number = f"số {minutes.number_symbol} " if minutes else ""
    day = f"{official_date(minutes.issued_on)} " if minutes else ""
    return BasisLine(
        f"Căn cứ Biên bản {number}{day}của {council_name(campaign)} về kết quả đánh giá;"
    )


def recognition_decision_spec(
    registration: Registration, *, level: str, signer: Signer
) -> DocumentSpec:
    """'Quyết định về việc công nhận mô hình (điển hình) “Dân vận khéo”' for one registration."""
    campaign = registration.campaign
    school = campaign.organisation
    managing, issuing = header_names(school)
    kind = _kind_word(registration)
    score = (
        f" (điểm đánh giá của Hội đồng: {points(registration.council_score)}/"
        f"{registration.max_score})"
        if registration.council_score is not None
        else ""
    )
    first = (
        f"Công nhận {kind} “{registration.title}” của {_of_whom(registration)} là {kind} "
        f"“Dân vận khéo” {campaign.year_label}{score}"
    )
    if level in (RecognitionLevel.SCHOOL_MERIT, RecognitionLevel.UPWARD):
        first += " và tặng Giấy khen của Hiệu trưởng"
    articles = [first + "."]
    parent = school.parent
    if level == RecognitionLevel.UPWARD and parent is not None:
        articles.append(
            f"Đề nghị {parent.name} xem xét, khen thưởng {kind} “{registration.title}” trong "
            "phong trào thi đua “Dân vận khéo”."
        )
    unit = registration.unit
    who = f"{unit.name}, các thành viên" if unit is not None else "Cá nhân"
    articles.append(
        f"{who} có tên tại Điều 1 và các bộ phận có liên quan chịu trách nhiệm thi hành "
        "Quyết định này./."
    )
    body: list[Block] = [
        *_authority(school),
        *_plan_basis(campaign),
        _minutes_basis(campaign),
        BasisLine(f"Xét đề nghị của {council_name(campaign)}."),
        CentredLine("QUYẾT ĐỊNH:"),
        *[Article(number, text) for number, text in enumerate(articles, start=1)],
    ]
    recipients = [f"Như Điều {len(articles)}"]
    if parent is not None:
        recipients.append(f"{parent.short_name or parent.name} (để báo cáo)")
    return DocumentSpec(
        managing_body=managing,
        issuing_body=issuing,
        doc_type=DocType.DECISION,
        summary=f"Về việc công nhận {kind} “Dân vận khéo” {campaign.year_label}",
        place=school.place_name,
        signer=signer,
        body=tuple(body),
        recipients=(*recipients, "Lưu: VT."),
    )


def nomination_decision_spec(nomination: Nomination, *, signer: Signer) -> DocumentSpec:
    """'Quyết định về việc công nhận gương “Người tốt, việc tốt”' after the staff's vote."""
    campaign = nomination.campaign
    school = campaign.organisation
    managing, issuing = header_names(school)
    ballot = nomination.ballot
    result = ballot.result if ballot is not None else {}
    yes = result.get("counts", {}).get("yes", 0)
    present = result.get("present", 0)
    closed = f" {official_date(ballot.closed_at.date())}" if ballot and ballot.closed_at else ""
    title = staff_title(nomination.nominee, school)
    who = f"{nomination.nominee.full_name}{', ' + title if title else ''}"
    body: list[Block] = [
        *_authority(school),
        *_plan_basis(campaign),
        BasisLine(
            f"Căn cứ kết quả bỏ phiếu kín của cán bộ, viên chức, người lao động{closed}: "
            f"{yes}/{present} phiếu tán thành."
        ),
        CentredLine("QUYẾT ĐỊNH:"),
        Article(
            1,
            f"Công nhận {who} là gương “Người tốt, việc tốt” trong phong trào thi đua “Dân vận "
            f"khéo” {campaign.year_label}, với việc làm: {nomination.deed.strip().rstrip('.')}.",
        ),
        Article(
            2,
            f"{nomination.nominee.full_name} và các bộ phận có liên quan chịu trách "
            "nhiệm thi hành Quyết định này./.",
        ),
    ]
    return DocumentSpec(
        managing_body=managing,
        issuing_body=issuing,
        doc_type=DocType.DECISION,
        summary=f"Về việc công nhận gương “Người tốt, việc tốt” {campaign.year_label}",
        place=school.place_name,
        signer=signer,
        body=tuple(body),
        recipients=("Như Điều 2", "Lưu: VT."),
    )
