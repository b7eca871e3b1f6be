"""Shared abstract bases: timestamps, stored evidence files, timeline events."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Cập nhật lúc"), auto_now=True)

    class Meta:
        abstract = True


class StoredFile(models.Model):
    """An uploaded file kept outside the web root, checked by content (`core.uploads`).

    Subclasses add the owner's foreign key and redefine `file` with their `upload_to`.
    Served only through `core.files.stored_file_response` after the app's `access_*`.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    file = models.FileField()
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        abstract = True
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name


class TimelineEvent(models.Model):
    """One append-only row of a record's timeline, written by the app's `events.record`.

    Subclasses add the record's foreign key and `kind` with their own choices.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    summary = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.summary
