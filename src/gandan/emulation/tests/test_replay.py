"""Every state-changing page of the movement sent twice by someone allowed to (a double click,
a resent form): the first does it, the second is refused or answered as done and changes
nothing, not even the timeline or the audit log.

Each case builds the campaign at the step its action belongs to, with the cast of
conftest.py: principal manages, inspector chairs the council, clerk is its secretary,
teacher registers and is nominated.
"""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gandan.audit.models import AuditEvent
from gandan.democracy.models import Ballot
from gandan.democracy.services import ballots
from gandan.emulation.models import (
    Campaign,
    CouncilMember,
    Criterion,
    EmulationEvent,
    Evidence,
    Nomination,
    Recognition,
    Registration,
    Score,
    Update,
)
from gandan.emulation.services import nominations, registrations, review
from gandan.emulation.tests.conftest import PNG, advance_to, full_card, register
from gandan.paperwork.models import OutgoingDocument


def _state() -> tuple:
    """Everything a POST of the movement could change."""
    return (
        tuple(Campaign.objects.order_by("pk").values_list("status", "review_concluded_at")),
        tuple(Criterion.objects.order_by("pk").values_list("text", "max_points")),
        tuple(CouncilMember.objects.order_by("user_id").values_list("user_id", "role")),
        tuple(
            Registration.objects.order_by("pk").values_list(
                "status", "council_score", "shortlisted", "outcome_note"
            )
        ),
        tuple(Update.objects.order_by("pk").values_list("text")),
        Evidence.objects.count(),
        tuple(Score.objects.order_by("pk").values_list("member_id", "criterion_id", "points")),
        tuple(Recognition.objects.order_by("pk").values_list("story", "publish_publicly")),
        tuple(Nomination.objects.order_by("pk").values_list("status", "consent_given_at")),
        tuple(Ballot.objects.order_by("pk").values_list("status")),
        OutgoingDocument.objects.count(),
        EmulationEvent.objects.count(),
    )


def _fresh(data: dict) -> dict:
    """The same form again, as the browser resends it (an upload's bytes read afresh)."""
    return {
        key: SimpleUploadedFile(value.name or "", PNG, content_type="image/png")
        if isinstance(value, SimpleUploadedFile)
        else value
        for key, value in data.items()
    }


def _sent_twice(client, url: str, data: dict, answered=frozenset({200, 302})) -> None:
    # when
    before = _state()
    first = client.post(url, _fresh(data))
    after_first = _state()
    audit = AuditEvent.objects.count()
    second = client.post(url, _fresh(data))
    # then: the first did it, the second adds nothing
    assert first.status_code == 302
    assert after_first != before
    assert second.status_code in answered
    assert _state() == after_first
    assert AuditEvent.objects.count() == audit


def _registration_data() -> dict:
    return {
        "kind": "model",
        "title": "Tủ sách “Phụ huynh cùng đọc”",
        "field": "culture_society",
        "problem": "Học sinh ít đọc sách ở nhà.",
        "goals": "Mỗi lớp một tủ sách.",
        "mobilisation": "Vận động phụ huynh góp sách.",
        "expected_results": "Học sinh đọc 10 cuốn mỗi năm.",
    }


@pytest.fixture
def scored(submitted, inspector, clerk):
    review.score_registration(
        registration=submitted, member=inspector, points=full_card(submitted, 16)
    )
    review.score_registration(registration=submitted, member=clerk, points=full_card(submitted, 18))
    return submitted


@pytest.fixture
def consented(campaign, clerk, teacher):
    nomination = nominations.nominate(
        campaign=campaign, nominator=clerk, nominee=teacher, deed="Trả lại ví cho phụ huynh."
    )
    return nominations.answer_nomination(nomination=nomination, user=teacher, consent=True)


def test_a_campaign_created_twice_is_one(client, school, principal):
    client.force_login(principal)
    data = {
        "title": "Phong trào “Dân vận khéo” năm học 2026–2027",
        "year_label": "năm học 2026–2027",
        "starts_on": "2026-09-05",
        "ends_on": "2027-05-31",
    }
    _sent_twice(client, reverse("emulation:campaign_new"), data)
    assert Campaign.objects.count() == 1


