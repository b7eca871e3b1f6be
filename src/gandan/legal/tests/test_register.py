"""The document register: seeded replacements, linking references, warnings, invariants."""

import datetime as dt
import importlib

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from gandan.legal.models import DocumentStatus, LegalDocument
from gandan.legal.references import document_key, find_references, law_name_key
from gandan.legal.services import link_reference, register_reference, replacement_warnings
from gandan.legal.tests.test_references_seed import SEED_PATH

pytestmark = pytest.mark.django_db

seed_migration = importlib.import_module("gandan.legal.migrations.0002_seed_register_from_law")

# Every replacement LAW.md states: (old, status, new, scope)
LAW_REPLACEMENTS = [
    ("Thông tư 36/2017/TT-BGDĐT", "replaced", "Thông tư 09/2024/TT-BGDĐT", ""),  # §3
    ("Nghị định 90/2020/NĐ-CP", "replaced", "Nghị định 233/2026/NĐ-CP", "đối với viên chức"),  # §5
    ("Nghị định 48/2023/NĐ-CP", "replaced", "Nghị định 233/2026/NĐ-CP", "đối với viên chức"),  # §5
    ("Nghị định 149/2018/NĐ-CP", "replaced", "Nghị định 145/2020/NĐ-CP", ""),  # §1f
    ("Nghị định 64/2014/NĐ-CP", "replaced", "Nghị định 154/2026/NĐ-CP", ""),  # §1d
    ("Thông tư 06/2014/TT-TTCP", "replaced", "Thông tư 04/2021/TT-TTCP", ""),  # §1d
    ("Thông tư 07/2014/TT-TTCP", "replaced", "Thông tư 05/2021/TT-TTCP", ""),  # §1c
    ("Nghị định 75/2012/NĐ-CP", "replaced", "Nghị định 124/2020/NĐ-CP", ""),  # source keys
    ("Nghị định 61/2018/NĐ-CP", "replaced", "Nghị định 118/2025/NĐ-CP", ""),  # §1f
    ("Nghị định 13/2023/NĐ-CP", "replaced", "Nghị định 356/2025/NĐ-CP", ""),  # §6
    ("Pháp lệnh 34/2007/PL-UBTVQH11", "repealed", "Luật 10/2022/QH15", ""),  # §2, Điều 90
    ("Nghị quyết 55/1998/NQ-UBTVQH10", "repealed", "Luật 10/2022/QH15", ""),  # §2, Điều 90
    ("Nghị định 159/2016/NĐ-CP", "repealed", "Nghị định 59/2023/NĐ-CP", ""),  # §2
]


def _document(**fields) -> LegalDocument:
    document = LegalDocument(**fields)
    document.save()
    return document


def _ref(text: str):
    (ref,) = find_references(text)
    return ref


def test_the_seed_migration_records_every_replacement_law_md_states():
    # when
    superseded = LegalDocument.objects.filter(
        status__in=[DocumentStatus.REPLACED, DocumentStatus.REPEALED]
    ).select_related("replaced_by")

    # then
    assert sorted(
        (
            doc.citation,
            doc.status,
            doc.replaced_by.citation if doc.replaced_by else None,
            doc.replacement_scope,
        )
        for doc in superseded
    ) == sorted(LAW_REPLACEMENTS)


def test_replacements_are_in_force_and_open_questions_stay_unknown():
    # when
    status = {doc.citation: doc.status for doc in LegalDocument.objects.all()}

    # then
    assert status["Thông tư 09/2024/TT-BGDĐT"] == DocumentStatus.IN_FORCE
    assert status["Nghị định 233/2026/NĐ-CP"] == DocumentStatus.IN_FORCE
    assert status["Luật 10/2022/QH15"] == DocumentStatus.IN_FORCE
    # LAW.md §2: no explicit repeal clause for NĐ 04/2015; TT 11/2020 has no replacement found.
    assert status["Nghị định 04/2015/NĐ-CP"] == DocumentStatus.UNKNOWN
    assert status["Thông tư 01/2016/TT-BNV"] == DocumentStatus.UNKNOWN
    assert status["Thông tư 11/2020/TT-BGDĐT"] == DocumentStatus.UNKNOWN


