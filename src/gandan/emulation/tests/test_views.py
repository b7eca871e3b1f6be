"""The movement through its pages: the forms parse, the services decide, the pages say so."""

import datetime as dt
from html.parser import HTMLParser

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gandan.emulation.models import (
    Campaign,
    CouncilMember,
    Criterion,
    Nomination,
    Recognition,
    Registration,
    Score,
)
from gandan.emulation.services import review
from gandan.emulation.tests.conftest import photo, register

DAY = dt.date(2026, 11, 28)


def test_head_creates_a_campaign_and_names_the_council(
    client, school, principal, inspector, clerk, union_officer
):
    # given
    client.force_login(principal)
    # when
    response = client.post(
        reverse("emulation:campaign_new"),
        {
            "title": "Phong trào thi đua “Dân vận khéo” năm học 2026–2027",
            "year_label": "năm học 2026–2027",
            "starts_on": "2026-09-05",
            "ends_on": "2027-05-31",
            "theme": "Nghe dân nói, nói dân hiểu, làm dân tin",
        },
    )
    campaign = Campaign.objects.get()
    # then
    assert response.status_code == 302
    assert response["Location"] == reverse("emulation:campaign", args=[campaign.public_id])
    assert campaign.criteria.count() == 10
    # when: the council
    response = client.post(
        reverse("emulation:council", args=[campaign.public_id]),
        {"chair": inspector.pk, "secretary": clerk.pk, "members": [union_officer.pk]},
    )
    assert response.status_code == 302
    assert dict(CouncilMember.objects.values_list("user__username", "role")) == {
        "thanhtra": "chair",
        "vanthu": "secretary",
        "congdoan": "member",
    }
    page = client.get(reverse("emulation:campaign", args=[campaign.public_id])).content.decode()
    assert "Hoàng Thị Thanh Tâm" in page and "Chủ tịch Hội đồng" in page


def test_head_edits_adds_and_removes_criteria(client, campaign, principal):
    client.force_login(principal)
    url = reverse("emulation:criteria", args=[campaign.public_id])
    first = campaign.criteria.get(kind="collective", order=1)
    # edit
    client.post(
        url,
        {
            "criterion": first.pk,
            f"c{first.pk}-text": "Sáng tạo, hiệu quả",
            f"c{first.pk}-max_points": 30,
        },
    )
    first.refresh_from_db()
    assert (first.text, first.max_points) == ("Sáng tạo, hiệu quả", 30)
    # add
    client.post(url, {"new-kind": "collective", "new-text": "Được nhân rộng", "new-max_points": 10})
    assert campaign.criteria.filter(kind="collective").count() == 6
    # remove
    client.post(url, {"criterion": first.pk, "remove": "1"})
    assert not Criterion.objects.filter(pk=first.pk).exists()
    # an invalid edit says why and changes nothing
    second = campaign.criteria.get(kind="collective", order=2)
    response = client.post(
        url,
        {"criterion": second.pk, f"c{second.pk}-text": "", f"c{second.pk}-max_points": 0},
        follow=True,
    )
    assert "Tiêu chí cần có nội dung" in response.content.decode()
    assert Criterion.objects.get(pk=second.pk).max_points == 20