def test_a_criterion_added_twice_is_one(client, campaign, principal):
    client.force_login(principal)
    data = {"new-kind": "collective", "new-text": "Có sức lan tỏa.", "new-max_points": "10"}
    _sent_twice(client, reverse("emulation:criteria", args=[campaign.public_id]), data)


def test_a_criterion_reworded_twice_is_reworded_once(client, campaign, principal):
    client.force_login(principal)
    criterion = campaign.criteria.first()
    data = {
        "criterion": str(criterion.pk),
        f"c{criterion.pk}-text": "Hiệu quả rõ rệt.",
        f"c{criterion.pk}-max_points": "20",
    }
    _sent_twice(client, reverse("emulation:criteria", args=[campaign.public_id]), data)


def test_the_council_named_twice_is_named_once(client, campaign, principal, inspector, clerk):
    client.force_login(principal)
    data = {"chair": str(inspector.pk), "secretary": str(clerk.pk)}
    _sent_twice(client, reverse("emulation:council", args=[campaign.public_id]), data)


def test_a_phase_change_sent_twice_moves_one_phase(client, campaign, principal):
    client.force_login(principal)
    url = reverse("emulation:advance", args=[campaign.public_id])
    _sent_twice(client, url, {"from_status": campaign.status})
    assert Campaign.objects.get().status == "implementation"


def test_a_registration_sent_twice_is_one(client, campaign, teacher):
    client.force_login(teacher)
    _sent_twice(
        client, reverse("emulation:register", args=[campaign.public_id]), _registration_data()
    )
    assert Registration.objects.count() == 1


def test_an_update_with_evidence_sent_twice_is_one(client, campaign, principal, teacher):
    model = register(campaign, teacher)
    advance_to(campaign, principal, "implementation")
    client.force_login(teacher)
    data = {"text": "Họp phụ huynh.", "files": SimpleUploadedFile("anh.png", PNG, "image/png")}
    _sent_twice(client, reverse("emulation:update", args=[model.public_id]), data)
    assert (Update.objects.count(), Evidence.objects.count()) == (1, 1)


def test_a_registration_submitted_twice_is_submitted_once(client, campaign, principal, teacher):
    model = register(campaign, teacher)
    advance_to(campaign, principal, "implementation")
    registrations.add_update(registration=model, author=teacher, text="Đã làm.")
    client.force_login(teacher)
    _sent_twice(client, reverse("emulation:submit", args=[model.public_id]), {})


def test_a_score_card_sent_twice_is_one_card(client, submitted, inspector):
    client.force_login(inspector)
    data = {f"points_{pk}": points for pk, points in full_card(submitted, 15).items()}
    _sent_twice(client, reverse("emulation:score", args=[submitted.public_id]), data)


def test_the_shortlist_vote_opened_twice_is_one_ballot(client, submitted, inspector):
    client.force_login(inspector)
    url = reverse("emulation:shortlist_open", args=[submitted.campaign.public_id])
    _sent_twice(client, url, {})
    assert Ballot.objects.count() == 1


def test_the_review_concluded_twice_is_concluded_once(client, scored, inspector):
    client.force_login(inspector)
    url = reverse("emulation:conclude", args=[scored.campaign.public_id])
    _sent_twice(client, url, {"issued_on": "2026-11-28"})


def test_a_recognition_sent_twice_is_one_decision(client, reviewed, principal):
    client.force_login(principal)
    data = {"level": "recognised", "issued_on": "2026-11-30", "story": "", "publish": ""}
    data = {key: value for key, value in data.items() if value}
    _sent_twice(client, reverse("emulation:recognise", args=[reviewed.public_id]), data)
    assert Recognition.objects.count() == 1


def test_a_refusal_sent_twice_is_one(client, reviewed, principal):
    client.force_login(principal)
    url = reverse("emulation:decline", args=[reviewed.public_id])
    _sent_twice(client, url, {"reason": "Chưa lan tỏa."})


