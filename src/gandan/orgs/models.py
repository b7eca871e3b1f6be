"""The organisation tree, people, and the roles people hold in organisations."""

import datetime as dt
from typing import ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gandan.core.models import TimeStampedModel
from gandan.core.salutation import Salutation
from gandan.core.vietnamese import fold, name_sort_key, split_name


class OrgKind(models.TextChoices):
    EDUCATION_DEPARTMENT = "education_department", _("Sở Giáo dục và Đào tạo")
    COMMUNE_COMMITTEE = "commune_committee", _("Ủy ban nhân dân xã/phường")
    SCHOOL = "school", _("Trường học")
    SUBJECT_GROUP = "subject_group", _("Tổ chuyên môn")
    UNION = "union", _("Công đoàn")
    PARTY_CELL = "party_cell", _("Chi bộ")
    YOUTH_UNION = "youth_union", _("Chi đoàn")
    PIONEER_TEAM = "pioneer_team", _("Liên đội")
    INSPECTION_BOARD = "inspection_board", _("Ban thanh tra nhân dân")
    PARENTS_BOARD = "parents_board", _("Ban đại diện cha mẹ học sinh")
    OFFICE = "office", _("Tổ văn phòng")


AUTHORITY_KINDS = {OrgKind.EDUCATION_DEPARTMENT, OrgKind.COMMUNE_COMMITTEE}
# Internal units live inside a school and are reached through it.
INTERNAL_KINDS = {
    OrgKind.SUBJECT_GROUP,
    OrgKind.UNION,
    OrgKind.PARTY_CELL,
    OrgKind.YOUTH_UNION,
    OrgKind.PIONEER_TEAM,
    OrgKind.INSPECTION_BOARD,
    OrgKind.PARENTS_BOARD,
    OrgKind.OFFICE,
}

PATH_SEGMENT = 6  # digits per level of the materialised path


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def subtree(self, root: "Organisation") -> "OrganisationQuerySet":
        """The root and all its descendants: one indexed prefix query, whatever the depth."""
        return self.filter(path__startswith=root.path)

    def schools_below(self, authority: "Organisation") -> "OrganisationQuerySet":
        """The active schools an authority oversees: those it manages (below it in the tree,
        the UBND xã/phường since 1/7/2025) and those it guides professionally (the Sở GD&ĐT
        through `guided_by`; LAW.md §8, TT 15/2025/TT-BGDĐT). Two indexed conditions."""
        return self.filter(
            Q(path__startswith=authority.path) | Q(guided_by=authority),
            kind=OrgKind.SCHOOL,
            is_active=True,
        ).exclude(pk=authority.pk)


