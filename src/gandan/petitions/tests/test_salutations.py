"""The form of address chosen at intake, in every letter: "Kính gửi: Bà Lê Thị Hoa", and
"bà Lê Thị Hoa" inside a sentence; the neutral "Ông/Bà" only when nothing was chosen."""

import datetime as dt
import io
import re

import docx
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gandan.paperwork.document import DocumentSpec
from gandan.paperwork.rendering import render_docx
from gandan.petitions import documents, services
from gandan.petitions.models import Case, CaseKind
from gandan.petitions.services.workflow import CasePart
from gandan.petitions.tests.conftest import RECEIVED, submit

URL = "/gui-y-kien/th-thanh-to/"
HOA = services.Sender(
    name="Lê Thị Hoa", phone="0912 000 111", address="Phường Hải An", salutation="ba"
)


def _text(spec: DocumentSpec) -> str:
    parsed = docx.Document(io.BytesIO(render_docx(spec)))
    parts = [p.text for p in parsed.paragraphs]
    for table in parsed.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _no_old_form(text: str) -> None:
    assert "Ông (bà)" not in text and "ông (bà)" not in text


def test_the_public_form_records_the_form_of_address(client, school, deadline_rules):
    page = client.get(URL).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', page)
    assert token is not None
    assert 'name="salutation" value="ba"' in page
    client.post(
        URL,
        {
            "token": token.group(1),
            "kind": "phan_anh",
            "title": "Cổng trường ùn tắc giờ tan học",
            "content": "Xe máy đỗ tràn ra lòng đường trước cổng trường.",
            "name": "Lê Thị Hoa",
            "salutation": "ba",
            "phone": "0912 000 111",
            "consent": "on",
            "website": "",
        },
    )
    assert Case.objects.get().salutation == "ba"


def test_a_value_not_offered_is_refused(client, school, deadline_rules):
    page = client.get(URL).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', page)
    assert token is not None
    response = client.post(
        URL,
        {
            "token": token.group(1),
            "kind": "phan_anh",
            "title": "Cổng trường ùn tắc giờ tan học",
            "content": "Xe máy đỗ tràn ra lòng đường trước cổng trường.",
            "name": "Lê Thị Hoa",
            "salutation": "co",
            "phone": "0912 000 111",
            "consent": "on",
            "website": "",
        },
    )
    assert response.status_code == 400
    assert Case.objects.count() == 0
    # and the service refuses it from any channel
    with pytest.raises(ValidationError) as refused:
        submit(
            school, sender=services.Sender(name="Lê Thị Hoa", phone="0912000111", salutation="x")
        )
    assert "salutation" in refused.value.message_dict
    assert Case.objects.count() == 0


def test_staff_entry_records_it_too(client, school, clerk, deadline_rules):
    client.force_login(clerk)
    client.post(
        reverse("petitions:walk_in"),
        {
            "kind": "kien_nghi",
            "channel": "walk_in",
            "received_on": RECEIVED.isoformat(),
            "people_count": "1",
            "title": "Đề nghị mở thêm lớp bán trú",
            "content": "Nhiều gia đình đi làm xa, đề nghị mở thêm một lớp bán trú.",
            "name": "Nguyễn Văn An",
            "salutation": "ong",
            "address": "Phường Hải An",
            "consent": "on",
        },
    )
    assert Case.objects.get().salutation == "ong"


def test_the_acknowledgement_addresses_her_as_ba(school, clerk, deadline_rules):
    # given
    case = submit(school, sender=HOA)
    # when
    text = _text(services.issue_acknowledgement(case=case, actor=clerk, on=RECEIVED).spec)
    # then: capitalised after "Kính gửi:", lower case inside a sentence
    assert "Kính gửi: Bà Lê Thị Hoa" in text
    assert "nhận được phản ánh của bà Lê Thị Hoa về việc" in text
    assert "Bà theo dõi kết quả trên trang công khai" in text
    _no_old_form(text)


