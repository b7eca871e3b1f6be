"""Citizen cases and their stored due dates.

The facts of each case (kind, channel, dates of receipt, acceptance, decision, sending,
publication and closure, rating, contest) are generated in Python, shaped by the rules in force
and the school's punctuality, then cut at today: what would come later has not happened yet.
Every step's due date is then computed by the database from the rules table
(`petitions.DeadlineRule`) and a table of the calendar's answers, one INSERT … SELECT per batch
of schools, as `petitions.services.timing.store_deadlines` would store it.
"""

import datetime as dt
import itertools
import uuid
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.db import connection, transaction

from gandan.petitions.models import (
    DEFAULT_PROCEDURE,
    OPEN_STATUSES,
    Case,
    CaseDeadline,
    CaseEventKind,
    CaseKind,
    CaseStatus,
    Channel,
    DeadlineRule,
    DenouncerIdentity,
)
from gandan.petitions.models.rules import OpenCases
from gandan.petitions.secrecy import seal
from gandan.petitions.services.intake import CONSENT_VERSION, INFORMATION_PROCEDURE
from gandan.petitions.services.timing import STEP_DONE_BY, STEP_MOOT_ON
from gandan.reports.province.context import Province, School
from gandan.reports.province.rows import RowWriter
from gandan.reports.province.vocabulary import (
    ANONYMOUS_SHARE,
    CHANNEL_MIX,
    CONTESTED_SHARE,
    KIND_MIX,
    MONTH_WEIGHT,
    RATED_SHARE,
    RATINGS_LATE,
    RATINGS_ON_TIME,
    REFUSED_SHARE,
    STUCK_SHARE,
    TITLES,
    weighted,
)

SCHOOLS_PER_BATCH = 50
TRACKING_DIGITS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
DAY_TABLE = "synth_province_day"


