"""A timeline summary or a notice longer than its column is cut between words with "…", so
that what the timeline and the e-mail subject show never ends inside a word."""

import pytest

from gandan.notify.models import Notification
from gandan.petitions import events, services
from gandan.petitions.models import CaseEventKind

pytestmark = pytest.mark.django_db

# 8 letters and a space, repeated: a plain cut at 500 (or 120) falls inside a word.
WORDS = " ".join(["Phụhuynh"] * 70)


def _between_words(stored: str, original: str) -> None:
    assert stored.endswith("…")
    kept = stored.removesuffix("…")
    assert original.startswith(kept) and original[len(kept)] == " "


def test_a_long_summary_is_cut_between_words(feedback, principal):
    # when
    event = events.record(
        feedback, CaseEventKind.CLASSIFIED, WORDS, actor=principal, public_summary=WORDS
    )
    # then
    event.refresh_from_db()
    assert len(event.summary) <= 500 and len(event.public_summary) <= 500
    _between_words(event.summary, WORDS)
    _between_words(event.public_summary, WORDS)


def test_the_resolution_event_and_the_assignment_notice_cut_between_words(
    feedback, principal, teacher
):
    # given: a title of 8-letter words over 120 letters, an answer over 300
    title = WORDS[:190].rstrip()
    type(feedback).objects.filter(pk=feedback.pk).update(title=title)
    feedback.refresh_from_db()
    # when
    services.assign_case(case=feedback, actor=principal, handler=teacher)
    services.resolve_case(case=feedback, actor=principal, outcome=WORDS, public_answer="Đã sửa.")
    # then: the notice quotes the title, the timeline the outcome, both cut between words
    notice = Notification.objects.get(recipient=teacher, kind="petitions.assigned")
    quoted = notice.title.split(": ", 1)[1]
    _between_words(quoted, title)
    resolved = feedback.events.get(kind=CaseEventKind.RESOLVED).summary
    _between_words(resolved.split(": ", 1)[1], WORDS)


def test_the_contest_notice_cuts_the_reason_between_words(feedback, principal):
    # given: answered (a feedback closes on its answer)
    services.resolve_case(case=feedback, actor=principal, outcome="", public_answer="Đã sửa.")
    # when: the sender disagrees at length
    services.contest_case(case=feedback, reason=WORDS)
    # then
    notice = Notification.objects.get(recipient=principal, kind="petitions.contested")
    _between_words(notice.title.split(": ", 1)[1], WORDS)
