"""Seed the register with every replacement that LAW.md states, and the texts it names as current.

Each row cites where LAW.md says so. Statuses LAW.md leaves open (NĐ 04/2015, TT 01/2016,
TT 11/2020, Luật Tiếp cận thông tin) are recorded as "unknown" with the finding in `source`.
"""

import datetime as dt
import unicodedata

from django.db import migrations

D = dt.date


def _fold(text):
    # Kept in step with gandan.core.vietnamese.fold (migrations never import app code);
    # test_register_seed checks the keys against the application's own.
    text = text.lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _document_key(type_, number, year, symbol):
    number_part = (number.lstrip("0") or "0") if number else ""
    symbol_part = "".join(_fold(symbol or "").split())
    return f"{_fold(type_)}|{number_part}|{year or ''}|{symbol_part}"


LAW_TYPES = ("Bộ luật", "Luật", "Pháp lệnh")

GOV = "Chính phủ"
MOET = "Bộ Giáo dục và Đào tạo"
INSPECTORATE = "Thanh tra Chính phủ"

# label: type, number, year, symbol, date, issuer, title, status, effective_from,
#        replaced_by (label), replacement_scope, source
DOCUMENTS = {
    # §3 — public disclosure in education
    "TT09/2024": dict(
        type="Thông tư", number="09", year=2024, symbol="TT-BGDĐT", date=D(2024, 6, 3),
        issuer=MOET,
        title="Quy định về công khai trong hoạt động của các cơ sở giáo dục thuộc hệ thống "
        "giáo dục quốc dân",
        status="in_force", effective_from=D(2024, 7, 19),
        source="LAW.md §3: TT 09/2024/TT-BGDĐT ngày 03/6/2024, hiệu lực 19/7/2024 "
        "[source (secondary)].",
    ),
    "TT36/2017": dict(
        type="Thông tư", number="36", year=2017, symbol="TT-BGDĐT", date=D(2017, 12, 28),
        issuer=MOET,
        title="Ban hành Quy chế thực hiện công khai đối với cơ sở giáo dục và đào tạo thuộc "
        "hệ thống giáo dục quốc dân",
        status="replaced", replaced_by="TT09/2024",
        source="LAW.md §3: TT 09/2024/TT-BGDĐT \"replaces TT 36/2017/TT-BGDĐT\" "
        "[source (secondary)].",
    ),
    # §5 — staff evaluation
    "ND233/2026": dict(
        type="Nghị định", number="233", year=2026, symbol="NĐ-CP", date=D(2026, 6, 26),
        issuer=GOV,
        status="in_force", effective_from=D(2026, 7, 1),
        source="LAW.md §5: NĐ 233/2026/NĐ-CP (26/6/2026), từ 01/7/2026, cho đơn vị sự nghiệp "
        "công lập và viên chức [source (crawl, OCR of official PDF)].",
    ),
    "ND335/2025": dict(
        type="Nghị định", number="335", year=2025, symbol="NĐ-CP", date=D(2025, 12, 21),
        issuer=GOV,
        status="in_force", effective_from=D(2026, 1, 1),
        source="LAW.md §5: NĐ 335/2025/NĐ-CP (21/12/2025), từ 01/01/2026, cho cơ quan hành "
        "chính nhà nước và công chức [source (secondary)].",
    ),
    "ND90/2020": dict(
        type="Nghị định", number="90", year=2020, symbol="NĐ-CP", issuer=GOV,
        status="replaced", replaced_by="ND233/2026", replacement_scope="đối với viên chức",
        source="LAW.md §5: NĐ 233/2026 \"repeals NĐ 90/2020 & 48/2023\" từ 01/7/2026 (viên "
        "chức); với công chức, NĐ 335/2025/NĐ-CP áp dụng từ 01/01/2026.",
    ),
    "ND48/2023": dict(
        type="Nghị định", number="48", year=2023, symbol="NĐ-CP", issuer=GOV,
        status="replaced", replaced_by="ND233/2026", replacement_scope="đối với viên chức",
        source="LAW.md §5: NĐ 48/2023 sửa đổi NĐ 90/2020; NĐ 233/2026 bãi bỏ cả hai từ "
        "01/7/2026 (viên chức); với công chức áp dụng NĐ 335/2025/NĐ-CP.",
    ),
    # §1f — democracy at the workplace
    "ND145/2020": dict(
        type="Nghị định", number="145", year=2020, symbol="NĐ-CP", issuer=GOV,
        status="in_force",
        source="LAW.md §1f: NĐ 145/2020/NĐ-CP hướng dẫn BLLĐ 2019 (đối thoại, hội nghị người "
        "lao động, quy chế dân chủ tại nơi làm việc, Điều 37, 48) [source: PĐ].",
    ),
    "ND149/2018": dict(
        type="Nghị định", number="149", year=2018, symbol="NĐ-CP", date=D(2018, 11, 7),
        issuer=GOV,
        title="Quy định chi tiết khoản 3 Điều 63 của Bộ luật Lao động về thực hiện Quy chế dân "
        "chủ ở cơ sở tại nơi làm việc",
        status="replaced", replaced_by="ND145/2020",
        source="LAW.md §1f: \"Replaced by NĐ 145/2020/NĐ-CP (BLLĐ 2019)\"; việc thay thế "
        "[unverified].",
    ),
    # §1d — citizen reception
    "ND154/2026": dict(
        type="Nghị định", number="154", year=2026, symbol="NĐ-CP", date=D(2026, 5, 15),
        issuer=GOV,
        status="in_force", effective_from=D(2026, 7, 1),
        source="LAW.md §1d: NĐ 154/2026/NĐ-CP (15/5/2026, hiệu lực 01/7/2026) [source (crawl, "
        "unverified)].",
    ),
    "ND64/2014": dict(
        type="Nghị định", number="64", year=2014, symbol="NĐ-CP", issuer=GOV,
        status="replaced", replaced_by="ND154/2026",
        source="LAW.md §1d: \"NĐ 154/2026/NĐ-CP … replaces NĐ 64/2014\" [source (crawl, "
        "unverified)].",
    ),
    "TT04/2021": dict(
        type="Thông tư", number="04", year=2021, symbol="TT-TTCP", issuer=INSPECTORATE,
        status="unknown",
        source="LAW.md §1d: TT 04/2021/TT-TTCP (quy trình tiếp công dân, mẫu sổ) [unverified]; "
        "open question 12: có thể bị thay thế năm 2026.",
    ),
    "TT06/2014": dict(
        type="Thông tư", number="06", year=2014, symbol="TT-TTCP", issuer=INSPECTORATE,
        status="replaced", replaced_by="TT04/2021",
        source="LAW.md §1d: \"TT 06/2014/TT-TTCP → TT 04/2021/TT-TTCP\" [unverified]; phần "
        "nguồn: PĐ \"still shows … TT 06/2014 & 07/2014 instead of TT 04/2021 & 05/2021\".",
    ),
    # §1c — processing applications
    "TT05/2021": dict(
        type="Thông tư", number="05", year=2021, symbol="TT-TTCP", date=D(2021, 10, 1),
        issuer=INSPECTORATE,
        status="unknown",
        source="LAW.md §1c: TT 05/2021/TT-TTCP (01/10/2021) \"replaced TT 07/2014\" "
        "[unverified]; open question 12.",
    ),
    "TT07/2014": dict(
        type="Thông tư", number="07", year=2014, symbol="TT-TTCP", issuer=INSPECTORATE,
        status="replaced", replaced_by="TT05/2021",
        source="LAW.md §1c: TT 05/2021/TT-TTCP \"replaced TT 07/2014\" [unverified].",
    ),
    # §1a — complaints
    "ND124/2020": dict(
        type="Nghị định", number="124", year=2020, symbol="NĐ-CP", issuer=GOV,
        status="in_force",
        source="LAW.md §1a: NĐ 124/2020, được NĐ 155/2026 sửa đổi từ 01/7/2026 [source (crawl, "
        "unverified)].",
    ),
    "ND75/2012": dict(
        type="Nghị định", number="75", year=2012, symbol="NĐ-CP", issuer=GOV,
        status="replaced", replaced_by="ND124/2020",
        source="LAW.md, source keys: PĐ \"still shows NĐ 75/2012 instead of NĐ 124/2020\"; §1a "
        "\"carried into NĐ 124/2020\".",
    ),
    # §1f — one-stop shop
    "ND118/2025": dict(
        type="Nghị định", number="118", year=2025, symbol="NĐ-CP", date=D(2025, 6, 9),
        issuer=GOV,
        status="in_force",
        source="LAW.md §1f: \"NĐ 61/2018 → now NĐ 118/2025/NĐ-CP (09/6/2025, one-stop shop)\" "
        "[source (crawl)].",
    ),
    "ND61/2018": dict(
        type="Nghị định", number="61", year=2018, symbol="NĐ-CP", issuer=GOV,
        status="replaced", replaced_by="ND118/2025",
        source="LAW.md §1f: \"NĐ 61/2018 → now NĐ 118/2025/NĐ-CP\".",
    ),
    # §6 — personal data
    "ND356/2025": dict(
        type="Nghị định", number="356", year=2025, symbol="NĐ-CP", date=D(2025, 12, 31),
        issuer=GOV,
        status="in_force", effective_from=D(2026, 1, 1),
        source="LAW.md §6: NĐ 356/2025/NĐ-CP (31/12/2025, hiệu lực 01/01/2026) \"replaces NĐ "
        "13/2023/NĐ-CP\" [source (secondary)].",
    ),
    "ND13/2023": dict(
        type="Nghị định", number="13", year=2023, symbol="NĐ-CP", issuer=GOV,
        status="replaced", replaced_by="ND356/2025",
        source="LAW.md §6: NĐ 356/2025/NĐ-CP \"replaces NĐ 13/2023/NĐ-CP\" [source (secondary)].",
    ),
    # §2 — democracy at the grassroots
    "L10/2022": dict(
        type="Luật", number="10", year=2022, symbol="QH15", issuer="Quốc hội",
        title="Luật Thực hiện dân chủ ở cơ sở",
        status="in_force", effective_from=D(2023, 7, 1),
        source="LAW.md §2: Luật 10/2022/QH15, hiệu lực 01/7/2023 [source: PĐ, Điều 90].",
    ),
    "PL34/2007": dict(
        type="Pháp lệnh", number="34", year=2007, symbol="PL-UBTVQH11",
        issuer="Ủy ban Thường vụ Quốc hội",
        title="Pháp lệnh Thực hiện dân chủ ở xã, phường, thị trấn",
        status="repealed", replaced_by="L10/2022",
        source="LAW.md §2: Luật 10/2022/QH15 \"repealed Pháp lệnh 34/2007\" [source: PĐ, Luật "
        "THDCCS Điều 90].",
    ),
    "NQ55/1998": dict(
        type="Nghị quyết", number="55", year=1998, symbol="NQ-UBTVQH10",
        issuer="Ủy ban Thường vụ Quốc hội",
        status="repealed", replaced_by="L10/2022",
        source="LAW.md §2: Luật 10/2022/QH15 \"repealed … NQ 55/1998/NQ-UBTVQH10\" [source: PĐ, "
        "Luật THDCCS Điều 90].",
    ),
    "ND59/2023": dict(
        type="Nghị định", number="59", year=2023, symbol="NĐ-CP", issuer=GOV,
        title="Quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở",
        status="in_force", effective_from=D(2023, 8, 15),
        source="LAW.md §2: NĐ 59/2023/NĐ-CP, hiệu lực 15/8/2023 [source: PĐ, Điều 1, 28].",
    ),
    "ND159/2016": dict(
        type="Nghị định", number="159", year=2016, symbol="NĐ-CP", issuer=GOV,
        status="repealed", replaced_by="ND59/2023",
        source="LAW.md §2: NĐ 59/2023 \"repealed NĐ 159/2016 (Ban TTND)\" [source: PĐ, NĐ "
        "59/2023 Điều 28].",
    ),
    # Codes LAW.md applies as current (§0, §1f, §7).
    "BLLD45/2019": dict(
        type="Bộ luật", number="45", year=2019, symbol="QH14", issuer="Quốc hội",
        title="Bộ luật Lao động",
        status="in_force", effective_from=D(2021, 1, 1),
        source="LAW.md §7: BLLĐ 45/2019/QH14, hiệu lực 01/01/2021 [source: PĐ]; §1f.",
    ),
    "BLDS91/2015": dict(
        type="Bộ luật", number="91", year=2015, symbol="QH13", issuer="Quốc hội",
        title="Bộ luật Dân sự",
        status="in_force",
        source="LAW.md §0: BLDS 91/2015/QH13 Điều 144–148 (cách tính thời hạn) [source: PĐ].",
    ),
    # Cited by the seed plan; LAW.md leaves the status open.
    "ND04/2015": dict(
        type="Nghị định", number="04", year=2015, symbol="NĐ-CP", date=D(2015, 1, 9),
        issuer=GOV,
        title="Thực hiện dân chủ trong hoạt động của cơ quan hành chính nhà nước và đơn vị sự "
        "nghiệp công lập",
        status="unknown",
        source="LAW.md §2: Luật 10/2022 đã kế thừa nội dung; một trang bên thứ ba ghi \"hết hiệu "
        "lực từ 01/7/2023\" nhưng không thấy điều khoản bãi bỏ. Áp dụng Luật 10/2022 và NĐ "
        "59/2023; chỉ viện dẫn NĐ 04/2015 ở phần không trái.",
    ),
    "TT01/2016": dict(
        type="Thông tư", number="01", year=2016, symbol="TT-BNV", date=D(2016, 1, 13),
        issuer="Bộ Nội vụ",
        title="Hướng dẫn một số nội dung của Nghị định số 04/2015/NĐ-CP",
        status="unknown",
        source="LAW.md §2: hướng dẫn NĐ 04/2015 → cùng tình trạng [inference]; open question 4.",
    ),
    "TT11/2020": dict(
        type="Thông tư", number="11", year=2020, symbol="TT-BGDĐT", date=D(2020, 5, 19),
        issuer=MOET,
        title="Hướng dẫn thực hiện dân chủ trong hoạt động của cơ sở giáo dục công lập",
        status="unknown",
        source="LAW.md §2: \"No replacement found\" [open question 4].",
    ),
    "L104/2016": dict(
        type="Luật", number="104", year=2016, symbol="QH13", issuer="Quốc hội",
        title="Luật Tiếp cận thông tin",
        status="unknown",
        source="LAW.md §1e: không thấy sửa đổi trong nguồn đã đọc [open question 5].",
    ),
}


