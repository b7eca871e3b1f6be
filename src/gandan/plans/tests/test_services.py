"""Use cases of plans: import, issue, assign, report progress, edit, report on results."""

import datetime as dt
import hashlib
import zoneinfo
from pathlib import Path

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from gandan.audit.models import Action, AuditEvent
from gandan.core.vietnamese import shorten
from gandan.paperwork.models import NumberSequence, OutgoingDocument
from gandan.paperwork.signing import head_signer
from gandan.plans import documents, services
from gandan.plans.models import (
    Assignment,
    AssignmentStatus,
    Evidence,
    Plan,
    PlanEvent,
    PlanEventKind,
    PlanStatus,
    PlanTask,
    PlanVersion,
    ProgressUpdate,
)
from gandan.plans.services import ConcurrentEditError
from gandan.plans.tests import factories

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
LEAD = "Sở Giáo dục và Đào tạo, các phòng Sở và các đơn vị giáo dục"
RECURRING = "Từ năm 2022 đến các năm tiếp theo"


def frozen(day: dt.date, hour: int = 9):
    """Freeze the clock at `hour` o'clock of `day`, Vietnamese time."""
    return time_machine.travel(
        dt.datetime(day.year, day.month, day.day, hour, tzinfo=HANOI), tick=False
    )


@pytest.fixture
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "files"
    return settings.MEDIA_ROOT


@pytest.fixture
def plan(school, principal) -> Plan:
    return factories.import_seed(school, principal)


@pytest.fixture
def assignment(plan, principal, teacher) -> Assignment:
    return services.assign_task(
        task=plan.tasks.get(number="2"),
        actor=principal,
        assignee=teacher,
        due_date=dt.date(2030, 6, 1),
    )


def _files_under(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


# Import.


def test_save_imported_plan_stores_sections_tasks_and_bases(school, principal):
    # given
    parsed = factories.seed_parsed()
    # when
    with frozen(dt.date(2026, 8, 27)):
        plan = services.save_imported_plan(
            organisation=school, parsed=parsed, user=principal, source_name="ke-hoach.txt"
        )
    # then
    assert (plan.status, plan.version, plan.year, plan.issued_on) == (
        PlanStatus.DRAFT,
        1,
        2026,
        None,
    )
    assert (plan.place, plan.number_symbol, plan.source_name) == ("Hải An", "", "ke-hoach.txt")
    assert plan.title == (
        "Thực hiện công tác dân vận của chính quyền và quy chế dân chủ ở cơ sở "
        "Trường Tiểu học Thành Tô"
    )
    assert [(s.number, s.title, s.kind, len(s.paragraphs)) for s in plan.sections.all()] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU", "purposes", 7),
        ("II", "NHIỆM VỤ TRỌNG TÂM", "tasks", 0),
        ("III", "TỔ CHỨC THỰC HIỆN", "organisation", 3),
    ]
    tasks = list(plan.tasks.select_related("section").prefetch_related("items"))
    assert [(t.number, t.section and t.section.number, t.items.count()) for t in tasks] == [
        ("1", "II", 6),
        ("2", "II", 1),
        ("3", "II", 3),
        ("4", "II", 4),
        ("5", "II", 3),
        ("6", "II", 3),
    ]
    assert [(t.lead, t.timeframe, t.recurring_from_year) for t in tasks] == [
        (LEAD, RECURRING, 2022)
    ] * 4 + [("", "", None)] * 2
    assert tasks[2].items.all()[0].text.startswith("Tiếp tục thực hiện tốt và vận động")
    bases = [basis.text for basis in plan.bases.all()]
    assert len(bases) == 2
    assert bases[0].startswith("Căn cứ Kế hoạch số 52-KH/BDVTU-BCSĐUBNDTP ngày 12/01/2022")
    assert bases[1] == (
        "Căn cứ Kế hoạch số 81/KH-SGDĐT ngày 20/07/2022 Thực hiện công tác dân vận của chính "
        "quyền và quy chế dân chủ ở cơ sở ngành Giáo dục và Đào tạo Hải Phòng."
    )


