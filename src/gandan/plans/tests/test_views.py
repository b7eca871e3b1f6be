"""Plans through the Django test client: import with preview, assign, report, download."""

import datetime as dt
import hashlib
import html
import zoneinfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gandan.plans import services
from gandan.plans.models import Assignment, Evidence, Plan, ProgressUpdate
from gandan.plans.tests import factories

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
SEED_HEADINGS = [
    "Tổ chức quán triệt và thể chế hóa chủ trương, đường lối của Đảng, chính sách, pháp luật "
    "của Nhà nước về công tác dân vận",
    "Đẩy mạnh công tác tuyên truyền, giáo dục nhận thức về ý nghĩa, tầm quan trọng của công tác "
    "dân vận",
    "Tiếp tục thực hiện tốt phong trào thi đua “Dân vận khéo”, gắn với đẩy mạnh học tập và làm "
    "theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Tiếp tục tổ chức triển khai có hiệu quả Chương trình tổng thể cải cách hành chính nhà nước "
    "giai đoạn 2021 - 2030",
    "Tăng cường giáo dục đạo đức công vụ, nâng cao tinh thần trách nhiệm, ý thức phục vụ Nhân dân "
    "của cán bộ, công chức, viên chức",
    "Tổ chức thực hiện tốt Luật tiếp cận thông tin; tập trung giải quyết các bức xúc, kiến nghị "
    "của Nhân dân",
]
UNREADABLE = (
    "Không đọc được tệp này. Hãy kiểm tra đó là tệp Word (.docx) hoặc văn bản thuần "
    "mã UTF-8 (.txt)."
)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "files"
    return settings.MEDIA_ROOT


@pytest.fixture
def plan(school, principal) -> Plan:
    return factories.import_seed(school, principal)


def _text(response) -> str:
    return html.unescape(response.content.decode())


def _upload_seed(client):
    seed = SimpleUploadedFile("ke-hoach.txt", factories.SEED.read_bytes(), "text/plain")
    return client.post(reverse("plans:import"), {"file": seed})


def _preview_data(response) -> dict:
    """What the browser would send back from the preview: every field as it was shown."""
    form = response.context["form"]
    data = {name: form[name].value() for name in form.fields}
    return {name: "" if value is None else value for name, value in data.items()}


# Import.


def test_upload_shows_the_preview_with_tasks_and_replacement_warnings(client, principal, school):
    # given
    client.force_login(principal)
    # when
    response = _upload_seed(client)
    # then
    assert response.status_code == 200
    assert response.templates[0].name == "plans/preview.html"
    body = _text(response)
    for heading in SEED_HEADINGS:
        assert heading in body
    assert "Đã đọc được 3 mục, 6 nhiệm vụ và 39 trích dẫn văn bản." in body
    assert "Nghị định 149/2018/NĐ-CP đã được thay thế bởi Nghị định 145/2020/NĐ-CP" in body
    assert "Thông tư 36/2017/TT-BGDĐT đã được thay thế bởi Thông tư 09/2024/TT-BGDĐT" in body
    assert Plan.objects.count() == 0


def test_the_preview_names_the_cited_texts_nobody_has_checked(client, principal, school):
    # given: the seed cites Kế hoạch 81/KH-SGDĐT, which the register does not hold
    client.force_login(principal)
    # when
    body = _text(_upload_seed(client))
    # then: said, not left silent
    assert "Văn bản viện dẫn chưa kiểm tra hiệu lực:" in body
    assert "Kế hoạch 81/KH-SGDĐT" in body.split("chưa kiểm tra hiệu lực:")[1].split("</ul>")[0]


def test_a_text_without_structure_is_told_what_could_not_be_read(client, principal, school):
    # given: a file with no heading, no numbered section, no task
    client.force_login(principal)
    upload = SimpleUploadedFile(
        "ghi-chu.txt",
        "Họp chi bộ sáng thứ Hai.\nMang theo sổ ghi chép.\n".encode(),
        "text/plain",
    )
    # when
    response = client.post(reverse("plans:import"), {"file": upload})
    # then: the form says what could not be read, in Vietnamese
    assert response.status_code == 200
    body = _text(response)
    assert "Không tìm thấy nội dung kế hoạch trong tệp này." in body
    assert "Không nhận ra cấu trúc kế hoạch" in body