class Organisation(TimeStampedModel):
    """An authority, a school or an internal unit of a school."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("Cơ quan cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Since 1/7/2025 a public primary school has two superiors (LAW.md §8): the UBND
    # xã/phường that manages it (`parent`, the tree) and the Sở GD&ĐT that guides it
    # professionally (`guided_by`). The Sở is not above the ward.
    guided_by = models.ForeignKey(
        "self",
        verbose_name=_("Cơ quan chỉ đạo chuyên môn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="guided_units",
        help_text=_("Sở Giáo dục và Đào tạo hướng dẫn chuyên môn cho trường."),
    )
    kind = models.CharField(_("Loại"), max_length=32, choices=OrgKind.choices)
    slug = models.SlugField(
        _("Mã công khai"),
        max_length=64,
        unique=True,
        help_text=_("Dùng trong địa chỉ trang công khai và API, ví dụ th-thanh-to."),
    )
    name = models.CharField(_("Tên đầy đủ"), max_length=255)
    short_name = models.CharField(_("Tên ngắn"), max_length=128, blank=True)
    # Nghị định 30/2020, Phụ lục I, II.3b: the issuing body's abbreviation in document symbols.
    symbol = models.CharField(
        _("Chữ viết tắt trong ký hiệu văn bản"), max_length=32, blank=True, help_text="THTT"
    )
    address = models.CharField(_("Địa chỉ"), max_length=255, blank=True)
    # Nghị định 30/2020, Phụ lục I, II.4a: the place name in "…, ngày … tháng … năm …".
    place_name = models.CharField(_("Địa danh ghi trên văn bản"), max_length=128, blank=True)
    managing_body_name = models.CharField(
        _("Cơ quan chủ quản ghi trên văn bản"),
        max_length=128,
        blank=True,
        help_text=_(
            "Chỉ ghi khi cơ quan chủ quản trực tiếp không có trong hệ thống, ví dụ Sở GD&ĐT "
            "ghi “UBND thành phố Hải Phòng”."
        ),
    )
    phone = models.CharField(_("Điện thoại"), max_length=32, blank=True)
    email = models.EmailField(_("Thư điện tử"), blank=True)
    website = models.URLField(_("Trang web"), blank=True)
    path = models.CharField(max_length=255, editable=False, db_index=True, default="")
    is_active = models.BooleanField(_("Đang hoạt động"), default=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("tổ chức")
        verbose_name_plural = _("tổ chức")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    @property
    def is_authority(self) -> bool:
        return self.kind in AUTHORITY_KINDS

    @property
    def is_internal_unit(self) -> bool:
        return self.kind in INTERNAL_KINDS

    def clean(self) -> None:
        if self.kind in INTERNAL_KINDS and (
            self.parent is None or self.parent.kind != OrgKind.SCHOOL
        ):
            raise ValidationError({"parent": _("Đơn vị nội bộ phải thuộc một trường học.")})
        if self.kind == OrgKind.SCHOOL and (
            self.parent is None or self.parent.kind not in AUTHORITY_KINDS
        ):
            raise ValidationError(
                {"parent": _("Trường học phải có cơ quan quản lý (Sở GD&ĐT hoặc UBND xã/phường).")}
            )
        if self.guided_by_id and (
            self.kind != OrgKind.SCHOOL
            or self.guided_by is None
            or self.guided_by.kind != OrgKind.EDUCATION_DEPARTMENT
        ):
            raise ValidationError(
                {"guided_by": _("Chỉ trường học có cơ quan chỉ đạo chuyên môn là Sở GD&ĐT.")}
            )
        if self.pk and self.parent_id:
            ancestor = self.parent
            while ancestor is not None:
                if ancestor.pk == self.pk:
                    raise ValidationError({"parent": _("Một tổ chức không thể nằm dưới chính nó.")})
                ancestor = ancestor.parent

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        # Derived column: the materialised path that makes subtree roll-ups one prefix query.
        parent_path = self.parent.path if self.parent is not None else ""
        path = f"{parent_path}{self.pk:0{PATH_SEGMENT}d}"
        if path != self.path:
            old = self.path
            Organisation.objects.filter(pk=self.pk).update(path=path)
            if old:
                for child in Organisation.objects.filter(path__startswith=old).exclude(pk=self.pk):
                    child.path = path + child.path[len(old) :]
                    child.save(update_fields=["path"])
            self.path = path

    def ancestors(self) -> list["Organisation"]:
        """From the root down to the parent; one query."""
        prefixes = [self.path[:end] for end in range(PATH_SEGMENT, len(self.path), PATH_SEGMENT)]
        return list(Organisation.objects.filter(path__in=prefixes).order_by("path"))

    def school(self) -> "Organisation | None":
        """The school this organisation is or belongs to."""
        if self.kind == OrgKind.SCHOOL:
            return self
        if self.kind in INTERNAL_KINDS:
            return self.parent
        return None

    def managing_body(self) -> "Organisation | None":
        """Tên cơ quan chủ quản for document headers (Nghị định 30/2020, Phụ lục I, II.2)."""
        return self.parent


class FormerManagingBody(TimeStampedModel):
    """The managing body a unit had before a reorganisation, as its documents of that time
    print it (Nghị định 30/2020, Phụ lục I, II.2a: "tên cơ quan, tổ chức chủ quản trực tiếp").

    A primary school's 2022 plan names "PHÒNG GD&ĐT QUẬN …" (the district managed it then),
    not the ward that manages it since 1/7/2025 (Luật Tổ chức chính quyền địa phương số
    72/2025/QH15; LAW.md §8). A document dated on or before `until` prints `name`; the
    earliest such record wins; after the last one, the tree's parent.
    """

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("Tổ chức"),
        on_delete=models.PROTECT,
        related_name="former_managing_bodies",
    )
    name = models.CharField(_("Cơ quan chủ quản ghi trên văn bản"), max_length=128)
    until = models.DateField(
        _("Áp dụng cho văn bản đến hết ngày"), help_text=_("Ví dụ 30/6/2025 (trước sắp xếp).")
    )

    class Meta:
        verbose_name = _("cơ quan chủ quản trước đây")
        verbose_name_plural = _("cơ quan chủ quản trước đây")
        ordering = ["organisation", "until"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "until"], name="one_former_managing_body_per_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.until:%d/%m/%Y})"


class UserManagerWithNames(UserManager["User"]):
    pass


class User(AbstractUser):
    """A person with an account: staff of a school or an authority officer."""

    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    full_name = models.CharField(_("Họ và tên"), max_length=150)
    sort_key = models.CharField(max_length=600, editable=False, db_index=True, default="")
    search_name = models.CharField(max_length=150, editable=False, default="")
    phone = models.CharField(_("Điện thoại"), max_length=32, blank=True)
    salutation = models.CharField(
        _("Cách xưng hô trong văn bản"),
        max_length=8,
        choices=Salutation.choices,
        blank=True,
        help_text=_("Văn bản gửi người này ghi “Ông” hoặc “Bà”; để trống thì ghi “Ông/Bà”."),
    )

    objects: ClassVar[UserManagerWithNames] = UserManagerWithNames()

    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
        ordering = ["sort_key"]

    def __str__(self) -> str:
        return self.full_name or self.username

    def save(self, *args, **kwargs) -> None:
        # Derived columns: the Vietnamese list order and the accent-free search form.
        self.sort_key = name_sort_key(self.full_name)
        self.search_name = fold(self.full_name)
        if kwargs.get("update_fields") is not None and "full_name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "sort_key", "search_name"}
        super().save(*args, **kwargs)

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return split_name(self.full_name)[2]


class Role(models.TextChoices):
    HEAD = "head", _("Hiệu trưởng / Thủ trưởng")
    DEPUTY_HEAD = "deputy_head", _("Phó hiệu trưởng / Cấp phó")
    STAFF = "staff", _("Cán bộ, giáo viên, nhân viên")
    UNIT_LEADER = "unit_leader", _("Tổ trưởng / Trưởng đơn vị")
    CLERK = "clerk", _("Văn thư, tiếp công dân")
    INSPECTION_BOARD = "inspection_board", _("Thành viên Ban thanh tra nhân dân")
    UNION_OFFICER = "union_officer", _("Cán bộ công đoàn")
    AUTHORITY_OFFICER = "authority_officer", _("Cán bộ cơ quan cấp trên")


class MembershipQuerySet(models.QuerySet["Membership"]):
    def current(self, on: dt.date | None = None) -> "MembershipQuerySet":
        on = on or timezone.localdate()
        return self.filter(Q(start_date__isnull=True) | Q(start_date__lte=on)).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=on)
        )


class Membership(TimeStampedModel):
    """A role a person holds in one organisation, with its title and term."""

    user = models.ForeignKey(
        User, verbose_name=_("Người"), on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("Tổ chức"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    role = models.CharField(_("Vai trò"), max_length=32, choices=Role.choices)
    title = models.CharField(
        _("Chức danh"), max_length=128, blank=True, help_text=_("Ví dụ: Tổ trưởng tổ 1.")
    )
    start_date = models.DateField(_("Từ ngày"), null=True, blank=True)
    end_date = models.DateField(_("Đến ngày"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("vai trò")
        verbose_name_plural = _("vai trò")
        ordering = ["organisation__path", "role", "user__sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="membership_unique_role"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="membership_dates_ordered",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "role"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.organisation.display_name}"
