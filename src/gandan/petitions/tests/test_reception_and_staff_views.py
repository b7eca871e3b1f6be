"""Reception (schedule, register) and the staff pages driving the workflow over HTTP."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from gandan.petitions import secrecy, services
from gandan.petitions.models import Case, ReceptionEntry, ReceptionSession
from gandan.petitions.tests.conftest import RECEIVED, at, submit

MONDAY = dt.date(2026, 3, 2)


def test_the_schedule_is_posted_five_working_days_ahead(school, principal):
    # Luật Tiếp công dân 2013, Điều 24 k4: posted Monday 02/3 → the earliest day is Mon 09/3
    assert services.earliest_reception_day(MONDAY) == dt.date(2026, 3, 9)
    with pytest.raises(ValidationError) as refused:
        services.schedule_reception(
            organisation=school,
            actor=principal,
            host=principal,
            date=dt.date(2026, 3, 6),
            start_time=dt.time(8),
            end_time=dt.time(11),
            place="Phòng tiếp công dân",
            published_on=MONDAY,
        )
    assert "09/03/2026" in refused.value.message_dict["date"][0]
    assert ReceptionSession.objects.count() == 0
    session = services.schedule_reception(
        organisation=school,
        actor=principal,
        host=principal,
        date=dt.date(2026, 3, 9),
        start_time=dt.time(8),
        end_time=dt.time(11),
        place="Phòng tiếp công dân",
        published_on=MONDAY,
    )
    assert session.published_on == MONDAY


def test_the_head_receives_in_person_from_july_2026(school, principal, deputy):
    # Luật 136/2025/QH15: no delegation to a deputy from 01/7/2026
    common = {
        "organisation": school,
        "actor": principal,
        "start_time": dt.time(8),
        "end_time": dt.time(11),
        "place": "Phòng tiếp công dân",
        "published_on": dt.date(2026, 6, 1),
    }
    services.schedule_reception(host=deputy, date=dt.date(2026, 6, 15), **common)
    with pytest.raises(ValidationError) as refused:
        services.schedule_reception(host=deputy, date=dt.date(2026, 7, 6), **common)
    assert "136/2025" in refused.value.message_dict["host"][0]


def test_months_without_a_reception_day_are_flagged(school, principal, deadline_rules):
    assert services.months_without_reception(school, 2026, dt.date(2026, 3, 31)) == []
    submit(school, received_at=at(dt.date(2026, 1, 15)))
    services.schedule_reception(
        organisation=school,
        actor=principal,
        host=principal,
        date=dt.date(2026, 2, 10),
        start_time=dt.time(8),
        end_time=dt.time(11),
        place="Phòng tiếp",
        published_on=dt.date(2026, 1, 20),
    )
    # Luật Tiếp công dân 2013, Điều 18 k2: at least one day a month
    assert services.months_without_reception(school, 2026, dt.date(2026, 3, 31)) == [1, 3]


def test_postponing_announces_the_new_date(school, principal):
    session = services.schedule_reception(
        organisation=school,
        actor=principal,
        host=principal,
        date=dt.date(2030, 3, 11),
        start_time=dt.time(8),
        end_time=dt.time(11),
        place="Phòng tiếp",
    )
    with pytest.raises(ValidationError):
        services.postpone_reception(
            session=session, actor=principal, new_date=dt.date(2030, 3, 18), reason=" "
        )
    session = services.postpone_reception(
        session=session, actor=principal, new_date=dt.date(2030, 3, 18), reason="Họp đột xuất"
    )
    assert session.postponed_from == dt.date(2030, 3, 11) and session.status == "postponed"


def test_the_public_schedule_page(client, school, principal):
    services.schedule_reception(
        organisation=school,
        actor=principal,
        host=principal,
        date=dt.date(2030, 3, 11),
        start_time=dt.time(8),
        end_time=dt.time(11),
        place="Phòng tiếp công dân, tầng 1",
    )
    page = client.get(reverse("petitions:public_schedule", args=[school.slug])).content.decode()
    assert "Phòng tiếp công dân, tầng 1" in page and "11/03/2030" in page


def test_register_lines_are_numbered_per_year_and_sealed(school, clerk):
    first = services.record_reception(
        organisation=school,
        actor=clerk,
        received_on=RECEIVED,
        name="Vũ Thị Hỏi",
        address="Hải An",
        id_number="031077000999",
        content_summary="Hỏi thủ tục chuyển trường",
        guidance="Hướng dẫn nộp hồ sơ tại văn phòng",
    )
    second = services.record_reception(
        organisation=school,
        actor=clerk,
        received_on=RECEIVED,
        name="Đỗ Văn Đến",
        content_summary="Hỏi lịch họp phụ huynh",
    )
    assert (first.number, second.number) == (1, 2)
    assert "Vũ Thị Hỏi" not in first.name_token
    assert secrecy.unseal(first.id_number_token) == "031077000999"
    with pytest.raises(ValidationError):
        services.record_reception(
            organisation=school,
            actor=clerk,
            received_on=RECEIVED,
            name="Ai đó",
            content_summary="Tố cáo",
            kind="to_cao",
        )
    assert ReceptionEntry.objects.count() == 2


def test_walk_in_creates_the_case_and_the_register_line(client, school, clerk, deadline_rules):
    client.force_login(clerk)
    response = client.post(
        reverse("petitions:walk_in"),
        {
            "kind": "kien_nghi",
            "channel": "walk_in",
            "received_on": RECEIVED.isoformat(),
            "people_count": "3",
            "register": "on",
            "title": "Đề nghị mở thêm lớp bán trú",
            "content": "Ba phụ huynh khối 1 đề nghị mở thêm một lớp bán trú.",
            "name": "Lê Văn Đại Diện",
            "phone": "0911222333",
            "consent": "on",
        },
    )
    case = Case.objects.get()
    assert response["Location"] == reverse("petitions:detail", args=[case.public_id])
    assert case.channel == "walk_in" and case.created_by == clerk
    assert case.received_on == RECEIVED
    entry = ReceptionEntry.objects.get()
    assert entry.case == case and entry.people_count == 3 and entry.kind == "kien_nghi"
    register = client.get(reverse("petitions:register")).content.decode()
    assert "Lê Văn Đại Diện" in register


def test_the_head_accepts_and_assigns_through_the_case_page(client, complaint, principal):
    client.force_login(principal)
    detail = reverse("petitions:detail", args=[complaint.public_id])
    page = client.get(detail).content.decode()
    assert "Thụ lý" in page and "Phân công" in page
    with time_machine.travel(dt.datetime(2026, 3, 3, 9, tzinfo=dt.UTC), tick=False):
        response = client.post(reverse("petitions:action", args=[complaint.public_id, "thu-ly"]))
    assert response["Location"] == detail
    complaint.refresh_from_db()
    assert complaint.accepted_on == dt.date(2026, 3, 3)
    # a replay says so and changes nothing (test_replays.py)
    response = client.post(reverse("petitions:action", args=[complaint.public_id, "thu-ly"]))
    assert response.status_code == 302
    assert "đã được thực hiện trước đó" in client.get(detail).content.decode()
    # an action the state does not allow shows the reason and changes nothing
    response = client.post(reverse("petitions:action", args=[complaint.public_id, "tiep-tuc"]))
    assert response.status_code == 302
    assert "Vụ việc không ở trạng thái tạm đình chỉ." in client.get(detail).content.decode()


def test_an_invalid_action_form_re_renders_with_errors(client, complaint, principal):
    client.force_login(principal)
    response = client.post(
        reverse("petitions:action", args=[complaint.public_id, "khong-thu-ly"]), {"reason": ""}
    )
    assert response.status_code == 400
    assert "Không thụ lý" in response.content.decode()
    complaint.refresh_from_db()
    assert complaint.status == "received"


def test_case_document_downloads_as_docx(client, complaint, principal):
    services.accept_case(case=complaint, actor=principal, on=RECEIVED)
    document = services.case_documents(complaint).get()
    client.force_login(principal)
    response = client.get(reverse("petitions:document", args=[complaint.public_id, document.pk]))
    assert response.status_code == 200
    assert response.content[:2] == b"PK"
    assert "01-TB-THTT.docx" in response["Content-Disposition"]
