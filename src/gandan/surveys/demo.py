"""Demo data at Thành Tô: the parents' satisfaction surveys of the two terms of 2025–2026
(150 anonymous answers from October to May, closed; the school's index moves from one term to
the next: anonymous answers keep no day of their own, so a survey's period is its time), an
anonymous staff survey of the second term (closed, answered by the school's staff while signed
in, its results shown since it has more than the minimum), and an identified survey on school
meals, open now, for trying the public link and the QR notice.

Deterministic (a fixed random seed) and idempotent: a survey that exists (found by title) is
left as it is.
"""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from gandan.orgs.models import Organisation, User
from gandan.surveys import services
from gandan.surveys.forms import DEFAULT_CONSENT
from gandan.surveys.models import Audience, Mode, QuestionKind, Survey

TERM_TITLES = [
    "Khảo sát sự hài lòng của cha mẹ học sinh học kỳ I năm học 2025–2026",
    "Khảo sát sự hài lòng của cha mẹ học sinh học kỳ II năm học 2025–2026",
]
STAFF_TITLE = "Khảo sát ẩn danh cán bộ, giáo viên về môi trường làm việc học kỳ II 2025–2026"
MEALS_TITLE = "Ý kiến cha mẹ học sinh về bữa ăn bán trú học kỳ I năm học 2026–2027"
SEED = 20252026
# (opens, closes) of each term's survey.
TERMS = [
    (dt.datetime(2025, 10, 1, 7, 0), dt.datetime(2026, 1, 24, 17, 0)),
    (dt.datetime(2026, 2, 2, 7, 0), dt.datetime(2026, 5, 30, 17, 0)),
]
STAFF_OPENS = dt.datetime(2026, 4, 1, 7, 0)
STAFF_CLOSES = dt.datetime(2026, 4, 30, 17, 0)

LIKERT = [
    "Mức độ hài lòng của ông (bà) về chất lượng giảng dạy của giáo viên",
    "Mức độ hài lòng về sự quan tâm của giáo viên chủ nhiệm đến con em",
    "Mức độ hài lòng về cơ sở vật chất, vệ sinh trường lớp",
    "Mức độ hài lòng về bữa ăn bán trú",
    "Mức độ hài lòng về thông tin, liên lạc giữa nhà trường và gia đình",
    "Mức độ hài lòng về cách nhà trường tiếp nhận, giải quyết ý kiến của cha mẹ học sinh",
]
# How each item starts the year, relative to the month's mood (meals and facilities lag).
ITEM_OFFSET = [0.2, 0.3, -0.4, -0.5, 0.0, -0.2]
GRADES = ["Khối 1", "Khối 2", "Khối 3", "Khối 4", "Khối 5"]
IMPROVE = [
    "Sân chơi, mái che",
    "Nhà vệ sinh",
    "Bữa ăn bán trú",
    "Thư viện",
    "Liên lạc với gia đình",
    "An toàn giao thông trước cổng trường",
]
# (month, answers that month, mean level that month): the year gets better after the
# October parents' meeting and the toilet repairs in the spring. The first four months are
# the first term's.
MONTHS = [
    ((2025, 10), 34, 3.55),
    ((2025, 11), 22, 3.7),
    ((2025, 12), 16, 3.75),
    ((2026, 1), 12, 3.85),
    ((2026, 2), 8, 3.8),
    ((2026, 3), 18, 4.0),
    ((2026, 4), 16, 4.1),
    ((2026, 5), 24, 4.2),
]
COMMENTS = [
    "Cô giáo chủ nhiệm rất quan tâm đến các cháu, gia đình rất yên tâm.",
    "Mong nhà trường thông báo lịch học và lịch nghỉ sớm hơn qua nhóm Zalo của lớp.",
    "Nhà vệ sinh khu B hay bị hỏng vòi nước, đề nghị sửa sớm.",
    "Bữa ăn bán trú cần thêm rau xanh và hoa quả.",
    "Cổng trường giờ tan học còn ùn tắc, mong có người hướng dẫn phụ huynh đỗ xe.",
    "Cần trao đổi thêm thì nhà trường gọi tôi theo số 0912 345 678.",
    "Sân chơi nên có thêm mái che cho những ngày nắng nóng.",
    "Cảm ơn thầy cô đã tổ chức buổi họp phụ huynh đầu năm chu đáo.",
    "Thư viện nên mở cửa cả giờ ra chơi để các con đọc sách.",
    "Email của tôi là phuhuynh.lop3a@gmail.com nếu nhà trường cần trao đổi.",
    "Nhà vệ sinh đã được sửa, sạch sẽ hơn nhiều. Cảm ơn nhà trường.",
    "Đề nghị công khai rõ các khoản thu đầu năm trên bảng tin.",
]


