"""News on the school's site (Kế hoạch, mục III: tuyên truyền "trên trang website của nhà
trường"): posts written by the head, the deputies and the staff the head delegates.

A post's body is stored already sanitised (`news.sanitising`): whoever wrote it, what is in
the database is safe to print as HTML.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gandan.core.models import StoredFile, TimeStampedModel

TITLE_MAX = 200
SUMMARY_MAX = 300
BODY_MAX = 100_000


class PostKind(models.TextChoices):
    NEWS = "news", _("Tin tức")
    NOTICE = "notice", _("Thông báo")
    GOOD_DEED = "good_deed", _("Gương người tốt việc tốt")
    DAN_VAN_KHEO = "dan_van_kheo", _("Kết quả Dân vận khéo")


class PostStatus(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    PUBLISHED = "published", _("Đã đăng")
    WITHDRAWN = "withdrawn", _("Đã gỡ xuống")


class PostQuerySet(models.QuerySet["Post"]):
    def published(self) -> "PostQuerySet":
        return self.filter(status=PostStatus.PUBLISHED)


class Post(TimeStampedModel):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("Trường"),
        on_delete=models.PROTECT,
        related_name="news_posts",
    )
    kind = models.CharField(
        _("Loại tin"), max_length=16, choices=PostKind.choices, default=PostKind.NEWS
    )
    title = models.CharField(_("Tiêu đề"), max_length=TITLE_MAX)
    summary = models.CharField(
        _("Tóm tắt"),
        max_length=SUMMARY_MAX,
        help_text=_("Một hai câu, hiện trong danh sách tin và khi chia sẻ lên mạng xã hội."),
    )
    body = models.TextField(_("Nội dung"), blank=True)
    cover = models.ForeignKey(
        "news.PostImage",
        verbose_name=_("Ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("Tình trạng"), max_length=16, choices=PostStatus.choices, default=PostStatus.DRAFT
    )
    published_at = models.DateTimeField(_("Đăng lúc"), null=True, blank=True, db_index=True)
    withdrawn_at = models.DateTimeField(_("Gỡ xuống lúc"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("Lý do gỡ xuống"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người viết"),
        on_delete=models.PROTECT,
        related_name="news_posts",
    )
    # What the post announces, e.g. "emulation.recognition:12": one post per source.
    source_reference = models.CharField(max_length=100, blank=True, default="")
    # The public page the announcement links back to (a path of this site), set by services.
    source_url = models.CharField(max_length=300, blank=True, default="")

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("bài tin")
        verbose_name_plural = _("bài tin")
        ordering = ["-published_at", "-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "status", "-published_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "source_reference"],
                condition=~Q(source_reference=""),
                name="news_one_post_per_source",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="news_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status == PostStatus.PUBLISHED


def image_path(instance: "PostImage", filename: str) -> str:
    # A random stored name: the original name is kept in a column, never used as a path.
    return f"news/{instance.post.organisation_id}/{uuid.uuid4().hex}"


class PostImage(StoredFile):
    """A photo of a post (its cover or inline in the body), JPEG or PNG checked by content.

    Served to everyone once its post is published, to the school's editors before."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="images")
    file = models.FileField(upload_to=image_path)
    alt = models.CharField(_("Mô tả ảnh"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta(StoredFile.Meta):
        verbose_name = _("ảnh của bài tin")
        verbose_name_plural = _("ảnh của bài tin")


class NewsEditorQuerySet(models.QuerySet["NewsEditor"]):
    def active(self) -> "NewsEditorQuerySet":
        return self.filter(revoked_at__isnull=True)


class NewsEditor(TimeStampedModel):
    """The head's delegation: a staff member who may write the school's news."""

    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="news_editors"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người được giao"),
        on_delete=models.PROTECT,
        related_name="news_delegations",
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = NewsEditorQuerySet.as_manager()

    class Meta:
        verbose_name = _("người viết tin được giao")
        verbose_name_plural = _("người viết tin được giao")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"],
                condition=Q(revoked_at__isnull=True),
                name="news_one_active_delegation",
            )
        ]

    def __str__(self) -> str:
        return str(self.user)
