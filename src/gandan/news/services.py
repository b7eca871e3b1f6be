"""Use cases of the school's news. Each is atomic, stored in Vietnamese, writes its audit row,
checks the state it starts from, and answers a replay with what it made the first time.

Access is the view's job (`news.access`); these functions trust the actor they are given.
"""

import html

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from gandan.audit.models import Action
from gandan.core.language import in_vietnamese
from gandan.core.uploads import check_upload
from gandan.core.vietnamese import official_date, shorten
from gandan.democracy.models import Audience, DisclosureItem
from gandan.emulation.models import Recognition
from gandan.news.events import record
from gandan.news.models import (
    BODY_MAX,
    SUMMARY_MAX,
    TITLE_MAX,
    NewsEditor,
    Post,
    PostImage,
    PostKind,
    PostStatus,
)
from gandan.news.sanitising import sanitise
from gandan.orgs import access as org_access
from gandan.orgs.models import Organisation, User

IMAGE_TYPES = {"image/jpeg", "image/png"}
IMAGE_MAX_BYTES = 5 * 1024 * 1024


def summary_from(body: str) -> str:
    """A summary taken from the body's text, for a post written without one."""
    text = " ".join(html.unescape(strip_tags(body.replace("<", " <"))).split())
    return shorten(text, SUMMARY_MAX)


def _checked(kind: str, title: str, summary: str, body: str) -> tuple[str, str, str, str]:
    """The post's fields as stored, or a ValidationError naming each wrong field."""
    errors: dict[str, str] = {}
    title = " ".join(title.split())
    clean_body = sanitise(body)
    summary = " ".join(summary.split()) or summary_from(clean_body)
    if kind not in PostKind.values:
        errors["kind"] = _("Hãy chọn loại tin.")
    if not title:
        errors["title"] = _("Hãy nhập tiêu đề của bài.")
    elif len(title) > TITLE_MAX:
        errors["title"] = _("Tiêu đề dài %(n)s ký tự; tối đa %(limit)s ký tự.") % {
            "n": len(title),
            "limit": TITLE_MAX,
        }
    if len(summary) > SUMMARY_MAX:
        errors["summary"] = _("Tóm tắt dài %(n)s ký tự; tối đa %(limit)s ký tự.") % {
            "n": len(summary),
            "limit": SUMMARY_MAX,
        }
    if len(body) > BODY_MAX:
        errors["body"] = _("Nội dung quá dài; tối đa %(limit)s ký tự.") % {"limit": "100.000"}
    if not clean_body and not summary:
        errors["body"] = _("Hãy viết nội dung của bài.")
    if errors:
        raise ValidationError(errors)
    return kind, title, summary, clean_body


@in_vietnamese
@transaction.atomic
def create_post(
    *, school: Organisation, actor: User, kind: str, title: str, summary: str, body: str
) -> Post:
    """A new draft of the school's news. The same draft sent twice is stored once."""
    kind, title, summary, body = _checked(kind, title, summary, body)
    same = Post.objects.filter(
        organisation=school,
        author=actor,
        status=PostStatus.DRAFT,
        kind=kind,
        title=title,
        summary=summary,
        body=body,
    ).first()
    if same is not None:
        return same
    post = Post.objects.create(
        organisation=school, author=actor, kind=kind, title=title, summary=summary, body=body
    )
    record(school, f"Viết bản nháp tin “{title}”", actor, target=post, action=Action.CREATE)
    return post


@in_vietnamese
@transaction.atomic
def update_post(
    *,
    post: Post,
    actor: User,
    kind: str,
    title: str,
    summary: str,
    body: str,
    cover: PostImage | None = None,
) -> Post:
    """Rewrite a draft or a published post (a withdrawn one stays as it was taken down)."""
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.status == PostStatus.WITHDRAWN:
        raise ValidationError(_("Bài đã gỡ xuống, không sửa được nữa."))
    kind, title, summary, body = _checked(kind, title, summary, body)
    if cover is not None and cover.post_id != post.pk:
        raise ValidationError({"cover": _("Ảnh đại diện phải là một ảnh của bài này.")})
    new: dict[str, object] = {
        "kind": kind,
        "title": title,
        "summary": summary,
        "body": body,
        "cover_id": cover.pk if cover is not None else None,
    }
    changed = [field for field, value in new.items() if getattr(post, field) != value]
    if not changed:
        return post  # the same text sent again
    for field in changed:
        setattr(post, field, new[field])
    post.save(update_fields=[field.removesuffix("_id") for field in changed] + ["updated_at"])
    where = "bài đã đăng" if post.status == PostStatus.PUBLISHED else "bản nháp"
    record(post.organisation, f"Sửa {where} “{title}”", actor, target=post)
    return post