def test_seeded_rows_cite_their_source_and_carry_the_application_keys():
    # when
    documents = list(LegalDocument.objects.all())

    # then: the migration's own copy of the key function agrees with the application's
    assert len(documents) == len(seed_migration.DOCUMENTS)
    for doc in documents:
        assert doc.source.startswith("LAW.md")
        assert doc.match_key == document_key(doc.type, doc.number or None, doc.year, doc.symbol)
        expected_name = (
            law_name_key(doc.title) if doc.type in {"Luật", "Bộ luật", "Pháp lệnh"} else ""
        )
        assert doc.name_key == (expected_name if doc.title else "")


def test_the_seed_migration_can_be_reversed_and_replayed():
    # given
    before = sorted(LegalDocument.objects.values_list("match_key", "status"))

    # when
    seed_migration.unseed(django_apps, None)
    emptied = LegalDocument.objects.count()
    seed_migration.seed(django_apps, None)

    # then
    assert emptied == 0
    assert sorted(LegalDocument.objects.values_list("match_key", "status")) == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thông tư số 36/2017/TT-BGDĐT ngày 28/12/2017", "Thông tư 36/2017/TT-BGDĐT"),
        ("Nghị định 90/2020", "Nghị định 90/2020/NĐ-CP"),
        ("Nghị định số 4/NĐ – CP của Chính phủ", "Nghị định 04/2015/NĐ-CP"),
        ("nghị định số 149/2018/NĐ- CP", "Nghị định 149/2018/NĐ-CP"),
        ("NĐ 75/2012", "Nghị định 75/2012/NĐ-CP"),
        ("Tổ chức thực hiện tốt Luật tiếp cận thông tin;", "Luật 104/2016/QH13"),
        ("Bộ luật Lao động", "Bộ luật 45/2019/QH14"),
        ("Luật số 10/2022/QH15", "Luật 10/2022/QH15"),
        ("Kế hoạch số 52-KH/BDVTU-BCSĐUBNDTP", None),
        ("Nghị định 04/2016/NĐ-CP", None),  # the year contradicts the register
        ("Thông tư 36/2017/TT-BNV", None),  # the symbol contradicts the register
    ],
)
def test_link_reference_finds_the_register_entry(text, expected):
    # when
    document = link_reference(_ref(text))

    # then
    assert (document.citation if document else None) == expected


def test_link_reference_refuses_to_guess_between_two_entries():
    # given: two Kế hoạch numbered 12, different years
    _document(type="Kế hoạch", number="12", year=2021, symbol="KH-UBND")
    _document(type="Kế hoạch", number="12", year=2022, symbol="KH-UBND")

    # when / then
    assert link_reference(_ref("Kế hoạch số 12/KH-UBND")) is None
    linked = link_reference(_ref("Kế hoạch số 12/2022/KH-UBND"))
    assert linked is not None and linked.year == 2022


def test_a_reference_without_number_links_by_symbol_and_date():
    # given
    plan = _document(type="Kế hoạch", number="05", symbol="KH-SGDĐT", date=dt.date(2022, 1, 10))

    # when / then
    assert link_reference(_ref("Kế hoạch số/KH-SGDĐT ngày 10/01/2022 của Sở GD&ĐT")) == plan
    assert link_reference(_ref("Kế hoạch số/KH-SGDĐT ngày 11/01/2022")) is None


def test_the_seed_plan_warns_about_its_two_replaced_documents_once_each():
    # given
    refs = find_references(SEED_PATH.read_text(encoding="utf-8"))

    # when
    warnings = replacement_warnings(refs)

    # then: in order of first citation; NĐ 04/2015 is "unknown" and gives no warning
    assert [warning.message for warning in warnings] == [
        "Nghị định 149/2018/NĐ-CP đã được thay thế bởi Nghị định 145/2020/NĐ-CP.",
        "Thông tư 36/2017/TT-BGDĐT đã được thay thế bởi Thông tư 09/2024/TT-BGDĐT.",
    ]
    assert warnings[1].reference.text == "Thông tư số 36/2017/TT-BGDĐT ngày 28/12/2017"
    replacement = warnings[1].replacement
    assert replacement is not None and replacement.citation == "Thông tư 09/2024/TT-BGDĐT"


