"""Answers to an anonymous survey cannot be traced to a respondent: proved on the database.

The reader here has the whole database. The tests look at the tables as the engine describes
them, at every row of every table written while a parent answered, and at the engine's own
storage order (SQLite rowid, PostgreSQL ctid) after the survey closes.
"""

import datetime as dt

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from gandan.audit.models import AuditEvent
from gandan.surveys import services
from gandan.surveys.models import Answer, Response, SurveyEvent
from gandan.surveys.tests.conftest import answer_map, form_data

RESPONSE_TABLE = Response._meta.db_table
ANSWER_TABLE = Answer._meta.db_table
ADDRESS = "203.0.113.77"
BROWSER = "Mozilla/5.0 (Linux; Android 14; Phụ huynh) Mobile"


def _columns(table: str) -> dict:
    with connection.cursor() as cursor:
        description = connection.introspection.get_table_description(cursor, table)
        relations = connection.introspection.get_relations(cursor, table)
    types = {
        column.name: connection.introspection.get_field_type(column.type_code, column)
        for column in description
    }
    return {"types": types, "refers_to": {relation[1] for relation in relations.values()}}


def test_response_and_answer_tables_hold_nothing_that_names_a_person_or_a_moment(db):
    # when
    responses, answers = _columns(RESPONSE_TABLE), _columns(ANSWER_TABLE)
    # then: these columns and no others
    assert set(responses["types"]) == {
        "id",
        "survey_id",
        "created_on",
        "score",
        "respondent_hash",  # identified surveys only
        "consent_at",  # identified surveys only
        "consent_version",  # identified surveys only
    }
    assert set(answers["types"]) == {"id", "response_id", "question_id", "value", "text"}
    # a day, not a time; the only time column is the consent record of identified surveys
    assert responses["types"]["created_on"] == "DateField"
    datetime_columns = {
        name
        for table in (responses, answers)
        for name, kind in table["types"].items()
        if kind == "DateTimeField"
    }
    assert datetime_columns == {"consent_at"}
    # no reference to a user, a session or anything but the survey and its questions
    assert responses["refers_to"] == {"surveys_survey"}
    assert answers["refers_to"] == {
        "surveys_response",
        "surveys_question",
    }
    # and the key is a random UUID, not a sequence
    assert Response._meta.pk.get_internal_type() == "UUIDField"


def _rows_with_datetimes_between(start, end) -> dict[str, int]:
    """Every table of every installed model: rows with a date-time inside [start, end]."""
    found = {}
    for model in apps.get_models():
        fields = [
            f for f in model._meta.concrete_fields if f.get_internal_type() == "DateTimeField"
        ]
        for field in fields:
            count = model._default_manager.filter(
                **{f"{field.attname}__gte": start, f"{field.attname}__lte": end}
            ).count()
            if count:
                found[f"{model._meta.db_table}.{field.column}"] = count
    return found


def _rows_containing(text: str) -> dict[str, int]:
    found = {}
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.get_internal_type() not in {"CharField", "TextField", "GenericIPAddressField"}:
                continue
            count = model._default_manager.filter(**{f"{field.attname}__contains": text}).count()
            if count:
                found[f"{model._meta.db_table}.{field.column}"] = count
    return found


@pytest.mark.parametrize("signed_in", [False, True])
def test_an_anonymous_answer_leaves_no_trace_but_itself(client, parent_survey, teacher, signed_in):
    # given: a parent's phone (or a teacher who happens to be signed in), with an address
    if signed_in:
        client.force_login(teacher)
    sessions_before = list(
        Session.objects.values_list("session_key", "session_data", "expire_date")
    )
    audit_before = AuditEvent.objects.count()
    events_before = SurveyEvent.objects.count()
    survey_updated = parent_survey.updated_at
    url = reverse("surveys:answer", args=[parent_survey.public_id])
    start = timezone.now()
    # when
    response = client.post(
        url,
        form_data(parent_survey, (5, 4, 4), text="Cô giáo rất tận tâm", token="tok-1"),
        REMOTE_ADDR=ADDRESS,
        HTTP_USER_AGENT=BROWSER,
    )
    end = timezone.now()
    # then: the answer is stored ...
    assert response.status_code == 302
    row = Response.objects.get()
    assert row.score == pytest.approx(250 / 3)
    # ... with no identity, no consent, only the day
    assert (row.respondent_hash, row.consent_at, row.consent_version) == ("", None, "")
    assert row.created_on == timezone.localdate()
    # nothing anywhere in the database was written with the moment of answering
    assert _rows_with_datetimes_between(start, end) == {}
    # nor holds the address, the browser, or the sign-in
    assert _rows_containing(ADDRESS) == {}
    assert _rows_containing("Android 14") == {}
    assert list(Session.objects.values_list("session_key", "session_data", "expire_date")) == (
        sessions_before
    )
    # no audit row, no timeline row, and the survey itself was not touched
    assert AuditEvent.objects.count() == audit_before
    assert SurveyEvent.objects.count() == events_before
    parent_survey.refresh_from_db()
    assert parent_survey.updated_at == survey_updated