def test_save_imported_plan_links_replaced_references_to_the_register(school, principal):
    # given
    parsed = factories.seed_parsed()
    # when
    plan = services.save_imported_plan(organisation=school, parsed=parsed, user=principal)
    # then: 39 citations; NĐ 149/2018 and TT 36/2017 are marked replaced in the register.
    references = list(plan.references.select_related("legal_document__replaced_by"))
    assert len(references) == 39
    replaced = [
        (
            r.found_in,
            r.legal_document.citation,
            getattr(r.legal_document.replaced_by, "citation", None),
        )
        for r in references
        if r.legal_document is not None and r.legal_document.status == "replaced"
    ]
    assert replaced == [
        ("task:6", "Nghị định 149/2018/NĐ-CP", "Nghị định 145/2020/NĐ-CP"),
        ("task:6", "Thông tư 36/2017/TT-BGDĐT", "Thông tư 09/2024/TT-BGDĐT"),
    ]


def test_save_imported_plan_keeps_a_version_an_event_and_an_audit_row(school, principal):
    # given
    parsed = factories.seed_parsed()
    # when
    plan = services.save_imported_plan(organisation=school, parsed=parsed, user=principal)
    # then
    version = PlanVersion.objects.get(plan=plan)
    assert (version.number, version.created_by) == (1, principal)
    assert version.content == documents.plan_content(plan)
    event = PlanEvent.objects.get(plan=plan)
    assert (event.kind, event.actor) == (PlanEventKind.IMPORTED, principal)
    assert event.summary == f"Nhập kế hoạch “{plan.title}” (6 nhiệm vụ)"
    audit = AuditEvent.objects.get(object_type="plans.plan", object_id=str(plan.pk))
    assert (audit.action, audit.actor, audit.organisation) == (Action.CREATE, principal, school)


@pytest.mark.parametrize("title", ["", "   "])
def test_save_imported_plan_without_a_title_is_refused(school, principal, title):
    # given
    parsed = factories.seed_parsed()
    parsed.title = title
    # when
    with pytest.raises(ValidationError) as refused:
        services.save_imported_plan(organisation=school, parsed=parsed, user=principal)
    # then
    assert refused.value.messages == ["Kế hoạch chưa có trích yếu (tên kế hoạch)."]
    assert (Plan.objects.count(), PlanTask.objects.count(), PlanEvent.objects.count()) == (0, 0, 0)


def test_save_imported_plan_without_sections_or_tasks_is_refused(school, principal):
    # given
    parsed = factories.seed_parsed()
    parsed.sections, parsed.tasks = [], []
    # when
    with pytest.raises(ValidationError) as refused:
        services.save_imported_plan(organisation=school, parsed=parsed, user=principal)
    # then
    assert refused.value.messages == ["Không tìm thấy mục hay nhiệm vụ nào trong kế hoạch."]
    assert Plan.objects.count() == 0


# Issue: Nghị định 30/2020, Điều 15 k1: one register per year, numbers from 01.


def test_issue_plan_takes_the_first_number_of_the_year(plan, principal):
    # when
    issued = services.issue_plan(
        plan=plan,
        actor=principal,
        issued_on=dt.date(2022, 8, 5),
        signer=head_signer(plan.organisation),
    )
    # then
    issued.refresh_from_db()
    assert (issued.number_symbol, issued.status, issued.issued_on, issued.year) == (
        "01/KH-THTT",
        PlanStatus.ISSUED,
        dt.date(2022, 8, 5),
        2022,
    )
    assert (issued.signer_name, issued.signer_title, issued.version) == (
        "Nguyễn Thị Thu Hà",
        "HIỆU TRƯỞNG",
        2,
    )
    document = issued.document
    assert document is not None
    assert (document.number, document.doc_type, document.source) == (
        1,
        "KH",
        f"plans.plan:{plan.pk}",
    )
    assert list(issued.versions.values_list("number", flat=True)) == [2, 1]
    assert issued.versions.all()[0].content["number_symbol"] == "01/KH-THTT"
    assert issued.events.all()[0].summary == "Ban hành kế hoạch số 01/KH-THTT"


def test_second_plan_of_the_year_takes_the_next_number(school, principal):
    # given
    factories.issue_seed(school, principal, dt.date(2022, 8, 5))
    second = factories.import_seed(school, principal)
    # when
    issued = services.issue_plan(
        plan=second,
        actor=principal,
        issued_on=dt.date(2022, 9, 1),
        signer=head_signer(school),
    )
    # then
    assert issued.number_symbol == "02/KH-THTT"


def test_numbering_restarts_at_01_next_year(school, principal):
    # given
    factories.issue_seed(school, principal, dt.date(2022, 8, 5))
    factories.issue_seed(school, principal, dt.date(2022, 12, 30))
    third = factories.import_seed(school, principal)
    # when
    issued = services.issue_plan(
        plan=third,
        actor=principal,
        issued_on=dt.date(2023, 1, 3),
        signer=head_signer(school),
    )
    # then
    assert (issued.number_symbol, issued.year) == ("01/KH-THTT", 2023)


