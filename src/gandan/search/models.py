"""The search index: one row per thing a person may look for, written by this app alone.

The domain apps never import search; search/apps.py listens to their saves and deletions and
`gandan reindex_search` rebuilds the whole table. Only what the source's own pages show to
everyone who may open it is stored, folded (core.vietnamese.fold): never a sender's identity,
contacts or sealed data.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    kind = models.CharField(_("Loại"), max_length=32)
    # "petitions.case:12": the source kind and its primary key, one entry per source object.
    object_key = models.CharField(max_length=64, unique=True)
    # The object whose access predicate decides who sees the entry (a task's plan).
    access_pk = models.BigIntegerField()
    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("Tiêu đề"), max_length=500)
    summary = models.CharField(_("Tóm tắt"), max_length=300, blank=True)
    # Folded words separated by single spaces, with a space at each end, so that
    # "% dang%" finds a word starting with "dang" (core.vietnamese.fold).
    title_folded = models.CharField(max_length=600)
    folded = models.TextField()
    # {"staff": [url name, [args]], "public": [url name, [args]]}: reversed when shown.
    links = models.JSONField(default=dict)
    public = models.BooleanField(default=False)
    updated_at = models.DateTimeField(_("Cập nhật lúc"))

    class Meta:
        verbose_name = _("mục tìm kiếm")
        verbose_name_plural = _("mục tìm kiếm")
        ordering = ["-updated_at", "-pk"]
        indexes = [
            models.Index(fields=["kind", "access_pk"], name="search_entry_kind_access"),
            models.Index(fields=["public", "-updated_at"], name="search_entry_public_recent"),
        ]

    def __str__(self) -> str:
        return self.object_key
