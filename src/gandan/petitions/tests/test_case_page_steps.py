"""The case page reads as a next step: for each state, the actions that make sense next are
open at the top (at most three), the others folded, and an action the state refuses is not
there at all. Seen by the head (who may do everything but see a denouncer) through HTTP."""

import datetime as dt
import re
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from gandan.petitions import services
from gandan.petitions.models import CaseKind
from gandan.petitions.tests.conftest import RECEIVED, submit

pytestmark = pytest.mark.django_db

PANEL = re.compile(r'id="thao-tac-([a-z-]+)" data-panel="(next|folded)"')


@pytest.fixture(autouse=True)
def on_today():
    # Wednesday 04/3/2026: two days after receipt, nothing overdue.
    with time_machine.travel(dt.datetime(2026, 3, 4, 2, tzinfo=dt.UTC), tick=False):
        yield


def panels(user, case, client) -> tuple[list[str], set[str]]:
    """(open panels in order, folded panels) of the case page as `user` sees it."""
    client.force_login(user)
    page = client.get(reverse("petitions:detail", args=[case.public_id]))
    assert page.status_code == 200
    found = PANEL.findall(page.content.decode())
    return [slug for slug, kind in found if kind == "next"], {
        slug for slug, kind in found if kind == "folded"
    }


def test_a_new_feedback_asks_for_a_handler_or_an_answer(client, principal, feedback):
    # when
    first, folded = panels(principal, feedback, client)
    # then
    assert first == ["phan-cong", "giai-quyet", "tiep-nhan"]
    assert {"thu-ly", "khong-thu-ly", "chuyen", "phan-loai", "dong", "rut"} <= folded
    # not in this state: resumption, sending, closing, publication, thanks, suspension
    shown = set(first) | folded
    assert not shown & {"tiep-tuc", "gui", "ket-thuc", "cong-khai", "cam-on", "tam-dinh-chi"}


def test_a_new_complaint_asks_for_the_admission_decision(client, principal, complaint):
    first, folded = panels(principal, complaint, client)
    assert first == ["thu-ly", "khong-thu-ly", "tiep-nhan"]
    assert "chuyen" in folded
    # resolve_case refuses a complaint not accepted (Luật Khiếu nại 2011, Điều 27)
    assert "giai-quyet" not in set(first) | folded


def test_the_acknowledgement_once_issued_is_no_longer_offered(client, principal, feedback):
    # given
    services.issue_acknowledgement(case=feedback, actor=principal, on=RECEIVED)
    # when
    first, folded = panels(principal, feedback, client)
    # then
    assert "tiep-nhan" not in set(first) | folded
    assert first == ["phan-cong", "giai-quyet"]


def test_an_accepted_denunciation_asks_for_verification_before_a_conclusion(
    client, principal, assigned_denunciation
):
    # when: accepted and assigned to the deputy, nothing verified yet
    first, folded = panels(principal, assigned_denunciation, client)
    # then: the minutes first; a conclusion would be refused (Luật Tố cáo 2018, Điều 31)
    assert first == ["bien-ban"]
    assert "giai-quyet" not in folded
    assert {"thu-ly", "khong-thu-ly", "chuyen", "tiep-tuc", "gui"}.isdisjoint(folded)
    # the redaction is the resolver's alone: never offered to the head
    assert "bien-tap" not in folded
    page = client.get(reverse("petitions:detail", args=[assigned_denunciation.public_id]))
    assert "Phải có báo cáo kết quả xác minh trước khi kết luận" in page.content.decode()


def test_after_verification_the_resolver_concludes(
    client, resolver, verifier, assigned_denunciation
):
    # given
    services.record_minutes(
        case=assigned_denunciation,
        actor=verifier,
        kind="verification",
        held_on=RECEIVED,
        participants="Tổ xác minh",
        content="Đã xác minh.",
    )
    # when
    first, folded = panels(resolver, assigned_denunciation, client)
    # then: the redacted version (still pending) and the conclusion, open
    assert first == ["bien-tap", "giai-quyet"]
    assert "bien-ban" in folded


def test_a_suspended_case_offers_resumption_only_as_next(client, principal, assigned_denunciation):
    # given
    services.suspend_case(
        case=assigned_denunciation, actor=principal, reason="Chờ kết quả giám định."
    )
    # when
    first, folded = panels(principal, assigned_denunciation, client)
    # then
    assert first == ["tiep-tuc"]
    assert {"giai-quyet", "bien-ban", "gia-han", "tam-dinh-chi"}.isdisjoint(folded)
    assert {"phan-cong", "dong", "rut"} <= folded


def test_a_resolved_denunciation_is_sent_and_published_before_it_is_closed(
    client, principal, resolver, verifier, assigned_denunciation
):
    # given: concluded
    case = assigned_denunciation
    services.record_minutes(
        case=case,
        actor=verifier,
        kind="verification",
        held_on=RECEIVED,
        participants="Tổ xác minh",
        content="Đã xác minh.",
    )
    services.resolve_case(
        case=case, actor=resolver, outcome="Tố cáo đúng một phần.", public_answer="Đã kết luận."
    )
    # then: sending and publication come next; closing is refused until both are done
    first, folded = panels(principal, case, client)
    assert first == ["gui", "cong-khai"]
    assert "ket-thuc" not in folded
    # when: sent and published
    services.send_resolution(case=case, actor=principal)
    services.publish_resolution(case=case, actor=principal, how="Niêm yết tại trụ sở.")
    # then
    first, folded = panels(principal, case, client)
    assert first == ["ket-thuc"]
    assert not folded & {"gui", "cong-khai", "giai-quyet", "bien-ban"}


