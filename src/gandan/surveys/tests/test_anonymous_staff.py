"""An anonymous staff survey is anonymous: the attacks of issue 11 (point 2), played in full.

The staff who answer are signed in, so their logins sit in the audit log with a time. Whoever
reads results while the survey runs, or can order answers by time, storage or WAL frames, can
pair each answer with the login just before it. Each test below plays one such attack:

- the head's own pages: live results, a handful of answers, the audit log;
- the database: dates on answers, storage order (SQLite rowid, PostgreSQL ctid), the
  transaction that wrote the "has answered" marker (PostgreSQL xmin), the session row;
- the files: frame order in SQLite's -wal file, old keys in freed pages (a real file, in a
  subprocess: the test database lives in memory).
"""

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from gandan.audit.models import Action, AuditEvent
from gandan.surveys import services
from gandan.surveys.models import Audience, Response
from gandan.surveys.tests.conftest import answer_map, build_survey, form_data

TEXTS = [
    "Phân công trực chưa công bằng",
    "Phòng họp quá nóng",
    "Cần thêm máy chiếu",
    "Giờ họp nên sớm hơn",
    "Nhà vệ sinh giáo viên hỏng",
    "Muốn được tập huấn thêm",
]


def _answer(survey, user, i=0, *, now=None):
    return services.submit_response(
        survey=survey,
        answers=answer_map(survey, (1 + i % 5, 3, 4), text=TEXTS[i]),
        account=user,
        now=now,
    )


def _results(client, user, survey) -> str:
    client.force_login(user)
    page = client.get(reverse("surveys:results", args=[survey.public_id]))
    assert page.status_code == 200
    return page.content.decode()


def _physical_ids(table: str) -> list[str]:
    order = "ctid" if connection.vendor == "postgresql" else "rowid"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM {table} ORDER BY {order}")
        return [str(row[0]).replace("-", "") for row in cursor.fetchall()]


# The head's pages.


def test_the_head_reads_nothing_of_an_open_anonymous_staff_survey(
    client, staff_survey, staff_members, principal, inspector
):
    # given: two teachers answered, with free texts
    for i, member in enumerate(staff_members[:2]):
        _answer(staff_survey, member, i)
    # when: the head and the inspection board open the results while it runs
    for reader in (principal, inspector):
        html = _results(client, reader, staff_survey)
        # then: no text, no index, no count per option; an honest empty state instead
        assert TEXTS[0] not in html and TEXTS[1] not in html
        assert "Kết quả của khảo sát ẩn danh dành cho cán bộ chỉ hiện sau khi kết thúc" in html
        assert 'id="tung-cau"' not in html and "/100" not in html


def test_below_the_minimum_the_results_stay_hidden_after_close(
    client, staff_survey, staff_members, principal
):
    from gandan.surveys.models import MIN_ANONYMOUS_RESULTS

    # given: one answer fewer than the minimum, then the survey closes
    for i, member in enumerate(staff_members[: MIN_ANONYMOUS_RESULTS - 1]):
        _answer(staff_survey, member, i)
    services.close_survey(survey=staff_survey, actor=principal)
    # when
    html = _results(client, principal, staff_survey)
    # then
    assert not any(text in html for text in TEXTS)
    assert f"cần ít nhất {MIN_ANONYMOUS_RESULTS} người trả lời" in html
    assert "/100" not in html


def test_at_the_minimum_the_results_show_after_close_in_an_order_that_says_nothing(
    client, staff_survey, staff_members, principal
):
    from gandan.surveys.models import MIN_ANONYMOUS_RESULTS

    # given: the minimum number of answers, given in the order of TEXTS
    count = MIN_ANONYMOUS_RESULTS
    for i, member in enumerate(staff_members[:count]):
        _answer(staff_survey, member, i)
    services.close_survey(survey=staff_survey, actor=principal)
    # when
    html = _results(client, principal, staff_survey)
    # then: every text, in alphabetical order (neither answering nor storage order)
    shown = sorted(TEXTS[:count], key=html.index)
    assert shown == sorted(TEXTS[:count])
    assert "/100" in html


def test_the_desk_and_the_list_give_no_live_index_of_an_anonymous_staff_survey(
    client, staff_survey, staff_members, principal
):
    # given
    for i, member in enumerate(staff_members[:5]):
        _answer(staff_survey, member, i)
    client.force_login(principal)
    # when
    listing = client.get(reverse("surveys:list"))
    # then
    row = next(s for s in listing.context["surveys"] if s.pk == staff_survey.pk)
    assert row.index is None


def test_the_audit_log_records_answers_only_as_a_count_at_close(
    client, staff_survey, staff_members, principal
):
    log_url = reverse("audit_log", args=[staff_survey.organisation.slug])
    client.force_login(principal)
    mentions_before = client.get(log_url).content.decode().count(staff_survey.title)
    # given: each teacher signs in (a login row) and answers through the page
    last = AuditEvent.objects.order_by("-sequence").values_list("sequence", flat=True).first()
    for i, member in enumerate(staff_members[:3]):
        client.force_login(member)
        url = reverse("surveys:answer", args=[staff_survey.public_id])
        posted = client.post(url, form_data(staff_survey, text=TEXTS[i], token=f"t{i}"))
        assert posted.status_code == 302
    # then: the audit log holds the three logins and nothing about answering
    new = AuditEvent.objects.filter(sequence__gt=last).order_by("sequence")
    assert [event.action for event in new] == [Action.LOGIN] * 3
    # and the head's audit-log page shows no row an answer could be joined to
    client.force_login(principal)
    log = client.get(log_url)
    assert log.status_code == 200
    assert log.content.decode().count(staff_survey.title) == mentions_before
    # when: the survey closes
    services.close_survey(survey=staff_survey, actor=principal)
    # then: one row, with the count
    closing = AuditEvent.objects.order_by("-sequence").first()
    assert closing is not None
    assert "3 phiếu trả lời" in closing.summary


