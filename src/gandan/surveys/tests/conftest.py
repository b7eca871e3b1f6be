"""Fixtures of the survey tests: surveys in known states with known questions.

The cast is the shared one (src/gandan/conftest.py); here "parent" is not a persona with an
account but an anonymous browser: parents answer by the public link, without signing in.
"""

import datetime as dt

import pytest
from django.utils import timezone

from gandan.surveys import services
from gandan.surveys.models import Audience, Mode, QuestionKind

LIKERT_QUESTIONS = [
    "Ông (bà) hài lòng thế nào với chất lượng dạy học?",
    "Ông (bà) hài lòng thế nào với bữa ăn bán trú?",
    "Ông (bà) hài lòng thế nào với cách nhà trường liên lạc với gia đình?",
]
GRADES = ["Khối 1", "Khối 2", "Khối 3", "Khối 4", "Khối 5"]
IMPROVE = ["Sân chơi", "Nhà vệ sinh", "Thư viện", "Bữa ăn"]


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def build_survey(
    school,
    principal,
    *,
    title="Khảo sát sự hài lòng của cha mẹ học sinh",
    mode=Mode.ANONYMOUS,
    audience=Audience.PARENTS,
    open_it=True,
    opens_at=None,
):
    survey = services.create_survey(
        organisation=school,
        actor=principal,
        title=title,
        intro="Xin ông (bà) dành ba phút cho ý kiến.",
        audience=audience,
        mode=mode,
        consent_text="Nhà trường chỉ dùng số điện thoại để bảo đảm mỗi người trả lời một lần."
        if mode == Mode.IDENTIFIED
        else "",
        opens_at=opens_at,
    )
    for text in LIKERT_QUESTIONS:
        services.add_question(survey=survey, actor=principal, kind=QuestionKind.LIKERT, text=text)
    services.add_question(
        survey=survey,
        actor=principal,
        kind=QuestionKind.SINGLE,
        text="Con ông (bà) học khối nào?",
        options=GRADES,
    )
    services.add_question(
        survey=survey,
        actor=principal,
        kind=QuestionKind.MULTIPLE,
        text="Nhà trường nên cải thiện điều gì trước?",
        required=False,
        options=IMPROVE,
    )
    services.add_question(
        survey=survey,
        actor=principal,
        kind=QuestionKind.TEXT,
        text="Ý kiến khác",
        required=False,
    )
    if open_it:
        survey = services.open_survey(survey=survey, actor=principal)
    return survey


def questions(survey) -> dict:
    """{'likert': [q, q, q], 'single': q, 'multiple': q, 'text': q}."""
    by_kind: dict = {"likert": []}
    for question in survey.questions.all():
        if question.kind == QuestionKind.LIKERT:
            by_kind["likert"].append(question)
        else:
            by_kind[question.kind] = question
    return by_kind


def answer_map(survey, likert=(4, 4, 4), grade=0, improve=(), text="") -> dict:
    q = questions(survey)
    answers = {question.pk: value for question, value in zip(q["likert"], likert, strict=True)}
    answers[q["single"].pk] = grade
    answers[q["multiple"].pk] = list(improve)
    answers[q["text"].pk] = text
    return answers


@pytest.fixture
def parent_survey(school, principal):
    """An open, anonymous parents' survey: three Likert items, a grade, improvements, text."""
    return build_survey(school, principal)


@pytest.fixture
def identified_survey(school, principal):
    return build_survey(
        school, principal, title="Khảo sát có định danh về bán trú", mode=Mode.IDENTIFIED
    )


@pytest.fixture
def opened_last_autumn(school, principal):
    """An anonymous survey opened on 01/10/2025, for answers spread over months."""
    opens_at = timezone.make_aware(dt.datetime(2025, 10, 1, 7, 30))
    return build_survey(school, principal, title="Khảo sát năm học 2025–2026", opens_at=opens_at)


@pytest.fixture
def identified_last_autumn(school, principal):
    """An identified survey opened on 01/10/2025: its answers keep their day (anonymous ones
    keep the period's first day only), for answers spread over months."""
    opens_at = timezone.make_aware(dt.datetime(2025, 10, 1, 7, 30))
    return build_survey(
        school,
        principal,
        title="Khảo sát có định danh năm học 2025–2026",
        mode=Mode.IDENTIFIED,
        opens_at=opens_at,
    )


def identified_answer(survey, number: int, **kwargs):
    """submit_response for an identified survey, as the respondent with phone number `number`."""
    return services.submit_response(
        survey=survey, identifier=f"0912{number:06d}", consent=True, **kwargs
    )


def form_data(survey, likert=(4, 4, 4), grade=0, improve=(), text="", **extra) -> dict:
    """The POST body of the public answer sheet."""
    q = questions(survey)
    data: dict[str, str | list[str]] = {
        f"q{question.pk}": str(value) for question, value in zip(q["likert"], likert, strict=True)
    }
    data[f"q{q['single'].pk}"] = str(grade)
    data[f"q{q['multiple'].pk}"] = [str(i) for i in improve]
    data[f"q{q['text'].pk}"] = text
    data["token"] = extra.pop("token", "")
    data.update(extra)
    return data


STAFF_NAMES = [
    "Phạm Thị Lan Anh",
    "Vũ Văn Bình",
    "Đỗ Thị Cúc",
    "Bùi Văn Dũng",
    "Ngô Thị Én",
    "Trịnh Văn Giang",
]


@pytest.fixture
def staff_members(school):
    """Six teachers of the school, each of whom may answer its staff surveys."""
    from gandan.orgs import services as org_services
    from gandan.orgs.models import Role

    members = []
    for i, name in enumerate(STAFF_NAMES):
        user = org_services.create_person(
            actor=None, username=f"gv{i}", full_name=name, password="mat-khau-thu-nghiem"
        )
        org_services.grant_role(
            actor=None, user=user, organisation=school, role=Role.STAFF, title="Giáo viên"
        )
        members.append(user)
    return members


@pytest.fixture
def staff_survey(school, principal):
    """An open, anonymous survey of the school's staff (they answer signed in)."""
    return build_survey(
        school, principal, title="Khảo sát ẩn danh về môi trường làm việc", audience=Audience.STAFF
    )
