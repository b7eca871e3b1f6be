"""Demo data at Thành Tô for participation: the last staff conference (attendance, notes, the
board's election, a vote on staff contributions, the resolution; minutes and resolution issued),
the inspection board it elected (recognised, with a programme and a concluded inspection), and
an open consultation on the draft internal spending rules with comments.

Called by `gandan.democracy.demo.build`; idempotent; dates follow today's date.
"""

import calendar
import datetime as dt

from django.db.models import Max
from django.utils import timezone

from gandan.democracy import deadlines
from gandan.democracy.electorate import staff_of
from gandan.democracy.models import (
    AgendaKind,
    BallotMethod,
    BallotPurpose,
    BoardTerm,
    Conference,
    Consultation,
    ConsultationAudience,
    ConsultationSubject,
    ProgrammePeriod,
    Secrecy,
)
from gandan.democracy.services import ballots, conferences, consultations
from gandan.democracy.services import inspection as board
from gandan.orgs.models import Organisation, User
from gandan.paperwork.models import OutgoingDocument
from gandan.worktime import days

WORK_YEAR = "năm học {start}–{end}"
QUARTERS = ["I", "II", "III", "IV"]
ABSENT = {"nhanvien": "Nghỉ ốm"}
CANDIDATES = ["thanhtra", "tongphutrach", "totruong45", "giaovien2"]
NOTES = {
    AgendaKind.HEAD_REPORT: (
        "Nguyễn Thị Thu Hà, Hiệu trưởng",
        "Năm học vừa qua nhà trường hoàn thành 12/12 chỉ tiêu; 98,6% học sinh hoàn thành "
        "chương trình lớp học. Phương hướng năm học mới: dạy học 2 buổi/ngày ở tất cả các lớp.",
    ),
    AgendaKind.UNION_REPORT: (
        "Vũ Đức Thắng, Chủ tịch Công đoàn",
        "Công đoàn giám sát việc công khai tài chính 4 lần trong năm; đề nghị công khai quyết "
        "toán quỹ phúc lợi hằng quý.",
    ),
    AgendaKind.DISCUSSION: (
        "",
        "7 ý kiến thảo luận về chế độ dạy buổi chiều, công tác phí và cơ sở vật chất phòng học "
        "tin học.",
    ),
    AgendaKind.ANSWERS: (
        "Nguyễn Thị Thu Hà, Hiệu trưởng",
        "Tiếp thu việc công khai quỹ hằng quý; sửa chữa phòng tin học trong học kỳ I.",
    ),
    AgendaKind.BOARD_REPORT: (
        "Hoàng Thị Thanh Tâm, Trưởng ban thanh tra nhân dân",
        "Ban đã kiểm tra 3 cuộc theo chương trình; các kiến nghị đều đã được trả lời.",
    ),
    AgendaKind.AWARDS: ("", "Khen thưởng 5 tập thể, 12 cá nhân; phát động thi đua “Dân vận khéo”."),
    AgendaKind.PLEDGE: ("", "Hiệu trưởng và Chủ tịch Công đoàn ký giao ước thi đua năm học mới."),
}
RESOLUTION = [
    "100% giáo viên đạt chuẩn nghề nghiệp mức khá trở lên",
    "98% học sinh hoàn thành chương trình lớp học",
    "Công khai quyết toán quỹ phúc lợi hằng quý",
    "Không có cán bộ, viên chức vi phạm quy tắc ứng xử",
]
CONSULTATION_TITLE = "Quy chế chi tiêu nội bộ năm 2027"
DRAFT = "\n".join(
    [
        "QUY CHẾ CHI TIÊU NỘI BỘ NĂM 2027",
        "Chương I. QUY ĐỊNH CHUNG",
        (
            "Điều 1. Phạm vi điều chỉnh: quy chế này quy định chế độ, tiêu chuẩn, định mức "
            "chi tiêu từ nguồn ngân sách nhà nước và các nguồn thu hợp pháp của Trường Tiểu "
            "học Thành Tô."
        ),
        (
            "Điều 2. Nguyên tắc: chi đúng mục đích, tiết kiệm, có chứng từ hợp lệ; công khai "
            "trong đơn vị theo Luật Thực hiện dân chủ ở cơ sở."
        ),
        "Chương II. NỘI DUNG VÀ MỨC CHI",
        (
            "Điều 3. Công tác phí: đi công tác trong thành phố 150.000 đồng/ngày; ngoài thành"
            " phố 250.000 đồng/ngày."
        ),
        "Điều 4. Hỗ trợ giáo viên dạy buổi chiều: 50.000 đồng/tiết, thanh toán hằng tháng.",
        (
            "Điều 5. Văn phòng phẩm: mỗi giáo viên 200.000 đồng/học kỳ; tổ văn phòng 500.000 "
            "đồng/học kỳ."
        ),
        (
            "Điều 6. Cước điện thoại: hiệu trưởng 300.000 đồng/tháng; phó hiệu trưởng, kế "
            "toán 200.000 đồng/tháng."
        ),
        "Điều 7. Chi phúc lợi: thăm hỏi ốm đau 500.000 đồng/lần; việc hiếu 1.000.000 đồng/lần.",
        "Chương III. TỔ CHỨC THỰC HIỆN",
        "Điều 8. Kế toán theo dõi, thanh toán; Ban Thanh tra nhân dân giám sát việc thực hiện.",
        "Điều 9. Quy chế có hiệu lực từ ngày 01/01/2027.",
    ]
)
# (username, paragraph order or None for the whole draft, anonymous, text)
COMMENTS = [
    ("giaovien", 7, False, "Đề nghị nâng mức hỗ trợ dạy buổi chiều lên 60.000 đồng/tiết."),
    ("totruong1", 6, False, "Nên quy định rõ công tác phí khi đi tập huấn cả ngày tại Sở."),
    ("nhanvien", 10, True, "Đề nghị có mức hỗ trợ cho nhân viên bảo vệ trực đêm."),
    ("congdoan", None, False, "Công đoàn đề nghị bổ sung điều khoản công khai quyết toán quý."),
]