def test_an_answered_feedback_offers_the_thanks_once(client, principal, feedback):
    # given: answered (which closes a feedback at once)
    services.resolve_case(
        case=feedback, actor=principal, outcome="", public_answer="Đã sửa mái tôn."
    )
    first, folded = panels(principal, feedback, client)
    assert first == ["cam-on"]
    assert folded == set()
    # when: the thanks issued
    services.issue_thanks(case=feedback, actor=principal)
    # then: nothing left to do
    first, folded = panels(principal, feedback, client)
    assert (first, folded) == ([], set())
    page = client.get(reverse("petitions:detail", args=[feedback.public_id]))
    assert "Vụ việc đã kết thúc." in page.content.decode()


def test_a_refused_complaint_offers_nothing(client, principal, complaint):
    services.refuse_case(case=complaint, actor=principal, reason="Đã quá thời hiệu.")
    assert panels(principal, complaint, client) == ([], set())


def test_never_more_than_three_open_panels(client, principal, school, deadline_rules):
    # given: every kind, new
    request: dict[str, Any] = {
        "information_form": "ban_sao",
        "delivery": "pick_up",
        "information_purpose": "Tìm hiểu",
        "sender": services.Sender(name="Lê Thị Hỏi", address="Hải An", id_number="031099000111"),
    }
    for kind in CaseKind.values:
        extra = request if kind == CaseKind.INFORMATION_REQUEST else {}
        case = submit(school, kind, denounced_person="Ông Lê Văn Dạy", **extra)
        # when
        first, folded = panels(principal, case, client)
        # then
        assert 1 <= len(first) <= 3, kind
        assert not set(first) & folded


def test_a_refused_submission_of_a_folded_action_is_shown_open(client, principal, complaint):
    # when: a transfer sent without the body it goes to
    client.force_login(principal)
    page = client.post(
        reverse("petitions:action", args=[complaint.public_id, "chuyen"]), {"reason": "x"}
    )
    # then: the folded panel and its group are open, with the error
    assert page.status_code == 400
    html = page.content.decode()
    assert re.search(r'id="thao-tac-khac" open', html)
    assert re.search(r'id="thao-tac-chuyen" data-panel="folded" open', html)


def test_the_decision_form_asks_only_for_the_reasons_this_case_may_need(
    client, principal, complaint, feedback
):
    # given: a first-instance complaint accepted, nothing on file yet
    services.accept_case(case=complaint, actor=principal, on=RECEIVED)
    services.assign_case(case=complaint, actor=principal, handler=principal)
    client.force_login(principal)
    # when
    html = client.get(reverse("petitions:detail", args=[complaint.public_id])).content.decode()
    # then: the decision is offered, with the reasons that may stand in for missing minutes
    assert 'id="thao-tac-giai-quyet" data-panel="next"' in html
    assert 'name="no_verification_reason"' in html and 'name="no_dialogue_reason"' in html
    # when: verified and the dialogue held, the reasons are no longer asked
    for kind in ("verification", "dialogue"):
        services.record_minutes(
            case=complaint,
            actor=principal,
            kind=kind,
            held_on=RECEIVED,
            participants="Tổ xác minh",
            content="Đã làm.",
        )
    html = client.get(reverse("petitions:detail", args=[complaint.public_id])).content.decode()
    assert "no_verification_reason" not in html and "no_dialogue_reason" not in html
    # and a feedback's answer never asks for them
    html = client.get(reverse("petitions:detail", args=[feedback.public_id])).content.decode()
    assert 'id="thao-tac-giai-quyet"' in html
    assert "no_verification_reason" not in html and "no_dialogue_reason" not in html


def test_a_second_instance_complaint_without_dialogue_offers_no_decision(
    client, school, principal, deadline_rules
):
    # given: a second-instance complaint accepted and verified, no dialogue held
    case = submit(
        school, CaseKind.COMPLAINT, denounced_person="Hiệu trưởng", idempotency_key="lan-hai"
    )
    case = services.classify_case(
        case=case, actor=principal, kind=CaseKind.COMPLAINT, procedure="lan_hai"
    )
    services.accept_case(case=case, actor=principal, on=RECEIVED)
    services.assign_case(case=case, actor=principal, handler=principal)
    services.record_minutes(
        case=case,
        actor=principal,
        kind="verification",
        held_on=RECEIVED,
        participants="Tổ xác minh",
        content="Đã xác minh.",
    )
    # when
    first, folded = panels(principal, case, client)
    # then: the dialogue first (Luật Khiếu nại 2011, Điều 39); a decision would be refused
    assert first == ["bien-ban"]
    assert "giai-quyet" not in folded
    page = client.get(reverse("petitions:detail", args=[case.public_id])).content.decode()
    assert "Thủ tục này bắt buộc đối thoại trước khi ra quyết định" in page
