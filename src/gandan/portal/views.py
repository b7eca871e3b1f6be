from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

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
    org = get_object_or_404(Organisation, slug=slug, kind=OrgKind.SCHOOL, is_active=True)
    return _school_page(request, org)


def _school_page(request: HttpRequest, org: Organisation) -> HttpResponse:
    return render(request, "portal/school.html", {"school": org, "managing_body": org.parent})
