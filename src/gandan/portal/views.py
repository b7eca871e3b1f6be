from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gandan.orgs.access import active_school_or_404
from gandan.orgs.models import Organisation, OrgKind


def home(request: HttpRequest) -> HttpResponse:
    """The public front door: the school itself when the installation serves one school."""
    schools = list(Organisation.objects.filter(kind=OrgKind.SCHOOL, is_active=True)[:2])
    if len(schools) == 1:
        return _school_page(request, schools[0])
    all_schools = Organisation.objects.filter(kind=OrgKind.SCHOOL, is_active=True).select_related(
        "parent"
    )
    return render(request, "portal/index.html", {"schools": all_schools})


def school(request: HttpRequest, slug: str) -> HttpResponse:
    """A school's public page: intake, tracking, reception schedule, disclosures."""
    return _school_page(request, active_school_or_404(slug))


def _school_page(request: HttpRequest, org: Organisation) -> HttpResponse:
    return render(request, "portal/school.html", {"school": org, "managing_body": org.parent})
