"""A synthetic province for measuring the authority tier at scale (`gandan build_province`).

The shape is Hải Phòng's after the 2025 merger (LAW.md §8): one Sở GD&ĐT that guides every
school professionally (`guided_by`), M wards (UBND xã/phường, roots of the tree) that each
manage about 15 schools (`parent`), staff with their roles, and two years of the school's own
work: citizen cases with their stored due dates, disclosures, one implementing plan per school
with tasks and assignments, and a small parents' survey each.

How the rows are made:
- every fact is generated in Python from a seeded random source and the working calendar
  (`gandan.worktime.days` bulk helpers, cached), then streamed into the tables: COPY through
  psycopg's `cursor.copy()` on PostgreSQL, batched `executemany` on SQLite (bulk_create would
  overwrite the `auto_now_add` timestamps the history needs);
- every case step's due date is computed by the database from the real rules table
  (`petitions.DeadlineRule`, the version in force on the receipt date, as
  `petitions.deadlines.compute_deadlines` does) joined with a table of calendar answers
  ("n working days after d", "the working day on or after d + n"), so that a province of a
  million cases gets its millions of `CaseDeadline` rows in one INSERT … SELECT per batch;
- the steps' done dates follow the actions that fulfil them (`petitions.services.timing`
  STEP_DONE_BY), pending steps of a closed case are moot, `Case.next_due` is the earliest
  pending tracked due date.

What is simplified, on purpose: no case timeline events, no attachments, no extension or
suspension, no complex cases (their limits would need a written decision), no projected due
dates (shown only, never a deadline); issued plans have a number but no register document;
tracking codes start with "0", a character real codes never use (`petitions.services.intake`
TRACKING_ALPHABET), so that no synthetic case can be looked up by the public.

Synthetic rows are not audited row by row: the audit chain gets one event for the build (and
one for a wipe), written through `audit.services.record_event`, so it stays valid. A province
whose organisations or accounts appear in the audit log (somebody worked in it) is not wiped.
"""

import time
from collections.abc import Callable

from django.db import connection, transaction

from gandan.audit.models import Action
from gandan.audit.services import record_event
from gandan.core.language import in_vietnamese
from gandan.core.vietnamese import format_number
from gandan.democracy.models import DisclosureItem
from gandan.orgs.models import Membership, Organisation, User
from gandan.petitions.models import Case, CaseDeadline, DenouncerIdentity
from gandan.plans.models import Assignment, Plan, PlanTask, ProgressUpdate
from gandan.reports.models import UnitMonth, UnitStatus
from gandan.reports.province.cases import build_cases
from gandan.reports.province.context import Province
from gandan.reports.province.school_work import build_disclosures, build_plans, build_surveys
from gandan.reports.province.spec import (
    ProvinceExists,
    ProvinceInUse,
    ProvinceResult,
    ProvinceSpec,
    department_slug,
    province_organisations,
    province_users,
    school_slug,
    ward_slug,
)
from gandan.reports.province.tree import build_people, build_tree
from gandan.reports.province.wipe import wipe_province
from gandan.reports.refresh import refresh_indicators
from gandan.surveys.models import Answer, Question, Response, Survey


def _analyze() -> None:
    if connection.vendor != "postgresql":
        return
    tables = [
        Organisation, User, Membership, Case, CaseDeadline, DenouncerIdentity, DisclosureItem,
        Plan, PlanTask, Assignment, ProgressUpdate, Survey, Question, Response, Answer,
        UnitMonth, UnitStatus,
    ]  # fmt: skip
    with connection.cursor() as cursor:
        for model in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


@in_vietnamese
def build_province(
    *,
    spec: ProvinceSpec,
    replace: bool = False,
    refresh: bool = True,
    progress: Callable[[str], None] = lambda line: None,
) -> ProvinceResult:
    """Build the synthetic province `spec` describes, then refresh the indicators in full.

    Preconditions: the rules tables are seeded (migrations). Raises `ProvinceExists` when a
    province with this prefix exists and `replace` is False, `ProvinceInUse` when replacing one
    the audit log refers to. Each batch of schools is its own transaction: a failed build is
    finished by running again with `replace`.
    """
    spec.check()
    started = time.perf_counter()
    exists = province_organisations(spec.prefix).exists() or province_users(spec.prefix).exists()
    if exists and not replace:
        raise ProvinceExists(spec.prefix)
    ctx = Province(spec, progress)
    if exists:
        with transaction.atomic():
            wiped = wipe_province(spec.prefix)
            record_event(
                action=Action.CHANGE,
                summary=f"Xóa tỉnh mô phỏng «{spec.prefix}» để dựng lại "
                f"({format_number(wiped.get('cases', 0))} vụ việc; dữ liệu mô phỏng không ghi "
                "nhật ký từng dòng)",
            )
        ctx.phase("wipe", started)
    for name, step in [
        ("tree", build_tree),
        ("people", build_people),
        ("cases", build_cases),
        ("disclosures", build_disclosures),
        ("plans", build_plans),
        ("surveys", build_surveys),
    ]:
        phase_started = time.perf_counter()
        if name == "cases":
            step(ctx)  # one transaction per batch of schools
        else:
            with transaction.atomic():
                step(ctx)
        ctx.phase(name, phase_started)
    counts = ctx.result.counts
    with transaction.atomic():
        record_event(
            action=Action.CREATE,
            summary=f"Dựng tỉnh mô phỏng «{spec.prefix}»: "
            f"{format_number(counts['organisations'])} tổ chức, "
            f"{format_number(counts['users'])} tài khoản, "
            f"{format_number(counts['cases'])} vụ việc (dữ liệu mô phỏng không ghi nhật ký "
            "từng dòng)",
            changes={"spec": {k: str(v) for k, v in spec.__dict__.items()}, "counts": counts},
        )
    phase_started = time.perf_counter()
    _analyze()
    ctx.phase("analyze", phase_started)
    if refresh:
        phase_started = time.perf_counter()
        refreshed = refresh_indicators(full=True, today=ctx.today)
        counts["refreshed_schools"] = refreshed.schools
        ctx.phase("refresh", phase_started)
        _analyze()
    ctx.result.timings["total"] = time.perf_counter() - started
    return ctx.result


__all__ = [
    "ProvinceExists",
    "ProvinceInUse",
    "ProvinceResult",
    "ProvinceSpec",
    "build_province",
    "department_slug",
    "province_organisations",
    "province_users",
    "school_slug",
    "ward_slug",
    "wipe_province",
]
