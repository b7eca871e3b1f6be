"""News in other pages: the menu entry, the school page's latest posts, the one-step
announcement buttons of the emulation and democracy pages (those apps never import news)."""

from typing import Any

from django import template
from django.db.models import QuerySet

from gandan.news import access
from gandan.news.models import Post

register = template.Library()


@register.simple_tag(takes_context=True)
def may_write_news(context: Any) -> bool:
    """The menu's "Tin tức": for people who may write the news of the school in their header."""
    user = context.get("user")
    organisation = context.get("current_organisation")
    if user is None or organisation is None or not user.is_authenticated:
        return False
    school = organisation.school()
    return school is not None and access.can_write(user, school)


@register.simple_tag
def latest_news(school: Any, count: int = 3) -> QuerySet[Post]:
    """The school's latest published posts, for its public page."""
    return access.public_posts(school)[:count]


def _announcement(context: Any, school: Any, source: str, url_name: str, public_id: Any) -> dict:
    user = context["request"].user
    if not access.can_write(user, school):
        return {"show": False}
    post = Post.objects.filter(organisation=school, source_reference=source).first()
    return {"show": True, "post": post, "url_name": url_name, "public_id": public_id}


@register.inclusion_tag("news/_announce.html", takes_context=True)
def announce_recognition_button(context: Any, recognition: Any) -> dict:
    school = recognition.registration.campaign.organisation
    return _announcement(
        context,
        school,
        f"emulation.recognition:{recognition.pk}",
        "news:announce_recognition",
        recognition.public_id,
    )


@register.inclusion_tag("news/_announce.html", takes_context=True)
def announce_disclosure_button(context: Any, item: Any) -> dict:
    if not item.is_published or item.obligation.audience != "public":
        return {"show": False}
    return _announcement(
        context,
        item.organisation,
        f"democracy.disclosure:{item.pk}",
        "news:announce_disclosure",
        item.public_id,
    )