class CaseMaker:
    """Generates one school's cases after another; tracking codes run on for the province."""

    def __init__(self, ctx: Province) -> None:
        self.ctx = ctx
        self.rng, self.today, self.now, self.days = ctx.rng, ctx.today, ctx.now, ctx.days
        self.first_day, self.rules, self.names = ctx.first_day, ctx.rules, ctx.names
        self.schools, self.spec, self.result = ctx.schools, ctx.spec, ctx.result
        self.progress, self.stamp, self.zone = ctx.progress, ctx.stamp, ctx.zone
        # "0" is never in a real code (petitions.services.intake TRACKING_ALPHABET).
        self._tracking_stem = "0" + "".join(self.rng.choice(TRACKING_DIGITS) for _ in range(3))
        self._tracking_next = 0

    def allot_cases(self) -> None:
        """Share the cases among schools, unevenly (larger schools hear more), summing to C."""
        weights = [self.rng.lognormvariate(0, 0.5) for _ in self.schools]
        total = sum(weights)
        shares = [self.spec.cases * w / total for w in weights]
        for school, share in zip(self.schools, shares, strict=True):
            school.cases = int(share)
        rest = self.spec.cases - sum(s.cases for s in self.schools)
        by_fraction = sorted(
            range(len(self.schools)), key=lambda i: shares[i] - int(shares[i]), reverse=True
        )
        for index in by_fraction[:rest]:
            self.schools[index].cases += 1

    def tracking_code(self) -> str:
        n = self._tracking_next
        self._tracking_next += 1
        digits = []
        for _ in range(6):
            n, rest = divmod(n, 32)
            digits.append(TRACKING_DIGITS[rest])
        return self._tracking_stem + "".join(reversed(digits))

    def received_day(self) -> dt.date:
        span = (self.today - self.first_day).days
        while True:
            day = self.first_day + dt.timedelta(days=self.rng.randrange(span + 1))
            if self.rng.random() * 1.6 < MONTH_WEIGHT[day.month - 1]:
                return day

    def case_rows(self, school: School) -> Iterator[tuple[Any, ...]]:
        for _ in range(school.cases):
            yield self.case_row(school)

    def _step_date(self, start: dt.date, rule: DeadlineRule, on_time: bool) -> dt.date:
        """When the school did the step: by its due date when on time, 1–6 working days
        after it when late."""
        _last, due = self.days.due(start, rule.unit, rule.limit)
        if on_time:
            return self.days.working_between(start, due, self.rng) if due > start else due
        return self.days.add_working(due, self.rng.randint(1, 6))

    def case_row(self, school: School) -> tuple[Any, ...]:
        rng, today, days = self.rng, self.today, self.days
        kind = weighted(rng, KIND_MIX)
        channel = weighted(rng, CHANNEL_MIX)
        if kind == CaseKind.INFORMATION_REQUEST:
            procedure = INFORMATION_PROCEDURE[channel]
        else:
            procedure = DEFAULT_PROCEDURE[kind]
        received = self.received_day()
        if channel == Channel.WALK_IN and days.on_or_after(received) <= today:
            received = days.on_or_after(received)
        if kind == CaseKind.DENUNCIATION:
            anonymous = rng.random() < 0.3
        else:
            anonymous = rng.random() < ANONYMOUS_SHARE.get(kind, 0)
        life = self.rules.lifecycle(kind, procedure, received)
        q = school.quality
        late = False

        def step(start: dt.date, rule: DeadlineRule) -> dt.date:
            nonlocal late
            on_time = rng.random() < q
            late = late or not on_time
            return self._step_date(start, rule, on_time)

        status = CaseStatus.RESOLVED
        accepted = resolved = sent = published = closed = None
        if kind == CaseKind.DENUNCIATION and anonymous:
            # Luật Tố cáo 2018, Điều 25: information to consider, not a tố cáo: no time limits.
            status = CaseStatus.CLOSED_UNRESOLVED
            closed = days.add_working(received, rng.randint(3, 20))
        elif life is None:
            status = CaseStatus.RECEIVED
        else:
            first = step(received, life.first)
            roll = rng.random()
            refused = REFUSED_SHARE.get(kind, 0.02)
            if roll < refused:
                status, closed = CaseStatus.REFUSED, first
            elif roll < refused + 0.015:
                status, closed = CaseStatus.TRANSFERRED, first
            elif roll > 0.99:
                status, closed = CaseStatus.WITHDRAWN, days.add_working(received, rng.randint(1, 8))
            else:
                if life.resolve is not None:
                    accepted = first
                    if rng.random() >= STUCK_SHARE:
                        resolved = step(accepted, life.resolve)
                else:
                    resolved = first
            if resolved is not None:
                # resolve_case: a reply accepts, answers and closes at once; a decision or a
                # conclusion is then sent (and published) before the case is closed.
                accepted = accepted or resolved
                follow = {rule.step: step(resolved, rule) for rule in life.after}
                sent = min((d for s, d in follow.items() if s.startswith("gui_")), default=resolved)
                published = min(
                    (d for s, d in follow.items() if s.startswith("cong_khai")), default=None
                )
                closed = max([resolved, sent, *follow.values()])
        # Cut at today: what would come later has not happened yet.
        if closed is not None and closed > today:
            closed = None
        if status == CaseStatus.RESOLVED:
            accepted = accepted if accepted and accepted <= today else None
            resolved = resolved if resolved and resolved <= today else None
            sent = sent if sent and sent <= today and resolved else None
            published = published if published and published <= today and resolved else None
            if resolved is None:
                closed = None
                status = CaseStatus.IN_PROGRESS if accepted else CaseStatus.RECEIVED
        elif closed is None:
            status = CaseStatus.RECEIVED
        contested = False
        contested_at = None
        if (
            status == CaseStatus.RESOLVED
            and closed is not None
            and kind != CaseKind.INFORMATION_REQUEST
            and rng.random() < CONTESTED_SHARE
            and closed + dt.timedelta(days=10) <= today
        ):
            # petitions contest_case: reopened, reviewed, answered again (or still in review).
            when = closed + dt.timedelta(days=rng.randint(1, 10))
            contested, contested_at = True, self.stamp(when, 20)
            review = days.add_working(when, rng.randint(3, 10))
            if review > today:
                resolved = sent = published = closed = None
                status = CaseStatus.IN_PROGRESS if accepted else CaseStatus.RECEIVED
            else:
                resolved = sent = closed = review
                published = review if published else None
        received_at = self.stamp(received, rng.randint(7, 16), rng.randrange(60))
        closed_at = self.stamp(closed, 16, 30) if closed else None
        satisfaction = rated_at = None
        if status == CaseStatus.RESOLVED and closed_at is not None and rng.random() < RATED_SHARE:
            when = closed_at + dt.timedelta(days=rng.randint(0, 7), hours=3)
            if when <= self.now:
                satisfaction = weighted(rng, RATINGS_LATE if late else RATINGS_ON_TIME)
                rated_at = when
        name = ""
        if not anonymous and kind != CaseKind.DENUNCIATION:
            name = self.names.person(rng.random() < 0.6)[0]
        return (
            uuid.uuid4(),
            self.tracking_code(),
            school.pk,
            kind,
            procedure,
            anonymous,
            channel,
            rng.choice(TITLES[kind]),
            "Nội dung vụ việc (dữ liệu mô phỏng).",
            status,
            received_at,
            received,
            accepted,
            resolved,
            sent,
            published,
            closed_at,
            school.head if accepted else None,
            name,
            bool(name),
            received_at if name else None,
            CONSENT_VERSION if name else "",
            "Nhà trường đã trả lời (dữ liệu mô phỏng)." if resolved else "",
            satisfaction,
            rated_at,
            contested,
            "Chưa đồng ý với kết quả (dữ liệu mô phỏng)." if contested else "",
            contested_at,
            "Phòng Văn hóa – Xã hội" if status == CaseStatus.TRANSFERRED else "",
            received_at,
            max(filter(None, [received_at, closed_at, contested_at, rated_at])),
        )

    CASE_COLUMNS = [
        "public_id", "tracking_code", "organisation_id", "kind", "procedure", "is_anonymous",
        "channel", "title", "content", "status", "received_at", "received_on", "accepted_on",
        "resolved_on", "sent_on", "published_on", "closed_at", "handler_id", "contact_name",
        "consent_given", "consent_at", "consent_version", "public_answer",
        "satisfaction", "rated_at", "contested", "contest_reason", "contested_at",
        "transferred_to", "created_at", "updated_at",
    ]  # fmt: skip

    def build_cases(self) -> None:
        self.allot_cases()
        writer = RowWriter(Case, self.CASE_COLUMNS)
        token = seal("Người tố cáo (dữ liệu mô phỏng)")
        self._create_day_table()
        deadlines = identities = 0
        try:
            for start in range(0, len(self.schools), SCHOOLS_PER_BATCH):
                batch = self.schools[start : start + SCHOOLS_PER_BATCH]
                with transaction.atomic():
                    self._fast_commit()
                    writer.write(itertools.chain.from_iterable(self.case_rows(s) for s in batch))
                    ids = [school.pk for school in batch]
                    deadlines += self._insert_deadlines(ids)
                    self._store_next_due(ids)
                    identities += self._insert_identities(ids, token)
                if (start // SCHOOLS_PER_BATCH) % 5 == 4:
                    self.progress(f"  cases: {writer.count:,}")
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP TABLE IF EXISTS {DAY_TABLE}")
        self.result.counts["cases"] = writer.count
        self.result.counts["case_deadlines"] = deadlines
        self.result.counts["denouncer_identities"] = identities

    def _fast_commit(self) -> None:
        if connection.vendor == "postgresql":
            # Synthetic rows: losing the last batch in a crash costs nothing (rebuild).
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit = off")

    def _create_day_table(self) -> None:
        """The calendar's answers for every day a step can start on and every limit in the
        rules table: (day, unit, n) → (last day, due date)."""
        rows = []
        for day in self.days.span:
            for unit, n in sorted(self.rules.limits()):
                last, due = self.days.due(day, unit, n)
                rows.append((day, unit, n, last, due))
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {DAY_TABLE}")
            cursor.execute(
                f"CREATE TEMPORARY TABLE {DAY_TABLE} (day date NOT NULL, unit varchar(12) NOT "
                "NULL, n integer NOT NULL, last_day date NOT NULL, due date NOT NULL)"
            )
            cursor.executemany(f"INSERT INTO {DAY_TABLE} VALUES (%s, %s, %s, %s, %s)", rows)
            cursor.execute(f"CREATE INDEX {DAY_TABLE}_key ON {DAY_TABLE} (unit, n, day)")
            cursor.execute(f"ANALYZE {DAY_TABLE}")

    def _local_date(self, column: str) -> str:
        if connection.vendor == "postgresql":
            return f"CAST(({column} AT TIME ZONE '{settings.TIME_ZONE}') AS date)"
        offset = self.now.astimezone(self.zone).utcoffset() or dt.timedelta()
        return f"date({column}, '{int(offset.total_seconds() // 60):+d} minutes')"

    def _done_expression(self) -> str:
        """The day each tracked step was done: the first action that fulfils it
        (petitions.services.timing.complete_steps), from the case's stored dates."""
        closed_on = self._local_date("c.closed_at")
        by_action = {
            CaseEventKind.ACCEPTED: "c.accepted_on",
            CaseEventKind.REFUSED: f"CASE WHEN c.status = 'refused' THEN {closed_on} END",
            CaseEventKind.TRANSFERRED: f"CASE WHEN c.status = 'transferred' THEN {closed_on} END",
            CaseEventKind.RESOLVED: "c.resolved_on",
            CaseEventKind.SENT: "c.sent_on",
            CaseEventKind.PUBLISHED: "c.published_on",
            CaseEventKind.CLOSED: f"CASE WHEN c.status = 'resolved' THEN {closed_on} END",
        }
        branches = []
        for step, actions in sorted(STEP_DONE_BY.items()):
            # In the order the actions happen, so that COALESCE gives the first.
            found = [expression for action, expression in by_action.items() if action in actions]
            if found:
                branches.append(f"WHEN '{step}' THEN COALESCE({', '.join(found)}, NULL)")
        return f"CASE r.step {' '.join(branches)} ELSE NULL END"

    def _insert_deadlines(self, school_ids: list[int]) -> int:
        """Every step of every case of these schools, as `petitions.services.timing.
        store_deadlines` would store it: the rules in force on the receipt date, each step's
        period counted from its start event (or from the previous step's due date), the order
        among the steps that apply, what is tracked, done and moot."""
        q = connection.ops.quote_name
        moot_steps = ", ".join(f"'{step}'" for step in STEP_MOOT_ON)
        tracked = ", ".join(f"'{step}'" for step in STEP_DONE_BY)
        marks = ", ".join(["%s"] * len(school_ids))
        # A later version's step carried over to the open cases replaces the old one.
        carried_over = (
            f"SELECT 1 FROM {DeadlineRule._meta.db_table} later WHERE later.kind = r.kind "
            "AND later.procedure = r.procedure AND later.step = r.step "
            f"AND later.open_cases = '{OpenCases.STEP.value}' AND later.complex_only = FALSE "
            "AND later.valid_from > c.received_on "
            "AND (c.resolved_on IS NULL OR c.resolved_on >= later.valid_from)"
        )
        # Two materialised steps, so that the calendar table is joined on plain columns (a
        # hash join) whatever the planner's statistics say in the middle of a build.
        sql = f"""
            INSERT INTO {CaseDeadline._meta.db_table}
                (case_id, step, step_label, {q("order")}, due, last_day, projected_due, unit,
                 {q("limit")}, citation, needs_verification, is_internal_policy, is_tracked,
                 suspended, done_on, moot)
            WITH base AS MATERIALIZED (
                SELECT c.id AS case_id, r.step, r.step_label, r.{q("order")} AS rule_order,
                       r.unit, r.{q("limit")} AS n, r.citation, r.needs_verification,
                       r.is_internal_policy, r.starts_from,
                       CASE r.starts_from
                           WHEN 'received' THEN c.received_on
                           WHEN 'accepted' THEN c.accepted_on
                           WHEN 'decision_issued' THEN c.resolved_on END AS start_day,
                       {self._done_expression()} AS done_on,
                       (c.accepted_on IS NOT NULL OR c.resolved_on IS NOT NULL
                        OR c.status = 'refused') AS handled,
                       (c.closed_at IS NOT NULL) AS ended
                FROM {Case._meta.db_table} c
                JOIN {DeadlineRule._meta.db_table} r
                  ON r.kind = c.kind AND r.procedure = c.procedure AND r.complex_only = FALSE
                 AND ((r.valid_from <= c.received_on
                       AND (r.valid_to IS NULL OR r.valid_to >= c.received_on)
                       AND NOT EXISTS ({carried_over}))
                      -- petitions.deadlines.rules_for_case: a later version's transition clause
                      -- brings its step to a case received before it and not decided by then.
                      OR (r.open_cases = '{OpenCases.STEP.value}' AND r.valid_from > c.received_on
                          AND (c.resolved_on IS NULL OR c.resolved_on >= r.valid_from)))
                WHERE c.organisation_id IN ({marks})
                  AND NOT (c.kind = 'to_cao' AND c.is_anonymous)
            ),
            timed AS MATERIALIZED (
                SELECT base.*, d.due, d.last_day,
                       ROW_NUMBER() OVER steps - 1 AS position,
                       LAG(d.due) OVER steps AS previous_due
                FROM base LEFT JOIN {DAY_TABLE} d
                  ON d.unit = base.unit AND d.n = base.n AND d.day = base.start_day
                WINDOW steps AS (PARTITION BY base.case_id ORDER BY base.rule_order, base.step)
            )
            SELECT t.case_id, t.step, t.step_label, t.position,
                   COALESCE(t.due, p.due), COALESCE(t.last_day, p.last_day), NULL, t.unit, t.n,
                   t.citation, t.needs_verification, t.is_internal_policy,
                   CASE WHEN t.step IN ({tracked}) THEN TRUE ELSE FALSE END,
                   FALSE,
                   t.done_on,
                   CASE WHEN t.done_on IS NOT NULL THEN FALSE
                        WHEN t.step IN ({moot_steps}) AND t.handled THEN TRUE
                        WHEN t.ended THEN TRUE
                        ELSE FALSE END
            FROM timed t
            -- Luật Khiếu nại 2011, Điều 33: a period counted from the previous step's due date.
            LEFT JOIN {DAY_TABLE} p
              ON t.starts_from = 'previous_step_due' AND p.unit = t.unit AND p.n = t.n
             AND p.day = t.previous_due
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, school_ids)
            return cursor.rowcount

    def _store_next_due(self, school_ids: list[int]) -> None:
        """petitions.services.timing.refresh_next_due for the open cases of these schools."""
        table, q = CaseDeadline._meta.db_table, connection.ops.quote_name
        pending = (
            f"FROM {table} d WHERE d.case_id = {Case._meta.db_table}.id AND d.is_tracked "
            "AND d.done_on IS NULL AND NOT d.moot AND d.due IS NOT NULL"
        )
        marks = ", ".join(["%s"] * len(school_ids))
        statuses = ", ".join(["%s"] * len(OPEN_STATUSES))
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                UPDATE {Case._meta.db_table}
                SET next_due = (SELECT MIN(d.due) {pending}),
                    next_step = COALESCE((SELECT d.step_label {pending}
                                          ORDER BY d.due, d.{q("order")} LIMIT 1), '')
                WHERE organisation_id IN ({marks}) AND status IN ({statuses})
                """,
                [*school_ids, *OPEN_STATUSES],
            )

    def _insert_identities(self, school_ids: list[int], token: str) -> int:
        """The sealed identity of every named denunciation (one shared synthetic token)."""
        marks = ", ".join(["%s"] * len(school_ids))
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {DenouncerIdentity._meta.db_table}
                    (case_id, name_token, address_token, phone_token, email_token,
                     id_number_token, original_content_token, created_at)
                SELECT id, %s, '', '', '', '', '', received_at FROM {Case._meta.db_table}
                WHERE organisation_id IN ({marks}) AND kind = 'to_cao' AND NOT is_anonymous
                """,
                [token, *school_ids],
            )
            return cursor.rowcount


def build_cases(ctx: Province) -> None:
    CaseMaker(ctx).build_cases()