def test_teacher_registers_reports_and_submits_through_the_pages(
    client, campaign, council, principal, teacher, subject_group, media
):
    client.force_login(teacher)
    # the form offers her own subject group
    form = client.get(reverse("emulation:register", args=[campaign.public_id])).content.decode()
    assert "Tổ chuyên môn khối 1" in form
    response = client.post(
        reverse("emulation:register", args=[campaign.public_id]),
        {
            "kind": "model",
            "title": "Sổ liên lạc điện tử thân thiện",
            "unit": subject_group.pk,
            "field": "culture_society",
            "problem": "Phụ huynh khó theo dõi việc học.",
            "goals": "Mọi phụ huynh khối 1 dùng sổ liên lạc.",
            "mobilisation": "Hướng dẫn tại buổi họp.",
            "expected_results": "Phụ huynh phản hồi hằng tuần.",
        },
    )
    registration = Registration.objects.get()
    assert response["Location"] == reverse("emulation:registration", args=[registration.public_id])
    assert registration.unit == subject_group and registration.criterion_kind == "collective"
    # an update with a photo
    client.force_login(principal)
    client.post(reverse("emulation:advance", args=[campaign.public_id]))
    client.force_login(teacher)
    response = client.post(
        reverse("emulation:update", args=[registration.public_id]),
        {"text": "Đã hướng dẫn 40 phụ huynh.", "files": [photo()]},
    )
    assert response.status_code == 302
    page = client.get(reverse("emulation:registration", args=[registration.public_id]))
    html = page.content.decode()
    evidence = registration.updates.get().evidence.get()
    assert reverse("emulation:evidence", args=[evidence.public_id]) in html
    assert "Đã hướng dẫn 40 phụ huynh." in html
    # submit
    client.post(reverse("emulation:submit", args=[registration.public_id]))
    assert Registration.objects.get().status == "submitted"


def test_a_refused_registration_keeps_the_form_with_the_reason(
    client, campaign, principal, teacher
):
    client.force_login(principal)
    client.post(reverse("emulation:advance", args=[campaign.public_id]))
    client.force_login(teacher)
    response = client.post(
        reverse("emulation:register", args=[campaign.public_id]),
        {
            "kind": "model",
            "title": "Muộn",
            "field": "economy",
            "problem": "x",
            "goals": "x",
            "mobilisation": "x",
            "expected_results": "x",
        },
    )
    assert response.status_code == 200
    assert "hết thời gian nhận đăng ký" in response.content.decode()
    assert not Registration.objects.exists()


def test_council_scores_the_chair_concludes_the_head_recognises(
    client, submitted, inspector, clerk, principal, school
):
    # given: both members fill their cards
    sheet = submitted.campaign.criteria.filter(kind="individual")
    for member, points in ((inspector, 16), (clerk, 19)):
        client.force_login(member)
        data: dict[str, int | str] = {f"points_{c.pk}": points for c in sheet}
        data.update({f"comment_{c.pk}": "" for c in sheet})
        response = client.post(reverse("emulation:score", args=[submitted.public_id]), data)
        assert response.status_code == 302
    assert Score.objects.count() == 10
    # when: the chair concludes
    client.force_login(inspector)
    client.post(
        reverse("emulation:conclude", args=[submitted.campaign.public_id]),
        {"issued_on": DAY.isoformat()},
    )
    registration = Registration.objects.get()
    assert str(registration.council_score) == "87.50"
    # and the head recognises with a public story
    client.force_login(principal)
    response = client.post(
        reverse("emulation:recognise", args=[registration.public_id]),
        {
            "level": "school_merit",
            "issued_on": DAY.isoformat(),
            "story": "Nhóm Zalo lớp 1A1 giúp phụ huynh theo sát việc học của con.",
            "publish": "on",
        },
    )
    assert response.status_code == 302
    recognition = Recognition.objects.get()
    assert recognition.decision.number_symbol == "02/QĐ-THTT"
    # then: the story is on the public site, without an account
    client.logout()
    public = client.get(reverse("emulation:public", args=[school.slug])).content.decode()
    assert "Zalo “Phụ huynh đồng hành”" in public
    story = client.get(reverse("emulation:public_story", args=[school.slug, recognition.public_id]))
    assert "Nhóm Zalo lớp 1A1" in story.content.decode()
    assert "02/QĐ-THTT" in story.content.decode()
    # and the school's public page links to the stories
    home = client.get(reverse("portal:school", args=[school.slug])).content.decode()
    assert reverse("emulation:public", args=[school.slug]) in home


