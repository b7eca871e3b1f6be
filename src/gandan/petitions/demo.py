"""Thành Tô's citizen cases for the demo, in several states, dated relative to today.

- a phản ánh answered on time, rated, with a thank-you letter;
- a kiến nghị in progress with a teacher;
- a khiếu nại accepted, verified, with its dialogue minutes;
- a tố cáo under verification: the verifier sees only the pseudonym;
- an overdue phản ánh with its apology letter and new date;
- anonymous information (Luật Tố cáo 2018, Điều 25), the head's reception schedule, the register.
Every step goes through the services, in date order (the register numbers documents in the order
they are issued). Idempotent: a second run finds the demo cases and adds nothing.
"""

import datetime as dt

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from gandan.core.salutation import Salutation
from gandan.orgs.models import Organisation, User
from gandan.paperwork.models import OutgoingDocument
from gandan.petitions import services
from gandan.petitions.models import Case, CaseKind, Channel, ReceptionSession

MARK = "demo-"


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


@transaction.atomic
def build(school: Organisation) -> list[Case]:
    existing = Case.objects.filter(organisation=school, idempotency_key__startswith=MARK)
    if existing.exists():
        return list(existing)
    people = {u.username: u for u in User.objects.filter(username__in=USERNAMES)}
    today = timezone.localdate()
    cases: dict[str, Case] = {}
    steps = _script(school, people, today, cases)
    for day, _order, step in sorted(steps, key=lambda item: (item[0], item[1])):
        step(_issue_day(school, day))
    _reception(school, people, today)
    return list(cases.values())


USERNAMES = ["hieutruong", "phohieutruong", "giaovien", "giaovien2", "totruong1", "vanthu"]


def _issue_day(school: Organisation, day: dt.date) -> dt.date:
    """The day itself, unless the register already holds a later document that year."""
    latest = OutgoingDocument.objects.filter(organisation=school, year=day.year).aggregate(
        latest=Max("issued_on")
    )["latest"]
    return max(day, latest) if latest else day


def _submit(school, cases, key, kind, day, **fields):
    submission = services.Submission(
        kind=kind,
        received_at=_at(day, 9),
        consent=not fields.get("anonymous", False),
        **fields,
    )

    def run(on):
        cases[key] = services.submit_case(
            organisation=school, submission=submission, idempotency_key=MARK + key
        )

    return run


