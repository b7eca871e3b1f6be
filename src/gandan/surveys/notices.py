"""What the surveys tell people (gandan.notify, topic DEMOCRACY: "lấy ý kiến").

- A survey closed by the schedule at its last moment (`close_due_surveys`, the job
  `surveys.close_due` every 15 minutes): its owner, who may read its results, is told that the
  answers are in and where to read them (or why they stay withheld: an anonymous staff survey
  below MIN_ANONYMOUS_RESULTS answers). Nobody is told when the owner closes it by hand.

The notice names the survey and the number of answers (which the closing audit row holds
too), never an answer. Keyed by the survey: a rerun writes nothing twice.
"""

from django.urls import reverse

from gandan.notify.models import Topic
from gandan.notify.services import notify
from gandan.surveys.access import can_read_results
from gandan.surveys.models import MIN_ANONYMOUS_RESULTS, Survey, Withheld


def survey_closed(survey: Survey, count: int) -> None:
    """The owner of a survey closed by the schedule (the caller runs under @in_vietnamese)."""
    owner = survey.created_by
    if owner is None or not can_read_results(owner, survey.organisation):
        return
    if survey.results_withheld(count) == Withheld.TOO_FEW:
        title = (
            f"Khảo sát “{survey.title}” đã hết hạn nhận trả lời với {count} phiếu: kết quả "
            f"không hiển thị vì chưa đủ {MIN_ANONYMOUS_RESULTS} phiếu"
        )
    else:
        title = (
            f"Khảo sát “{survey.title}” đã hết hạn nhận trả lời với {count} phiếu: đã có kết quả"
        )
    notify(
        [owner],
        topic=Topic.DEMOCRACY,
        kind="surveys.closed",
        key=f"surveys.closed:{survey.pk}",
        title=title,
        url=reverse("surveys:results", args=[survey.public_id]),
    )