def _aware(value: dt.datetime) -> dt.datetime:
    return timezone.make_aware(value)


def _level(rng: random.Random, mean: float) -> int:
    return max(1, min(5, round(rng.gauss(mean, 0.85))))


def _school_day(rng: random.Random, year: int, month: int) -> dt.date:
    while True:
        day = dt.date(year, month, rng.randint(1, 28))
        if day.weekday() < 6:  # Monday to Saturday
            return day


def _questions(survey: Survey, head: User) -> None:
    for text in LIKERT:
        services.add_question(survey=survey, actor=head, kind=QuestionKind.LIKERT, text=text)
    services.add_question(
        survey=survey,
        actor=head,
        kind=QuestionKind.SINGLE,
        text="Con ông (bà) đang học khối nào?",
        options=GRADES,
    )
    services.add_question(
        survey=survey,
        actor=head,
        kind=QuestionKind.MULTIPLE,
        text="Nhà trường nên ưu tiên cải thiện điều gì? (chọn tối đa hai)",
        required=False,
        options=IMPROVE,
    )
    services.add_question(
        survey=survey,
        actor=head,
        kind=QuestionKind.TEXT,
        text="Ý kiến khác của ông (bà) để nhà trường làm tốt hơn",
        required=False,
    )


def _answers(survey: Survey, rng: random.Random, mean: float) -> dict:
    questions = list(survey.questions.all())
    likert = [q for q in questions if q.kind == QuestionKind.LIKERT]
    by_kind = {q.kind: q for q in questions if q.kind != QuestionKind.LIKERT}
    answers: dict = {
        q.pk: _level(rng, mean + offset) for q, offset in zip(likert, ITEM_OFFSET, strict=False)
    }
    answers[by_kind[QuestionKind.SINGLE].pk] = rng.randrange(len(GRADES))
    answers[by_kind[QuestionKind.MULTIPLE].pk] = rng.sample(range(len(IMPROVE)), rng.randint(0, 2))
    answers[by_kind[QuestionKind.TEXT].pk] = rng.choice(COMMENTS) if rng.random() < 0.3 else ""
    return answers


def _term_survey(school: Organisation, head: User, term: int) -> Survey:
    rng = random.Random(SEED + 10 * term)
    opens, closes = TERMS[term]
    survey = services.create_survey(
        organisation=school,
        actor=head,
        title=TERM_TITLES[term],
        intro=(
            "Nhà trường kính mời cha mẹ học sinh cho ý kiến về các mặt hoạt động trong học kỳ. "
            "Phiếu ẩn danh, trả lời trong khoảng ba phút."
        ),
        audience=Audience.PARENTS,
        mode=Mode.ANONYMOUS,
        opens_at=_aware(opens),
    )
    _questions(survey, head)
    survey = services.open_survey(survey=survey, actor=head, now=_aware(opens))
    for (year, month), count, mean in MONTHS[4 * term : 4 * term + 4]:
        for _ in range(count):
            on = _school_day(rng, year, month)
            services.submit_response(
                survey=survey,
                answers=_answers(survey, rng, mean),
                on=on,
                now=_aware(dt.datetime.combine(on, dt.time(20, 0))),
            )
    return services.close_survey(survey=survey, actor=head, at=_aware(closes))


STAFF_QUESTIONS = [
    "Mức độ hài lòng về sự công bằng trong phân công công việc",
    "Mức độ hài lòng về điều kiện làm việc (phòng học, thiết bị, phòng họp)",
    "Mức độ hài lòng về việc lắng nghe ý kiến của cán bộ, giáo viên",
]
STAFF_COMMENTS = [
    "Phòng họp hội đồng nóng, đề nghị sửa điều hòa trước hè.",
    "Mong được tập huấn thêm về chuyển đổi số.",
    "Lịch họp nên thông báo trước ít nhất hai ngày.",
    "",
]


