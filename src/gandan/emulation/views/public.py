"""The public site: the stories of recognised models the head chose to publish."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gandan.emulation import access


def public_stories(request: HttpRequest, slug: str) -> HttpResponse:
    school = access.public_school(slug)
    stories = access.published_stories(school).order_by("-published_at")
    return render(
        request,
        "emulation/public_stories.html",
        {"school": school, "stories": stories, "managing_body": school.parent},
    )


def public_story(request: HttpRequest, slug: str, public_id: str) -> HttpResponse:
    school = access.public_school(slug)
    story = access.public_story(school, public_id)
    return render(request, "emulation/public_story.html", {"school": school, "story": story})