def test_replacement_warnings_use_one_query(django_assert_num_queries):
    # given
    refs = find_references(SEED_PATH.read_text(encoding="utf-8"))

    # when / then
    with django_assert_num_queries(1):
        replacement_warnings(refs)


def test_a_partial_replacement_names_its_scope():
    # when
    warnings = replacement_warnings(find_references("Nghị định 90/2020 và Nghị định 90/2020"))

    # then
    assert [warning.message for warning in warnings] == [
        "Nghị định 90/2020/NĐ-CP đã được thay thế bởi Nghị định 233/2026/NĐ-CP (đối với viên chức)."
    ]


def test_a_repealed_document_names_the_text_that_took_its_place():
    # when
    warnings = replacement_warnings(find_references("Pháp lệnh số 34/2007/PL-UBTVQH11"))

    # then
    assert [warning.message for warning in warnings] == [
        "Pháp lệnh 34/2007/PL-UBTVQH11 đã hết hiệu lực; văn bản thay thế: Luật 10/2022/QH15."
    ]


def test_a_repealed_document_without_successor_says_so():
    # given
    _document(type="Quyết định", number="7", year=2010, symbol="QĐ-UBND", status="repealed")

    # when
    warnings = replacement_warnings(find_references("Quyết định số 7/2010/QĐ-UBND"))

    # then
    assert [w.message for w in warnings] == ["Quyết định 7/2010/QĐ-UBND đã hết hiệu lực."]
    assert warnings[0].replacement is None


def test_a_chain_of_replacements_names_the_text_that_applies_now():
    # given
    newest = _document(
        type="Quyết định", number="3", year=2024, symbol="QĐ-UBND", status="in_force"
    )
    middle = _document(
        type="Quyết định",
        number="2",
        year=2020,
        symbol="QĐ-UBND",
        status="replaced",
        replaced_by=newest,
    )
    _document(
        type="Quyết định",
        number="1",
        year=2015,
        symbol="QĐ-UBND",
        status="replaced",
        replaced_by=middle,
    )

    # when
    (warning,) = replacement_warnings(find_references("Quyết định số 01/2015/QĐ-UBND"))

    # then
    assert warning.message == (
        "Quyết định 1/2015/QĐ-UBND đã được thay thế bởi Quyết định 2/2020/QĐ-UBND."
        " Văn bản đang áp dụng: Quyết định 3/2024/QĐ-UBND."
    )
    assert warning.current == newest


def test_documents_in_force_or_unknown_give_no_warning():
    # when
    warnings = replacement_warnings(
        find_references("Thông tư 09/2024/TT-BGDĐT; Nghị định 04/2015/NĐ-CP; Kế hoạch số 9/KH-UBND")
    )

    # then
    assert warnings == []


def test_a_replaced_document_must_name_its_replacement():
    # when / then
    with pytest.raises(IntegrityError), transaction.atomic():
        _document(type="Thông tư", number="1", year=2000, symbol="TT-BGDĐT", status="replaced")


def test_a_document_cannot_replace_itself_or_close_a_loop():
    # given
    first = _document(type="Quyết định", number="1", year=2001, symbol="QĐ-UBND")
    second = _document(
        type="Quyết định", number="2", year=2002, symbol="QĐ-UBND", replaced_by=first
    )

    # when
    first.replaced_by = first
    with pytest.raises(ValidationError) as itself:
        first.full_clean()
    first.replaced_by = second
    with pytest.raises(ValidationError) as loop:
        first.full_clean()

    # then
    assert "Văn bản không thể thay thế chính nó." in itself.value.messages
    assert "Chuỗi thay thế tạo thành vòng lặp." in loop.value.messages


def test_the_same_numbered_document_cannot_be_registered_twice():
    # when / then: "04" and "4", accents and spacing do not make a new document
    with pytest.raises(IntegrityError), transaction.atomic():
        _document(type="Nghị định", number="4", year=2015, symbol="NĐ-CP")


