"""deadlines.py: limits by variant, start events, projection, extensions and suspension.

Dates are hand-computed against the official calendar (see test_case_deadlines_command.py for
the days off); each expected date is written with its weekday and checked.
"""

import datetime as dt
from typing import Any

import pytest

from gandan.petitions.deadlines import (
    DeadlineError,
    Extension,
    ExtensionRefused,
    allowed_extensions,
    compute_deadlines,
    effective_limit,
    extend_due,
    suspended_due,
)
from gandan.petitions.models import CaseKind, DayUnit, DeadlineRule, StartEvent
from gandan.worktime.calendar import WorkCalendar

D = dt.date
CAL = DayUnit.CALENDAR_DAY
WD = DayUnit.WORKING_DAY


def day(text: str) -> dt.date:
    iso, weekday = text.split()
    found = dt.date.fromisoformat(iso)
    assert found.strftime("%a") == weekday, text
    return found


def by_step(deadlines):
    return {deadline.step: deadline for deadline in deadlines}


def rule(step: str, order: int, limit: int, unit: str, starts_from: str, **extra) -> DeadlineRule:
    """An unsaved row: the functions work on rows without the database."""
    fields = {
        "kind": CaseKind.DENUNCIATION,
        "procedure": "chung",
        "step": step,
        "step_label": step,
        "order": order,
        "limit": limit,
        "unit": unit,
        "starts_from": starts_from,
        "valid_from": D(2019, 1, 1),
        "citation": f"Điều thử nghiệm ({step})",
    }
    fields.update(extra)
    return DeadlineRule(**fields)


# A calendar with the statutory holidays only (no government adjustments): pure, no database.
STATUTORY = WorkCalendar()


# -- variants ----------------------------------------------------------------------------------

FULL = rule(
    "giai_quyet",
    1,
    30,
    CAL,
    StartEvent.ACCEPTED,
    complex_limit=45,
    remote_limit=45,
    remote_complex_limit=60,
)
COMPLEX_ONLY_VARIANT = rule("cung_cap", 1, 3, WD, StartEvent.RECEIVED, complex_limit=15)


@pytest.mark.parametrize(
    ("row", "complex", "remote", "limit"),
    [
        # Luật Khiếu nại 2011 Điều 28: 30 / 45 complex / 45 remote / 60 remote complex
        (FULL, False, False, 30),
        (FULL, True, False, 45),
        (FULL, False, True, 45),
        (FULL, True, True, 60),
        # a rule without a remote variant keeps its limits in a remote area
        (COMPLEX_ONLY_VARIANT, False, True, 3),
        (COMPLEX_ONLY_VARIANT, True, True, 15),
    ],
)
def test_effective_limit_by_variant(row, complex, remote, limit):
    # given / when / then
    assert effective_limit(row, complex=complex, remote=remote) == limit


# -- rules in force, start events, projection (pure) -------------------------------------------


def test_rules_given_by_the_caller_are_filtered_by_receipt_date():
    # given: two versions of one step, the change on 01/7/2026
    old = rule("thu_ly", 1, 10, CAL, StartEvent.RECEIVED, valid_to=D(2026, 6, 30))
    new = rule("thu_ly", 1, 7, WD, StartEvent.RECEIVED, valid_from=D(2026, 7, 1))
    rows = [new, old]
    # when
    before = compute_deadlines(
        kind=CaseKind.DENUNCIATION, received=D(2026, 6, 30), rules=rows, calendar=STATUTORY
    )
    after = compute_deadlines(
        kind=CaseKind.DENUNCIATION, received=D(2026, 7, 1), rules=rows, calendar=STATUTORY
    )
    # then
    assert [(d.limit, d.unit) for d in before] == [(10, CAL)]
    assert [(d.limit, d.unit) for d in after] == [(7, WD)]


def test_two_versions_in_force_on_one_day_are_refused():
    # given: overlapping versions (the model's clean() refuses them; a caller might not)
    rows = [
        rule("thu_ly", 1, 10, CAL, StartEvent.RECEIVED),
        rule("thu_ly", 1, 7, WD, StartEvent.RECEIVED, valid_from=D(2026, 7, 1)),
    ]
    # when / then
    with pytest.raises(DeadlineError, match="hai phiên bản"):
        compute_deadlines(
            kind=CaseKind.DENUNCIATION, received=D(2026, 8, 3), rules=rows, calendar=STATUTORY
        )