def test_each_school_numbers_its_own_register(school, other_school, principal):
    # given
    factories.issue_seed(school, principal, dt.date(2022, 8, 5))
    theirs = factories.import_seed(other_school, None)
    # when
    issued = services.issue_plan(
        plan=theirs,
        actor=principal,
        issued_on=dt.date(2022, 8, 6),
        signer=head_signer(other_school),
    )
    # then
    assert issued.number_symbol == "01/KH-THĐH"


def test_issuing_twice_is_refused_and_takes_no_number(school, principal):
    # given
    plan = factories.issue_seed(school, principal, dt.date(2022, 8, 5))
    events = PlanEvent.objects.count()
    # when
    with pytest.raises(ValidationError) as refused:
        services.issue_plan(
            plan=plan,
            actor=principal,
            issued_on=dt.date(2022, 9, 1),
            signer=head_signer(school),
        )
    # then
    assert refused.value.messages == ["Chỉ ban hành được kế hoạch đang là dự thảo."]
    plan.refresh_from_db()
    assert (plan.number_symbol, plan.issued_on, plan.version) == (
        "01/KH-THTT",
        dt.date(2022, 8, 5),
        2,
    )
    assert OutgoingDocument.objects.count() == 1
    assert NumberSequence.objects.get(organisation=school, year=2022).last_number == 1
    assert PlanEvent.objects.count() == events


def test_issuing_with_a_date_before_the_last_number_is_refused_and_the_plan_stays_draft(
    school, principal
):
    # given: Điều 15 k1, numbers follow the order of issue.
    factories.issue_seed(school, principal, dt.date(2022, 8, 5))
    draft = factories.import_seed(school, principal)
    # when
    with pytest.raises(ValidationError):
        services.issue_plan(
            plan=draft,
            actor=principal,
            issued_on=dt.date(2022, 8, 1),
            signer=head_signer(school),
        )
    # then
    draft.refresh_from_db()
    assert (draft.status, draft.number_symbol, draft.document_id) == (PlanStatus.DRAFT, "", None)
    assert NumberSequence.objects.get(organisation=school, year=2022).last_number == 1


# Assign: due dates in working days come from worktime (Bộ luật Dân sự 2015, Điều 147-148).


def test_assign_with_working_days_skips_the_national_day_holiday(plan, principal, teacher):
    # given: Thursday 27/8/2026; 31/8, 1/9 and 2/9/2026 are days off for Quốc khánh.
    task = plan.tasks.get(number="2")
    # when
    with frozen(dt.date(2026, 8, 27)):
        assignment = services.assign_task(
            task=task, actor=principal, assignee=teacher, working_days=3, note="  Bản tin  "
        )
    # then: Fri 28/8, Thu 3/9, Fri 4/9 (`gandan deadline --from 2026-08-27 --working-days 3`).
    assignment.refresh_from_db()
    assert assignment.due_date == dt.date(2026, 9, 4)
    assert assignment.due_rule == "3 ngày làm việc kể từ 27/08/2026"
    assert (assignment.status, assignment.percent, assignment.version) == ("not_started", 0, 1)
    assert (assignment.assigned_by, assignment.note, assignment.item) == (
        principal,
        "Bản tin",
        None,
    )
    event = plan.events.get(kind=PlanEventKind.ASSIGNED)
    assert (event.task, event.actor) == (task, principal)
    heading = shorten(task.heading, 80)  # cut between words, with "…"
    assert event.summary == f"Giao “{heading}” cho Lê Thị Hồng Nhung, hạn 04/09/2026"


def test_assign_counts_working_days_from_a_given_date(plan, principal, teacher):
    # given: Friday 28/8/2026, then three days off.
    task = plan.tasks.get(number="2")
    # when
    assignment = services.assign_task(
        task=task, actor=principal, assignee=teacher, working_days=1, from_date=dt.date(2026, 8, 28)
    )
    # then
    assert (assignment.due_date, assignment.due_rule) == (
        dt.date(2026, 9, 3),
        "1 ngày làm việc kể từ 28/08/2026",
    )


