"""Where a plan's long text is shortened for a label or a timeline line, it ends between words
with "…" (a Vietnamese word cut in the middle reads as another word)."""

import datetime as dt
import re

import pytest

from gandan.plans import services
from gandan.plans.forms import ItemChoiceField
from gandan.plans.models import Plan, PlanEventKind, TaskItem
from gandan.plans.tests import factories


@pytest.fixture
def plan(school, principal) -> Plan:
    return factories.import_seed(school, principal)


def _ends_between_words(short: str, full: str) -> bool:
    assert short.endswith("…"), short
    kept = short[:-1]
    return full.startswith(kept) and (len(kept) == len(full) or not full[len(kept)].isalnum())


def _long_item(plan: Plan, longer_than: int) -> TaskItem:
    items = TaskItem.objects.filter(task__plan=plan).order_by("task__number", "order")
    return next(item for item in items if len(item.text) > longer_than)


def test_an_items_label_and_name_end_between_words(plan):
    # given
    item = _long_item(plan, 120)
    # when
    label = ItemChoiceField(queryset=TaskItem.objects.none()).label_from_instance(item)
    # then
    assert len(label) <= 120 and _ends_between_words(label, item.text)
    assert len(str(item)) <= 80 and _ends_between_words(str(item), item.text)


def test_the_assignment_line_of_the_timeline_ends_between_words(plan, principal, teacher):
    # given
    item = _long_item(plan, 80)
    # when
    services.assign_task(
        task=item.task, item=item, actor=principal, assignee=teacher, due_date=dt.date(2030, 6, 1)
    )
    # then
    event = plan.events.filter(kind=PlanEventKind.ASSIGNED).get()
    quoted = re.search(r"“(.*)”", event.summary)
    assert quoted is not None and _ends_between_words(quoted.group(1), item.text)
