"""Stored text is Vietnamese whatever the screen language (ADR 1, addendum).

One mechanism: every use case that stores text (events, audit rows, documents, messages) runs
under `@in_vietnamese`, beside its `transaction.atomic`. The single points where text is stored
(`audit.services.record_event`, `paperwork.services.issue_document`) call `check_vietnamese()`,
which warns when a caller forgot: the test suite turns that warning into a failure.
"""

import functools
import warnings
from collections.abc import Callable

from django.utils import translation

STORED_LANGUAGE = "vi"


class StoredLanguageWarning(RuntimeWarning):
    """Text was about to be stored while a language other than Vietnamese was active."""


def in_vietnamese[**P, R](service: Callable[P, R]) -> Callable[P, R]:
    """Run a use case in Vietnamese: what it stores is Vietnamese whatever the screen language.
    Its refusals are Vietnamese too (lazy messages are translated again when shown)."""

    @functools.wraps(service)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with translation.override(STORED_LANGUAGE):
            return service(*args, **kwargs)

    return run


def check_vietnamese(where: str) -> None:
    """Warn when text is stored outside `in_vietnamese` with another language active."""
    active = translation.get_language()
    if active is not None and not active.startswith(STORED_LANGUAGE):
        warnings.warn(
            f"{where} ran with language {active!r}: wrap the use case in @in_vietnamese",
            StoredLanguageWarning,
            stacklevel=3,
        )
