"""Realistic specimen documents for tests, the benchmark and demonstrations: one of each kind
the apps issue (`SAMPLES`).

The plan follows the 2022 plan of Trường Tiểu học Thành Tô (the project's seed), shortened;
dated 2022, it names the managing body the school had then (Phòng GD&ĐT quận Hải An, before
the two-level local government of 1/7/2025); the documents dated after name UBND PHƯỜNG ….
"""

import datetime as dt
from collections.abc import Callable

from gandan.paperwork.document import (
    Article,
    BasisLine,
    Block,
    Bullet,
    CentredLine,
    DocType,
    DocumentSpec,
    Heading,
    Paragraph,
    Signer,
    SignerPrefix,
    Table,
)

MANAGING_BODY = "UBND PHƯỜNG THÀNH TÔ"
MANAGING_BODY_2022 = "PHÒNG GD&ĐT QUẬN HẢI AN"
ISSUING_BODY = "TRƯỜNG TIỂU HỌC THÀNH TÔ"
PLACE = "Hải Phòng"

_PURPOSES = (
    "Triển khai thực hiện nghiêm túc, chặt chẽ, đồng bộ, bảo đảm chất lượng, hiệu quả Chỉ thị "
    "số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng cường và đổi mới công "
    "tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới.",
    "Tạo sự chuyển biến tích cực về nhận thức và hành động của đội ngũ cán bộ, giáo viên, nhân "
    "viên về vai trò, tầm quan trọng của công tác dân vận; khắc phục những hạn chế, thiếu sót "
    "nhằm nâng cao hơn nữa chất lượng, hiệu quả công tác dân vận trong nhà trường, góp phần xây "
    "dựng nền hành chính phục vụ, công khai, minh bạch, gần dân.",
    "Xác định vai trò, trách nhiệm của người đứng đầu trong việc thực hiện công tác dân vận, "
    "từng bước đổi mới nội dung, phương thức hoạt động, tinh thần phục vụ Nhân dân phù hợp với "
    "tình hình thực tế theo chức năng, nhiệm vụ được giao.",
    "Nâng cao nhận thức của đội ngũ cán bộ, giáo viên, nhân viên; nêu cao tinh thần phục vụ và "
    "ý thức trách nhiệm trước Nhân dân. Kịp thời phát hiện, ngăn ngừa hành vi sách nhiễu, gây "
    "phiền hà cho cha mẹ học sinh và công dân trong giải quyết công việc.",
)

_TASKS = (
    (
        "Tổ chức quán triệt và thể chế hóa chủ trương, đường lối của Đảng, chính sách, pháp "
        "luật của Nhà nước về công tác dân vận",
        (
            "Thường xuyên quán triệt chủ trương, đường lối của Đảng, chính sách, pháp luật của "
            "Nhà nước; tuyên truyền vị trí, vai trò của công tác dân vận trong tình hình mới.",
            "Gắn việc xây dựng kế hoạch công tác dân vận với nhiệm vụ năm học; thực hiện dân "
            "chủ, công khai, minh bạch trong nhà trường; xây dựng tập thể đoàn kết, thống nhất.",
        ),
    ),
    (
        "Đẩy mạnh công tác tuyên truyền, giáo dục nhận thức về ý nghĩa, tầm quan trọng của "
        "công tác dân vận",
        (
            "Người đứng đầu chú trọng tuyên truyền, nâng cao nhận thức của đội ngũ về vị trí, "
            "vai trò, trách nhiệm của nhà trường và của mỗi cán bộ, giáo viên trong công tác "
            "dân vận; xây dựng phong cách làm việc “trọng dân, gần dân, hiểu dân, giúp dân, "
            "học dân và có trách nhiệm với dân”.",
        ),
    ),
    (
        "Tiếp tục thực hiện tốt phong trào thi đua “Dân vận khéo”",
        (
            "Vận động cán bộ, giáo viên, nhân viên tích cực tham gia phong trào thi đua “Dân vận "
            "khéo”, gắn với học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
            "Chú trọng tuyên truyền, cổ vũ gương người tốt, việc tốt; bình chọn, nhân rộng gương "
            "tiêu biểu, điển hình “Dân vận khéo”.",
        ),
    ),
    (
        "Tổ chức thực hiện tốt Luật Tiếp cận thông tin; tập trung giải quyết các kiến nghị, "
        "phản ánh của cha mẹ học sinh và Nhân dân",
        (
            "Thực hiện nghiêm túc trách nhiệm tiếp công dân, đối thoại với cha mẹ học sinh; niêm "
            "yết, công khai các thủ tục, các khoản thu theo quy định.",
            "Giải quyết kịp thời, đúng thời hạn các đơn khiếu nại, tố cáo, kiến nghị, phản ánh; "
            "thực hiện thư cảm ơn, thư xin lỗi khi có sai sót.",
            "Thực hiện dân chủ ở cơ sở theo Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 và "
            "Nghị định số 59/2023/NĐ-CP; tổ chức Hội nghị cán bộ, công chức, viên chức, người lao "
            "động đúng quy định.",
        ),
    ),
)