def test_unpublished_stories_and_other_schools_stay_off_the_public_site(
    client, reviewed, principal, school, other_school
):
    recognition = review.recognise_registration(
        registration=reviewed, actor=principal, level="recognised", issued_on=DAY, story="Riêng."
    )
    assert (
        client.get(reverse("emulation:public", args=[school.slug])).content.decode().count("Zalo")
        == 0
    )
    assert (
        client.get(
            reverse("emulation:public_story", args=[school.slug, recognition.public_id])
        ).status_code
        == 404
    )
    review.update_story(recognition=recognition, actor=principal, story="Đã sửa.", publish=True)
    assert (
        client.get(
            reverse("emulation:public_story", args=[other_school.slug, recognition.public_id])
        ).status_code
        == 404
    )
    assert (
        "Zalo"
        not in client.get(reverse("emulation:public", args=[other_school.slug])).content.decode()
    )
    assert client.get(reverse("emulation:public", args=["khong-co"])).status_code == 404


def test_nominee_consents_on_her_own_page(client, campaign, union_officer, teacher, principal):
    client.force_login(union_officer)
    client.post(
        reverse("emulation:nominate", args=[campaign.public_id]),
        {"nominee": teacher.pk, "deed": "Đưa học sinh bị ốm về tận nhà."},
    )
    nomination = Nomination.objects.get()
    assert nomination.nominator == union_officer
    # the head cannot open a vote yet; the page does not offer it
    client.force_login(principal)
    page = client.get(reverse("emulation:nomination", args=[nomination.public_id]))
    assert "Mở bỏ phiếu" not in page.content.decode()
    # she agrees
    client.force_login(teacher)
    page = client.get(reverse("emulation:nomination", args=[nomination.public_id])).content.decode()
    assert "Bạn có đồng ý được đề cử không?" in page
    client.post(
        reverse("emulation:nomination_answer", args=[nomination.public_id]), {"answer": "yes"}
    )
    nomination.refresh_from_db()
    assert nomination.status == "consented" and nomination.consent_given_at is not None
    # the head opens the vote and lands on democracy's ballot page
    client.force_login(principal)
    response = client.post(reverse("emulation:nomination_open_vote", args=[nomination.public_id]))
    nomination.refresh_from_db()
    assert nomination.ballot is not None
    assert response["Location"] == reverse("democracy:ballot", args=[nomination.ballot.public_id])


def test_campaign_page_queries_do_not_grow_with_registrations(client, campaign, principal, teacher):
    client.force_login(principal)
    url = reverse("emulation:campaign", args=[campaign.public_id])
    register(campaign, teacher, title="Mô hình 1")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for index in range(2, 8):
        register(campaign, teacher, title=f"Mô hình {index}")
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


class _Tables(HTMLParser):
    """Each table's header cells and each body row's data-label attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.headers: list[list[str]] = []
        self.rows: list[tuple[int, list[str]]] = []
        self._in_th = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.headers.append([])
        elif tag == "th":
            self._in_th = True
            self.headers[-1].append("")
        elif tag == "tr":
            self.rows.append((len(self.headers) - 1, []))
        elif tag == "td":
            self.rows[-1][1].append(dict(attrs).get("data-label") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "th":
            self._in_th = False

    def handle_data(self, data: str) -> None:
        if self._in_th:
            self.headers[-1][-1] += data.strip()


def test_on_a_phone_each_cell_is_labelled_as_its_column(client, reviewed, principal):
    # given: the campaign page with both tables (the council's results and the registrations)
    client.force_login(principal)
    # when
    page = client.get(reverse("emulation:campaign", args=[reviewed.campaign.public_id]))
    tables = _Tables()
    tables.feed(page.content.decode())
    # then: the stacked cells on a phone repeat the headers of the wide table
    labelled = [(table, labels) for table, labels in tables.rows if labels]
    assert len({table for table, _labels in labelled}) >= 2
    for table, labels in labelled:
        assert labels == tables.headers[table]