def test_steps_chain_through_events_and_the_previous_step():
    # given: a chain in a quiet month (no holiday in March 2027)
    rows = [
        rule("thu_ly", 1, 5, WD, StartEvent.RECEIVED, ends_with=StartEvent.ACCEPTED),
        rule("giai_quyet", 2, 10, CAL, StartEvent.ACCEPTED, ends_with=StartEvent.DECISION_ISSUED),
        rule("sau_han", 3, 2, WD, StartEvent.PREVIOUS_STEP_DUE),
        rule("gui", 4, 3, WD, StartEvent.DECISION_ISSUED),
    ]
    received = day("2027-03-01 Mon")
    # when: not accepted yet
    pending = by_step(
        compute_deadlines(
            kind=CaseKind.DENUNCIATION, received=received, rules=rows, calendar=STATUTORY
        )
    )
    # then: thụ lý due Mon 08/03; the rest only projected from it
    assert pending["thu_ly"].due == day("2027-03-08 Mon")
    assert pending["giai_quyet"].due is None
    # Mon 08/03 + 10 = Thu 18/03
    assert pending["giai_quyet"].projected_due == day("2027-03-18 Thu")
    # 2 working days after Thu 18/03: Fri 19, Mon 22
    assert pending["sau_han"].due is None
    assert pending["sau_han"].projected_due == day("2027-03-22 Mon")
    # 3 working days after the projected decision: Fri 19, Mon 22, Tue 23
    assert pending["gui"].projected_due == day("2027-03-23 Tue")

    # when: accepted early, on Wed 03/03, and decided on Fri 12/03
    done = by_step(
        compute_deadlines(
            kind=CaseKind.DENUNCIATION,
            received=received,
            accepted=day("2027-03-03 Wed"),
            events={StartEvent.DECISION_ISSUED: day("2027-03-12 Fri")},
            rules=rows,
            calendar=STATUTORY,
        )
    )
    # then: real dates, no projections; Wed 03/03 + 10 = Sat 13/03 → Mon 15/03
    assert done["giai_quyet"].due == day("2027-03-15 Mon")
    assert done["giai_quyet"].last_day == day("2027-03-13 Sat")
    assert done["sau_han"].due == day("2027-03-17 Wed")
    assert done["gui"].due == day("2027-03-17 Wed")
    assert all(d.projected_due is None for d in done.values())


def test_complex_only_steps_appear_only_for_complex_cases():
    # given: Luật Tiếp cận thông tin 2016 Điều 30 k4 shape
    rows = [
        rule("thong_bao_thoi_han", 1, 3, WD, StartEvent.RECEIVED, complex_only=True),
        rule("cung_cap", 2, 3, WD, StartEvent.RECEIVED, complex_limit=15),
    ]
    received = day("2027-03-01 Mon")
    # when
    simple = compute_deadlines(
        kind=CaseKind.DENUNCIATION, received=received, rules=rows, calendar=STATUTORY
    )
    hard = compute_deadlines(
        kind=CaseKind.DENUNCIATION, received=received, complex=True, rules=rows, calendar=STATUTORY
    )
    # then
    assert [(d.step, d.due) for d in simple] == [("cung_cap", day("2027-03-04 Thu"))]
    assert [(d.step, d.due) for d in hard] == [
        ("thong_bao_thoi_han", day("2027-03-04 Thu")),
        ("cung_cap", day("2027-03-22 Mon")),
    ]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "don_thu"}, "không có"),
        ({"kind": CaseKind.DENUNCIATION, "procedure": "lan_hai"}, "không thuộc"),
        ({"kind": CaseKind.DENUNCIATION, "accepted": D(2027, 2, 28)}, "không được trước"),
    ],
)
def test_refuses_impossible_cases(kwargs, message):
    # given / when / then
    with pytest.raises(DeadlineError, match=message):
        compute_deadlines(received=D(2027, 3, 1), rules=[], calendar=STATUTORY, **kwargs)


# -- extensions (seeded rules, official calendar) -----------------------------------------------