def test_a_nomination_sent_twice_is_one(client, campaign, clerk, teacher):
    client.force_login(clerk)
    data = {"nominee": str(teacher.pk), "deed": "Trả lại ví cho phụ huynh."}
    _sent_twice(client, reverse("emulation:nominate", args=[campaign.public_id]), data)
    assert Nomination.objects.count() == 1


def test_a_nominee_answering_twice_answers_once(client, campaign, clerk, teacher):
    nomination = nominations.nominate(
        campaign=campaign, nominator=clerk, nominee=teacher, deed="Trả lại ví cho phụ huynh."
    )
    client.force_login(teacher)
    url = reverse("emulation:nomination_answer", args=[nomination.public_id])
    _sent_twice(client, url, {"answer": "yes"})


def test_the_nomination_vote_opened_twice_is_one_ballot(client, consented, principal):
    client.force_login(principal)
    url = reverse("emulation:nomination_open_vote", args=[consented.public_id])
    _sent_twice(client, url, {})
    assert Ballot.objects.count() == 1


def test_the_nomination_vote_closed_twice_is_closed_once(client, consented, principal):
    nominations.open_nomination_vote(nomination=consented, actor=principal)
    client.force_login(principal)
    url = reverse("emulation:nomination_close_vote", args=[consented.public_id])
    _sent_twice(client, url, {})


def test_a_phase_change_from_a_stale_page_is_refused(client, campaign, council, principal):
    # given: the page was read in registration; the campaign has moved two phases since
    advance_to(campaign, principal, "review")
    client.force_login(principal)
    before = _state()
    # when
    url = reverse("emulation:advance", args=[campaign.public_id])
    response = client.post(url, {"from_status": "registration"}, follow=True)
    # then
    assert response.status_code == 200
    assert "đã chuyển sang giai đoạn" in response.content.decode()
    assert _state() == before


def test_a_criterion_removed_twice_is_removed_once(client, campaign, principal):
    client.force_login(principal)
    criterion = campaign.criteria.first()
    data = {"criterion": str(criterion.pk), "remove": "1"}
    url = reverse("emulation:criteria", args=[campaign.public_id])
    # the criterion is gone: the second send names nothing and answers 404
    _sent_twice(client, url, data, answered={404})


def test_the_shortlist_vote_closed_twice_is_closed_once(client, submitted, inspector):
    review.open_shortlist_ballot(campaign=submitted.campaign, actor=inspector)
    client.force_login(inspector)
    url = reverse("emulation:shortlist_close", args=[submitted.campaign.public_id])
    _sent_twice(client, url, {})


def test_a_story_sent_twice_is_written_once(client, reviewed, principal):
    review.recognise_registration(
        registration=reviewed, actor=principal, level="recognised", issued_on=dt.date(2026, 11, 30)
    )
    client.force_login(principal)
    data = {"story": "Cả lớp 1A1 cùng phụ huynh đọc sách mỗi tối.", "publish": "on"}
    _sent_twice(client, reverse("emulation:story", args=[reviewed.public_id]), data)


@pytest.fixture
def voted(consented, principal, union_officer, inspector, clerk):
    """The staff's vote on the good example, carried and closed."""
    ballot = nominations.open_nomination_vote(nomination=consented, actor=principal)
    for person in (principal, union_officer, inspector, clerk):
        ballots.cast_ballot(ballot=ballot, voter=person, choices=["yes"])
    nominations.close_nomination_vote(nomination=consented, actor=principal)
    return Nomination.objects.get(pk=consented.pk)


def test_a_good_example_recognised_twice_is_one_decision(client, voted, principal):
    client.force_login(principal)
    url = reverse("emulation:nomination_recognise", args=[voted.public_id])
    _sent_twice(client, url, {"issued_on": "2026-11-30"})


def test_a_good_example_declined_twice_is_declined_once(client, voted, principal):
    client.force_login(principal)
    url = reverse("emulation:nomination_decline", args=[voted.public_id])
    _sent_twice(client, url, {"reason": "Chưa đủ căn cứ."})