def sample_plan(*, number_symbol: str = "07/KH-THTT", date: dt.date | None = None) -> DocumentSpec:
    """A three-page KẾ HOẠCH signed by a deputy head (KT.)."""
    body: list[Block] = [
        BasisLine(
            "Căn cứ Kế hoạch số 52-KH/BDVTU-BCSĐUBNDTP ngày 12/01/2022 của Ban Dân vận Thành ủy "
            "và Ban Cán sự đảng Ủy ban nhân dân thành phố về phối hợp thực hiện công tác dân vận "
            "năm 2022;"
        ),
        BasisLine(
            "Căn cứ Kế hoạch số 81/KH-SGDĐT ngày 20/7/2022 của Sở Giáo dục và Đào tạo về thực "
            "hiện công tác dân vận của chính quyền và quy chế dân chủ ở cơ sở ngành Giáo dục và "
            "Đào tạo Hải Phòng."
        ),
        Paragraph(
            "Trường Tiểu học Thành Tô ban hành Kế hoạch thực hiện công tác dân vận của chính "
            "quyền và quy chế dân chủ ở cơ sở như sau:"
        ),
        Heading(1, 1, "Mục đích, yêu cầu"),
        *(Bullet(text) for text in _PURPOSES),
        Heading(1, 2, "Nhiệm vụ trọng tâm"),
    ]
    for index, (title, items) in enumerate(_TASKS, start=1):
        body.append(Heading(2, index, title))
        body.extend(Bullet(text) for text in items)
        body.append(Bullet("Bộ phận chủ trì: Ban Giám hiệu, Công đoàn và các tổ chuyên môn."))
        body.append(Bullet("Thời gian thực hiện: năm học 2022 - 2023 và các năm tiếp theo."))
    body += [
        Heading(1, 3, "Tổ chức thực hiện"),
        Table(
            rows=(
                ("TT", "Nội dung", "Chủ trì", "Thời gian"),
                ("1", "Xây dựng, ban hành kế hoạch", "Hiệu trưởng", "Tháng 8/2022"),
                (
                    "2",
                    "Hội nghị cán bộ, công chức, viên chức",
                    "Hiệu trưởng, Công đoàn",
                    "Tháng 9/2022",
                ),
                ("3", "Sơ kết học kỳ I", "Phó Hiệu trưởng", "Tháng 01/2023"),
                ("4", "Tổng kết năm học", "Hiệu trưởng", "Tháng 5/2023"),
            )
        ),
        Bullet(
            "Ban Giám hiệu triển khai thực hiện Kế hoạch; phối hợp với Công đoàn tổ chức tuyên "
            "truyền trên trang thông tin điện tử của nhà trường và trong các buổi họp."
        ),
        Bullet(
            "Các tổ chuyên môn, tổ văn phòng xây dựng kế hoạch của tổ, báo cáo kết quả thực hiện "
            "hằng tháng về Ban Giám hiệu."
        ),
        Paragraph(
            "Trên đây là Kế hoạch thực hiện công tác dân vận của chính quyền và quy chế dân chủ ở "
            "cơ sở năm 2022 của Trường Tiểu học Thành Tô./."
        ),
    ]
    return DocumentSpec(
        managing_body=MANAGING_BODY_2022,
        issuing_body=ISSUING_BODY,
        doc_type=DocType.PLAN,
        summary="Thực hiện công tác dân vận của chính quyền và quy chế dân chủ ở cơ sở năm 2022",
        place=PLACE,
        signer=Signer(
            name="Nguyễn Thị Hồng",
            title="Phó Hiệu trưởng",
            prefix=SignerPrefix.DEPUTY,
            on_behalf_of="Hiệu trưởng",
        ),
        body=tuple(body),
        recipients=("Phòng GD&ĐT (để b/c)", "UBND phường Thành Tô (để b/c)", "CB, GV, NV (để t/h)"),
        number_symbol=number_symbol,
        date=date if date is not None else dt.date(2022, 8, 5),
    )