def test_changing_the_number_with_update_fields_refreshes_the_key():
    # given
    document = _document(type="Quyết định", number="5", year=2020, symbol="QĐ-UBND")

    # when
    document.number = "6"
    document.save(update_fields=["number"])
    document.refresh_from_db()

    # then
    assert document.match_key == "quyet dinh|6|2020|qd-ubnd"


def test_register_reference_creates_an_unknown_entry_once():
    # given
    ref = _ref("Kế hoạch số 81/KH-SGDĐT ngày 20/07/2022 của Sở GD&ĐT")

    # when
    first = register_reference(reference=ref)
    second = register_reference(reference=ref)

    # then
    assert first == second
    assert (first.citation, first.status, first.date, first.issuer) == (
        "Kế hoạch 81/KH-SGDĐT",
        DocumentStatus.UNKNOWN,
        dt.date(2022, 7, 20),
        "Sở GD&ĐT",
    )


def test_register_reference_returns_the_seeded_entry_and_refuses_a_missing_number():
    # when
    seeded = register_reference(reference=_ref("Thông tư số 36/2017/TT-BGDĐT"))

    # then
    assert seeded.status == DocumentStatus.REPLACED
    with pytest.raises(ValueError):
        register_reference(reference=_ref("Kế hoạch số/KH-SGDĐT"))


def test_admin_lists_and_searches_the_register(admin_client):
    # when
    listing = admin_client.get(reverse("admin:legal_legaldocument_changelist"), {"q": "TT-BGDĐT"})
    page = admin_client.get(reverse("admin:legal_legaldocument_add"))

    # then
    assert listing.status_code == 200
    content = listing.content.decode()
    assert "Thông tư 36/2017/TT-BGDĐT" in content
    assert "Đã được thay thế" in content
    assert page.status_code == 200
    assert "Văn bản thay thế" in page.content.decode()


# Issue 12, point 13: texts of unknown status get a "not checked" mark, not silence.


def test_a_cited_document_of_unknown_status_is_marked_not_checked():
    # given: one entry in force, one of unknown status, one not in the register at all
    from gandan.legal.services import unchecked_documents

    _document(type="Kế hoạch", number="20", symbol="KH-UBND", status=DocumentStatus.UNKNOWN)
    _document(
        type="Quyết định",
        number="676",
        symbol="QĐ-UBND",
        status=DocumentStatus.IN_FORCE,
        source="Công báo",
    )
    refs = find_references(
        "Căn cứ Kế hoạch số 20/KH-UBND ngày 02/02/2024; Quyết định số 676/QĐ-UBND; "
        "Kế hoạch 20/KH-UBND; Chỉ thị số 99/CT-UBND."
    )

    # when
    marks = unchecked_documents(refs)

    # then: one mark per document, in order of first citation
    assert [mark.message for mark in marks] == [
        "Kế hoạch 20/KH-UBND: chưa kiểm tra tình trạng hiệu lực.",
        "Chỉ thị 99/CT-UBND: chưa có trong danh mục văn bản, chưa kiểm tra tình trạng hiệu lực.",
    ]
    assert marks[0].document is not None and marks[0].document.is_unchecked
    assert marks[1].document is None


def test_a_law_cited_by_name_with_its_year_links_to_the_register():
    # given
    law = _document(
        type="Luật",
        number="43",
        year=2019,
        symbol="QH14",
        title="Luật Giáo dục",
        status=DocumentStatus.IN_FORCE,
    )

    # when
    linked = [link_reference(r) for r in find_references("Luật Giáo dục năm 2019; Luật Giáo dục")]

    # then
    assert linked == [law, law]


def test_a_document_absent_from_the_register_cited_twice_gets_one_mark():
    # given: the same decree, once with its year in the number, once with only its date
    from gandan.legal.services import unchecked_documents

    refs = find_references(
        "Căn cứ Nghị định 99/2015/NĐ-CP; thực hiện Nghị định số 99/NĐ-CP ngày 09/01/2015."
    )

    # when
    marks = unchecked_documents(refs)

    # then
    assert [mark.message for mark in marks] == [
        "Nghị định 99/2015/NĐ-CP: chưa có trong danh mục văn bản, "
        "chưa kiểm tra tình trạng hiệu lực."
    ]