def test_assign_a_bullet_to_a_unit_with_an_absolute_due_date(plan, principal, subject_group):
    # given
    task = plan.tasks.get(number="6")
    item = task.items.get(order=1)
    # when
    assignment = services.assign_task(
        task=task, actor=principal, unit=subject_group, item=item, due_date=dt.date(2026, 10, 15)
    )
    # then
    assignment.refresh_from_db()
    assert (assignment.unit, assignment.assignee, assignment.item) == (subject_group, None, item)
    assert (assignment.due_date, assignment.due_rule) == (dt.date(2026, 10, 15), "")
    assert plan.events.get(kind=PlanEventKind.ASSIGNED).summary == (
        f"Giao “{shorten(item.text, 80)}” cho Tổ 1, hạn 15/10/2026"
    )


def test_assign_without_assignee_or_unit_is_refused(plan, principal):
    # given
    events = PlanEvent.objects.count()
    # when
    with pytest.raises(ValidationError) as refused:
        services.assign_task(
            task=plan.tasks.get(number="1"), actor=principal, due_date=dt.date(2026, 10, 15)
        )
    # then
    assert refused.value.messages == ["Cần chọn người hoặc đơn vị thực hiện."]
    assert (Assignment.objects.count(), PlanEvent.objects.count()) == (0, events)


@pytest.mark.parametrize("working_days", [None, 0, -2])
def test_assign_without_a_due_date_is_refused(plan, principal, teacher, working_days):
    # when
    with pytest.raises(ValidationError) as refused:
        services.assign_task(
            task=plan.tasks.get(number="1"),
            actor=principal,
            assignee=teacher,
            working_days=working_days,
        )
    # then
    assert refused.value.messages == ["Cần nhập hạn hoàn thành, hoặc số ngày làm việc để tính hạn."]
    assert Assignment.objects.count() == 0


def test_assign_a_bullet_of_another_task_is_refused(plan, principal, teacher):
    # given
    events = PlanEvent.objects.count()
    foreign_item = plan.tasks.get(number="1").items.first()
    # when
    with pytest.raises(ValidationError) as refused:
        services.assign_task(
            task=plan.tasks.get(number="3"),
            actor=principal,
            assignee=teacher,
            item=foreign_item,
            due_date=dt.date(2026, 10, 15),
        )
    # then
    assert refused.value.message_dict == {"item": ["Nội dung này không thuộc nhiệm vụ đã chọn."]}
    assert (Assignment.objects.count(), PlanEvent.objects.count()) == (0, events)


# Report progress.


def test_report_done_is_recorded_at_100_percent(assignment, teacher):
    # given
    reported_at = dt.datetime(2026, 9, 2, 15, tzinfo=HANOI)
    # when
    with time_machine.travel(reported_at, tick=False):
        update = services.report_progress(
            assignment=assignment,
            author=teacher,
            expected_version=1,
            status=AssignmentStatus.DONE,
            percent=100,
            text="  Đã đăng bản tin lên bảng tin và trang web.  ",
        )
    # then
    assert (update.status, update.percent, update.author) == ("done", 100, teacher)
    assert update.text == "Đã đăng bản tin lên bảng tin và trang web."
    assignment.refresh_from_db()
    assert (assignment.status, assignment.percent, assignment.version) == ("done", 100, 2)
    assert assignment.last_reported_at == reported_at
    event = PlanEvent.objects.filter(kind=PlanEventKind.REPORTED).get()
    assert event.summary == (
        f"Lê Thị Hồng Nhung báo cáo “{shorten(assignment.task.heading, 80)}”: Đã hoàn thành, 100%"
    )


@pytest.mark.parametrize(
    ("status", "percent", "text", "errors"),
    [
        ("in_progress", 101, "Đang làm", {"percent": ["Tiến độ phải từ 0 đến 100%."]}),
        ("in_progress", -1, "Đang làm", {"percent": ["Tiến độ phải từ 0 đến 100%."]}),
        ("in_progress", 50, "   ", {"text": ["Hãy ghi ngắn gọn đã làm được gì."]}),
        ("finished", 50, "Đang làm", {"status": ["Tình trạng không hợp lệ."]}),
    ],
)
def test_invalid_progress_is_refused_and_changes_nothing(
    assignment, teacher, status, percent, text, errors
):
    # when
    with pytest.raises(ValidationError) as refused:
        services.report_progress(
            assignment=assignment,
            author=teacher,
            expected_version=1,
            status=status,
            percent=percent,
            text=text,
        )
    # then
    assert refused.value.message_dict == errors
    assignment.refresh_from_db()
    assert (assignment.status, assignment.percent, assignment.version) == ("not_started", 0, 1)
    assert assignment.last_reported_at is None
    assert ProgressUpdate.objects.count() == 0


