"""The replica router (core/db_router.py): which reads may leave the primary, and which never do.

The "replica" alias of these tests is a second connection to the test database, as Django's
MIRROR does, with every write refused by the database itself (a read-only session on
PostgreSQL, `PRAGMA query_only` on SQLite): a write routed there fails, and a read routed
there is a real read on another connection. The tests are transactional (committed rows,
no test transaction around them) because the router keeps every read inside an atomic block
on the primary.

Personas (src/gandan/conftest.py): the ward officer reads the dashboard; nobody else appears.
"""

import datetime as dt
import io
import re
import runpy
from collections.abc import Iterator
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import gandan.settings
from gandan.core.db_router import REPLICA, ReplicaRouter, read_only_request, replica_reads
from gandan.orgs.models import Organisation
from gandan.reports.models import RefreshState, UnitMonth, UnitStatus
from gandan.reports.refresh import refresh_indicators
from gandan.reports.tests.indicators_data import NOW, PERIOD_KEY, TODAY, submit, three_cases

ROUTERS = ["gandan.core.db_router.ReplicaRouter"]
MONTH = dt.date(2026, 3, 15)


def _register_replica() -> None:
    """The "replica" alias, registered when this module is collected, before pytest-django
    creates the test database: Django then points the mirror at it (as it does for the
    settings' own replica, TEST MIRROR). Without the router (the `routed` fixture) the alias
    is never used: it changes nothing for the other tests of a run."""
    default = connections.settings[DEFAULT_DB_ALIAS]
    options = dict(default.get("OPTIONS", {}))
    if default["ENGINE"] == "django.db.backends.postgresql":
        options["options"] = "-c default_transaction_read_only=on"
    else:
        options["init_command"] = options.get("init_command", "") + " PRAGMA query_only=1;"
    connections.settings[REPLICA] = {
        **default,
        "OPTIONS": options,
        "TEST": {**default.get("TEST", {}), "MIRROR": DEFAULT_DB_ALIAS},
    }


_register_replica()

pytestmark = pytest.mark.django_db(transaction=True, databases=[DEFAULT_DB_ALIAS, REPLICA])


@pytest.fixture
def routed(settings):
    settings.DATABASE_ROUTERS = ROUTERS


@pytest.fixture
def replica(routed) -> Iterator[None]:
    """The router on, with the read-only "replica" alias of the test database."""
    yield
    connections[REPLICA].close()


@pytest.fixture
def month_row(school) -> UnitMonth:
    return UnitMonth.objects.create(organisation=school, month=MONTH, received_feedback=3)


def _tables(queries: CaptureQueriesContext) -> set[str]:
    """The table each captured query reads from (the first FROM: joins and subqueries are
    part of the same query)."""
    found = set()
    for query in queries:
        match = re.search(r'\bFROM "(\w+)"', query["sql"])
        if match:
            found.add(match.group(1))
    return found


def test_the_replica_refuses_writes(replica, month_row):
    # The guard the other tests rely on: a write that reaches the replica fails there.
    with pytest.raises(DatabaseError):
        UnitMonth.objects.using(REPLICA).filter(pk=month_row.pk).update(received_feedback=9)
    month_row.refresh_from_db()
    assert month_row.received_feedback == 3


def test_summary_reads_in_a_read_only_block_come_from_the_replica(replica, month_row, school):
    # when
    with replica_reads(), CaptureQueriesContext(connections[REPLICA]) as on_replica:
        figures = list(UnitMonth.objects.values_list("received_feedback", flat=True))
        status_rows = list(UnitStatus.objects.all())
    # then: read on the replica's own connection, which sees the committed row
    assert figures == [3] and status_rows == []
    assert _tables(on_replica) == {UnitMonth._meta.db_table, UnitStatus._meta.db_table}


def test_other_models_are_read_from_the_primary(replica, month_row, school):
    with (
        replica_reads(),
        CaptureQueriesContext(connections[REPLICA]) as on_replica,
        CaptureQueriesContext(connection) as on_default,
    ):
        names = list(Organisation.objects.filter(pk=school.pk).values_list("name", flat=True))
    assert names == [school.name]
    assert len(on_replica) == 0
    assert _tables(on_default) == {Organisation._meta.db_table}


