"""search.query.search: what is found, in what order, by whom; the index kept fresh."""

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gandan.petitions import services as petition_services
from gandan.petitions.models import CaseKind
from gandan.petitions.tests.conftest import DENOUNCER, DENOUNCER_ADDRESS, DENOUNCER_PHONE, submit
from gandan.plans.models import ImplementationRequest
from gandan.search.indexing import reindex
from gandan.search.models import SearchEntry
from gandan.search.query import search
from gandan.search.tests.conftest import make_document, make_plan, make_task

pytestmark = pytest.mark.django_db


def titles(user, text, limit=20):
    return [result.title for result in search(user, text, limit=limit).results]


def test_dang_finds_đảng_and_nguyen_van_a_finds_the_name(school, principal):
    # given
    make_plan(school, "Học tập Nghị quyết của Đảng ủy phường")
    make_plan(school, "Kế hoạch khen thưởng thầy Nguyễn Văn A")
    make_plan(school, "Kế hoạch khen thưởng thầy Nguyễn Văn Anh Tuấn")
    # then: folded, case-insensitive, đ as d; a short word only whole
    assert titles(principal, "dang") == ["Học tập Nghị quyết của Đảng ủy phường"]
    assert titles(principal, "ĐẢNG") == ["Học tập Nghị quyết của Đảng ủy phường"]
    assert titles(principal, "đảng ủy") == ["Học tập Nghị quyết của Đảng ủy phường"]
    assert titles(principal, "nguyen van a") == ["Kế hoạch khen thưởng thầy Nguyễn Văn A"]
    assert search(principal, "nguyen van", limit=5).total == 2


def test_title_matches_rank_above_body_matches_then_the_most_recent(school, principal):
    # given: one plan with the word in its number only, two with it in the title
    older = make_plan(school, "Kế hoạch tuyển sinh năm học mới")
    newer = make_plan(school, "Kế hoạch tuyển sinh lớp 1")
    body_only = make_plan(school, "Kế hoạch công tác", number_symbol="12/KH-TUYENSINH")
    for plan, days in ((older, 3), (newer, 1), (body_only, 0)):
        SearchEntry.objects.filter(object_key=f"plans.plan:{plan.pk}").update(
            updated_at=timezone.now() - dt.timedelta(days=days)
        )
    # then
    assert titles(principal, "tuyen sinh") == [newer.title, older.title]
    assert titles(principal, "tuyensinh") == [body_only.title]


def test_the_words_as_typed_rank_above_words_found_by_their_beginnings(school, principal):
    # given: the newest entry holds "dan" and "chu" only as beginnings (đánh, chuẩn), an older
    # one the words themselves, side by side
    loose = make_plan(school, "Kế hoạch tự đánh giá theo chuẩn")
    exact = make_plan(school, "Kế hoạch thực hiện dân chủ ở cơ sở")
    for plan, days in ((exact, 5), (loose, 0)):
        SearchEntry.objects.filter(object_key=f"plans.plan:{plan.pk}").update(
            updated_at=timezone.now() - dt.timedelta(days=days)
        )
    # then: both are found, the phrase first although it is older
    assert titles(principal, "dan chu") == [exact.title, loose.title]


def test_the_index_follows_saves_and_deletions(school, principal):
    plan = make_plan(school, "Kế hoạch phòng chống đuối nước")
    task = make_task(plan, "Tổ chức dạy bơi cho học sinh lớp 3")
    assert titles(principal, "duoi nuoc") == [plan.title]
    assert titles(principal, "day boi") == [task.heading]
    # when: renamed
    plan.title = "Kế hoạch an toàn mùa hè"
    plan.save(update_fields=["title", "updated_at"])
    # then
    assert titles(principal, "duoi nuoc") == []
    assert titles(principal, "an toan mua he") == [plan.title]
    # when: deleted (its task with it)
    plan.delete()
    assert titles(principal, "an toan") == [] and titles(principal, "day boi") == []
    assert not SearchEntry.objects.exists()


def test_a_secret_document_is_never_indexed(school, principal):
    make_document(school, "Báo cáo công tác bảo vệ an ninh", number=1, is_secret=True)
    make_document(school, "Báo cáo công tác tuyển sinh", number=2)
    assert titles(principal, "bao cao") == ["Báo cáo công tác tuyển sinh"]
    assert SearchEntry.objects.filter(kind="paperwork.document").count() == 1


def test_a_denouncers_identity_is_never_indexed(school, principal, deputy, deadline_rules):
    # given: a named denunciation, resolved by the deputy (who alone may see who sent it)
    case = submit(
        school,
        CaseKind.DENUNCIATION,
        title="Thu tiền học thêm trái quy định",
        content=f"Tôi là {DENOUNCER}, xin tố cáo việc thu tiền học thêm trong lớp.",
        denounced_person="Ông Lê Văn Dạy, giáo viên lớp 4B",
        sender=petition_services.Sender(
            name=DENOUNCER, phone=DENOUNCER_PHONE, address=DENOUNCER_ADDRESS, id_number="031099"
        ),
    )
    case = petition_services.accept_case(case=case, actor=principal, on=case.received_at.date())
    petition_services.assign_case(case=case, actor=principal, handler=deputy, verifiers=[])
    # then: found by its title, never by who sent it, not even by its resolver
    assert titles(principal, "hoc them") == [case.title]
    for user in (principal, deputy, None):
        for secret in (DENOUNCER, "pham thi bi mat", DENOUNCER_PHONE, "ngo kin", "le van day"):
            assert search(user, secret, limit=5).total == 0
    # and the table holds none of it, in any form
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM search_searchentry")
        raw = json.dumps(cursor.fetchall(), default=str, ensure_ascii=False).lower()
    for secret in (DENOUNCER, DENOUNCER_ADDRESS, DENOUNCER_PHONE, "031099"):
        assert secret.lower() not in raw
    for folded in ("pham thi bi mat", "ngo kin", "le van day", "tien hoc them trong lop"):
        assert folded not in raw