def test_saving_the_preview_keeps_the_corrections(client, principal, school):
    # given
    client.force_login(principal)
    data = _preview_data(_upload_seed(client))
    data["title"] = "Thực hiện công tác dân vận và dân chủ ở cơ sở năm học 2026–2027"
    data["task_4_lead"] = "Ban giám hiệu, Công đoàn trường"
    # when
    response = client.post(reverse("plans:import_save"), data)
    # then
    plan = Plan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:detail", args=[plan.public_id])
    assert (plan.organisation, plan.title, plan.source_name, plan.created_by) == (
        school,
        "Thực hiện công tác dân vận và dân chủ ở cơ sở năm học 2026–2027",
        "ke-hoach.txt",
        principal,
    )
    tasks = list(plan.tasks.order_by("order"))
    assert [t.heading for t in tasks] == SEED_HEADINGS
    assert [t.lead for t in tasks] == [
        "Sở Giáo dục và Đào tạo, các phòng Sở và các đơn vị giáo dục"
    ] * 4 + ["Ban giám hiệu, Công đoàn trường", ""]
    assert [t.items.count() for t in tasks] == [6, 1, 3, 4, 3, 3]
    assert plan.references.count() == 39
    assert plan.versions.get().content["title"] == plan.title


def test_saving_the_preview_without_a_title_shows_it_again(client, principal):
    # given
    client.force_login(principal)
    data = _preview_data(_upload_seed(client))
    data["title"] = ""
    # when
    response = client.post(reverse("plans:import_save"), data)
    # then
    assert response.status_code == 200
    assert response.templates[0].name == "plans/preview.html"
    assert "Trường này là bắt buộc." in _text(response)
    assert Plan.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("ke-hoach.pdf", factories.PDF, "Chỉ nhận tệp .docx hoặc .txt."),
        # Word's "Unicode Text" saves UTF-16: not UTF-8.
        ("ke-hoach.txt", "KẾ HOẠCH\nThực hiện công tác dân vận".encode("utf-16"), UNREADABLE),
        ("ke-hoach.docx", b"PK\x03\x04 not really a zip archive", UNREADABLE),
        ("ke-hoach.txt", b"", "Tập tin được gửi là rỗng."),
        ("ghi-chu.txt", "Chỉ là một dòng ghi chú.".encode(), "Không tìm thấy nội dung kế hoạch"),
    ],
    ids=["pdf", "utf-16-txt", "broken-docx", "empty", "no-plan"],
)
def test_invalid_upload_is_refused_in_vietnamese(client, principal, name, content, error):
    # given
    client.force_login(principal)
    # when
    response = client.post(reverse("plans:import"), {"file": SimpleUploadedFile(name, content)})
    # then
    assert response.status_code == 200
    assert response.templates[0].name == "plans/import.html"
    assert error in _text(response)
    assert Plan.objects.count() == 0


def test_tampered_preview_payload_is_refused(client, principal):
    # given: the payload is signed; someone edits it to slip in another task.
    client.force_login(principal)
    data = _preview_data(_upload_seed(client))
    payload = data["payload"]
    data["payload"] = payload[:-3] + ("AAA" if payload[-3:] != "AAA" else "BBB")
    # when
    response = client.post(reverse("plans:import_save"), data, follow=True)
    # then
    assert response.redirect_chain == [(reverse("plans:import"), 302)]
    assert "Bản xem trước đã hết hạn. Hãy tải tệp kế hoạch lên lại." in _text(response)
    assert Plan.objects.count() == 0


# Assign.