def _script(school, p, today, cases):
    head, deputy, teacher = p["hieutruong"], p["phohieutruong"], p["giaovien"]
    days = [today - dt.timedelta(days=n) for n in range(31)]
    parent = services.Sender(
        name="Trần Văn Bình",
        phone="0912 345 678",
        address="Tổ 5, phường Hải An",
        salutation=Salutation.ONG,
    )

    def step(key, func):
        return lambda on: func(cases[key], on)

    s = []
    # 1. Phản ánh answered on time, rated 5/5, thanked.
    s.append(
        (
            days[20],
            0,
            _submit(
                school,
                cases,
                "1",
                CaseKind.FEEDBACK,
                days[20],
                sender=parent,
                title="Mái tôn lớp 2A bị dột khi mưa",
                content="Mấy hôm mưa to, nước dột xuống bàn cuối lớp 2A, các cháu phải ngồi dồn "
                "lên.",
            ),
        )
    )
    s.append(
        (
            days[19],
            1,
            step("1", lambda c, on: services.assign_case(case=c, actor=head, handler=teacher)),
        )
    )
    s.append(
        (
            days[17],
            2,
            step(
                "1",
                lambda c, on: services.resolve_case(
                    case=c,
                    actor=teacher,
                    outcome="Đã kiểm tra, thay 3 tấm tôn hỏng.",
                    public_answer="Nhà trường đã thay 3 tấm tôn bị hỏng ở lớp 2A ngày "
                    f"{on:%d/%m/%Y}. Nhà trường trân trọng cảm ơn ông đã phản ánh kịp thời.",
                    on=on,
                ),
            ),
        )
    )
    s.append(
        (days[17], 3, step("1", lambda c, on: services.issue_thanks(case=c, actor=head, on=on)))
    )
    s.append(
        (
            days[16],
            4,
            step(
                "1",
                lambda c, on: services.rate_case(
                    case=c, score=5, comment="Nhà trường sửa rất nhanh, cảm ơn cô hiệu trưởng."
                ),
            ),
        )
    )
    # 2. Kiến nghị in progress with a group leader.
    s.append(
        (
            days[6],
            0,
            _submit(
                school,
                cases,
                "2",
                CaseKind.RECOMMENDATION,
                days[6],
                sender=services.Sender(
                    name="Nguyễn Thị Hoa",
                    email="hoa.phuhuynh@example.com",
                    address="Phường Hải An",
                    salutation=Salutation.BA,
                ),
                title="Đề nghị mở thêm lớp bán trú khối 1",
                content="Nhiều gia đình đi làm xa, đề nghị nhà trường mở thêm một lớp bán trú "
                "khối 1.",
            ),
        )
    )
    s.append((days[4], 1, step("2", lambda c, on: services.accept_case(case=c, actor=head, on=on))))
    s.append(
        (
            days[4],
            2,
            step(
                "2", lambda c, on: services.assign_case(case=c, actor=head, handler=p["totruong1"])
            ),
        )
    )
    # 3. Khiếu nại accepted, verified, with its dialogue.
    s.append(
        (
            days[15],
            0,
            _submit(
                school,
                cases,
                "3",
                CaseKind.COMPLAINT,
                days[15],
                channel=Channel.WALK_IN,
                sender=services.Sender(
                    name="Lê Văn Cường",
                    phone="0987 111 222",
                    address="Số 12 phố Thành Tô",
                    salutation=Salutation.ONG,
                ),
                title="Khiếu nại việc không xét miễn tiền bán trú",
                content="Gia đình tôi thuộc hộ cận nghèo nhưng nhà trường không xét miễn tiền bán "
                "trú.",
                denounced_person="Hiệu trưởng Trường Tiểu học Thành Tô",
            ),
        )
    )
    s.append(
        (days[12], 1, step("3", lambda c, on: services.accept_case(case=c, actor=head, on=on)))
    )
    s.append(
        (
            days[12],
            2,
            step(
                "3",
                lambda c, on: services.assign_case(
                    case=c, actor=head, handler=head, verifiers=[deputy]
                ),
            ),
        )
    )
    s.append(
        (
            days[8],
            3,
            step(
                "3",
                lambda c, on: services.record_minutes(
                    case=c,
                    actor=deputy,
                    kind="verification",
                    held_on=on,
                    participants="Trần Văn Minh (Phó hiệu trưởng); kế toán Phan Thị Yến",
                    content="Đối chiếu danh sách hộ cận nghèo của phường và hồ sơ miễn giảm.",
                    result="Gia đình có giấy xác nhận hộ cận nghèo năm 2026, nộp sau hạn xét.",
                ),
            ),
        )
    )
    s.append(
        (
            days[5],
            4,
            step(
                "3",
                lambda c, on: services.record_minutes(
                    case=c,
                    actor=head,
                    kind="dialogue",
                    held_on=on,
                    place="Phòng họp nhà trường",
                    participants="Hiệu trưởng; ông Lê Văn Cường; kế toán",
                    content="Trao đổi về thời hạn nộp giấy xác nhận và quy định miễn giảm.",
                    result="Ông Cường đề nghị xét bổ sung; nhà trường ghi nhận, sẽ ra quyết định.",
                ),
            ),
        )
    )
    # 4. Tố cáo under verification: the head resolves, a teacher verifies (pseudonym only).
    s.append(
        (
            days[10],
            0,
            _submit(
                school,
                cases,
                "4",
                CaseKind.DENUNCIATION,
                days[10],
                sender=services.Sender(
                    name="Phạm Thị Kín",
                    phone="0903 456 789",
                    address="Phường Hải An",
                    id_number="031190004321",
                ),
                title="Thu tiền học thêm trái quy định ở lớp 4B",
                content="Tôi là Phạm Thị Kín, phụ huynh lớp 4B. Giáo viên thu 200.000 đồng mỗi "
                "tháng "
                "tiền học thêm buổi chiều trong lớp.",
                denounced_person="Giáo viên chủ nhiệm lớp 4B",
            ),
        )
    )
    s.append((days[8], 1, step("4", lambda c, on: services.accept_case(case=c, actor=head, on=on))))
    s.append(
        (
            days[8],
            2,
            step(
                "4",
                lambda c, on: services.assign_case(
                    case=c, actor=head, handler=head, verifiers=[p["giaovien2"]]
                ),
            ),
        )
    )
    s.append(
        (
            days[8],
            3,
            step(
                "4",
                lambda c, on: services.redact_case(
                    case=c,
                    actor=head,
                    content="Phụ huynh lớp 4B tố cáo giáo viên chủ nhiệm thu 200.000 đồng mỗi "
                    "tháng "
                    "tiền học thêm buổi chiều trong lớp.",
                ),
            ),
        )
    )
    s.append(
        (
            days[3],
            4,
            step(
                "4",
                lambda c, on: services.record_minutes(
                    case=c,
                    actor=p["giaovien2"],
                    kind="verification",
                    held_on=on,
                    participants="Bùi Văn Hùng; giáo viên chủ nhiệm lớp 4B",
                    content="Làm việc với giáo viên bị tố cáo; giáo viên được giải trình.",
                    result="Đang thu thập ý kiến của các phụ huynh khác.",
                ),
            ),
        )
    )
    # 5. Overdue phản ánh with its apology letter and a new date.
    s.append(
        (
            days[25],
            0,
            _submit(
                school,
                cases,
                "5",
                CaseKind.FEEDBACK,
                days[25],
                sender=services.Sender(
                    name="Hoàng Văn Dũng",
                    phone="0934 567 890",
                    address="Tổ 2, phường Hải An",
                    salutation=Salutation.ONG,
                ),
                title="Cổng trường ùn tắc giờ tan học",
                content="Xe máy đỗ tràn ra lòng đường trước cổng trường lúc 16 giờ 30 rất nguy "
                "hiểm.",
            ),
        )
    )
    s.append(
        (
            days[22],
            1,
            step("5", lambda c, on: services.assign_case(case=c, actor=head, handler=deputy)),
        )
    )
    s.append(
        (
            days[1],
            2,
            step(
                "5",
                lambda c, on: (
                    services.issue_apology(
                        case=c,
                        actor=deputy,
                        new_date=today + dt.timedelta(days=7),
                        reason="nhà trường phải phối hợp với Công an phường để bố trí phân luồng",
                        on=on,
                    )
                    if c.is_overdue(on)
                    else None
                ),
            ),
        )
    )
    # 6. Anonymous information (Luật Tố cáo 2018, Điều 25).
    s.append(
        (
            days[3],
            0,
            _submit(
                school,
                cases,
                "6",
                CaseKind.DENUNCIATION,
                days[3],
                anonymous=True,
                title="Căng tin bán đồ ăn không rõ nguồn gốc",
                content="Căng tin trường bán xúc xích không có nhãn mác.",
                denounced_person="Người bán căng tin",
            ),
        )
    )
    return s