def test_outside_a_read_only_block_everything_is_read_from_the_primary(replica, month_row):
    assert UnitMonth.objects.all().db == DEFAULT_DB_ALIAS
    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        assert UnitMonth.objects.count() == 1
    assert len(on_replica) == 0


def test_writes_go_to_the_primary_and_later_reads_stay_there(replica, month_row):
    with replica_reads():
        assert UnitMonth.objects.all().db == REPLICA
        with CaptureQueriesContext(connections[REPLICA]) as on_replica:
            # when: the block writes (the replica would refuse it: see the first test)
            UnitMonth.objects.filter(pk=month_row.pk).update(received_feedback=4)
            # then: the write's own figure is read back, from the primary
            after = UnitMonth.objects.get(pk=month_row.pk).received_feedback
        assert after == 4
        assert len(on_replica) == 0
        assert UnitMonth.objects.all().db == DEFAULT_DB_ALIAS
    # a new block starts clean
    with replica_reads():
        assert UnitMonth.objects.all().db == REPLICA


def test_a_write_to_any_model_keeps_the_rest_of_the_block_on_the_primary(replica, school):
    with replica_reads():
        Organisation.objects.filter(pk=school.pk).update(short_name="TH Thành Tô")
        assert UnitMonth.objects.all().db == DEFAULT_DB_ALIAS


def test_reads_inside_an_atomic_block_stay_on_the_primary(replica, month_row):
    with replica_reads(), transaction.atomic():
        assert UnitMonth.objects.all().db == DEFAULT_DB_ALIAS
        with CaptureQueriesContext(connections[REPLICA]) as on_replica:
            assert UnitMonth.objects.count() == 1
        assert len(on_replica) == 0


def test_the_decorator_makes_the_view_one_read_only_block(replica, month_row):
    @read_only_request
    def view() -> tuple[str, str]:
        before = UnitMonth.objects.all().db
        UnitMonth.objects.filter(pk=month_row.pk).update(received_feedback=5)
        return before, UnitMonth.objects.all().db

    assert view() == (REPLICA, DEFAULT_DB_ALIAS)
    assert UnitMonth.objects.all().db == DEFAULT_DB_ALIAS


def test_nothing_is_routed_when_no_replica_is_configured(routed, month_row, monkeypatch):
    monkeypatch.delitem(connections.settings, REPLICA)
    assert REPLICA not in connections
    with replica_reads():
        assert ReplicaRouter().db_for_read(UnitMonth) == DEFAULT_DB_ALIAS
        assert UnitMonth.objects.all().db == DEFAULT_DB_ALIAS
        assert UnitMonth.objects.count() == 1


def test_migrations_run_on_the_primary_only():
    router = ReplicaRouter()
    assert router.allow_migrate(DEFAULT_DB_ALIAS, "reports")
    assert not router.allow_migrate(REPLICA, "reports")


@pytest.fixture
def travel():
    with time_machine.travel(NOW, tick=False):
        yield


def _figure(response, school, code: str) -> str:
    row = next(r for r in response.context["table"].rows if r.unit.slug == school.slug)
    return row.cell(code).text


def test_the_dashboard_reads_its_figures_from_the_replica(
    replica, seeded_reference_data, travel, school, other_school, principal, authority_officer
):
    # given: Thành Tô's four cases, the indicators refreshed
    three_cases(school, principal)
    refresh_indicators(today=TODAY)
    client = Client()
    client.force_login(authority_officer)
    # when
    with (
        CaptureQueriesContext(connections[REPLICA]) as on_replica,
        CaptureQueriesContext(connection) as on_default,
    ):
        response = client.get(reverse("reports:dashboard"), {"ky": PERIOD_KEY})
    # then: the month rows came from the replica (the status rows come joined to the
    # organisations, from the primary), and the page shows them
    assert response.status_code == 200
    assert _tables(on_replica) == {UnitMonth._meta.db_table}
    assert UnitMonth._meta.db_table not in _tables(on_default)
    assert _figure(response, school, "cases_received") == "4"