def image_url(image: PostImage) -> str:
    return reverse("news:image", args=[image.post.organisation.slug, image.public_id])


def figure_html(image: PostImage) -> str:
    """How the body shows an image: its own URL, its description as the caption."""
    alt = html.escape(image.alt)
    caption = f"<figcaption>{alt}</figcaption>" if image.alt else ""
    return f'<figure><img src="{image_url(image)}" alt="{alt}">{caption}</figure>'


@in_vietnamese
@transaction.atomic
def add_image(
    *, post: Post, actor: User, upload: UploadedFile, alt: str = "", insert: bool = True
) -> PostImage:
    """A JPEG or PNG photo for the post, judged by its content; inserted at the end of the body
    when asked, and the post's cover if it has none. The same photo sent twice is kept once."""
    post = Post.objects.select_for_update().select_related("organisation").get(pk=post.pk)
    if post.status == PostStatus.WITHDRAWN:
        raise ValidationError(_("Bài đã gỡ xuống, không thêm ảnh được."))
    alt = " ".join(alt.split())
    if len(alt) > 200:
        raise ValidationError({"alt": _("Mô tả ảnh tối đa 200 ký tự.")})
    try:
        checked = check_upload(upload, max_bytes=IMAGE_MAX_BYTES)
    except ValidationError as error:
        raise ValidationError({"image": error.messages}) from error
    if checked.content_type not in IMAGE_TYPES:
        raise ValidationError(
            {"image": _("Tệp “%(name)s” không phải ảnh JPG hoặc PNG.") % {"name": upload.name}}
        )
    same = post.images.filter(sha256=checked.sha256).first()
    if same is not None:
        return same
    image = PostImage(
        post=post,
        original_name=(upload.name or "anh")[:255],
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        alt=alt,
        uploaded_by=actor,
    )
    image.file.save(image.original_name, upload, save=False)
    image.save()
    fields = []
    if insert:
        post.body = sanitise(post.body + figure_html(image))
        fields.append("body")
    if post.cover_id is None:
        post.cover = image
        fields.append("cover")
    if fields:
        post.save(update_fields=[*fields, "updated_at"])
    record(
        post.organisation,
        f"Thêm ảnh “{image.original_name}” vào tin “{post.title}”",
        actor,
        target=image,
        action=Action.CREATE,
    )
    return image


@in_vietnamese
@transaction.atomic
def save_with_image(
    *,
    post: Post,
    actor: User,
    kind: str,
    title: str,
    summary: str,
    body: str,
    cover: PostImage | None,
    upload: UploadedFile,
    alt: str = "",
) -> PostImage:
    """The editor's "upload": the photo kept, then the text as typed with the photo at its end
    (unless the text shows it already). Sent twice: the same photo, the same text, no new row."""
    _checked(kind, title, summary, body)  # a refused text stores no photo either
    image = add_image(post=post, actor=actor, upload=upload, alt=alt, insert=False)
    if image_url(image) not in body:
        body = f"{body.rstrip()}\n{figure_html(image)}"
    post.refresh_from_db(fields=["cover"])
    update_post(
        post=post,
        actor=actor,
        kind=kind,
        title=title,
        summary=summary,
        body=body,
        cover=cover or post.cover,
    )
    return image


@in_vietnamese
@transaction.atomic
def publish_post(*, post: Post, actor: User) -> Post:
    """Put a draft on the school's public site. Publishing a published post changes nothing."""
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.status == PostStatus.PUBLISHED:
        return post
    if post.status == PostStatus.WITHDRAWN:
        raise ValidationError(_("Bài đã gỡ xuống, không đăng lại được."))
    post.status = PostStatus.PUBLISHED
    post.published_at = timezone.now()
    post.save(update_fields=["status", "published_at", "updated_at"])
    record(post.organisation, f"Đăng tin “{post.title}” lên trang của trường", actor, target=post)
    return post