def _people(usernames) -> dict[str, User]:
    return {user.username: user for user in User.objects.filter(username__in=usernames)}


def _last_work_year_end(today: dt.date) -> dt.date:
    """The last 31 August at least six weeks ago: the school year the last conference closed."""
    year = today.year if today >= dt.date(today.year, 10, 15) else today.year - 1
    return dt.date(year, 8, 31)


def _issue_day(school: Organisation, day: dt.date) -> dt.date:
    """The day itself, unless the register already holds a later document that year."""
    latest = OutgoingDocument.objects.filter(organisation=school, year=day.year).aggregate(
        latest=Max("issued_on")
    )["latest"]
    return max(day, latest) if latest else day


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def build(school: Organisation, head: User, today: dt.date) -> None:
    work_year_ends = _last_work_year_end(today)
    label = WORK_YEAR.format(start=work_year_ends.year - 1, end=work_year_ends.year)
    if not Conference.objects.filter(organisation=school, work_year_label=label).exists():
        _conference(school, head, today, work_year_ends, label)
    if not Consultation.objects.filter(organisation=school, title=CONSULTATION_TITLE).exists():
        _consultation(school, head, today)


def _conference(school, head, today, work_year_ends, label) -> None:
    people = _people(["congdoan", "vanthu", *CANDIDATES])
    # Six weeks after the school year, well within the three months of Điều 51 k1.
    held_on = days.working_day_on_or_after(work_year_ends + dt.timedelta(days=42))
    staff = list(staff_of(school))
    present = [person for person in staff if person.username not in ABSENT]
    conference = conferences.convene_conference(
        organisation=school,
        actor=head,
        work_year_label=label,
        work_year_ends=work_year_ends,
        held_on=held_on,
        starts_at=dt.time(14, 0),
        place="Hội trường Trường Tiểu học Thành Tô",
        union_chair=people["congdoan"],
        secretary=people["vanthu"],
    )
    conferences.record_attendance(
        conference=conference,
        actor=head,
        present=[person.pk for person in present],
        absence_reasons={p.pk: ABSENT[p.username] for p in staff if p.username in ABSENT},
    )
    conference = conferences.open_conference(conference=conference, actor=head, at=_at(held_on, 14))
    agenda = {item.kind: item for item in conference.agenda.all()}
    for kind, (presenter, notes) in NOTES.items():
        conferences.record_agenda_item(
            item=agenda[kind], actor=people["vanthu"], notes=notes, presenter=presenter
        )
    election = _board_election(agenda[AgendaKind.DECISIONS], head, present, people)
    fund = conferences.open_conference_vote(
        item=agenda[AgendaKind.DECISIONS],
        actor=head,
        title="Mức đóng góp quỹ phúc lợi công đoàn 200.000 đồng/người/năm",
        method=BallotMethod.MOTION,
        secrecy=Secrecy.OPEN,
    )
    for index, person in enumerate(present):
        ballots.cast_ballot(ballot=fund, voter=person, choices=["no" if index == 0 else "yes"])
    ballots.close_ballot(ballot=fund, actor=head)
    conferences.set_resolution_points(conference=conference, actor=head, points=RESOLUTION)
    vote = conferences.open_conference_vote(
        item=agenda[AgendaKind.RESOLUTION],
        actor=head,
        title="Thông qua nghị quyết hội nghị",
        method=BallotMethod.MOTION,
        secrecy=Secrecy.OPEN,
    )
    for person in present:
        ballots.cast_ballot(ballot=vote, voter=person, choices=["yes"])
    ballots.close_ballot(ballot=vote, actor=head)
    conferences.close_conference(
        conference=conference,
        actor=head,
        ended_at=_at(held_on, 16, 30),
        issued_on=_issue_day(school, held_on),
    )
    _board(school, head, today, election, people)


