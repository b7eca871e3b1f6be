"""The public card of a school (as its public page, portal/school.html, shows it)."""

from django.http import HttpRequest
from django.urls import reverse
from ninja import Router, Schema

from gandan.api.petitions.public import public_school
from gandan.api.petitions.schemas import MessageOut, OrganisationRef

router = Router(tags=["Công khai"])


class LinksOut(Schema):
    page: str
    intake_page: str
    tracking_page: str
    reception_schedule_page: str
    disclosures_page: str


class OrganisationOut(Schema):
    slug: str
    name: str
    short_name: str
    kind: str
    kind_label: str
    address: str
    phone: str
    email: str
    website: str
    managing_body: OrganisationRef | None
    links: LinksOut


@router.get(
    "/organisations/{slug}",
    response={200: OrganisationOut, 404: MessageOut},
    summary="Thông tin công khai của một trường",
)
def organisation_card(request: HttpRequest, slug: str):
    school = public_school(slug)
    parent = school.parent
    return OrganisationOut(
        slug=school.slug,
        name=school.name,
        short_name=school.short_name,
        kind=school.kind,
        kind_label=school.get_kind_display(),
        address=school.address,
        phone=school.phone,
        email=school.email,
        website=school.website,
        managing_body=OrganisationRef(slug=parent.slug, name=parent.name) if parent else None,
        links=LinksOut(
            page=reverse("portal:school", args=[school.slug]),
            intake_page=reverse("petitions:intake", args=[school.slug]),
            tracking_page=reverse("petitions:track"),
            reception_schedule_page=reverse("petitions:public_schedule", args=[school.slug]),
            disclosures_page=reverse("democracy:public", args=[school.slug]),
        ),
    )