@in_vietnamese
@transaction.atomic
def withdraw_post(*, post: Post, actor: User, reason: str) -> Post:
    """Take a published post down from the public site, with the reason why."""
    post = Post.objects.select_for_update().get(pk=post.pk)
    reason = reason.strip()
    if post.status == PostStatus.WITHDRAWN:
        return post
    if post.status != PostStatus.PUBLISHED:
        raise ValidationError(_("Chỉ gỡ xuống được bài đã đăng."))
    if not reason:
        raise ValidationError({"reason": _("Hãy ghi lý do gỡ bài xuống.")})
    if len(reason) > 1000:
        raise ValidationError({"reason": _("Lý do tối đa 1.000 ký tự.")})
    post.status = PostStatus.WITHDRAWN
    post.withdrawn_at = timezone.now()
    post.withdrawn_reason = reason
    post.save(update_fields=["status", "withdrawn_at", "withdrawn_reason", "updated_at"])
    record(
        post.organisation,
        f"Gỡ tin “{post.title}” khỏi trang của trường. Lý do: {reason}",
        actor,
        target=post,
        action=Action.WITHDRAW,
    )
    return post


@in_vietnamese
@transaction.atomic
def grant_editor(*, school: Organisation, actor: User, user: User) -> NewsEditor:
    """The head asks a staff member to write the school's news. Granted twice: one row."""
    if not org_access.roles_in_school(user, school):
        raise ValidationError({"user": _("Chỉ giao cho người đang công tác tại trường.")})
    if org_access.roles_in_school(user, school) & org_access.MANAGERS:
        raise ValidationError({"user": _("Hiệu trưởng và phó hiệu trưởng đã được viết tin.")})
    current = NewsEditor.objects.active().filter(organisation=school, user=user).first()
    if current is not None:
        return current
    delegation = NewsEditor.objects.create(organisation=school, user=user, granted_by=actor)
    record(
        school,
        f"Giao cho {user.full_name} viết tin trên trang của trường",
        actor,
        target=delegation,
        action=Action.CREATE,
    )
    return delegation


@in_vietnamese
@transaction.atomic
def revoke_editor(*, delegation: NewsEditor, actor: User) -> NewsEditor:
    """The head takes the writing back. Revoking twice changes nothing."""
    delegation = NewsEditor.objects.select_for_update().select_related("user").get(pk=delegation.pk)
    if delegation.revoked_at is not None:
        return delegation
    delegation.revoked_at = timezone.now()
    delegation.revoked_by = actor
    delegation.save(update_fields=["revoked_at", "revoked_by", "updated_at"])
    record(
        delegation.organisation,
        f"Thôi giao cho {delegation.user.full_name} viết tin trên trang của trường",
        actor,
        target=delegation,
        action=Action.WITHDRAW,
    )
    return delegation