@pytest.fixture
def thanh_to_world(
    school, other_school, ward, principal, deadline_rules, public_disclosure, staff_disclosure_draft
):
    """One object of each staff kind at Thành Tô with the word "quy" (fund), and one at the
    other school."""
    make_plan(school, "Kế hoạch sử dụng quỹ khuyến học")
    make_document(school, "Báo cáo quỹ khuyến học", number=3)
    submit(school, CaseKind.FEEDBACK, title="Phản ánh thu quỹ lớp 2A")
    submit(
        school,
        CaseKind.DENUNCIATION,
        title="Tố cáo việc chi quỹ lớp sai quy định",
        denounced_person="Ông Lê Văn Dạy",
    )
    make_plan(other_school, "Kế hoạch quỹ thư viện Đằng Hải")
    return school


def kinds(user, text="quy"):
    return sorted(result.kind for result in search(user, text, limit=50).results)


def test_authorization_matrix(
    thanh_to_world,
    principal,
    clerk,
    inspector,
    teacher,
    parent,
    outsider,
    authority_officer,
    other_school_principal,
):
    # the principal and the clerk: every case, the plan, the register, both disclosures' kinds
    full = [
        "democracy.disclosure",
        "democracy.disclosure",
        "paperwork.document",
        "petitions.case",
        "petitions.case",
        "plans.plan",
    ]
    assert kinds(principal) == full
    # the clerk sees every case, the register, the published disclosure (not the draft)
    assert kinds(clerk) == [
        "democracy.disclosure",
        "paperwork.document",
        "petitions.case",
        "petitions.case",
        "plans.plan",
    ]
    # the inspection board supervises: every case and every disclosure
    assert kinds(inspector) == full
    # a teacher: no case they do not work on (the tố cáo included), no draft
    assert kinds(teacher) == ["democracy.disclosure", "paperwork.document", "plans.plan"]
    assert search(teacher, "to cao", limit=5).total == 0
    # the ward: the school's plan, register and every disclosure; no case of the school
    assert kinds(authority_officer) == [
        "democracy.disclosure",
        "democracy.disclosure",
        "paperwork.document",
        "plans.plan",
        "plans.plan",
    ]
    # another school's head finds only their own school's plan
    assert [r.title for r in search(other_school_principal, "quy", limit=9).results] == [
        "Kế hoạch quỹ thư viện Đằng Hải"
    ]
    # a parent on the parents' board and an outsider: nothing on the staff side, not counted
    for user in (parent, outsider):
        assert search(user, "quy", limit=50).total == 0
    # the public (the public page searches as nobody): only the published public disclosure
    found = search(None, "quy", limit=50)
    assert [r.kind for r in found.results] == ["democracy.disclosure"]
    assert found.total == 1
    assert found.results[0].url.startswith("/truong/th-thanh-to/cong-khai/")


def test_an_authoritys_plan_sent_to_the_school_is_found_by_its_staff(
    school, ward, teacher, other_school_principal
):
    plan = make_plan(ward, "Kế hoạch chuyển đổi số của phường")
    assert titles(teacher, "chuyen doi so") == []
    ImplementationRequest.objects.create(
        parent_plan=plan, organisation=school, due_on=dt.date(2026, 5, 4)
    )
    assert titles(teacher, "chuyen doi so") == [plan.title]
    assert titles(other_school_principal, "chuyen doi so") == []


def test_the_query_count_does_not_grow_with_the_results(school, principal, deadline_rules):
    def count_queries():
        principal_fresh = type(principal).objects.get(pk=principal.pk)
        with CaptureQueriesContext(connection) as queries:
            found = search(principal_fresh, "khuyen hoc", limit=20)
        return len(queries), found.total

    for number in range(3):
        make_plan(school, f"Kế hoạch khuyến học số {number}")
        make_document(school, f"Báo cáo khuyến học số {number}", number=number + 1)
    small, total = count_queries()
    assert total == 6
    for number in range(3, 40):
        make_plan(school, f"Kế hoạch khuyến học số {number}")
        make_document(school, f"Báo cáo khuyến học số {number}", number=number + 1)
    large, total = count_queries()
    assert total == 80
    assert small == large


def test_reindex_rebuilds_the_same_entries_and_can_be_rerun(school, principal, capsys):
    plan = make_plan(school, "Kế hoạch phòng cháy chữa cháy")
    make_task(plan, "Diễn tập phòng cháy")
    make_document(school, "Báo cáo phòng cháy", number=5)
    before = sorted(SearchEntry.objects.values_list("object_key", "title_folded", "folded"))
    SearchEntry.objects.all().delete()
    assert titles(principal, "phong chay") == []
    # when: twice
    call_command("reindex_search")
    call_command("reindex_search")
    # then
    after = sorted(SearchEntry.objects.values_list("object_key", "title_folded", "folded"))
    assert after == before and len(after) == 3
    assert len(titles(principal, "phong chay")) == 3
    assert "Tổng cộng: 3 mục." in capsys.readouterr().out
    assert reindex(["plans.task"]) == {"plans.task": 1}
