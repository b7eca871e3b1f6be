"""A disclosure entered after its due date: the yearly form no longer defaults to a year whose
30 June has passed; the form warns before saving a late entry and saves it only once the clerk
confirms; the register and the item say "ghi nhận muộn" rather than a bare "Quá hạn"."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from gandan.democracy.forms import DisclosureForm
from gandan.democracy.models import DemocracyEvent, DisclosureItem, DisclosureObligation
from gandan.democracy.services import disclosures

D = dt.date
DECEMBER = dt.datetime(2026, 12, 3, 3, tzinfo=dt.UTC)
MAY = dt.datetime(2026, 5, 12, 3, tzinfo=dt.UTC)


@pytest.fixture
def finance(db):
    # Thông tư 09/2024 Điều 5, yearly before 30 June (Điều 15 k1).
    return DisclosureObligation.objects.get(code="cong-khai-thu-chi-tai-chinh")


@pytest.fixture
def staff_rules(db):
    # Luật 10/2022 Điều 47 k2: 5 working days from the decision.
    return DisclosureObligation.objects.get(code="noi-bo-noi-quy-quy-che")


def _state():
    return (DisclosureItem.objects.count(), DemocracyEvent.objects.count())


@pytest.mark.parametrize(
    ("now", "year"),
    [
        (MAY, 2026),
        (dt.datetime(2026, 6, 30, 3, tzinfo=dt.UTC), 2026),
        (dt.datetime(2026, 7, 1, 3, tzinfo=dt.UTC), 2027),
        (DECEMBER, 2027),
    ],
)
def test_the_yearly_form_defaults_to_the_next_year_to_fall_due(db, now, year):
    with time_machine.travel(now, tick=False):
        assert DisclosureForm().fields["year"].initial == year


@pytest.mark.parametrize(
    ("fields", "late"),
    [
        ({"year": 2026}, True),
        ({"year": 2027}, False),
        ({"year": None}, False),  # no due date: recording says why
    ],
)
def test_the_warning_names_a_due_date_already_past(finance, fields, late):
    with time_machine.travel(DECEMBER, tick=False):
        warning = disclosures.late_recording_warning(
            finance, decision_date=None, is_update=False, today=D(2026, 12, 3), **fields
        )
    assert (warning is not None) is late
    if warning is not None:
        assert "30/06/2026" in warning and "156 ngày" in warning


def test_a_decision_recorded_after_its_five_days_warns(staff_rules):
    # given: a decision of Monday 16/11/2026, due Monday 23/11
    warning = disclosures.late_recording_warning(
        staff_rules, decision_date=D(2026, 11, 16), year=None, is_update=False, today=D(2026, 12, 3)
    )
    on_time = disclosures.late_recording_warning(
        staff_rules, decision_date=D(2026, 11, 30), year=None, is_update=False, today=D(2026, 12, 3)
    )
    assert warning is not None and "23/11/2026" in warning
    assert on_time is None


def test_the_form_warns_before_saving_and_saves_once_confirmed(client, principal, finance):
    # given
    client.force_login(principal)
    url = reverse("democracy:item_new")
    form = {"obligation": finance.pk, "title": "Thu, chi tài chính năm 2025", "year": "2026"}
    with time_machine.travel(DECEMBER, tick=False):
        before = _state()
        # when: sent as it is
        warned = client.post(url, form)
        # then: the warning and its checkbox, nothing recorded
        page = warned.content.decode()
        assert warned.status_code == 200
        assert "30/06/2026" in page and 'name="late_confirmed"' in page
        assert _state() == before
        # when: confirmed
        saved = client.post(url, {**form, "late_confirmed": "on"})
    # then
    assert saved.status_code == 302
    item = DisclosureItem.objects.get(title="Thu, chi tài chính năm 2025")
    assert item.due_date == D(2026, 6, 30)
    assert item.recorded_late


def test_the_form_on_time_has_no_warning_and_no_checkbox(client, principal, finance):
    client.force_login(principal)
    with time_machine.travel(DECEMBER, tick=False):
        page = client.get(reverse("democracy:item_new")).content.decode()
        saved = client.post(
            reverse("democracy:item_new"),
            {"obligation": finance.pk, "title": "Thu, chi tài chính năm 2026", "year": "2027"},
        )
    assert 'name="late_confirmed"' not in page
    assert saved.status_code == 302


def test_the_register_and_the_item_say_recorded_late(client, principal, school, finance):
    # given: one yearly item entered in December for the year whose 30 June has passed, and
    # one staff decision entered on time and never published
    with time_machine.travel(DECEMBER, tick=False):
        late = disclosures.record_disclosure(
            organisation=school,
            obligation=finance,
            actor=principal,
            title="Thu, chi tài chính năm 2025",
            year=2026,
        )
    with time_machine.travel(dt.datetime(2026, 11, 17, 3, tzinfo=dt.UTC), tick=False):
        missed = disclosures.record_disclosure(
            organisation=school,
            obligation=DisclosureObligation.objects.get(code="noi-bo-noi-quy-quy-che"),
            actor=principal,
            title="Nội quy cơ quan năm 2026",
            decision_date=D(2026, 11, 16),
        )
    client.force_login(principal)
    with time_machine.travel(DECEMBER, tick=False):
        # when
        register = client.get(reverse("democracy:register")).content.decode()
        item_page = client.get(reverse("democracy:item", args=[late.public_id])).content.decode()
        missed_page = client.get(
            reverse("democracy:item", args=[missed.public_id])
        ).content.decode()
    # then
    assert "Ghi nhận muộn, chưa công khai" in register
    assert "Ghi nhận muộn, chưa công khai" in item_page
    assert "ghi nhận ngày 03/12/2026, sau hạn" in item_page
    assert not missed.recorded_late
    assert "Quá hạn, chưa công khai" in missed_page
    assert "Ghi nhận muộn" not in missed_page
