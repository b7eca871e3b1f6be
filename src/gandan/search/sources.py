"""What is indexed, and who may see each kind: the registry of sources.

Each source says what of one domain model goes into the index (`entry`, None when the object
is not to be found at all), every object to index (`rows`, for `reindex_search`), and who may
see its entries, as a condition on the entries built from the source app's OWN access
predicates and querysets (never a second permission system): `staff` for a signed-in person,
`public` for anyone. The conditions take the organisations of the page's candidate entries,
so the predicates are asked per organisation, never per entry.

What is stored is what the source's pages show to everyone who may open it: a case by its
code, title and kind only (never its sender, contacts, content or sealed data); a document of
the register by number, symbol and summary, never a secret one.

Another app's model joins the index with `register(Source(...))` in this module (see
`news_source`), and search/apps.py connects it.
"""

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db.models import Q
from django.http import Http404
from django.utils import translation
from django.utils.functional import Promise
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from gandan.core.vietnamese import shorten
from gandan.orgs import access as org_access
from gandan.orgs.models import Organisation, OrgKind, User

TEXT_LIMIT = 20_000  # characters of a long text kept for matching
SUMMARY_LIMIT = 200


@dataclass(frozen=True)
class Entry:
    """What one object puts in the index (search.models.SearchEntry, before folding)."""

    organisation_id: int
    title: str
    text: str  # words found besides the title
    summary: str
    updated_at: dt.datetime
    links: dict[str, list[Any]]  # "staff" / "public": [url name, [args], {query}?]
    access_pk: int
    public: bool = False


Visibility = Callable[[User, Sequence[Organisation]], Q | None]
PublicVisibility = Callable[[Sequence[Organisation], dt.date], Q | None]


@dataclass(frozen=True)
class Source:
    kind: str
    label: str | Promise
    model: str  # "app_label.ModelName"
    entry: Callable[[Any], Entry | None]
    rows: Callable[[], Iterable[Any]]
    staff: Visibility
    public: PublicVisibility | None = None

    def key(self, pk: object) -> str:
        return f"{self.kind}:{pk}"


SOURCES: dict[str, Source] = {}


def register(source: Source) -> Source:
    SOURCES[source.kind] = source
    return source


def _vi(text: object) -> str:
    # Stored text is Vietnamese whatever the language of the request that saved the object.
    with translation.override("vi"):
        return str(text)


def _any_of(conditions: Iterable[Q]) -> Q | None:
    result: Q | None = None
    for condition in conditions:
        result = condition if result is None else result | condition
    return result


def _viewable(user: User, organisations: Sequence[Organisation]) -> list[Organisation]:
    """Of the candidates' organisations, those whose staff pages the user may open
    (orgs.access.can_view_organisation: from the roles loaded once per request)."""
    return [org for org in organisations if org_access.can_view_organisation(user, org)]


def _public_schools(organisations: Sequence[Organisation]) -> list[Organisation]:
    # The public pages are a school's (orgs.access.active_school_or_404).
    return [org for org in organisations if org.kind == OrgKind.SCHOOL and org.is_active]


# --- petitions: cases ------------------------------------------------------------------------


def _case_entry(case: Any) -> Entry:
    kind = _vi(case.get_kind_display())
    return Entry(
        organisation_id=case.organisation_id,
        title=case.title,
        text=f"{case.display_code} {case.tracking_code} {kind}",
        summary=f"{kind} · {case.display_code}",
        updated_at=case.updated_at,
        links={"staff": ["petitions:detail", [str(case.public_id)]]},
        access_pk=case.pk,
    )


def _case_rows() -> Iterable[Any]:
    from gandan.petitions.models import Case

    return Case.objects.all()


def _case_staff(user: User, organisations: Sequence[Organisation]) -> Q | None:
    # The case list's own predicate: case_register_of + visible_cases.
    from gandan.petitions import access

    try:
        holder = access.case_register_of(user)
    except Http404:
        return None
    return Q(kind="petitions.case", access_pk__in=access.visible_cases(user, holder).values("pk"))


register(
    Source(
        kind="petitions.case",
        label=_("Đơn thư"),
        model="petitions.Case",
        entry=_case_entry,
        rows=_case_rows,
        staff=_case_staff,
    )
)


# --- plans: plans and their tasks ------------------------------------------------------------

PLAN_KINDS = ("plans.plan", "plans.task")


def _plan_entry(plan: Any) -> Entry:
    return Entry(
        organisation_id=plan.organisation_id,
        title=plan.title,
        text=f"{plan.number_symbol} {plan.year}",
        summary=" · ".join(
            part for part in (plan.number_symbol, _vi(plan.get_status_display())) if part
        ),
        updated_at=plan.updated_at,
        links={"staff": ["plans:detail", [str(plan.public_id)]]},
        access_pk=plan.pk,
    )


