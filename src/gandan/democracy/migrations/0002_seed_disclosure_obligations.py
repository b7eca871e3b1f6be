"""The register of disclosure obligations, from LAW.md §2 (Luật 10/2022/QH15 Điều 46–48) and §3
(Thông tư 09/2024/TT-BGDĐT Điều 4, 5, 8, 9, 14, 15). Administrators correct rows in the admin.
"""

import datetime as dt

from django.db import migrations

LAW = "Luật 10/2022/QH15"
TT = "Thông tư 09/2024/TT-BGDĐT"
STAFF_CHANNELS = [
    "notice_board",
    "intranet",
    "conference",
    "written_notice",
    "sub_unit_heads",
    "party_and_union",
]
PUBLIC_CHANNELS = ["portal"]

# Điều 46: the 12 groups the head discloses inside the unit. Điều 48 k1: ≤ 05 working days from
# the decision or document; k2: posted ≥ 20 consecutive days.
STAFF = [
    ("chinh-sach-phap-luat", "Chủ trương, chính sách của Đảng, pháp luật của Nhà nước liên quan đến đơn vị", ""),
    ("ke-hoach-cong-tac", "Kế hoạch công tác năm, quý, tháng của đơn vị", ""),
    (
        "tai-chinh-ngan-sach",
        "Dự toán ngân sách và các nguồn tài chính khác; tình hình thực hiện; quyết toán năm",
        "Kể cả kết luận, kiến nghị của Kiểm toán nhà nước.",
    ),
    (
        "tai-san-cong",
        "Tiêu chuẩn, định mức và việc quản lý, sử dụng tài sản công",
        "Đầu tư, mua sắm, sử dụng, thanh lý tài sản.",
    ),
    (
        "dau-tu-cong",
        "Đầu tư công: tiêu chí, danh mục, phân bổ vốn, tiến độ, quyết toán",
        "",
    ),
    (
        "cong-tac-can-bo",
        "Tuyển dụng, đào tạo, điều động, bổ nhiệm, nâng lương, đánh giá, xếp loại, khen thưởng, "
        "kỷ luật, nghỉ hưu của cán bộ, viên chức",
        "Kể cả đề án, kế hoạch và dự thảo văn bản do đơn vị xây dựng.",
    ),
    (
        "tham-nhung-ke-khai-tai-san",
        "Kết luận về tiêu cực, tham nhũng, lãng phí; bản kê khai tài sản, thu nhập",
        "Bản kê khai của người có nghĩa vụ kê khai.",
    ),
    (
        "thanh-tra-khieu-nai",
        "Kết quả thanh tra, kiểm tra; kết quả giải quyết khiếu nại, tố cáo, kiến nghị trong nội bộ",
        "",
    ),
    ("noi-quy-quy-che", "Nội quy, quy chế, quy định nội bộ; quy tắc ứng xử", ""),
    (
        "tong-hop-y-kien",
        "Tổng hợp ý kiến của cán bộ, viên chức và nội dung giải trình, tiếp thu",
        "Về các nội dung lấy ý kiến theo Điều 53.",
    ),
    ("van-ban-cap-tren", "Văn bản chỉ đạo, điều hành của cấp trên liên quan đến đơn vị", ""),
    ("noi-dung-khac", "Nội dung khác theo quy định của pháp luật và quy chế dân chủ của đơn vị", ""),
]

