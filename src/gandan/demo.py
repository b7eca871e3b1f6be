"""Builds the whole demo: each app brings its own demo data, in dependency order.

Part of the composition root (beside urls.py): it may import every app. The `demo` command
(core) finds it through the DEMO_BUILDER setting, so that no foundation imports a domain app.
"""

from dataclasses import dataclass

from gandan.democracy import demo as democracy_demo
from gandan.emulation import demo as emulation_demo
from gandan.evaluation import demo as evaluation_demo
from gandan.news import demo as news_demo
from gandan.orgs import demo as orgs_demo
from gandan.orgs.models import Organisation
from gandan.petitions import demo as petitions_demo
from gandan.plans import demo as plans_demo
from gandan.reports import demo as reports_demo
from gandan.reports.refresh import refresh_indicators
from gandan.surveys import demo as surveys_demo


@dataclass(frozen=True)
class DemoResult:
    school: Organisation
    accounts: list[orgs_demo.DemoAccount]
    password: str


def build_all() -> DemoResult:
    school = orgs_demo.build()
    neighbours = orgs_demo.build_neighbours()
    plans_demo.build(school)
    # The Sở's Kế hoạch 81/KH-SGDĐT that the seed implements, sent to the ward's schools.
    plans_demo.demo_cascade(school, neighbours)
    # The ward's 6-month request of 2026 (June), before the school's later 2026 documents.
    ward = school.parent
    assert ward is not None
    reports_demo.build_demo(authority=ward, on_time=[school, neighbours[0]], late=[neighbours[1]])
    # Register numbers follow the order of issue dates (Nghị định 30/2020, Điều 15 k1): the
    # conference of October comes before the cases of November.
    democracy_demo.build(school)
    petitions_demo.build(school)
    evaluation_demo.build(school)
    surveys_demo.build(school)
    emulation_demo.build(school)
    news_demo.build(school)
    for profile, neighbour in enumerate(neighbours):
        head, teacher = orgs_demo.neighbour_staff(neighbour)
        petitions_demo.build_neighbour(neighbour, profile=profile, head=head, teacher=teacher)
    # The roll-ups the ward and the Sở read (rerunnable; the worker refreshes them later).
    refresh_indicators(full=True)
    return DemoResult(
        school=school, accounts=orgs_demo.DEMO_ACCOUNTS, password=orgs_demo.DEMO_PASSWORD
    )