def test_nothing_chosen_prints_the_neutral_form(school, clerk, deadline_rules):
    case = submit(school)  # as every case received before the choice existed
    assert case.salutation == ""
    text = _text(services.issue_acknowledgement(case=case, actor=clerk, on=RECEIVED).spec)
    assert "Kính gửi: Ông/Bà Trần Văn Phụ Huynh" in text
    assert "của ông/bà Trần Văn Phụ Huynh" in text
    _no_old_form(text)


def test_anh_chi_only_where_chosen(school, deadline_rules):
    case = submit(school, sender=HOA.__class__(**{**HOA.__dict__, "salutation": "anh_chi"}))
    text = _text(documents.thanks(case))
    assert "Kính gửi: Anh/Chị Lê Thị Hoa" in text
    assert "cảm ơn anh/chị đã quan tâm" in text and "đồng hành của anh/chị." in text
    _no_old_form(text)


def test_the_apology_and_the_reply_speak_to_her(school, deadline_rules):
    case = submit(school, sender=HOA)
    apology = _text(
        documents.apology(
            case,
            late_step="Giải quyết và trả lời kết quả",
            due=dt.date(2026, 3, 20),
            new_date=dt.date(2026, 3, 25),
            reason="Chờ đơn vị thi công khảo sát mái.",
        )
    )
    assert "Kính gửi: Bà Lê Thị Hoa" in apology
    assert "Nhà trường thành thật xin lỗi bà và hẹn trả kết quả" in apology
    reply = _text(documents.resolution(case, outcome="", answer="Đã thay tấm tôn."))
    assert "Kính gửi: Bà Lê Thị Hoa" in reply and "của bà Lê Thị Hoa về việc" in reply
    _no_old_form(apology + reply)


def test_a_complaint_decision_names_him_inside_its_sentences(school, deadline_rules):
    case = submit(
        school,
        CaseKind.COMPLAINT,
        sender=services.Sender(
            name="Lê Văn Cường", phone="0987111222", address="Số 12 phố Thành Tô", salutation="ong"
        ),
        denounced_person="Hiệu trưởng",
    )
    spec = documents.resolution(case, outcome="Khiếu nại đúng.", answer="Xét miễn tiền bán trú.")
    text = _text(spec)
    assert re.search(r"Xét đơn khiếu nại ngày [^\n]+ của ông Lê Văn Cường", text)
    assert "khiếu nại của ông Lê Văn Cường (lần đầu)" in text
    assert "Ông Lê Văn Cường" in spec.recipients
    _no_old_form(text)


def test_a_denouncer_is_addressed_by_pseudonym_and_the_choice_is_not_kept(school, deadline_rules):
    case = submit(
        school,
        CaseKind.DENUNCIATION,
        sender=HOA,
        denounced_person="Giáo viên lớp 4B",
    )
    # Luật Tố cáo 2018, Điều 47 k2: the form of address would say who she is
    assert case.salutation == ""
    assert documents.addressee(case) == case.pseudonym


def test_a_case_reclassified_as_a_denunciation_drops_it(school, principal, deadline_rules):
    case = submit(school, sender=HOA)
    services.classify_case(case=case, actor=principal, kind=CaseKind.DENUNCIATION)
    case.refresh_from_db()
    assert case.salutation == "" and case.contact_name == ""


def test_a_split_part_keeps_it(school, principal, deadline_rules):
    case = submit(school, CaseKind.RECOMMENDATION, sender=HOA)
    [child] = services.split_case(
        case=case,
        actor=principal,
        parts=[
            CasePart(
                kind=CaseKind.FEEDBACK,
                title="Cổng trường ùn tắc",
                content="Xe máy đỗ tràn ra lòng đường lúc tan học.",
            )
        ],
    )
    assert child.salutation == "ba"
    assert documents.addressee(child) == "Bà Lê Thị Hoa"
