"""The rules table: the seed from LAW.md, versions in force, validation, and the admin."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from gandan.audit.models import AuditEvent
from gandan.petitions.models import (
    DEFAULT_PROCEDURE,
    PROCEDURES_OF_KIND,
    CaseKind,
    DayUnit,
    DeadlineRule,
    Procedure,
    StartEvent,
)

pytestmark = pytest.mark.django_db

D = dt.date


def thu_ly_rule(on: dt.date) -> DeadlineRule:
    return DeadlineRule.objects.in_force(CaseKind.COMPLAINT, on, Procedure.FIRST_INSTANCE).get(
        step="thu_ly"
    )


@pytest.mark.parametrize(
    ("on", "limit", "unit", "needs_verification"),
    [
        (D(2012, 7, 1), 10, DayUnit.CALENDAR_DAY, False),  # Luật Khiếu nại 2011 takes effect
        (D(2026, 6, 30), 10, DayUnit.CALENDAR_DAY, False),  # last day of Điều 27 as enacted
        (D(2026, 7, 1), 7, DayUnit.WORKING_DAY, True),  # NĐ 155/2026 (crawl, unverified)
        (D(2030, 1, 1), 7, DayUnit.WORKING_DAY, True),
    ],
)
def test_in_force_picks_the_version_of_the_receipt_date(on, limit, unit, needs_verification):
    # given the seeded rules
    # when
    found = thu_ly_rule(on)
    # then
    assert (found.limit, found.unit, found.needs_verification) == (limit, unit, needs_verification)


def test_nothing_is_in_force_before_the_law():
    # given / when / then: Luật Khiếu nại 2011 took effect on 01/7/2012
    assert not DeadlineRule.objects.in_force(CaseKind.COMPLAINT, D(2012, 6, 30)).exists()


@pytest.mark.parametrize(("kind", "procedures"), list(PROCEDURES_OF_KIND.items()))
def test_every_procedure_of_every_kind_is_seeded(kind, procedures):
    # given / when / then
    for procedure in procedures:
        rows = DeadlineRule.objects.in_force(kind, D(2026, 11, 28), procedure)
        assert rows.exists(), (kind, procedure)
    assert DEFAULT_PROCEDURE[kind] == procedures[0]


def test_seeded_rows_cite_and_flag_their_sources():
    # given / when
    rows = list(DeadlineRule.objects.all())
    # then
    assert len(rows) == 51
    for row in rows:
        row.full_clean()
        assert row.citation
    flagged = [row for row in rows if row.needs_verification]
    # every flagged row quotes LAW.md's caveat and says how to clear the flag
    assert all("LAW.md" in row.note for row in flagged)
    internal = [row for row in rows if row.is_internal_policy]
    assert {(row.kind, row.step) for row in internal} == {
        (CaseKind.RECOMMENDATION, "giai_quyet"),
        (CaseKind.FEEDBACK, "giai_quyet"),
    }
    assert all("không phải thời hạn luật định" in row.citation for row in internal)
    # the 2026 complaint rows are the ones read in a crawl
    from_2026 = [row for row in rows if row.valid_from == D(2026, 7, 1)]
    assert from_2026 and all(row.needs_verification for row in from_2026)


def test_old_complaint_versions_end_the_day_before_the_amendment():
    # given / when
    ended = DeadlineRule.objects.filter(valid_to__isnull=False)
    # then
    assert {row.valid_to for row in ended} == {D(2026, 6, 30)}
    assert {(row.procedure, row.step) for row in ended} == {
        (Procedure.FIRST_INSTANCE, "thu_ly"),
        (Procedure.FIRST_INSTANCE, "giai_quyet"),
        (Procedure.SECOND_INSTANCE, "thu_ly"),
        (Procedure.SECOND_INSTANCE, "giai_quyet"),
        (Procedure.DISCIPLINARY_FIRST, "thu_ly"),
        (Procedure.DISCIPLINARY_SECOND, "thu_ly"),
    }


def new_version(**changes) -> DeadlineRule:
    fields = {
        "kind": CaseKind.DENUNCIATION,
        "procedure": Procedure.GENERAL,
        "step": "xu_ly_ban_dau",
        "step_label": "Xử lý ban đầu",
        "order": 1,
        "limit": 5,
        "unit": DayUnit.WORKING_DAY,
        "starts_from": StartEvent.RECEIVED,
        "valid_from": D(2027, 1, 1),
        "citation": "Luật thử nghiệm, Điều 1",
    }
    fields.update(changes)
    return DeadlineRule(**fields)


def test_a_new_version_must_not_overlap_the_open_one():
    # given: the seeded row of Luật Tố cáo 2018 Điều 24 is open-ended
    row = new_version()
    # when / then
    with pytest.raises(ValidationError) as refused:
        row.full_clean()
    assert "trùng với một phiên bản khác" in str(refused.value)

    # when: the old version is closed first
    old = DeadlineRule.objects.get(kind=CaseKind.DENUNCIATION, step="xu_ly_ban_dau")
    old.valid_to = D(2026, 12, 31)
    old.full_clean()
    old.save(update_fields=["valid_to"])
    row.full_clean()
    row.save()
    # then
    rule_2026 = DeadlineRule.objects.in_force(CaseKind.DENUNCIATION, D(2026, 12, 31))
    rule_2027 = DeadlineRule.objects.in_force(CaseKind.DENUNCIATION, D(2027, 1, 1))
    assert rule_2026.get(step="xu_ly_ban_dau").limit == 7
    assert rule_2027.get(step="xu_ly_ban_dau").limit == 5


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"procedure": Procedure.SECOND_INSTANCE}, "procedure"),
        ({"extension_count": 1}, "extension_limit"),
        ({"ends_with": StartEvent.RECEIVED}, "ends_with"),
        ({"valid_from": D(2019, 6, 1)}, "valid_from"),
    ],
)
def test_clean_refuses_inconsistent_rows(changes, field):
    # given
    row = new_version(**changes)
    # when / then
    with pytest.raises(ValidationError) as refused:
        row.full_clean()
    assert field in refused.value.message_dict


@pytest.mark.parametrize(
    "changes",
    [
        {"extension_count": 1},
        {"valid_to": D(2026, 12, 31)},
        {"unit": "tuan"},
    ],
)
def test_database_refuses_inconsistent_rows(changes):
    # given
    row = new_version(step="buoc_moi", **changes)
    # when / then
    with pytest.raises(IntegrityError), transaction.atomic():
        row.save()


def test_admin_lists_rules_filtered_by_kind_and_verification(admin_client):
    # given / when
    response = admin_client.get(
        "/quan-tri/petitions/deadlinerule/",
        {"kind__exact": CaseKind.COMPLAINT, "needs_verification__exact": "1"},
    )
    # then
    assert response.status_code == 200
    page = response.content.decode()
    assert "Thụ lý giải quyết khiếu nại lần đầu" in page
    assert "Vào sổ, phân loại" not in page


def test_admin_correction_is_audited(admin_client):
    # given: an administrator confirms the 2026 thụ lý rule against the official text
    row = thu_ly_rule(D(2026, 7, 1))
    data = {
        field.name: getattr(row, field.name)
        for field in DeadlineRule._meta.fields
        if field.editable and field.name != "id"
    }
    data = {key: ("" if value is None else value) for key, value in data.items()}
    data["valid_from"] = "01/07/2026"
    data["needs_verification"] = ""
    for key in [key for key, value in data.items() if value is False]:
        del data[key]
    # when
    response = admin_client.post(f"/quan-tri/petitions/deadlinerule/{row.pk}/change/", data)
    # then
    assert response.status_code == 302, response.content.decode()[:3000]
    row.refresh_from_db()
    assert row.needs_verification is False
    event = AuditEvent.objects.latest("sequence")
    assert event.object_id == str(row.pk)
    assert "needs_verification" in event.changes


def test_admin_does_not_delete_rules(admin_client):
    # given
    row = thu_ly_rule(D(2025, 1, 1))
    # when
    response = admin_client.post(f"/quan-tri/petitions/deadlinerule/{row.pk}/delete/", {})
    # then
    assert response.status_code == 403
    assert DeadlineRule.objects.filter(pk=row.pk).exists()