def _paragraphs(text: str) -> str:
    """Plain text (a story, a disclosure) as escaped paragraphs."""
    parts = [" ".join(part.split()) for part in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(f"<p>{html.escape(part)}</p>" for part in parts if part)


def _announce(
    *,
    school: Organisation,
    actor: User,
    source: str,
    source_url: str,
    kind: str,
    title: str,
    summary: str,
    body: str,
) -> Post:
    existing = Post.objects.filter(organisation=school, source_reference=source).first()
    if existing is not None:
        return existing  # announced already: the same post
    now = timezone.now()
    try:
        with transaction.atomic():
            post = Post.objects.create(
                organisation=school,
                author=actor,
                kind=kind,
                title=shorten(title, TITLE_MAX),
                summary=shorten(summary, SUMMARY_MAX),
                body=sanitise(body),
                status=PostStatus.PUBLISHED,
                published_at=now,
                source_reference=source,
                source_url=source_url,
            )
    except IntegrityError:
        # Two clicks at once: the other one made the post.
        return Post.objects.get(organisation=school, source_reference=source)
    record(
        school,
        f"Đăng tin “{post.title}” lên trang của trường",
        actor,
        target=post,
        action=Action.CREATE,
    )
    return post


@in_vietnamese
@transaction.atomic
def announce_recognition(*, recognition: Recognition, actor: User) -> Post:
    """A recognised "Dân vận khéo" model or exemplar, told on the school's news in one step."""
    registration = recognition.registration
    campaign = registration.campaign
    school = campaign.organisation
    decision = recognition.decision
    kind_label = registration.get_kind_display().lower()
    who = registration.registrant_label
    if recognition.publish_publicly:
        source_url = reverse("emulation:public_story", args=[school.slug, recognition.public_id])
        story = _paragraphs(recognition.story)
    else:
        source_url = reverse("emulation:public", args=[school.slug])
        story = ""
    title = f"Công nhận {kind_label} “Dân vận khéo”: {registration.title}"
    summary = (
        f"{school.name} công nhận {kind_label} “{registration.title}” của {who} trong phong "
        f"trào thi đua “Dân vận khéo” {campaign.year_label}."
    )
    body = (
        f"<p>Thực hiện phong trào thi đua “Dân vận khéo” {campaign.year_label}, "
        f"{html.escape(school.name)} trân trọng thông tin: {kind_label} "
        f"“<strong>{html.escape(registration.title)}</strong>” của {html.escape(who)} đã được "
        f"Hiệu trưởng công nhận theo Quyết định số {html.escape(decision.number_symbol)} "
        f"{official_date(decision.issued_on)} "
        f"({html.escape(recognition.get_level_display().lower())}).</p>"
        f"{'<blockquote>' + story + '</blockquote>' if story else ''}"
        "<p>Nhà trường chúc mừng và mong cách làm hay này tiếp tục được lan tỏa, để mỗi cán bộ, "
        "giáo viên, nhân viên đều là một cán bộ dân vận: trọng dân, gần dân, hiểu dân, học dân "
        "và có trách nhiệm với dân.</p>"
    )
    return _announce(
        school=school,
        actor=actor,
        source=f"emulation.recognition:{recognition.pk}",
        source_url=source_url,
        kind=PostKind.DAN_VAN_KHEO,
        title=title,
        summary=summary,
        body=body,
    )


@in_vietnamese
@transaction.atomic
def announce_disclosure(*, item: DisclosureItem, actor: User) -> Post:
    """A published public disclosure, told on the school's news in one step."""
    school = item.organisation
    today = timezone.localdate()
    on_display = DisclosureItem.objects.on_display(today).filter(pk=item.pk).exists()
    if not on_display or item.obligation.audience != Audience.PUBLIC:
        raise ValidationError(_("Chỉ đăng tin về nội dung đang công khai với người dân."))
    published_on = item.published_on
    assert published_on is not None  # on display
    reference = (
        f" (văn bản số {html.escape(item.decision_reference)})" if item.decision_reference else ""
    )
    title = f"Thông báo công khai: {item.title}"
    summary = (
        f"{school.name} công khai “{item.title}” từ {official_date(published_on)}; "
        "mời cha mẹ học sinh và người dân theo dõi."
    )
    excerpt = _paragraphs(shorten(item.body.strip(), 1500)) if item.body.strip() else ""
    body = (
        f"<p>Thực hiện quy định về công khai trong cơ sở giáo dục, {html.escape(school.name)} "
        f"thông báo công khai nội dung “<strong>{html.escape(item.title)}</strong>”{reference}, "
        f"thuộc mục {html.escape(item.obligation.title)}, từ {official_date(published_on)}.</p>"
        f"{excerpt}"
        "<p>Nhà trường trân trọng mời cha mẹ học sinh và người dân theo dõi, góp ý. Mọi ý kiến "
        "xin gửi về nhà trường qua trang “Gửi ý kiến” hoặc trực tiếp tại buổi tiếp công dân.</p>"
    )
    return _announce(
        school=school,
        actor=actor,
        source=f"democracy.disclosure:{item.pk}",
        source_url=reverse("democracy:public_item", args=[school.slug, item.public_id]),
        kind=PostKind.NOTICE,
        title=title,
        summary=summary,
        body=body,
    )