def seed(apps, schema_editor):
    LegalDocument = apps.get_model("legal", "LegalDocument")
    created = {}
    # Successors first: a replaced row names its replacement from the start (check constraint).
    for label, row in sorted(DOCUMENTS.items(), key=lambda item: "replaced_by" in item[1]):
        fields = dict(row)
        if "replaced_by" in row:
            fields["replaced_by"] = created[row["replaced_by"]]
        fields["match_key"] = _document_key(
            fields["type"], fields.get("number"), fields.get("year"), fields.get("symbol")
        )
        title = fields.get("title", "")
        if fields["type"] in LAW_TYPES and title:
            fields["name_key"] = " ".join(_fold(title).split())
        created[label], _ = LegalDocument.objects.update_or_create(
            match_key=fields["match_key"], defaults=fields
        )


def unseed(apps, schema_editor):
    LegalDocument = apps.get_model("legal", "LegalDocument")
    keys = [
        _document_key(row["type"], row.get("number"), row.get("year"), row.get("symbol"))
        for row in DOCUMENTS.values()
    ]
    # Replaced rows first: their successors are protected while they point at them.
    LegalDocument.objects.filter(match_key__in=keys, replaced_by__isnull=False).delete()
    LegalDocument.objects.filter(match_key__in=keys).delete()


class Migration(migrations.Migration):
    dependencies = [("legal", "0001_legal_document_register")]

    operations = [migrations.RunPython(seed, unseed)]
