"""The two decree versions for viên chức, from LAW.md §5.

- NĐ 90/2020/NĐ-CP as amended by NĐ 48/2023/NĐ-CP: in force for viên chức until 30/6/2026
  (NĐ 233/2026 Điều 19 k2). LAW.md gives only its period; it does not say how it classifies.
  What is encoded comes from secondary sources (quoted in `notes`) and is `needs_verification`:
  levels by criteria, not by points; quota 20 % (25 %); < 06 months not rated except maternity;
  absent 03 to < 06 months → at most "Hoàn thành".
- NĐ 233/2026/NĐ-CP: from 01/7/2026. Read in a crawl (OCR of the official PDF), so also
  `needs_verification` until checked against vanban.chinhphu.vn. Điều 20 k1: a unit without its
  own quy chế may still rate viên chức under NĐ 90/2020 at the 2026 year-end rating
  (`fallback`, `fallback_until` = 31/12/2026).
"""

import datetime as dt
from decimal import Decimal

from django.db import migrations

OLD = "nd-90-2020-vien-chuc"
NEW = "nd-233-2026-vien-chuc"

OLD_NOTES = (
    "LAW.md §5 chỉ ghi thời gian áp dụng (đến 30/6/2026 với viên chức, theo NĐ 233/2026 Điều 19 "
    "k2). Các nội dung sau lấy từ nguồn thứ cấp, cần đối chiếu văn bản chính thức: "
    "(1) xếp loại theo tiêu chí của Điều 12–15 NĐ 90/2020, không theo thang điểm; "
    "(2) chưa đủ 06 tháng không xếp loại, trừ nghỉ thai sản (xếp theo thời gian làm việc thực tế); "
    "nghỉ từ 03 đến dưới 06 tháng vẫn đánh giá nhưng không xếp từ mức hoàn thành tốt trở lên "
    "(luatvietnam.vn, tin về NĐ 90/2020); "
    "(3) tỷ lệ xuất sắc: NĐ 48/2023 gắn với tỷ lệ đảng viên xuất sắc theo quy định của Đảng "
    "(doanhnhan.vn); ghi 20 % và 25 % như NĐ 233/2026 — cần xác minh; "
    "(4) người đứng đầu không cao hơn đơn vị — chưa đọc được văn bản, cần xác minh."
)
NEW_NOTES = (
    "Đọc từ bản OCR văn bản chính thức (LAW.md, nguồn CR): Điều 10–12 (thang 100 điểm: 30 + 70; "
    "≥ 90 xuất sắc, 70–< 90 tốt, 50–< 70 hoàn thành, < 50 hoặc Điều 12 k4 b–d không hoàn thành), "
    "Điều 12 k5 (điểm năm từ điểm tháng/quý), k6 (≤ 20 % số được xếp loại hoàn thành tốt; ≤ 25 % "
    "khi đơn vị hoàn thành xuất sắc), k7 (người đứng đầu không cao hơn đơn vị), Điều 14 (chưa đủ "
    "06 tháng không xếp loại, trừ nghỉ ốm, thai sản), Điều 20 k1 (chuyển tiếp). Cách hiểu "
    "“số được xếp loại hoàn thành tốt” là số đạt từ mức tốt trở lên là suy luận: có thể đổi sang "
    "“chỉ mức tốt” tại trường “Tỷ lệ tính trên”."
)

OLD_CRITERIA = {
    "xuat_sac": "Thực hiện tốt các tiêu chí chung; hoàn thành 100% nhiệm vụ đúng tiến độ, chất "
    "lượng, hiệu quả cao, trong đó ít nhất 50% nhiệm vụ hoàn thành vượt mức (NĐ 90/2020 Điều 12, "
    "theo nguồn thứ cấp).",
    "tot": "Đáp ứng các tiêu chí chung; hoàn thành 100% nhiệm vụ đúng tiến độ, bảo đảm chất "
    "lượng, hiệu quả (NĐ 90/2020 Điều 13, theo nguồn thứ cấp).",
    "hoan_thanh": "Đáp ứng các tiêu chí chung; hoàn thành nhiệm vụ, còn một số chưa bảo đảm "
    "tiến độ hoặc chất lượng (cần đối chiếu NĐ 90/2020 Điều 14).",
    "khong_hoan_thanh": "Các trường hợp của NĐ 90/2020 Điều 15 (cần đối chiếu).",
}


# The căn cứ of a decision names the text's number, date, issuer and subject (NĐ 30/2020,
# Phụ lục I): corrected for existing rows by migration 0004.
OLD_CITATION = (
    "Nghị định số 90/2020/NĐ-CP ngày 13 tháng 8 năm 2020 của Chính phủ về đánh giá, xếp loại "
    "chất lượng cán bộ, công chức, viên chức, được sửa đổi, bổ sung bởi Nghị định số "
    "48/2023/NĐ-CP ngày 17 tháng 7 năm 2023 của Chính phủ"
)
NEW_CITATION = (
    "Nghị định số 233/2026/NĐ-CP ngày 26 tháng 6 năm 2026 của Chính phủ về đánh giá, xếp loại "
    "viên chức"
)


def seed(apps, schema_editor):
    RuleSet = apps.get_model("evaluation", "EvaluationRuleSet")
    old = RuleSet.objects.filter(code=OLD).first() or RuleSet.objects.create(
        code=OLD,
        short_name="NĐ 90/2020 (sửa đổi bởi NĐ 48/2023)",
        citation=OLD_CITATION,
        valid_from=dt.date(2020, 8, 20),
        valid_to=dt.date(2026, 6, 30),
        point_based=False,
        quota_percent=20,
        quota_percent_excellent_unit=25,
        quota_base="good_or_better",
        head_capped_by_unit=True,
        min_months=Decimal(6),
        short_time_exceptions=["maternity"],
        absence_cap_from_months=Decimal(3),
        absence_cap_level="hoan_thanh",
        periodic_tracking=False,
        level_criteria=OLD_CRITERIA,
        needs_verification=True,
        notes=OLD_NOTES,
    )
    if not RuleSet.objects.filter(code=NEW).exists():
        RuleSet.objects.create(
            code=NEW,
            short_name="NĐ 233/2026",
            citation=NEW_CITATION,
            valid_from=dt.date(2026, 7, 1),
            valid_to=None,
            point_based=True,
            general_max=Decimal(30),
            task_max=Decimal(70),
            excellent_min=Decimal(90),
            good_min=Decimal(70),
            done_min=Decimal(50),
            quota_percent=20,
            quota_percent_excellent_unit=25,
            quota_base="good_or_better",
            head_capped_by_unit=True,
            min_months=Decimal(6),
            short_time_exceptions=["sick", "maternity"],
            absence_cap_from_months=None,
            absence_cap_level="",
            periodic_tracking=True,
            fallback=old,
            fallback_until=dt.date(2026, 12, 31),
            needs_verification=True,
            notes=NEW_NOTES,
        )


def unseed(apps, schema_editor):
    RuleSet = apps.get_model("evaluation", "EvaluationRuleSet")
    RuleSet.objects.filter(code=NEW).delete()
    RuleSet.objects.filter(code=OLD).delete()


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0001_rule_sets_cycles_evaluations")]

    operations = [migrations.RunPython(seed, unseed)]