def test_stale_report_raises_concurrent_edit_error_and_changes_nothing(
    assignment, teacher, principal
):
    # given: the head and the teacher open the form at version 1; the head saves first.
    services.report_progress(
        assignment=assignment,
        author=principal,
        expected_version=1,
        status=AssignmentStatus.BLOCKED,
        percent=30,
        text="Chờ kinh phí in ấn.",
    )
    # when
    with pytest.raises(ConcurrentEditError) as refused:
        services.report_progress(
            assignment=assignment,
            author=teacher,
            expected_version=1,
            status=AssignmentStatus.DONE,
            percent=100,
            text="Đã xong.",
        )
    # then
    assert refused.value.messages == [
        "Nhiệm vụ vừa được cập nhật bởi người khác. Hãy tải lại trang rồi báo cáo lại."
    ]
    assignment.refresh_from_db()
    assert (assignment.status, assignment.percent, assignment.version) == ("blocked", 30, 2)
    assert list(ProgressUpdate.objects.values_list("author__username", "text")) == [
        ("hieutruong", "Chờ kinh phí in ấn.")
    ]


def test_evidence_is_stored_outside_the_web_root_with_its_digest(assignment, teacher, media):
    # when
    update = services.report_progress(
        assignment=assignment,
        author=teacher,
        expected_version=1,
        status=AssignmentStatus.IN_PROGRESS,
        percent=50,
        text="Ảnh bảng tin và biên bản họp.",
        files=[factories.png("bang-tin.png"), factories.pdf("bien-ban.pdf")],
    )
    # then
    evidence = list(update.evidence.all())
    assert [(e.original_name, e.content_type, e.size, e.sha256) for e in evidence] == [
        (
            "bang-tin.png",
            "image/png",
            len(factories.PNG),
            hashlib.sha256(factories.PNG).hexdigest(),
        ),
        (
            "bien-ban.pdf",
            "application/pdf",
            len(factories.PDF),
            hashlib.sha256(factories.PDF).hexdigest(),
        ),
    ]
    school_id = assignment.task.plan.organisation_id
    for item, content in zip(evidence, (factories.PNG, factories.PDF), strict=True):
        # The stored name is random: the uploaded name never becomes a path.
        name = item.file.name or ""
        assert name.startswith(f"evidence/{school_id}/")
        assert "bang-tin" not in name and "bien-ban" not in name
        assert (media / name).read_bytes() == content
    assert len(_files_under(media)) == 2


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            lambda: [SimpleUploadedFile("bao-cao.pdf", factories.EXE, "application/pdf")],
            "Tệp “bao-cao.pdf” không thuộc loại được nhận (PDF, JPG, PNG, DOCX, XLSX).",
        ),
        (
            lambda: [
                SimpleUploadedFile(
                    "scan.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024), "application/pdf"
                )
            ],
            "Tệp “scan.pdf” quá lớn (10,0 MB); giới hạn là 10 MB.",
        ),
        (
            lambda: [factories.png(f"anh-{n}.png") for n in range(6)],
            "Mỗi lần báo cáo đính kèm tối đa 5 tệp.",
        ),
        (
            lambda: [factories.png(), SimpleUploadedFile("trong.png", b"", "image/png")],
            "Tệp “trong.png” trống.",
        ),
    ],
    ids=["exe-renamed-pdf", "over-10-mb", "six-files", "empty-file"],
)
def test_refused_evidence_stores_nothing(assignment, teacher, media, files, message):
    # when
    with pytest.raises(ValidationError) as refused:
        services.report_progress(
            assignment=assignment,
            author=teacher,
            expected_version=1,
            status=AssignmentStatus.IN_PROGRESS,
            percent=50,
            text="Minh chứng kèm theo.",
            files=files(),
        )
    # then
    assert refused.value.messages == [message]
    assignment.refresh_from_db()
    assert (assignment.status, assignment.version) == ("not_started", 1)
    assert (ProgressUpdate.objects.count(), Evidence.objects.count()) == (0, 0)
    assert _files_under(media) == []


# Edit.