def sample_letter(
    *, number_symbol: str = "05/THTT-VP", date: dt.date | None = None
) -> DocumentSpec:
    """A one-page công văn to two addressees, signed by the head."""
    return DocumentSpec(
        managing_body=MANAGING_BODY,
        issuing_body=ISSUING_BODY,
        doc_type=DocType.OFFICIAL_LETTER,
        summary=(
            "Đề nghị phối hợp tổ chức Hội nghị cán bộ, công chức, viên chức năm học 2026 - 2027"
        ),
        place=PLACE,
        kinh_gui=("Ban Chấp hành Công đoàn trường", "Ban đại diện cha mẹ học sinh trường"),
        signer=Signer(name="Trần Văn Minh", title="Hiệu trưởng"),
        body=(
            Paragraph(
                "Thực hiện Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ, Trường Tiểu "
                "học Thành Tô đề nghị Ban Chấp hành Công đoàn và Ban đại diện cha mẹ học sinh "
                "phối hợp chuẩn bị nội dung Hội nghị cán bộ, công chức, viên chức năm học "
                "2026 - 2027, dự kiến tổ chức vào ngày 25 tháng 9 năm 2026."
            ),
            Paragraph("Trân trọng đề nghị./."),
        ),
        recipients=("Như trên", "Lưu: VT"),
        number_symbol=number_symbol,
        date=date if date is not None else dt.date(2026, 1, 5),
    )


HEAD = Signer(name="Trần Văn Minh", title="Hiệu trưởng")
CONFERENCE = "Hội nghị cán bộ, viên chức, người lao động năm học 2026 - 2027"


def sample_decision(
    *, number_symbol: str = "12/QĐ-THTT", date: dt.date | None = None
) -> DocumentSpec:
    """A QUYẾT ĐỊNH (Mẫu 1.2): the authority line, its bases, then the articles."""
    return DocumentSpec(
        managing_body=MANAGING_BODY,
        issuing_body=ISSUING_BODY,
        doc_type=DocType.DECISION,
        summary="Về việc công nhận mô hình “Dân vận khéo” năm học 2026 - 2027",
        place=PLACE,
        signer=HEAD,
        body=(
            CentredLine(f"HIỆU TRƯỞNG {ISSUING_BODY}"),
            BasisLine(
                "Căn cứ Thông tư số 28/2020/TT-BGDĐT ngày 04 tháng 9 năm 2020 của Bộ trưởng Bộ "
                "Giáo dục và Đào tạo ban hành Điều lệ Trường tiểu học;"
            ),
            BasisLine(
                "Căn cứ Biên bản số 03/BB-THTT ngày 20 tháng 5 năm 2027 của Hội đồng xét công "
                "nhận mô hình, điển hình “Dân vận khéo” năm học 2026 - 2027;"
            ),
            BasisLine("Xét đề nghị của Hội đồng xét công nhận mô hình, điển hình “Dân vận khéo”."),
            CentredLine("QUYẾT ĐỊNH:"),
            Article(
                1,
                "Công nhận mô hình “Cổng trường thân thiện” của Tổ chuyên môn khối 1 là mô hình "
                "“Dân vận khéo” năm học 2026 - 2027.",
            ),
            Article(
                2,
                "Tổ chuyên môn khối 1 và các bộ phận có liên quan chịu trách nhiệm thi hành "
                "Quyết định này./.",
            ),
        ),
        recipients=("Như Điều 2", "UBND phường Thành Tô (để báo cáo)", "Lưu: VT."),
        number_symbol=number_symbol,
        date=date if date is not None else dt.date(2027, 5, 25),
    )