def _task_entry(task: Any) -> Entry:
    plan = task.plan
    return Entry(
        organisation_id=plan.organisation_id,
        title=shorten(task.heading, 500),
        text=f"{task.number} {task.lead} {plan.number_symbol}",
        summary=shorten(plan.title, SUMMARY_LIMIT),
        updated_at=plan.updated_at,
        links={"staff": ["plans:detail", [str(plan.public_id)]]},
        access_pk=plan.pk,
    )


def _plan_rows() -> Iterable[Any]:
    from gandan.plans.models import Plan

    return Plan.objects.all()


def _task_rows() -> Iterable[Any]:
    from gandan.plans.models import PlanTask

    return PlanTask.objects.select_related("plan")


def _plan_staff(user: User, organisations: Sequence[Organisation]) -> Q | None:
    # plans.access.access_plan: staff of the plan's organisation and the authorities above it
    # (can_view_organisation), or staff of a school an authority's plan was sent to (its
    # _sent_to_users_school, here for every plan at once).
    from gandan.plans.models import ImplementationRequest

    viewable = [org.pk for org in _viewable(user, organisations)]
    condition = Q(kind__in=PLAN_KINDS, organisation__in=viewable)
    schools = {grant.school_path for grant in org_access.grants(user) if grant.school_path}
    if schools:
        sent = ImplementationRequest.objects.filter(
            organisation__path__in=schools, parent_plan__organisation__kind__in=_authority_kinds()
        ).values("parent_plan_id")
        condition |= Q(kind__in=PLAN_KINDS, access_pk__in=sent)
    return condition


def _authority_kinds() -> list[str]:
    from gandan.orgs.models import AUTHORITY_KINDS

    return list(AUTHORITY_KINDS)


register(
    Source(
        kind="plans.plan",
        label=_("Kế hoạch"),
        model="plans.Plan",
        entry=_plan_entry,
        rows=_plan_rows,
        staff=_plan_staff,
    )
)
register(
    Source(
        kind="plans.task",
        label=_("Nhiệm vụ"),
        model="plans.PlanTask",
        entry=_task_entry,
        rows=_task_rows,
        staff=lambda user, organisations: None,  # covered by plans.plan's condition
    )
)


# --- paperwork: the outgoing-document register -----------------------------------------------


def _document_entry(document: Any) -> Entry | None:
    if document.is_secret:  # Nghị định 30/2020, Điều 15 k1: never read in the register
        return None
    return Entry(
        organisation_id=document.organisation_id,
        title=document.summary,
        text=f"{document.number_symbol} {_vi(document.get_doc_type_display())}",
        summary=f"{document.number_symbol} · {document.issued_on:%d/%m/%Y}",
        updated_at=document.updated_at,
        links={
            "staff": [
                "paperwork:register",
                [document.organisation.slug],
                {"nam": str(document.year)},
            ]
        },
        access_pk=document.pk,
    )


def _document_rows() -> Iterable[Any]:
    from gandan.paperwork.models import OutgoingDocument

    return OutgoingDocument.objects.filter(is_secret=False).select_related("organisation")


def _document_staff(user: User, organisations: Sequence[Organisation]) -> Q | None:
    from gandan.paperwork.access import may_read_register

    readable = [org.pk for org in organisations if may_read_register(user, org)]
    return Q(kind="paperwork.document", organisation__in=readable) if readable else None


register(
    Source(
        kind="paperwork.document",
        label=_("Văn bản đi"),
        model="paperwork.OutgoingDocument",
        entry=_document_entry,
        rows=_document_rows,
        staff=_document_staff,
    )
)


# --- democracy: disclosures ------------------------------------------------------------------


def _disclosure_entry(item: Any) -> Entry:
    from gandan.democracy.models import Audience

    school = item.organisation
    is_public = item.obligation.audience == Audience.PUBLIC and item.is_published
    links: dict[str, list[Any]] = {"staff": ["democracy:item", [str(item.public_id)]]}
    if is_public:
        links["public"] = ["democracy:public_item", [school.slug, str(item.public_id)]]
    body = strip_tags(item.body)
    return Entry(
        organisation_id=item.organisation_id,
        title=item.title,
        text=f"{item.decision_reference} {body[:TEXT_LIMIT]}",
        summary=shorten(body or item.obligation.title, SUMMARY_LIMIT),
        updated_at=item.updated_at,
        links=links,
        access_pk=item.pk,
        public=is_public,
    )


def _disclosure_rows() -> Iterable[Any]:
    from gandan.democracy.models import DisclosureItem

    return DisclosureItem.objects.select_related("organisation", "obligation")