@pytest.fixture
def denunciation_resolution(db) -> DeadlineRule:
    return DeadlineRule.objects.get(
        kind=CaseKind.DENUNCIATION, procedure="chung", step="giai_quyet"
    )


def test_denunciation_extensions_follow_complexity(denunciation_resolution):
    # given: Luật Tố cáo 2018 Điều 30 k2, NĐ 31/2019 Điều 3 k3
    rule_ = denunciation_resolution
    # when / then
    assert allowed_extensions(rule_) == 0
    assert allowed_extensions(rule_, complex=True) == 1
    assert allowed_extensions(rule_, very_complex=True) == 2


def test_a_complex_denunciation_is_extended_once_by_decision(denunciation_resolution):
    # given: accepted Wed 05/02/2025, due Fri 07/03/2025
    base = by_step(
        compute_deadlines(
            kind=CaseKind.DENUNCIATION, received=D(2025, 1, 20), accepted=D(2025, 2, 5)
        )
    )["giai_quyet"]
    assert base.due == day("2025-03-07 Fri")
    # when
    extended = extend_due(
        rule=denunciation_resolution,
        due=base.due,
        extensions_so_far=0,
        decision="Quyết định 12/QĐ-THTT",
        complex=True,
    )
    # then: Fri 07/03 + 30 = Sun 06/04 → Mon 07/04 Giỗ Tổ → Tue 08/04/2025
    assert extended == day("2025-04-08 Tue")
    with pytest.raises(ExtensionRefused, match="Đã gia hạn đủ 1 lần"):
        extend_due(
            rule=denunciation_resolution,
            due=extended,
            extensions_so_far=1,
            decision="Quyết định 13/QĐ-THTT",
            complex=True,
        )


def test_an_especially_complex_denunciation_is_extended_twice(denunciation_resolution):
    # given / when
    deadlines = by_step(
        compute_deadlines(
            kind=CaseKind.DENUNCIATION,
            received=D(2025, 1, 20),
            accepted=D(2025, 2, 5),
            very_complex=True,
            extensions={
                "giai_quyet": [Extension("Quyết định 12/QĐ-THTT"), Extension("Quyết định 20")]
            },
        )
    )
    # then: Fri 07/03 + 30 + 30 = Tue 06/05/2025
    assert deadlines["giai_quyet"].due == day("2025-05-06 Tue")
    assert deadlines["giai_quyet"].extended_by == (30, 30)
    # a third is refused
    with pytest.raises(ExtensionRefused, match="Đã gia hạn đủ 2 lần"):
        compute_deadlines(
            kind=CaseKind.DENUNCIATION,
            received=D(2025, 1, 20),
            accepted=D(2025, 2, 5),
            very_complex=True,
            extensions={"giai_quyet": [Extension("QĐ 1"), Extension("QĐ 2"), Extension("QĐ 3")]},
        )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"decision": "Quyết định 12/QĐ-THTT"}, "Chỉ được gia hạn khi vụ việc phức tạp"),
        ({"decision": "", "complex": True}, "Gia hạn phải có văn bản"),
        ({"decision": "  ", "complex": True}, "Gia hạn phải có văn bản"),
        ({"decision": "QĐ 12", "complex": True, "days": 31}, "từ 1 đến 30 ngày"),
        ({"decision": "QĐ 12", "complex": True, "days": 0}, "từ 1 đến 30 ngày"),
    ],
)
def test_refused_extensions(denunciation_resolution, kwargs, message):
    # given / when / then
    with pytest.raises(ExtensionRefused, match=message):
        extend_due(rule=denunciation_resolution, due=D(2025, 3, 7), extensions_so_far=0, **kwargs)


def test_a_shorter_extension_is_allowed(denunciation_resolution):
    # given / when: 10 days instead of 30
    extended = extend_due(
        rule=denunciation_resolution,
        due=D(2025, 3, 7),
        extensions_so_far=0,
        decision="QĐ 12",
        days=10,
        complex=True,
    )
    # then: Fri 07/03 + 10 = Mon 17/03
    assert extended == day("2025-03-17 Mon")