def sample_minutes(
    *, number_symbol: str = "03/BB-THTT", date: dt.date | None = None
) -> DocumentSpec:
    """A BIÊN BẢN (Mẫu 1.9): start, place, participants, chair, secretary, content, end."""
    return DocumentSpec(
        managing_body=MANAGING_BODY,
        issuing_body=ISSUING_BODY,
        doc_type=DocType.MINUTES,
        summary=CONFERENCE,
        place=PLACE,
        signer=Signer(name="Trần Văn Minh", title="Chủ tọa"),
        co_signer=Signer(name="Lê Thu Trang", title="Thư ký"),
        body=(
            Paragraph("Thời gian bắt đầu: 07 giờ 30 phút, ngày 25 tháng 9 năm 2026."),
            Paragraph("Địa điểm: Hội trường Trường Tiểu học Thành Tô."),
            Paragraph(
                "Thành phần tham dự: cán bộ, viên chức, người lao động Trường Tiểu học Thành "
                "Tô; số người được triệu tập: 42; có mặt: 40; vắng mặt: 2."
            ),
            Paragraph("Chủ trì: Trần Văn Minh, Hiệu trưởng."),
            Paragraph("Thư ký: Lê Thu Trang."),
            Heading(1, "", "Nội dung"),
            Heading(2, 1, "Báo cáo kết quả thực hiện nhiệm vụ năm học 2025 - 2026"),
            Paragraph("Người trình bày: Trần Văn Minh, Hiệu trưởng."),
            Heading(2, 2, "Biểu quyết thông qua Quy chế chi tiêu nội bộ"),
            Paragraph(
                "Biểu quyết công khai: 38/40 người có mặt tán thành (95%), 2 không tán thành; "
                "được thông qua."
            ),
            Paragraph("Hội nghị kết thúc vào 11 giờ 00 phút, ngày 25 tháng 9 năm 2026./."),
        ),
        recipients=("Ban Chấp hành Công đoàn", "Lưu: VT, Hồ sơ."),
        number_symbol=number_symbol,
        date=date if date is not None else dt.date(2026, 9, 25),
    )