def _disclosure_staff(user: User, organisations: Sequence[Organisation]) -> Q | None:
    # democracy.access: can_read the school, then visible_items (published ones for staff,
    # every item for supervisors and the authorities above).
    from gandan.democracy import access

    return _any_of(
        Q(
            kind="democracy.disclosure",
            organisation=school,
            access_pk__in=access.visible_items(user, school).values("pk"),
        )
        for school in _viewable(user, organisations)
        if school.kind == OrgKind.SCHOOL and access.can_read(user, school)
    )


def _disclosure_public(organisations: Sequence[Organisation], today: dt.date) -> Q | None:
    from gandan.democracy import access

    return _any_of(
        Q(
            kind="democracy.disclosure",
            organisation=school,
            access_pk__in=access.public_items(school, today).values("pk"),
        )
        for school in _public_schools(organisations)
    )


register(
    Source(
        kind="democracy.disclosure",
        label=_("Công khai"),
        model="democracy.DisclosureItem",
        entry=_disclosure_entry,
        rows=_disclosure_rows,
        staff=_disclosure_staff,
        public=_disclosure_public,
    )
)


# --- emulation: the published stories of recognised Dân vận khéo models ----------------------


def _story_entry(recognition: Any) -> Entry | None:
    if not recognition.publish_publicly or not recognition.story:
        return None
    registration = recognition.registration
    school = registration.campaign.organisation
    link = ["emulation:public_story", [school.slug, str(recognition.public_id)]]
    return Entry(
        organisation_id=school.pk,
        title=registration.title,
        text=recognition.story[:TEXT_LIMIT],
        summary=shorten(recognition.story, SUMMARY_LIMIT),
        updated_at=recognition.published_at or recognition.updated_at,
        links={"staff": link, "public": link},
        access_pk=recognition.pk,
        public=True,
    )


def _story_rows() -> Iterable[Any]:
    from gandan.emulation.models import Recognition

    return Recognition.objects.filter(publish_publicly=True).select_related(
        "registration__campaign__organisation"
    )


def _story_condition(schools: Iterable[Organisation]) -> Q | None:
    from gandan.emulation import access

    return _any_of(
        Q(
            kind="emulation.story",
            organisation=school,
            access_pk__in=access.published_stories(school).values("pk"),
        )
        for school in schools
    )


register(
    Source(
        kind="emulation.story",
        label=_("Dân vận khéo"),
        model="emulation.Recognition",
        entry=_story_entry,
        rows=_story_rows,
        # Staff find the stories of their own school (and the schools below their authority).
        staff=lambda user, organisations: _story_condition(
            _public_schools(_viewable(user, organisations))
        ),
        public=lambda organisations, today: _story_condition(_public_schools(organisations)),
    )
)


# --- news: published posts (the news app, when its model is installed) ----------------------


def _post_entry(post: Any) -> Entry | None:
    from gandan.news.models import PostStatus

    if post.status != PostStatus.PUBLISHED:
        return None
    link = ["news:post", [post.organisation.slug, str(post.public_id)]]
    return Entry(
        organisation_id=post.organisation_id,
        title=post.title,
        text=f"{post.summary} {strip_tags(post.body)[:TEXT_LIMIT]}",
        summary=shorten(post.summary, SUMMARY_LIMIT),
        updated_at=post.published_at or post.updated_at,
        links={"staff": link, "public": link},
        access_pk=post.pk,
        public=True,
    )


def _post_rows() -> Iterable[Any]:
    from gandan.news.models import Post, PostStatus

    return Post.objects.filter(status=PostStatus.PUBLISHED).select_related("organisation")


def _post_condition(schools: Iterable[Organisation]) -> Q | None:
    from gandan.news import access

    return _any_of(
        Q(
            kind="news.post",
            organisation=school,
            access_pk__in=access.public_posts(school).values("pk"),
        )
        for school in schools
    )


def news_source() -> Source | None:
    """The news app's posts, registered when its model exists (search/apps.py)."""
    try:
        apps.get_model("news", "Post")
    except LookupError:
        return None
    return register(
        Source(
            kind="news.post",
            label=_("Tin tức"),
            model="news.Post",
            entry=_post_entry,
            rows=_post_rows,
            staff=lambda user, organisations: _post_condition(
                _public_schools(_viewable(user, organisations))
            ),
            public=lambda organisations, today: _post_condition(_public_schools(organisations)),
        )
    )


def staff_condition(user: User, organisations: Sequence[Organisation]) -> Q | None:
    """Entries the signed-in user may open, among those of these organisations."""
    return _any_of(
        condition
        for source in SOURCES.values()
        if (condition := source.staff(user, organisations)) is not None
    )


def public_condition(organisations: Sequence[Organisation], today: dt.date) -> Q | None:
    """Entries anyone may open: the public sources' own published querysets."""
    return _any_of(
        condition
        for source in SOURCES.values()
        if source.public is not None
        and (condition := source.public(organisations, today)) is not None
    )


def label_of(kind: str) -> str:
    source = SOURCES.get(kind)
    return str(source.label) if source is not None else kind