def test_update_plan_changes_the_header_and_keeps_a_version(plan, deputy):
    # when
    services.update_plan(
        plan=plan,
        actor=deputy,
        expected_version=1,
        title="  Công tác dân vận năm học 2026–2027  ",
        place="Hải An",
        signer_name="Trần Văn Minh",
        signer_title="PHÓ HIỆU TRƯỞNG",
    )
    # then
    plan.refresh_from_db()
    assert (plan.title, plan.version, plan.signer_name) == (
        "Công tác dân vận năm học 2026–2027",
        2,
        "Trần Văn Minh",
    )
    assert [(v.number, v.content["title"]) for v in plan.versions.all()] == [
        (2, "Công tác dân vận năm học 2026–2027"),
        (1, factories.seed_parsed().title),
    ]
    assert plan.events.first().kind == PlanEventKind.EDITED


def test_second_editor_with_the_old_version_is_refused(plan, principal, deputy):
    # given: both opened the form at version 1; the head saves first.
    services.update_plan(
        plan=Plan.objects.get(pk=plan.pk),
        actor=principal,
        expected_version=1,
        title="Bản của hiệu trưởng",
        place="Hải An",
        signer_name="",
        signer_title="",
    )
    events = PlanEvent.objects.count()
    # when
    with pytest.raises(ConcurrentEditError) as refused:
        services.update_plan(
            plan=Plan.objects.get(pk=plan.pk),
            actor=deputy,
            expected_version=1,
            title="Bản của phó hiệu trưởng",
            place="Hải Phòng",
            signer_name="",
            signer_title="",
        )
    # then
    assert refused.value.messages == [
        "Người khác vừa lưu kế hoạch này. Hãy tải lại trang để xem bản mới rồi sửa lại."
    ]
    plan.refresh_from_db()
    assert (plan.title, plan.place, plan.version) == ("Bản của hiệu trưởng", "Hải An", 2)
    assert (plan.versions.count(), PlanEvent.objects.count()) == (2, events)


def test_update_plan_without_a_title_is_refused(plan, principal):
    # when
    with pytest.raises(ValidationError) as refused:
        services.update_plan(
            plan=plan,
            actor=principal,
            expected_version=1,
            title="  ",
            place="",
            signer_name="",
            signer_title="",
        )
    # then
    assert refused.value.message_dict == {"title": ["Cần nhập trích yếu của kế hoạch."]}
    plan.refresh_from_db()
    assert (plan.title, plan.version) == (factories.seed_parsed().title, 1)


def test_an_issued_plan_cannot_be_edited(school, principal):
    # given
    plan = factories.issue_seed(school, principal)
    # when
    with pytest.raises(ValidationError) as refused:
        services.update_plan(
            plan=plan,
            actor=principal,
            expected_version=plan.version,
            title="Đổi tên sau khi ban hành",
            place="Hải An",
            signer_name="",
            signer_title="",
        )
    # then
    assert refused.value.messages == [
        "Kế hoạch đã ban hành không sửa được; hãy thu hồi hoặc lập mới."
    ]
    plan.refresh_from_db()
    assert (plan.title, plan.version) == (factories.seed_parsed().title, 2)


# Progress report.


def test_issue_progress_report_registers_a_bc_document(school, principal, teacher):
    # given
    plan = factories.issue_seed(school, principal, dt.date(2022, 8, 5))
    assignment = services.assign_task(
        task=plan.tasks.get(number="2"),
        actor=principal,
        assignee=teacher,
        due_date=dt.date(2022, 10, 31),
    )
    services.report_progress(
        assignment=assignment,
        author=teacher,
        expected_version=1,
        status=AssignmentStatus.DONE,
        percent=100,
        text="Đã tuyên truyền trên bảng tin.",
    )
    # when
    document = services.issue_progress_report(
        plan=plan,
        actor=principal,
        issued_on=dt.date(2022, 12, 20),
        signer=head_signer(school),
    )
    # then: one register for all types, so the report follows the plan's 01.
    assert (document.number_symbol, document.doc_type, document.issued_on) == (
        "02/BC-THTT",
        "BC",
        dt.date(2022, 12, 20),
    )
    assert document.source == f"plans.plan:{plan.pk}:report"
    # the seed's title starts with "Thực hiện": not doubled
    assert document.summary == (
        "Kết quả thực hiện công tác dân vận của chính quyền và quy chế dân chủ ở cơ sở "
        "Trường Tiểu học Thành Tô"
    )
    assert (document.signer_name, document.signer_title) == ("Nguyễn Thị Thu Hà", "HIỆU TRƯỞNG")
    event = plan.events.all()[0]
    assert (event.kind, event.summary) == (
        PlanEventKind.REPORT_ISSUED,
        "Ban hành báo cáo kết quả số 02/BC-THTT",
    )