def test_an_extension_continues_from_the_last_day_not_the_moved_due(denunciation_resolution):
    # given: accepted Thu 05/03/2026, + 30 = Sat 04/04 → due Mon 06/04/2026
    base = by_step(
        compute_deadlines(
            kind=CaseKind.DENUNCIATION,
            received=D(2026, 3, 2),
            accepted=day("2026-03-05 Thu"),
            complex=True,
            extensions={"giai_quyet": [Extension("QĐ 12")]},
        )
    )["giai_quyet"]
    # when / then: 60 days in all: Thu 05/03 + 60 = Mon 04/05/2026
    assert base.due == day("2026-05-04 Mon")
    assert (
        extend_due(
            rule=denunciation_resolution,
            due=day("2026-04-06 Mon"),
            last_day=day("2026-04-04 Sat"),
            extensions_so_far=0,
            decision="QĐ 12",
            complex=True,
        )
        == base.due
    )


def test_initial_processing_may_run_to_ten_working_days_without_a_decision(db):
    # given: Luật Tố cáo 2018 Điều 24 k1, received Mon 20/01/2025, due Wed 05/02/2025
    # when
    deadlines = by_step(
        compute_deadlines(
            kind=CaseKind.DENUNCIATION,
            received=D(2025, 1, 20),
            extensions={"xu_ly_ban_dau": [Extension(decision="")]},
        )
    )
    # then: 3 more working days: Thu 6, Fri 7, Mon 10/02
    assert deadlines["xu_ly_ban_dau"].due == day("2025-02-10 Mon")
    # … and thụ lý, hence resolution, is projected from it: Mon 10/02 + 30 = Wed 12/03
    assert deadlines["giai_quyet"].projected_due == day("2025-03-12 Wed")


def test_an_information_request_extension_is_counted_in_calendar_days(db):
    # given: Luật Tiếp cận thông tin 2016 Điều 30 k4: 15 working days, + ≤ 15 "ngày"
    # when
    deadlines = by_step(
        compute_deadlines(
            kind=CaseKind.INFORMATION_REQUEST,
            received=D(2025, 4, 25),
            complex=True,
            extensions={"cung_cap": [Extension("Thông báo gia hạn số 3/TB-THTT")]},
        )
    )
    # then: Tue 20/05 + 15 = Wed 04/06/2025
    assert deadlines["cung_cap"].due == day("2025-06-04 Wed")


def test_unknown_step_extension_is_refused(db):
    # given / when / then
    with pytest.raises(DeadlineError, match="Không có bước"):
        compute_deadlines(
            kind=CaseKind.FEEDBACK,
            received=D(2025, 4, 25),
            extensions={"gia_han": [Extension("QĐ")]},
        )


# -- suspension -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "suspended_on", "resumed_on", "unit", "expected"),
    [
        # calendar days: the period ends R − S = 7 days later: Fri 07/03 → Fri 14/03/2025
        ("2025-03-07 Fri", "2025-02-20 Thu", "2025-02-27 Thu", CAL, "2025-03-14 Fri"),
        # suspended and resumed the same day: nothing changes
        ("2025-03-07 Fri", "2025-02-20 Thu", "2025-02-20 Thu", CAL, "2025-03-07 Fri"),
        # suspended after the due date: the period had run out, nothing changes
        ("2025-03-07 Fri", "2025-03-10 Mon", "2025-03-20 Thu", CAL, "2025-03-07 Fri"),
        # suspended on the due date, resumed Tue 11/03: nothing left, due on resumption
        ("2025-03-07 Fri", "2025-03-07 Fri", "2025-03-11 Tue", CAL, "2025-03-11 Tue"),
        # ends on a day off: + 2 = Sun 06/04 → Mon 07/04 Giỗ Tổ → Tue 08/04/2025
        ("2025-04-04 Fri", "2025-03-20 Thu", "2025-03-22 Sat", CAL, "2025-04-08 Tue"),
        # working days: 3 left after Fri 24/01 (Mon 3, Tue 4, Wed 5/02); counted after Mon 03/02
        ("2025-02-05 Wed", "2025-01-24 Fri", "2025-02-03 Mon", WD, "2025-02-06 Thu"),
        # working days across the worked Saturday 22/08/2026: 2 left after Thu 20/08 (Fri 21,
        # Sat 22); resumed Fri 21/08 → Sat 22, Mon 24
        ("2026-08-22 Sat", "2026-08-20 Thu", "2026-08-21 Fri", WD, "2026-08-24 Mon"),
    ],
)
def test_suspension_stops_the_clock(db, due, suspended_on, resumed_on, unit, expected):
    # given / when
    found = suspended_due(day(due), day(suspended_on), day(resumed_on), unit)
    # then
    assert found == day(expected)


