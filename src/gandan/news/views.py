"""The school's news: staff pages under /tin-tuc/ (writers only, 404 for anyone else) and the
public pages under /truong/<slug>/tin-tuc/ (published posts only), with the Atom feed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gandan.core.forms import add_service_error, error_text
from gandan.core.http import AuthenticatedRequest
from gandan.core.ids import public_id_or_404
from gandan.democracy import access as democracy_access
from gandan.democracy.electorate import staff_of
from gandan.emulation.models import Recognition
from gandan.news import access, services
from gandan.news.forms import DelegationForm, PostForm, WithdrawForm
from gandan.news.models import NewsEditor, Post, PostStatus
from gandan.news.sanitising import editable, sanitise
from gandan.orgs.access import MANAGERS, active_school_or_404
from gandan.orgs.models import Membership

PAGE_SIZE = 10
FEED_SIZE = 20


# Staff pages ------------------------------------------------------------------------------


@login_required
def staff_list(request: AuthenticatedRequest) -> HttpResponse:
    school = access.school_for_writer(request.user)
    posts = access.staff_posts(school).order_by("status", "-published_at", "-created_at", "-pk")
    groups: dict[str, list[Post]] = {status: [] for status in PostStatus.values}
    for post in posts:
        groups[post.status].append(post)
    return render(
        request,
        "news/staff_list.html",
        {
            "school": school,
            "groups": [(PostStatus(status).label, rows) for status, rows in groups.items()],
            "can_delegate": access.can_delegate(request.user, school),
        },
    )


def _post_form(request: AuthenticatedRequest, post: Post | None) -> PostForm:
    images = post.images.all() if post is not None else None
    if request.method == "POST":
        return PostForm(request.POST, request.FILES, images=images)
    if post is None:
        return PostForm(images=None)
    return PostForm(
        initial={
            "kind": post.kind,
            "title": post.title,
            "summary": post.summary,
            "body": editable(post.body),
            "cover": post.cover_id,
        },
        images=images,
    )


def _editor(
    request: AuthenticatedRequest, school, post: Post | None, form: PostForm, preview: str | None
) -> HttpResponse:
    return render(
        request,
        "news/post_form.html",
        {
            "school": school,
            "post": post,
            "form": form,
            "preview": preview,
            "images": list(post.images.all()) if post is not None else [],
        },
        status=400 if form.errors else 200,
    )


@login_required
def create(request: AuthenticatedRequest) -> HttpResponse:
    school = access.school_for_writer(request.user)
    form = _post_form(request, None)
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("action") == "preview":
            preview = sanitise(data["body"])
        else:
            try:
                post = services.create_post(
                    school=school,
                    actor=request.user,
                    kind=data["kind"],
                    title=data["title"],
                    summary=data["summary"],
                    body=data["body"],
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Đã lưu bản nháp. Xem lại rồi đăng lên trang."))
                return redirect("news:post", public_id=post.public_id)
    return _editor(request, school, None, form, preview)


@login_required
def edit(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    post = access.access_post(request.user, public_id)
    if post.status == PostStatus.WITHDRAWN:
        messages.error(request, _("Bài đã gỡ xuống, không sửa được nữa."))
        return redirect("news:post", public_id=post.public_id)
    form = _post_form(request, post)
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        action = request.POST.get("action", "save")
        if action == "preview":
            preview = sanitise(data["body"])
        else:
            fields = {
                "post": post,
                "actor": request.user,
                "kind": data["kind"],
                "title": data["title"],
                "summary": data["summary"],
                "body": data["body"],
                "cover": data.get("cover"),
            }
            try:
                if action == "upload":
                    if not data.get("image"):
                        raise ValidationError({"image": _("Hãy chọn một ảnh để tải lên.")})
                    services.save_with_image(**fields, upload=data["image"], alt=data["alt"])
                else:
                    post = services.update_post(**fields)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                if action == "upload":
                    messages.success(request, _("Đã tải ảnh lên và chèn vào cuối bài."))
                    return redirect(reverse("news:edit", args=[post.public_id]) + "#anh")
                messages.success(request, _("Đã lưu bài."))
                return redirect("news:post", public_id=post.public_id)
    return _editor(request, post.organisation, post, form, preview)


@login_required
def post_detail(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    post = access.access_post(request.user, public_id)
    return render(
        request,
        "news/post_detail.html",
        {
            "school": post.organisation,
            "post": post,
            "withdraw_form": WithdrawForm(),
            "images": list(post.images.all()),
        },
    )


@login_required
@require_POST
def publish(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    post = access.access_post(request.user, public_id)
    try:
        services.publish_post(post=post, actor=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã đăng bài lên trang của trường."))
    return redirect("news:post", public_id=post.public_id)


@login_required
@require_POST
def withdraw(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    post = access.access_post(request.user, public_id)
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            services.withdraw_post(
                post=post, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Đã gỡ bài khỏi trang của trường."))
            return redirect("news:post", public_id=post.public_id)
    return render(
        request,
        "news/post_detail.html",
        {
            "school": post.organisation,
            "post": post,
            "withdraw_form": form,
            "images": list(post.images.all()),
        },
        status=400,
    )


def _delegation_page(request: AuthenticatedRequest, school, form: DelegationForm) -> HttpResponse:
    delegations = (
        NewsEditor.objects.active().filter(organisation=school).select_related("user", "granted_by")
    )
    return render(
        request,
        "news/delegation.html",
        {"school": school, "form": form, "delegations": delegations},
        status=400 if form.errors else 200,
    )


def _candidates(school):
    managers = Membership.objects.current().filter(
        organisation__path__startswith=school.path, role__in=MANAGERS
    )
    delegated = NewsEditor.objects.active().filter(organisation=school)
    return (
        staff_of(school)
        .exclude(pk__in=managers.values("user_id"))
        .exclude(pk__in=delegated.values("user_id"))
    )


@login_required
def delegation(request: AuthenticatedRequest) -> HttpResponse:
    school = access.school_for_delegation(request.user)
    form = DelegationForm(request.POST or None, candidates=_candidates(school))
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["user"]
        try:
            services.grant_editor(school=school, actor=request.user, user=person)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request, _("Đã giao cho %(name)s viết tin.") % {"name": person.full_name}
            )
            return redirect("news:delegation")
    return _delegation_page(request, school, form)


@login_required
@require_POST
def revoke(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    school = access.school_for_delegation(request.user)
    row = get_object_or_404(NewsEditor, pk=pk, organisation=school)
    services.revoke_editor(delegation=row, actor=request.user)
    messages.success(request, _("Đã thôi giao viết tin."))
    return redirect("news:delegation")


@login_required
@require_POST
def announce_recognition(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    recognition = get_object_or_404(
        Recognition.objects.select_related(
            "registration__campaign__organisation", "registration__unit", "decision"
        ),
        public_id=public_id_or_404(public_id),
    )
    school = recognition.registration.campaign.organisation
    if not access.can_write(request.user, school):
        raise Http404
    post = services.announce_recognition(recognition=recognition, actor=request.user)
    messages.success(request, _("Đã đăng tin lên trang của trường."))
    return redirect("news:post", public_id=post.public_id)


@login_required
@require_POST
def announce_disclosure(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    item = democracy_access.access_disclosure(request.user, public_id)
    if not access.can_write(request.user, item.organisation):
        raise Http404
    try:
        post = services.announce_disclosure(item=item, actor=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("democracy:item", public_id=item.public_id)
    messages.success(request, _("Đã đăng tin lên trang của trường."))
    return redirect("news:post", public_id=post.public_id)


# Public pages -----------------------------------------------------------------------------


def public_list(request: HttpRequest, slug: str) -> HttpResponse:
    school = active_school_or_404(slug)
    paginator = Paginator(access.public_posts(school), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("trang"))
    context = {"school": school, "page": page, "posts": page.object_list}
    return render(request, "news/public_list.html", context)


def public_post(request: HttpRequest, slug: str, public_id: str) -> HttpResponse:
    school = active_school_or_404(slug)
    post = access.public_post(school, public_id)
    cover_url = request.build_absolute_uri(services.image_url(post.cover)) if post.cover else ""
    return render(
        request,
        "news/public_post.html",
        {
            "school": school,
            "post": post,
            "canonical": request.build_absolute_uri(
                reverse("news:public_post", args=[school.slug, post.public_id])
            ),
            "og_image": cover_url,
        },
    )


def feed(request: HttpRequest, slug: str) -> HttpResponse:
    school = active_school_or_404(slug)
    posts = list(access.public_posts(school).select_related("author")[:FEED_SIZE])
    atom = Atom1Feed(
        title=_("Tin tức – %(school)s") % {"school": school.name},
        link=request.build_absolute_uri(reverse("news:public_list", args=[school.slug])),
        description=_("Tin tức, thông báo của %(school)s") % {"school": school.name},
        language="vi",
        feed_url=request.build_absolute_uri(request.path),
        author_name=school.name,
    )
    for post in posts:
        link = request.build_absolute_uri(
            reverse("news:public_post", args=[school.slug, post.public_id])
        )
        atom.add_item(
            title=post.title,
            link=link,
            description=post.summary,
            unique_id=f"urn:uuid:{post.public_id}",
            pubdate=post.published_at,
            updateddate=post.updated_at,
            author_name=post.author.full_name,
            categories=[post.get_kind_display()],
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    atom.write(response, "utf-8")
    return response


def image(request: HttpRequest, slug: str, public_id: str) -> FileResponse:
    school = active_school_or_404(slug)
    stored = access.access_image(request.user, school, public_id)  # type: ignore[arg-type]
    response = FileResponse(stored.file.open("rb"), content_type=stored.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    public = stored.post.status == PostStatus.PUBLISHED
    response["Cache-Control"] = "public, max-age=3600" if public else "private, no-store"
    return response