def _board_election(item, head, present, people):
    ballot = conferences.open_conference_vote(
        item=item,
        actor=head,
        title=f"Bầu Ban Thanh tra nhân dân nhiệm kỳ {item.conference.held_on.year}–"
        f"{item.conference.held_on.year + 2}",
        description="Bầu 3 thành viên theo đề cử của Ban Chấp hành Công đoàn.",
        method=BallotMethod.ELECTION,
        secrecy=Secrecy.SECRET,
        purpose=BallotPurpose.INSPECTION_BOARD,
        candidates=[people[name] for name in CANDIDATES],
        seats=3,
    )
    option = {o.candidate_id: str(o.pk) for o in ballot.options.all()}
    ids = [people[name].pk for name in CANDIDATES]
    for index, person in enumerate(present):
        # Most choose the first three candidates; every third voter prefers the fourth.
        picks = [*ids[:2], ids[3] if index % 3 == 2 else ids[2]]
        ballots.cast_ballot(ballot=ballot, voter=person, choices=[option[pk] for pk in picks])
    return ballots.close_ballot(ballot=ballot, actor=head)


def _board(school, head, today, election, people) -> None:
    if BoardTerm.objects.filter(ballot=election).exists():
        return
    term = board.constitute_board(ballot=election, actor=head, head=people["thanhtra"])
    held_on = term.starts_on
    recognised_on = days.add_working_days(held_on, 3)
    if recognised_on <= today:
        board.recognise_board(term=term, actor=people["congdoan"], on=recognised_on)
    quarter_end_month = ((held_on.month - 1) // 3 + 1) * 3
    quarter_end = dt.date(
        held_on.year, quarter_end_month, calendar.monthrange(held_on.year, quarter_end_month)[1]
    )
    programme = board.add_programme(
        term=term,
        actor=people["thanhtra"],
        period=ProgrammePeriod.QUARTER,
        label=f"Quý {QUARTERS[quarter_end_month // 3 - 1]} năm {held_on.year}",
        starts_on=held_on,
        ends_on=quarter_end,
        content="Kiểm tra việc thu, chi quỹ phúc lợi; giám sát việc công khai tài chính quý.",
    )
    notified_on = days.working_day_on_or_after(held_on + dt.timedelta(days=14))
    if notified_on > today:
        return
    inspection = board.notify_inspection(
        term=term,
        actor=people["thanhtra"],
        subject="Việc thu, chi quỹ phúc lợi công đoàn",
        target="Bộ phận kế toán",
        notified_on=notified_on,
        starts_on=deadlines.earliest_inspection_start(notified_on),
        programme=programme,
    )
    concluded_on = days.add_working_days(inspection.starts_on, 2)
    if concluded_on > today:
        return
    board.conclude_inspection(
        inspection=inspection,
        actor=people["thanhtra"],
        findings="Các khoản thu, chi quỹ có chứng từ; 2 khoản chi thăm hỏi chưa có biên nhận.",
        recommendations=[
            "Bổ sung biên nhận của 2 khoản chi thăm hỏi",
            "Công khai quyết toán quỹ phúc lợi hằng quý trên bảng tin",
        ],
        concluded_on=concluded_on,
    )


def _consultation(school, head, today) -> None:
    consultation = consultations.open_consultation(
        organisation=school,
        actor=head,
        title=CONSULTATION_TITLE,
        subject=ConsultationSubject.SPENDING_RULES,
        audience=ConsultationAudience.STAFF,
        description=(
            "Cán bộ, viên chức, người lao động góp ý trực tiếp trên từng điều của dự thảo; có "
            "thể ẩn tên với đồng nghiệp. Hết hạn, Hiệu trưởng tiếp thu, giải trình và công khai."
        ),
        draft_text=DRAFT,
        opens_on=today - dt.timedelta(days=6),
        deadline=days.add_working_days(today, 5),
        allow_anonymous=True,
    )
    people = _people([username for username, *_rest in COMMENTS])
    version = consultation.current_version()
    for username, order, anonymous, text in COMMENTS:
        consultations.add_comment(
            consultation=consultation,
            author=people[username],
            text=text,
            paragraph=version.paragraphs.get(order=order) if order else None,
            anonymous=anonymous,
        )