def _physical_ids() -> list[str]:
    order = "ctid" if connection.vendor == "postgresql" else "rowid"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM {RESPONSE_TABLE} ORDER BY {order}")
        return [str(row[0]).replace("-", "") for row in cursor.fetchall()]


def test_closing_reseals_the_answers_so_storage_order_no_longer_follows_answering_order(
    parent_survey, principal
):
    # given: twelve parents answer, each a distinct pattern, in a known order
    patterns = [(a, b, 3) for a in (1, 2, 3, 4) for b in (1, 3, 5)]
    for likert in patterns:
        services.submit_response(survey=parent_survey, answers=answer_map(parent_survey, likert))
    ids_while_open = set(Response.objects.values_list("id", flat=True))
    answer_ids_while_open = set(Answer.objects.values_list("id", flat=True))
    # while open, storage order is answering order: this is what re-sealing undoes
    score_of = {r.id.hex: r.score for r in Response.objects.all()}
    expected = [pytest.approx(sum((v - 1) * 25 for v in likert) / 3) for likert in patterns]
    assert [score_of[i] for i in _physical_ids()] == expected
    contents_before = sorted(
        Answer.objects.filter(question__kind="likert").values_list("question_id", "value")
    )
    # when
    services.close_survey(survey=parent_survey, actor=principal)
    # then: same answers, none of the keys or row ids used while open
    assert Response.objects.count() == 12
    assert ids_while_open.isdisjoint(set(Response.objects.values_list("id", flat=True)))
    assert answer_ids_while_open.isdisjoint(set(Answer.objects.values_list("id", flat=True)))
    assert (
        sorted(Answer.objects.filter(question__kind="likert").values_list("question_id", "value"))
        == contents_before
    )
    # each response still holds its own answers
    for response in Response.objects.prefetch_related("answers__question"):
        values = [
            a.value
            for a in response.answers.all()
            if a.question.kind == "likert" and a.value is not None
        ]
        assert response.score == pytest.approx(sum((v - 1) * 25 for v in values) / 3)
    # storage order is now the order of fresh random keys, nothing else
    physical = _physical_ids()
    assert physical == sorted(physical)


def test_identified_responses_are_not_resealed(identified_survey, principal):
    # given: an identified survey keeps who answered (as a hash), by design and with consent
    services.submit_response(
        survey=identified_survey,
        answers=answer_map(identified_survey),
        identifier="0912345678",
        consent=True,
    )
    before = Response.objects.get()
    # when
    services.close_survey(survey=identified_survey, actor=principal)
    # then
    after = Response.objects.get()
    assert (after.id, after.respondent_hash) == (before.id, before.respondent_hash)


def test_the_day_is_the_finest_time_an_anonymous_answer_keeps(opened_last_autumn):
    # given: two paper forms of the same day, entered an hour apart
    survey = opened_last_autumn
    on = dt.date(2025, 11, 3)
    for hour in (8, 9):
        services.submit_response(
            survey=survey,
            answers=answer_map(survey),
            on=on,
            now=timezone.make_aware(dt.datetime(2025, 11, 10, hour)),
        )
    # then: nothing tells them apart but their random keys
    rows = list(Response.objects.values("created_on", "score", "respondent_hash", "consent_at"))
    assert rows[0] == rows[1]
