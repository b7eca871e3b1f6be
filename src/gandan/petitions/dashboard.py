"""The head's view of cases: counts, what is due, what is late, how often the school was on
time. Every figure is one aggregate query in the database, whatever the number of cases."""

import datetime as dt
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import TruncMonth

from gandan.orgs.models import Organisation
from gandan.petitions.models import OPEN_STATUSES, Case, CaseDeadline, CaseKind, CaseStatus


def counts_by_kind_and_status(school: Organisation) -> list[dict[str, Any]]:
    """Rows {kind, label, counts: {status: n}, open, total, cells, linked: [(status, n)]} for
    every kind, one query."""
    found = (
        Case.objects.filter(organisation=school)
        .values("kind", "status")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts: dict[str, dict[str, int]] = {kind: {} for kind in CaseKind.values}
    for found_row in found:
        counts[found_row["kind"]][found_row["status"]] = found_row["n"]
    return [
        {
            "kind": kind,
            "label": label,
            "counts": counts[kind],
            "open": sum(counts[kind].get(status, 0) for status in OPEN_STATUSES),
            "total": sum(counts[kind].values()),
            "cells": [counts[kind].get(status, 0) for status in CaseStatus.values],
            "linked": [(status, counts[kind].get(status, 0)) for status in CaseStatus.values],
        }
        for kind, label in CaseKind.choices
    ]


def pending_steps(school: Organisation):
    return CaseDeadline.objects.filter(
        case__organisation=school,
        is_tracked=True,
        done_on__isnull=True,
        moot=False,
        due__isnull=False,
        case__closed_at__isnull=True,
    ).select_related("case", "case__handler")


def due_soon(school: Organisation, today: dt.date, until: dt.date):
    return pending_steps(school).filter(due__gte=today, due__lte=until).order_by("due")


def overdue(school: Organisation, today: dt.date):
    return pending_steps(school).filter(due__lt=today).order_by("due")


def on_time_by_month(school: Organisation, *, since: dt.date | None = None) -> list[dict]:
    """Per month of resolution: cases resolved, those with every tracked step done by its due
    date, and the rate (%). A case is late if any of its steps was done after its due date."""
    late_step = CaseDeadline.objects.filter(
        case=OuterRef("pk"), is_tracked=True, due__isnull=False, done_on__gt=F("due")
    )
    cases = Case.objects.filter(organisation=school, resolved_on__isnull=False)
    if since is not None:
        cases = cases.filter(resolved_on__gte=since)
    found = (
        cases.annotate(month=TruncMonth("resolved_on"), late=Exists(late_step))
        .values("month")
        .annotate(total=Count("id"), on_time=Count("id", filter=Q(late=False)))
        .order_by("month")
    )
    return [
        {
            "month": row["month"],
            "total": row["total"],
            "on_time": row["on_time"],
            "rate": round(100 * row["on_time"] / row["total"]) if row["total"] else None,
        }
        for row in found
    ]


def satisfaction(school: Organisation) -> dict:
    return Case.objects.filter(organisation=school, satisfaction__isnull=False).aggregate(
        rated=Count("id"),
        satisfied=Count("id", filter=Q(satisfaction__gte=4)),
        contested=Count("id", filter=Q(contested=True)),
    )