def _reception(school, people, today):
    if ReceptionSession.objects.filter(organisation=school).exists():
        return
    head, clerk = people["hieutruong"], people["vanthu"]
    services.schedule_reception(
        organisation=school,
        actor=head,
        host=head,
        date=services.earliest_reception_day(today) + dt.timedelta(days=2),
        start_time=dt.time(7, 30),
        end_time=dt.time(11, 0),
        place="Phòng tiếp công dân, tầng 1 nhà hiệu bộ",
        participants="Văn thư Đặng Thị Ngọc Ánh",
        expected_content="Tiếp phụ huynh về các khoản thu đầu năm học",
        published_on=today,
    )
    services.record_reception(
        organisation=school,
        actor=clerk,
        received_on=today - dt.timedelta(days=2),
        name="Vũ Thị Hỏi",
        address="Phường Hải An",
        content_summary="Hỏi thủ tục chuyển trường cho con sang Trường Tiểu học Đằng Hải",
        guidance="Hướng dẫn nộp hồ sơ tại văn phòng nhà trường",
    )


# A neighbour school's few cases: (key, kind, days ago received, answered after N days or None
# for still open, rating or None, title). Three profiles, so that the ward's league table has a
# best, a middling and a worst unit on the legal deadlines.
NEIGHBOUR_CASES = [
    [
        ("n1", CaseKind.FEEDBACK, 40, 3, 5, "Đèn chiếu sáng hành lang tầng 2 bị hỏng"),
        ("n2", CaseKind.RECOMMENDATION, 25, 6, 4, "Đề nghị bố trí thêm ghế chờ ở cổng trường"),
        ("n3", CaseKind.FEEDBACK, 6, None, None, "Rác thải tập kết sát tường lớp 1B"),
    ],
    [
        ("n1", CaseKind.FEEDBACK, 50, 4, 4, "Vòi nước khu vệ sinh nam bị rò rỉ"),
        ("n2", CaseKind.RECOMMENDATION, 60, 35, 2, "Đề nghị công khai các khoản thu đầu năm"),
        ("n3", CaseKind.FEEDBACK, 45, None, None, "Xe đưa đón học sinh dừng đỗ sai nơi quy định"),
    ],
    [
        ("n1", CaseKind.FEEDBACK, 70, 40, 1, "Bếp ăn bán trú chưa niêm yết thực đơn"),
        ("n2", CaseKind.RECOMMENDATION, 55, None, None, "Đề nghị sửa cổng phụ bị gãy bản lề"),
        ("n3", CaseKind.FEEDBACK, 48, None, None, "Cây xanh sân trường có cành khô dễ gãy"),
    ],
]