def test_assign_through_the_form_with_working_days(client, principal, teacher, plan):
    # given: Thursday 27/8/2026; Quốc khánh days off 31/8-2/9.
    client.force_login(principal)
    task = plan.tasks.get(number="2")
    url = reverse("plans:assign", args=[plan.public_id, task.pk])
    # when
    with time_machine.travel(dt.datetime(2026, 8, 27, 9, tzinfo=HANOI), tick=False):
        form_page = client.get(url)
        response = client.post(
            url, {"assignee": teacher.pk, "working_days": 3, "note": "Bản tin tháng 9."}
        )
    # then
    assert "Lê Thị Hồng Nhung" in _text(form_page)
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:detail", args=[plan.public_id]) + (
        f"#task-{task.pk}"
    )
    assignment = Assignment.objects.get()
    assert (assignment.task, assignment.assignee, assignment.unit) == (task, teacher, None)
    assert (assignment.due_date, assignment.due_rule, assignment.note) == (
        dt.date(2026, 9, 4),
        "3 ngày làm việc kể từ 27/08/2026",
        "Bản tin tháng 9.",
    )


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"working_days": 3}, "Cần chọn người hoặc đơn vị thực hiện."),
        ({"assignee": "teacher", "unit": "group", "working_days": 3}, "Chỉ chọn một"),
        ({"assignee": "teacher"}, "Cần nhập hạn hoàn thành, hoặc số ngày làm việc"),
        ({"assignee": "teacher", "due_date": "2020-01-01"}, "không được ở trong quá khứ"),
        ({"assignee": "outsider", "working_days": 3}, "Hãy chọn một lựa chọn hợp lệ."),
    ],
    ids=["nobody", "both", "no-due-date", "past", "not-staff"],
)
def test_invalid_assignment_form_changes_nothing(
    client, principal, teacher, outsider, subject_group, plan, data, error
):
    # given
    client.force_login(principal)
    task = plan.tasks.get(number="2")
    ids = {"teacher": teacher.pk, "outsider": outsider.pk, "group": subject_group.pk}
    data = {key: ids.get(value, value) for key, value in data.items()}
    # when
    response = client.post(reverse("plans:assign", args=[plan.public_id, task.pk]), data)
    # then
    assert response.status_code == 200
    assert error in _text(response)
    assert Assignment.objects.count() == 0


# Report progress and evidence.


@pytest.fixture
def assignment(plan, principal, teacher) -> Assignment:
    return services.assign_task(
        task=plan.tasks.get(number="2"),
        actor=principal,
        assignee=teacher,
        due_date=dt.date(2030, 6, 1),
    )


def test_report_progress_with_a_photo_through_the_form(client, teacher, assignment, media):
    # given
    client.force_login(teacher)
    url = reverse("plans:progress", args=[assignment.pk])
    # when
    page = client.get(url)
    response = client.post(
        url,
        {
            "version": 1,
            "status": "in_progress",
            "percent": 60,
            "text": "Đã dán bản tin lên bảng tin.",
            "files": [factories.png("bang-tin.png")],
        },
    )
    # then
    assert page.status_code == 200
    assert response.status_code == 302
    # the teacher lands back at the task reported on, not at the top of a long page
    assert response["Location"] == (
        reverse("plans:detail", args=[assignment.task.plan.public_id])
        + f"#task-{assignment.task_id}"
    )
    assignment.refresh_from_db()
    assert (assignment.status, assignment.percent, assignment.version) == ("in_progress", 60, 2)
    evidence = Evidence.objects.get()
    assert (evidence.original_name, evidence.content_type, evidence.sha256) == (
        "bang-tin.png",
        "image/png",
        hashlib.sha256(factories.PNG).hexdigest(),
    )
    assert (media / evidence.file.name).read_bytes() == factories.PNG


def test_stale_progress_form_shows_the_conflict_and_saves_nothing(
    client, teacher, principal, assignment
):
    # given: the head reported while the teacher's form (version 1) was open.
    services.report_progress(
        assignment=assignment,
        author=principal,
        expected_version=1,
        status="blocked",
        percent=10,
        text="Chờ in ấn.",
    )
    client.force_login(teacher)
    # when
    response = client.post(
        reverse("plans:progress", args=[assignment.pk]),
        {"version": 1, "status": "done", "percent": 100, "text": "Đã xong."},
    )
    # then
    assert response.status_code == 200
    assert "Nhiệm vụ vừa được cập nhật bởi người khác." in _text(response)
    assignment.refresh_from_db()
    assert (assignment.status, assignment.percent, assignment.version) == ("blocked", 10, 2)
    assert ProgressUpdate.objects.count() == 1