# Thông tư 09/2024: yearly before 30 June (Điều 15 k1), changes within 10 working days; the
# contents per group read from secondary sources (LAW.md §3).
PUBLIC = [
    (
        "general",
        "Điều 4",
        [
            (
                "thong-tin-chung",
                "Thông tin chung về nhà trường",
                "Tên trường; địa chỉ, điện thoại, thư điện tử, cổng thông tin; loại hình, cơ quan "
                "quản lý; sứ mạng, tầm nhìn, mục tiêu; tóm tắt lịch sử; người đại diện theo pháp "
                "luật, người phát ngôn.",
            ),
            (
                "to-chuc-bo-may",
                "Tổ chức bộ máy",
                "Quyết định thành lập; hội đồng trường; quyết định bổ nhiệm hiệu trưởng, phó "
                "hiệu trưởng; quy chế tổ chức và hoạt động; sơ đồ tổ chức; các tổ; thông tin "
                "liên hệ của lãnh đạo.",
            ),
            (
                "chien-luoc-quy-che",
                "Chiến lược phát triển và các quy chế, quy định nội bộ",
                "",
            ),
            (
                "bao-cao-thuong-nien",
                "Báo cáo thường niên của năm trước",
                "Báo cáo thường niên theo Điều 14; số liệu tài chính cập nhật đến khi quyết toán.",
            ),
        ],
    ),
    (
        "finance",
        "Điều 5",
        [
            (
                "thu-chi-tai-chinh",
                "Thu, chi tài chính của năm tài chính trước",
                "Nguồn thu (ngân sách, học phí và các khoản thu từ người học, tài trợ, khác) và "
                "các khoản chi (lương, cơ sở vật chất và dịch vụ, hỗ trợ người học, khác).",
            ),
            (
                "cac-khoan-thu",
                "Các khoản thu theo năm học và dự kiến các năm tiếp theo",
                "Công khai trước khi tuyển sinh.",
            ),
            (
                "mien-giam-ho-tro",
                "Chính sách và kết quả miễn, giảm học phí, hỗ trợ, học bổng cho người học",
                "",
            ),
        ],
    ),
    (
        "quality",
        "Điều 8",
        [
            (
                "doi-ngu",
                "Đội ngũ cán bộ quản lý, giáo viên, nhân viên",
                "Số lượng theo vị trí việc làm và trình độ; tỷ lệ đạt chuẩn nghề nghiệp; tỷ lệ "
                "hoàn thành bồi dưỡng hằng năm.",
            ),
            (
                "co-so-vat-chat",
                "Cơ sở vật chất và thiết bị dạy học",
                "Diện tích đất, diện tích bình quân mỗi học sinh; phòng học, phòng chức năng; "
                "thiết bị dạy học so với danh mục tối thiểu.",
            ),
            (
                "sach-giao-khoa",
                "Danh mục sách giáo khoa được lựa chọn và tài liệu tham khảo",
                "",
            ),
            (
                "kiem-dinh",
                "Kết quả tự đánh giá, đánh giá ngoài, kiểm định chất lượng, công nhận đạt chuẩn",
                "Kèm kế hoạch cải tiến chất lượng.",
            ),
        ],
    ),
    (
        "plan_results",
        "Điều 9",
        [
            (
                "ke-hoach-giao-duc",
                "Kế hoạch tuyển sinh, kế hoạch giáo dục của nhà trường, phối hợp với gia đình",
                "",
            ),
            (
                "ket-qua-giao-duc",
                "Kết quả giáo dục năm học trước",
                "Số học sinh, kết quả đánh giá, tỷ lệ hoàn thành chương trình.",
            ),
        ],
    ),
]


def seed(apps, schema_editor):
    Obligation = apps.get_model("democracy", "DisclosureObligation")
    rows = []
    for order, (code, title, description) in enumerate(STAFF, start=1):
        rows.append(
            Obligation(
                code=f"noi-bo-{code}",
                audience="staff",
                public_group="",
                order=order,
                title=title,
                description=description,
                legal_basis=f"{LAW}, Điều 46 khoản {order}; Điều 47; Điều 48 khoản 1, 2",
                channels=STAFF_CHANNELS,
                timing="on_decision",
                deadline_working_days=5,
                min_posting_days=20,
                valid_from=dt.date(2023, 7, 1),
                confidence="source",
            )
        )
    order = 0
    for group, article, obligations in PUBLIC:
        for code, title, description in obligations:
            order += 1
            rows.append(
                Obligation(
                    code=f"cong-khai-{code}",
                    audience="public",
                    public_group=group,
                    order=order,
                    title=title,
                    description=description,
                    legal_basis=f"{TT}, {article}; Điều 14; Điều 15 khoản 1",
                    channels=PUBLIC_CHANNELS
                    + (["annual_report"] if code == "bao-cao-thuong-nien" else []),
                    timing="annual",
                    deadline_working_days=10,
                    annual_due_month=6,
                    annual_due_day=30,
                    min_posting_days=None,
                    valid_from=dt.date(2024, 7, 19),
                    confidence="secondary",
                )
            )
    for row in rows:
        if not Obligation.objects.filter(code=row.code).exists():
            row.save()


def unseed(apps, schema_editor):
    codes = [f"noi-bo-{code}" for code, _t, _d in STAFF] + [
        f"cong-khai-{code}" for _g, _a, obligations in PUBLIC for code, _t, _d in obligations
    ]
    apps.get_model("democracy", "DisclosureObligation").objects.filter(code__in=codes).delete()


class Migration(migrations.Migration):
    dependencies = [("democracy", "0001_disclosures_and_ballots")]

    operations = [migrations.RunPython(seed, unseed)]