@transaction.atomic
def build_neighbour(school: Organisation, *, profile: int, head: User, teacher: User) -> None:
    """A few dated cases at a neighbour school (answered on time or late, overdue, rated);
    idempotent."""
    if Case.objects.filter(organisation=school, idempotency_key__startswith=MARK).exists():
        return
    today = timezone.localdate()
    sender = services.Sender(
        name="Nguyễn Thị Mai",
        phone="0987 654 321",
        address="Phường Hải An",
        salutation=Salutation.BA,
    )
    for key, kind, received_ago, answered_after, rating, title in NEIGHBOUR_CASES[profile]:
        received = today - dt.timedelta(days=received_ago)
        case = services.submit_case(
            organisation=school,
            submission=services.Submission(
                kind=kind,
                title=title,
                content=f"{title}. Kính đề nghị nhà trường xem xét, giải quyết.",
                sender=sender,
                consent=True,
                received_at=_at(received, 9),
            ),
            idempotency_key=f"{MARK}{school.slug}-{key}",
        )
        if answered_after is None:
            continue
        case = services.assign_case(case=case, actor=head, handler=teacher)
        answered = received + dt.timedelta(days=answered_after)
        case = services.resolve_case(
            case=case,
            actor=teacher,
            outcome="Đã kiểm tra và xử lý.",
            public_answer="Nhà trường đã kiểm tra và khắc phục nội dung bà đã phản ánh.",
            on=answered,
        )
        if rating is not None:
            services.rate_case(case=case, score=rating)