def sample_resolution(
    *, number_symbol: str = "04/NQ-THTT", date: dt.date | None = None
) -> DocumentSpec:
    """A NGHỊ QUYẾT (Mẫu 1.1) of the staff conference, signed by the head and the union chair."""
    return DocumentSpec(
        managing_body=MANAGING_BODY,
        issuing_body=ISSUING_BODY,
        doc_type=DocType.RESOLUTION,
        summary=CONFERENCE,
        place=PLACE,
        signer=HEAD,
        co_signer=Signer(
            name="Phạm Thị Lan",
            title="Chủ tịch",
            prefix=SignerPrefix.ON_BEHALF_OF_BODY,
            on_behalf_of="Ban Chấp hành Công đoàn",
        ),
        body=(
            CentredLine(f"HỘI NGHỊ CÁN BỘ, VIÊN CHỨC, NGƯỜI LAO ĐỘNG {ISSUING_BODY}"),
            BasisLine("Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;"),
            BasisLine(
                "Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14 tháng 8 năm 2023 của Chính phủ quy "
                "định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở;"
            ),
            BasisLine(f"Căn cứ Biên bản số 03/BB-THTT ngày 25 tháng 9 năm 2026 của {CONFERENCE}."),
            CentredLine("QUYẾT NGHỊ:"),
            Article(1, "Hội nghị thống nhất các nhiệm vụ, chỉ tiêu sau:"),
            Bullet("100% học sinh hoàn thành chương trình lớp học;"),
            Bullet("Không có đơn thư vượt cấp."),
            Article(
                2,
                "Thủ trưởng đơn vị và Ban Chấp hành Công đoàn có trách nhiệm tổ chức thực hiện "
                "nghị quyết./.",
            ),
        ),
        recipients=("UBND phường Thành Tô (để báo cáo)", "CB, GV, NV (để thực hiện)", "Lưu: VT."),
        number_symbol=number_symbol,
        date=date if date is not None else dt.date(2026, 9, 25),
    )


def sample_notice(
    *, number_symbol: str = "08/TB-THTT", date: dt.date | None = None
) -> DocumentSpec:
    """A THÔNG BÁO to a citizen (Mẫu 1.4)."""
    return DocumentSpec(
        managing_body=MANAGING_BODY,
        issuing_body=ISSUING_BODY,
        doc_type=DocType.NOTICE,
        summary="Về việc tiếp nhận kiến nghị",
        place=PLACE,
        signer=HEAD,
        kinh_gui=("Ông (bà) Nguyễn Văn An",),
        body=(
            Paragraph(
                "Ngày 02 tháng 3 năm 2026, Trường Tiểu học Thành Tô nhận được kiến nghị của ông "
                "(bà) Nguyễn Văn An về việc: sân trường ngập nước sau mưa."
            ),
            Paragraph("Nhà trường sẽ thụ lý chậm nhất ngày 12 tháng 3 năm 2026./."),
        ),
        recipients=("Như trên", "Lưu: VT, hồ sơ vụ việc."),
        number_symbol=number_symbol,
        date=date if date is not None else dt.date(2026, 3, 3),
    )


def sample_report(
    *, number_symbol: str = "15/BC-THTT", date: dt.date | None = None
) -> DocumentSpec:
    """A BÁO CÁO upward (Mẫu 1.4) with a table of figures."""
    return DocumentSpec(
        managing_body=MANAGING_BODY,
        issuing_body=ISSUING_BODY,
        doc_type=DocType.REPORT,
        summary="Kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2026",
        place=PLACE,
        signer=HEAD,
        body=(
            Paragraph(
                "Thực hiện yêu cầu của Ủy ban nhân dân phường Thành Tô, Trường Tiểu học Thành "
                "Tô báo cáo như sau:"
            ),
            Heading(1, 1, "Kết quả thực hiện"),
            Table(rows=(("TT", "Chỉ tiêu", "Kết quả"), ("1", "Đơn thư đã giải quyết", "3/3"))),
            Heading(1, 2, "Phương hướng"),
            Bullet("Tiếp tục công khai các khoản thu theo quy định;"),
            Bullet("Tổ chức đối thoại với cha mẹ học sinh mỗi học kỳ./."),
        ),
        recipients=("UBND phường Thành Tô (để báo cáo)", "Lưu: VT."),
        number_symbol=number_symbol,
        date=date if date is not None else dt.date(2026, 6, 20),
    )


# Every kind of document the apps issue, by its form in Nghị định 30/2020, Phụ lục III.
SAMPLES: dict[str, Callable[..., DocumentSpec]] = {
    "ke_hoach": sample_plan,
    "cong_van": sample_letter,
    "quyet_dinh": sample_decision,
    "bien_ban": sample_minutes,
    "nghi_quyet": sample_resolution,
    "thong_bao": sample_notice,
    "bao_cao": sample_report,
}