def _staff_survey(school: Organisation, head: User) -> Survey:
    rng = random.Random(SEED + 2)
    survey = services.create_survey(
        organisation=school,
        actor=head,
        title=STAFF_TITLE,
        intro=(
            "Phiếu ẩn danh: nhà trường chỉ biết ai đã trả lời để mỗi người trả lời một lần, "
            "không biết ai trả lời thế nào. Kết quả chỉ công bố sau khi kết thúc."
        ),
        audience=Audience.STAFF,
        mode=Mode.ANONYMOUS,
        opens_at=_aware(STAFF_OPENS),
    )
    for text in STAFF_QUESTIONS:
        services.add_question(survey=survey, actor=head, kind=QuestionKind.LIKERT, text=text)
    services.add_question(
        survey=survey,
        actor=head,
        kind=QuestionKind.TEXT,
        text="Góp ý khác để nhà trường là nơi làm việc tốt hơn",
        required=False,
    )
    survey = services.open_survey(survey=survey, actor=head, now=_aware(STAFF_OPENS))
    questions = list(survey.questions.all())
    staff = (
        User.objects.filter(memberships__organisation=school)
        .exclude(pk=head.pk)
        .distinct()
        .order_by("username")
    )
    for number, member in enumerate(staff):
        answers: dict = {q.pk: _level(rng, 3.6) for q in questions if q.is_likert}
        answers[questions[-1].pk] = STAFF_COMMENTS[number % len(STAFF_COMMENTS)]
        services.submit_response(
            survey=survey,
            answers=answers,
            account=member,
            now=_aware(STAFF_OPENS + dt.timedelta(days=1 + number % 20, hours=8)),
        )
    return services.close_survey(survey=survey, actor=head, at=_aware(STAFF_CLOSES))


def _meals_survey(school: Organisation, head: User) -> Survey:
    rng = random.Random(SEED + 1)
    today = timezone.localdate()
    opens = today - dt.timedelta(days=12)
    survey = services.create_survey(
        organisation=school,
        actor=head,
        title=MEALS_TITLE,
        intro="Mỗi gia đình trả lời một lần. Ý kiến giúp nhà trường điều chỉnh thực đơn.",
        audience=Audience.PARENTS,
        mode=Mode.IDENTIFIED,
        consent_text=str(DEFAULT_CONSENT),
        opens_at=_aware(dt.datetime.combine(opens, dt.time(7, 0))),
        closes_at=_aware(dt.datetime.combine(today + dt.timedelta(days=20), dt.time(0, 0))),
    )
    for text in ("Mức độ hài lòng về chất lượng bữa ăn", "Mức độ hài lòng về vệ sinh bếp ăn"):
        services.add_question(survey=survey, actor=head, kind=QuestionKind.LIKERT, text=text)
    services.add_question(
        survey=survey,
        actor=head,
        kind=QuestionKind.SINGLE,
        text="Con ông (bà) có ăn hết suất không?",
        options=["Thường ăn hết", "Ăn được một nửa", "Ăn ít"],
    )
    survey = services.open_survey(survey=survey, actor=head)
    questions = list(survey.questions.all())
    for number in range(18):
        on = opens + dt.timedelta(days=rng.randint(0, 11))
        services.submit_response(
            survey=survey,
            answers={
                questions[0].pk: _level(rng, 3.9),
                questions[1].pk: _level(rng, 4.1),
                questions[2].pk: rng.randrange(3),
            },
            identifier=f"09{rng.randint(10, 99)}{number:06d}",
            consent=True,
            on=on,
        )
    return survey


@transaction.atomic
def build(school: Organisation) -> list[Survey]:
    """The two term surveys, the staff survey and the meals survey, in that order."""
    head = User.objects.get(username="hieutruong")
    surveys = []
    makers = [
        (TERM_TITLES[0], lambda: _term_survey(school, head, 0)),
        (TERM_TITLES[1], lambda: _term_survey(school, head, 1)),
        (STAFF_TITLE, lambda: _staff_survey(school, head)),
        (MEALS_TITLE, lambda: _meals_survey(school, head)),
    ]
    for title, make in makers:
        existing = Survey.objects.filter(organisation=school, title=title).first()
        surveys.append(existing or make())
    return surveys