def test_suspension_counts_from_the_last_day_before_it_was_moved(db):
    # given: a calendar period whose last day Sat 04/04/2026 moved to Mon 06/04
    # when: suspended Fri 20/03, resumed Mon 23/03 (3 days)
    with_last_day = suspended_due(
        D(2026, 4, 6), D(2026, 3, 20), D(2026, 3, 23), CAL, last_day=D(2026, 4, 4)
    )
    # then: Sat 04/04 + 3 = Tue 07/04, not Mon 06/04 + 3
    assert with_last_day == day("2026-04-07 Tue")


def test_resumption_before_suspension_is_refused(db):
    # given / when / then
    with pytest.raises(DeadlineError, match="không được trước ngày tạm đình chỉ"):
        suspended_due(D(2025, 3, 7), D(2025, 2, 20), D(2025, 2, 19), CAL)


def test_a_suspended_denunciation_moves_only_its_resolution(db):
    # given: accepted Wed 05/02/2025, resolution due Fri 07/03/2025
    kwargs: dict[str, Any] = {
        "kind": CaseKind.DENUNCIATION,
        "received": D(2025, 1, 20),
        "accepted": D(2025, 2, 5),
    }
    # when: suspended Thu 20/02, resumed Thu 06/03 (14 days)
    resumed = by_step(compute_deadlines(**kwargs, suspensions=[(D(2025, 2, 20), D(2025, 3, 6))]))
    # then: Fri 07/03 + 14 = Fri 21/03; the acceptance notice is not suspendable
    assert resumed["giai_quyet"].due == day("2025-03-21 Fri")
    assert resumed["thong_bao_thu_ly"].due == day("2025-02-12 Wed")

    # when: two suspensions, 14 and 3 days
    twice = by_step(
        compute_deadlines(
            **kwargs,
            suspensions=[(D(2025, 3, 10), D(2025, 3, 13)), (D(2025, 2, 20), D(2025, 3, 6))],
        )
    )
    # then: Fri 21/03 + 3 = Mon 24/03
    assert twice["giai_quyet"].due == day("2025-03-24 Mon")

    # when: suspended and not resumed
    stopped = by_step(compute_deadlines(**kwargs, suspensions=[(D(2025, 2, 20), None)]))
    # then: no due date while the clock is stopped, nothing projected from it
    assert stopped["giai_quyet"].due is None
    assert stopped["giai_quyet"].suspended is True
    assert stopped["giai_quyet"].projected_due is None


def test_complaint_suspension_counts_from_1_7_2026_also_for_open_cases_received_before(db):
    # given: accepted Fri 10/07/2026; suspended Mon 20/07, resumed Mon 27/07 (7 days)
    def resolution_due(received: dt.date) -> dt.date | None:
        return by_step(
            compute_deadlines(
                kind=CaseKind.COMPLAINT,
                received=received,
                accepted=D(2026, 7, 10),
                suspensions=[(D(2026, 7, 20), D(2026, 7, 27))],
            )
        )["giai_quyet"].due

    # when / then: from 1/7/2026 (NĐ 155/2026 Điều 28b, unverified): Sun 09/08 + 7 = Sun 16/08
    # → Mon 17/08; a case received on 30/6 and not decided by 1/7 is suspended the same way
    # (the transition clause, NĐ 155/2026 Điều 22 k1), its 30-day limit kept
    assert resolution_due(D(2026, 7, 1)) == day("2026-08-17 Mon")
    assert resolution_due(D(2026, 6, 30)) == day("2026-08-17 Mon")
    # a suspension decided before 1/7/2026 stops nothing: Luật KN 2011 had no tạm đình chỉ
    before = by_step(
        compute_deadlines(
            kind=CaseKind.COMPLAINT,
            received=D(2026, 6, 1),
            accepted=D(2026, 6, 2),
            suspensions=[(D(2026, 6, 20), D(2026, 6, 27))],
        )
    )
    assert before["giai_quyet"].due == day("2026-07-02 Thu")
