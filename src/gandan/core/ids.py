"""Public identifiers in URLs."""

import uuid

from django.http import Http404


def public_id_or_404(value: str) -> uuid.UUID:
    """The UUID in a URL; a malformed one is simply not found."""
    try:
        return uuid.UUID(str(value))
    except ValueError as exc:
        raise Http404 from exc