# One answer per person, with nothing that links the marker to the answer.


def test_a_staff_member_answers_an_anonymous_survey_once(staff_survey, staff_members):
    # given
    _answer(staff_survey, staff_members[0], 0)
    # when: the same person answers again
    with pytest.raises(ValidationError) as error:
        _answer(staff_survey, staff_members[0], 1)
    # then: refused in Vietnamese, nothing stored
    assert "đã trả lời khảo sát này" in str(error.value)
    assert Response.objects.count() == 1
    assert not Response.objects.filter(answers__text=TEXTS[1]).exists()


def test_a_staff_answer_needs_a_signed_in_member(staff_survey):
    with pytest.raises(ValidationError):
        services.submit_response(survey=staff_survey, answers=answer_map(staff_survey))
    assert not Response.objects.exists()


def test_the_marker_names_a_person_and_nothing_else(staff_survey, staff_members):
    from gandan.surveys.models import Participation

    # given
    _answer(staff_survey, staff_members[0], 0)
    # then: who, for which survey; no time, no answer, a random key
    fields = {field.name for field in Participation._meta.concrete_fields}
    assert fields == {"id", "survey", "user"}
    assert Participation._meta.pk.get_internal_type() == "UUIDField"
    assert Participation.objects.get().user == staff_members[0]


def test_closing_forgets_who_answered(staff_survey, staff_members, principal):
    from gandan.surveys.models import Participation

    # given
    for i, member in enumerate(staff_members[:3]):
        _answer(staff_survey, member, i)
    # when
    services.close_survey(survey=staff_survey, actor=principal)
    # then: the count survives in the audit row, the names do not
    assert not Participation.objects.exists()
    assert Response.objects.count() == 3


# Dates and order.


@pytest.mark.parametrize("audience", [Audience.STAFF, Audience.PARENTS])
def test_anonymous_answers_carry_no_day_of_their_own(school, principal, staff_members, audience):
    # given: a survey opened on 01/10/2025, answered on three different days
    opens_at = timezone.make_aware(dt.datetime(2025, 10, 1, 7, 30))
    survey = build_survey(
        school, principal, title="Khảo sát ẩn danh", audience=audience, opens_at=opens_at
    )
    for i, day in enumerate((2, 15, 28)):
        now = timezone.make_aware(dt.datetime(2025, 10, day, 9))
        services.submit_response(
            survey=survey,
            answers=answer_map(survey, text=TEXTS[i]),
            account=staff_members[i] if audience == Audience.STAFF else None,
            now=now,
        )
    # then: every answer carries the first day of the survey period, nothing finer
    assert set(Response.objects.values_list("created_on", flat=True)) == {dt.date(2025, 10, 1)}


def test_storage_order_never_follows_answering_order(staff_survey, staff_members, principal):
    # given / when: each answer in turn
    for i, member in enumerate(staff_members):
        _answer(staff_survey, member, i)
        # then: after every answer, rows lie in the order of their random keys (the n-th row
        # is not the n-th login), answers with them
        physical = _physical_ids(Response._meta.db_table)
        assert physical == sorted(physical)
        assert len(physical) == i + 1
    services.close_survey(survey=staff_survey, actor=principal)
    physical = _physical_ids(Response._meta.db_table)
    assert physical == sorted(physical)


def test_answering_leaves_the_session_as_it_was(client, staff_survey, staff_members):
    # given: a teacher signed in, with the answer sheet open
    client.force_login(staff_members[0])
    url = reverse("surveys:answer", args=[staff_survey.public_id])
    assert client.get(url).status_code == 200
    sessions = list(Session.objects.values_list("session_key", "session_data", "expire_date"))
    # when
    posted = client.post(url, form_data(staff_survey, text=TEXTS[0], token="tok"))
    # then
    assert posted.status_code == 302
    assert Response.objects.count() == 1
    assert (
        list(Session.objects.values_list("session_key", "session_data", "expire_date")) == sessions
    )


@pytest.mark.django_db(transaction=True)
def test_the_marker_and_the_answer_are_written_in_different_transactions(
    staff_survey, staff_members
):
    if connection.vendor != "postgresql":
        pytest.skip("xmin is PostgreSQL's; on SQLite the WAL test plays this attack")
    from gandan.surveys.models import Participation

    # when
    _answer(staff_survey, staff_members[0], 0)
    # then: the marker's transaction id is not the answer's
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT xmin::text FROM {Participation._meta.db_table}")
        marker = {row[0] for row in cursor.fetchall()}
        cursor.execute(f"SELECT xmin::text FROM {Response._meta.db_table}")
        answers = {row[0] for row in cursor.fetchall()}
    assert marker and answers and marker.isdisjoint(answers)


# The files of a real SQLite database.


def test_after_close_the_wal_and_freed_pages_link_no_answer_to_a_login(tmp_path):
    # given: a fresh data folder and a SQLite file, whatever the test database is
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["GANDAN_DATA_DIR"] = str(tmp_path)
    env["GANDAN_LOCAL"] = "1"  # keys made in the fresh folder, as on a developer machine
    env.pop("DATABASE_REPLICA_URL", None)
    script = Path(__file__).with_name("wal_attack.py")
    # when
    run = subprocess.run(
        [sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=300
    )
    # then
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["answers"] == 3
    assert result["linked"] == 0
    assert result["wal_bytes"] == 0  # checkpointed and truncated at close
    assert result["parents_wal_bytes"] == 0  # and after each anonymous answer
    assert result["old_keys_found"] == 0  # freed pages were overwritten