def test_with_a_replica_the_pages_leave_the_refresh_to_the_worker(
    replica, seeded_reference_data, travel, school, other_school, principal, authority_officer
):
    # given: refreshed, then one more case (audited): the figures are behind
    three_cases(school, principal)
    refresh_indicators(today=TODAY)
    submit(school)
    state = RefreshState.objects.values().get()
    client = Client()
    client.force_login(authority_officer)
    # when
    response = client.get(reverse("reports:dashboard"), {"ky": PERIOD_KEY})
    # then: the page wrote nothing and shows the last refresh's figures, from the replica
    assert response.status_code == 200
    assert RefreshState.objects.values().get() == state
    assert _figure(response, school, "cases_received") == "4"
    # when: the worker's run (gandan refresh_indicators)
    call_command("refresh_indicators", stdout=io.StringIO())
    # then
    response = client.get(reverse("reports:dashboard"), {"ky": PERIOD_KEY})
    assert _figure(response, school, "cases_received") == "5"


@pytest.mark.parametrize(
    ("url_name", "tables"),
    [
        ("reports:dashboard_xlsx", {"reports_unitmonth"}),
        ("reports:unit", {"reports_unitmonth", "reports_unitstatus"}),
    ],
)
def test_the_export_and_the_drill_down_read_the_replica(
    url_name, tables, replica, seeded_reference_data, travel, school, principal, authority_officer
):
    three_cases(school, principal)
    refresh_indicators(today=TODAY)
    client = Client()
    client.force_login(authority_officer)
    args = [school.slug] if url_name == "reports:unit" else []
    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        response = client.get(reverse(url_name, args=args), {"ky": PERIOD_KEY})
    assert response.status_code == 200
    assert _tables(on_replica) == tables


# The settings block: the alias and the router exist only with DATABASE_REPLICA_URL.


def _settings_with(monkeypatch, tmp_path: Path, **env: str) -> dict:
    monkeypatch.setenv("GANDAN_DATA_DIR", str(tmp_path))
    for name in ("DATABASE_URL", "DATABASE_REPLICA_URL", "DATABASE_PGBOUNCER"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(gandan.settings.__file__)


@pytest.mark.django_db(transaction=False)
def test_settings_add_the_replica_and_its_router_only_when_asked(monkeypatch, tmp_path):
    plain = _settings_with(
        monkeypatch, tmp_path, DATABASE_URL="postgres://gandan@10.0.0.5:6432/gandan"
    )
    assert set(plain["DATABASES"]) == {"default"}
    assert "DATABASE_ROUTERS" not in plain
    # when
    found = _settings_with(
        monkeypatch,
        tmp_path,
        DATABASE_URL="postgres://gandan@10.0.0.5:6432/gandan",
        DATABASE_REPLICA_URL="postgres://gandan_ro@10.0.0.6:6432/gandan",
    )
    # then
    replica_settings = found["DATABASES"][REPLICA]
    assert replica_settings["HOST"] == "10.0.0.6" and replica_settings["USER"] == "gandan_ro"
    assert replica_settings["TEST"] == {"MIRROR": DEFAULT_DB_ALIAS}
    assert replica_settings["CONN_MAX_AGE"] == found["DATABASES"]["default"]["CONN_MAX_AGE"]
    assert found["DATABASE_ROUTERS"] == ROUTERS


@pytest.mark.django_db(transaction=False)
def test_behind_pgbouncer_neither_database_opens_server_side_cursors(monkeypatch, tmp_path):
    urls = dict(
        DATABASE_URL="postgres://gandan@10.0.0.5:6432/gandan",
        DATABASE_REPLICA_URL="postgres://gandan_ro@10.0.0.6:6432/gandan",
    )
    direct = _settings_with(monkeypatch, tmp_path, **urls)
    assert not direct["DATABASES"]["default"]["DISABLE_SERVER_SIDE_CURSORS"]
    pooled = _settings_with(monkeypatch, tmp_path, DATABASE_PGBOUNCER="1", **urls)
    assert pooled["DATABASES"]["default"]["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert pooled["DATABASES"][REPLICA]["DISABLE_SERVER_SIDE_CURSORS"] is True
