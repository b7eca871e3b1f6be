"""Who may write the school's news, and what the public reads.

- Writers: the head and deputy heads of the school, and the staff members the head delegated
  (an active `NewsEditor` row, while they still work at the school). They see the school's
  drafts, published and withdrawn posts, write, publish and withdraw.
- The head alone delegates and revokes.
- Everyone else (teachers without delegation, parents, the authorities above, other schools):
  404 on every staff page; like the public they read only published posts.
"""

from django.db.models import QuerySet
from django.http import Http404

from gandan.core.ids import public_id_or_404
from gandan.news.models import NewsEditor, Post, PostImage, PostQuerySet, PostStatus
from gandan.orgs import access as org_access
from gandan.orgs.models import Organisation, Role, User


def is_delegated(user: User, school: Organisation) -> bool:
    if not user.is_authenticated:
        return False
    cache = getattr(user, "_gandan_news_editor", None)
    if cache is None:
        # A per-request cache on the user object, as orgs.access.grants keeps its roles.
        cache = user._gandan_news_editor = {}  # type: ignore[attr-defined]
    if school.pk not in cache:
        cache[school.pk] = (
            NewsEditor.objects.active().filter(organisation=school, user=user).exists()
        )
    return cache[school.pk]


def can_write(user: User, school: Organisation) -> bool:
    """The school's managers, and staff the head delegated while they work there."""
    roles = org_access.roles_in_school(user, school)
    if not roles:
        return False
    if roles & org_access.MANAGERS:
        return True
    return is_delegated(user, school)


def can_delegate(user: User, school: Organisation) -> bool:
    """Only the head gives and takes back the writing of the school's news."""
    return Role.HEAD in org_access.roles_in_school(user, school)


def own_school(user: User) -> Organisation | None:
    """The school in the user's header, if they may write its news."""
    organisation = org_access.primary_organisation(user) if user.is_authenticated else None
    school = organisation.school() if organisation is not None else None
    if school is None or not can_write(user, school):
        return None
    return school


def school_for_writer(user: User) -> Organisation:
    school = own_school(user)
    if school is None:
        raise Http404
    return school


def school_for_delegation(user: User) -> Organisation:
    school = school_for_writer(user)
    if not can_delegate(user, school):
        raise Http404
    return school


def staff_posts(school: Organisation) -> QuerySet[Post]:
    """Every post of the school, for its writers (the caller checked `can_write`)."""
    return Post.objects.filter(organisation=school).select_related("author", "cover")


def access_post(user: User, public_id: str) -> Post:
    """A post to read, edit, publish or withdraw: its school's writers; 404 for anyone else."""
    post = (
        Post.objects.select_related("organisation", "author", "cover")
        .filter(public_id=public_id_or_404(public_id))
        .first()
    )
    if post is None or not can_write(user, post.organisation):
        raise Http404
    return post


def public_posts(school: Organisation) -> PostQuerySet:
    """What anyone reads: the school's published posts, newest first."""
    return (
        Post.objects.published()
        .filter(organisation=school)
        .select_related("cover")
        .order_by("-published_at", "-pk")
    )


def public_post(school: Organisation, public_id: str) -> Post:
    post = (
        public_posts(school)
        .select_related("author")
        .filter(public_id=public_id_or_404(public_id))
        .first()
    )
    if post is None:
        raise Http404
    return post


def access_image(user: User, school: Organisation, public_id: str) -> PostImage:
    """An image of a published post: anyone; of a draft or a withdrawn post: the writers."""
    image = (
        PostImage.objects.select_related("post")
        .filter(public_id=public_id_or_404(public_id), post__organisation=school)
        .first()
    )
    if image is None:
        raise Http404
    if image.post.status != PostStatus.PUBLISHED and not can_write(user, school):
        raise Http404
    return image