def test_evidence_download_returns_the_bytes_as_an_attachment(
    client, teacher, principal, assignment, media
):
    # given
    update = services.report_progress(
        assignment=assignment,
        author=teacher,
        expected_version=1,
        status="in_progress",
        percent=50,
        text="Ảnh bảng tin.",
        files=[factories.png("bang-tin.png")],
    )
    evidence = update.evidence.get()
    client.force_login(principal)
    # when
    response = client.get(reverse("plans:evidence", args=[evidence.public_id]))
    # then
    assert response.status_code == 200
    assert response.content == factories.PNG
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="bang-tin.png"'
    assert response["X-Content-Type-Options"] == "nosniff"


# Desk, plan page and list.


def test_desk_shows_my_tasks_and_marks_the_overdue_one(
    client, principal, teacher, subject_group, plan
):
    # given: one overdue for the teacher, one for the teacher's tổ, one done.
    tasks = list(plan.tasks.order_by("order"))
    services.assign_task(
        task=tasks[0], actor=principal, assignee=teacher, due_date=dt.date(2020, 3, 2)
    )
    services.assign_task(
        task=tasks[1], actor=principal, unit=subject_group, due_date=dt.date(2030, 3, 4)
    )
    done = services.assign_task(
        task=tasks[2], actor=principal, assignee=teacher, due_date=dt.date(2030, 3, 5)
    )
    services.report_progress(
        assignment=done,
        author=teacher,
        expected_version=1,
        status="done",
        percent=100,
        text="Xong.",
    )
    client.force_login(teacher)
    # when
    body = _text(client.get(reverse("desk")))
    # then
    assert "Nhiệm vụ của tôi" in body
    assert "02/03/2020" in body and "04/03/2030" in body
    assert "05/03/2030" not in body
    assert body.count("Quá hạn") == 1
    assert body.index("Quá hạn") < body.index("02/03/2020") < body.index("04/03/2030")


def test_plan_page_lists_warnings_silent_assignees_and_the_timeline(
    client, principal, teacher, plan
):
    # given
    services.assign_task(
        task=plan.tasks.get(number="2"),
        actor=principal,
        assignee=teacher,
        due_date=dt.date(2030, 6, 1),
    )
    client.force_login(principal)
    # when
    body = _text(client.get(reverse("plans:detail", args=[plan.public_id])))
    # then
    assert "Nghị định 149/2018/NĐ-CP đã được thay thế bởi Nghị định 145/2020/NĐ-CP." in body
    assert "Lê Thị Hồng Nhung — nhiệm vụ 2, hạn 01/06/2030" in body
    assert "Chưa báo cáo" in body
    assert f"Nhập kế hoạch “{plan.title}” (6 nhiệm vụ)" in body


def test_plan_list_shows_counts(client, principal, teacher, school, plan):
    # given: a second plan (another title: the same one twice is refused)
    parsed = factories.seed_parsed()
    parsed.title = "Thực hiện công tác dân vận năm học 2026–2027"
    second = services.issue_plan(
        plan=services.save_imported_plan(organisation=school, parsed=parsed, user=principal),
        actor=principal,
        issued_on=factories.ISSUED_ON,
        signer=factories.head_signer(school),
    )
    assignment = services.assign_task(
        task=second.tasks.get(number="1"),
        actor=principal,
        assignee=teacher,
        due_date=dt.date(2030, 6, 1),
    )
    services.assign_task(
        task=second.tasks.get(number="2"),
        actor=principal,
        assignee=teacher,
        due_date=dt.date(2030, 6, 1),
    )
    services.report_progress(
        assignment=assignment,
        author=teacher,
        expected_version=1,
        status="done",
        percent=100,
        text="Xong.",
    )
    client.force_login(teacher)
    # when
    body = _text(client.get(reverse("plans:list")))
    # then
    assert (body.count(plan.title), body.count(second.title)) == (1, 1)
    assert "Số 01/KH-THTT · Đã ban hành · 2022" in body
    assert "1/2 phần việc đã hoàn thành" in body
    assert "0/0 phần việc đã hoàn thành" in body
    assert "Nhập kế hoạch từ tệp" not in body
