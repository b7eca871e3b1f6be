"""Seed the deadline rules from LAW.md §1a–§1e, one row per step and version.

Numbers are LAW.md's step tables, nothing else. Effective dates of the laws (not in LAW.md):
Luật Khiếu nại 02/2011/QH13 from 01/7/2012; Luật Tiếp công dân 42/2013/QH13 from 01/7/2014;
Luật Tiếp cận thông tin 104/2016/QH13 from 01/7/2018 (its Điều 37); Luật Tố cáo 25/2018/QH14 from
01/01/2019. Luật 136/2025/QH15 and NĐ 155/2026 take effect on 01/7/2026: the complaint rows change
there; rows read only in a third-party crawl, or left open by LAW.md, are `needs_verification`
with LAW.md's caveat quoted in `note`. Kiến nghị/phản ánh have no statutory resolution limit: that
row is a school service target, `is_internal_policy`.
"""

import datetime as dt

from django.db import migrations

CAL = "calendar_day"
WD = "working_day"

KN = "khieu_nai"
TC = "to_cao"
TT = "yeu_cau_thong_tin"

LUAT_KN = dt.date(2012, 7, 1)
LUAT_TCD = dt.date(2014, 7, 1)
LUAT_TCTT = dt.date(2018, 7, 1)
LUAT_TC = dt.date(2019, 1, 1)
AMENDED_2026 = dt.date(2026, 7, 1)
LAST_DAY_BEFORE_2026 = dt.date(2026, 6, 30)

VERIFY = "Đối chiếu với văn bản chính thức (vanban.chinhphu.vn) rồi bỏ đánh dấu “cần đối chiếu”."

NOTE_THU_LY_2026 = (
    "Nguồn là bản thu thập của bên thứ ba, chưa đối chiếu. LAW.md §1a: “[source (crawl, "
    "unverified): CR NĐ 155/2026 Điều 10 amending NĐ 124/2020 Điều 16 k1] — implies Luật "
    "136/2025/QH15 changed Điều 27/36; verify”. Vẫn phải thông báo bằng văn bản việc thụ lý hoặc "
    "không thụ lý. " + VERIFY
)
NOTE_GIAI_QUYET_2026 = (
    "Giữ thời hạn của Luật Khiếu nại 2011 vì LAW.md không ghi số mới, nhưng còn bỏ ngỏ (LAW.md, "
    "câu hỏi mở 1: Luật 136/2025/QH15 “did it change … the resolution periods, Điều 11a "
    "suspension grounds”). Từ 01/7/2026: thời gian tạm đình chỉ không tính, thời hạn tính tiếp "
    "từ quyết định tiếp tục giải quyết (LAW.md §1a: “[source (crawl, unverified): CR NĐ 155/2026 "
    "new Điều 28b NĐ 124/2020]”); xác định vụ việc phức tạp phải bằng văn bản, lưu hồ sơ (“[source "
    "(crawl, unverified): CR NĐ 155/2026 new Điều 3a NĐ 124/2020]”). " + VERIFY
)
NOTE_SUSPENSION_2026 = (
    "Quyết định tạm đình chỉ, đình chỉ (Mẫu 14a) ban hành ngay và gửi trong 03 ngày làm việc; "
    "quyết định tiếp tục giải quyết (Mẫu 14b) cũng vậy. LAW.md §1a: “[source (crawl, "
    "unverified): CR NĐ 155/2026 new Điều 28b NĐ 124/2020]”. " + VERIFY
)
NOTE_NOTICE = (
    "Thông báo bằng văn bản việc thụ lý hoặc không thụ lý (nêu lý do) cho người khiếu nại, cơ "
    "quan chuyển đơn và cơ quan thanh tra nhà nước cùng cấp."
)
NOTE_TCTT = (
    "Luật ràng buộc cơ quan nhà nước; trường công lập là đơn vị sự nghiệp nên nghĩa vụ trực "
    "tiếp còn bỏ ngỏ (LAW.md §1e: “its direct obligation under this Law is doubtful”; câu hỏi "
    "mở 5, kể cả việc Luật có được sửa năm 2025–2026 không). Áp dụng như thực hành tốt với yêu "
    "cầu của phụ huynh, là quy định bắt buộc với UBND xã. Thời hạn tính từ ngày nhận yêu cầu hợp "
    "lệ; gia hạn phải có văn bản thông báo (Mẫu 04, NĐ 13/2018) trong thời hạn cung cấp."
)
NOTE_TCD_28 = (
    "Luật đặt thời hạn này cho kiến nghị, phản ánh nhận tại buổi tiếp công dân; nhà trường áp "
    "dụng cho mọi kênh tiếp nhận (LAW.md §1c). Trả lời trực tiếp hoặc bằng văn bản: đã thụ lý, "
    "không thụ lý (không thuộc thẩm quyền) hoặc chuyển đơn."
)
NOTE_SERVICE_TARGET = (
    "Luật không có thời hạn giải quyết kiến nghị, phản ánh (LAW.md §1c: “None found”); Luật "
    "Thực hiện dân chủ ở cơ sở 2022 Điều 59 k1 chỉ yêu cầu trả lời “kịp thời”. Đây là mục tiêu "
    "phục vụ do nhà trường tự đặt, sửa theo quy chế tiếp công dân của trường."
)
NOTE_REMOTE = "Vùng sâu, vùng xa đi lại khó khăn: thời hạn dài hơn."

CITE_THU_LY_2026 = (
    "NĐ 155/2026/NĐ-CP, Điều 10 (sửa NĐ 124/2020/NĐ-CP, Điều 16 k1); Luật 136/2025/QH15"
)
CITE_2026_AMENDMENTS = "Luật 136/2025/QH15; NĐ 155/2026/NĐ-CP (Điều 3a, 28b NĐ 124/2020/NĐ-CP)"
# The transition clause of the 2026 amendments (LAW.md §11, crawl, unverified): the new rules on
# withdrawal, suspension and dialogue apply to complaints accepted before 1/7/2026 and not yet
# decided. In the table: the resolution period of such a case may be suspended from that day,
# and the suspension and resumption decisions are sent as the new steps say. Written by the
# migration that adds the fields (0008), which runs this seed again.
CITE_TRANSITION_2026 = "NĐ 155/2026/NĐ-CP, Điều 22 k1"
SUSPENSION_CARRIED_OVER = {"open_cases": "suspension", "transition_citation": CITE_TRANSITION_2026}
STEP_CARRIED_OVER = {"open_cases": "step", "transition_citation": CITE_TRANSITION_2026}
# NĐ 75/2012/NĐ-CP was replaced by NĐ 124/2020/NĐ-CP (legal register, LAW.md §11): the
# publication rule is cited in the text in force; its article number there is unverified.
CITE_PUBLICATION = "Luật Khiếu nại 2011, Điều 41 k2; NĐ 124/2020/NĐ-CP"
NOTE_PUBLICATION = (
    "Một hoặc nhiều hình thức: họp tại đơn vị của người bị khiếu nại (báo trước ít nhất 03 ngày "
    "làm việc); niêm yết tại trụ sở hoặc nơi tiếp công dân ít nhất 15 ngày; thông tin đại chúng, "
    "trang thông tin điện tử ít nhất 15 ngày. Quy định này trước ghi ở NĐ 75/2012/NĐ-CP, Điều 12, "
    "nay NĐ 75/2012 đã được thay thế bởi NĐ 124/2020/NĐ-CP; LAW.md §1a: “same rule believed kept "
    "in NĐ 124/2020 [unverified]” (câu hỏi mở 3), số điều chưa đối chiếu. " + VERIFY
)
NOTE_THU_LY_DISCIPLINE_2026 = (
    "Từ 01/7/2026 thời hạn thụ lý 07 ngày làm việc của Điều 16 k1 mới NĐ 124/2020 áp dụng cả "
    "với khiếu nại quyết định kỷ luật (LAW.md §11: “From 1/7/2026 the 07-working-day acceptance "
    "limit also covers complaints against disciplinary decisions”, NĐ 155/2026, new Điều 16 k1, "
    "[source (crawl, unverified)]). Thông báo việc thụ lý cho người khiếu nại. " + VERIFY
)


def rule(kind, procedure, order, step, step_label, limit, unit, starts_from, citation, **extra):
    row = {
        "kind": kind,
        "procedure": procedure,
        "order": order,
        "step": step,
        "step_label": step_label,
        "limit": limit,
        "unit": unit,
        "starts_from": starts_from,
        "citation": citation,
    }
    row.update(extra)
    return row


def complaint_rows(procedure, instance, thu_ly_article, giai_quyet_article, limits):
    """Thụ lý and giải quyết of one instance, before and from 01/7/2026 (LAW.md §1a)."""
    base, complex_limit, remote, remote_complex = limits
    variants = {
        "complex_limit": complex_limit,
        "remote_limit": remote,
        "remote_complex_limit": remote_complex,
    }
    resolution = f"Giải quyết khiếu nại {instance}"
    return [
        rule(
            KN, procedure, 1, "thu_ly", f"Thụ lý giải quyết khiếu nại {instance}", 10, CAL,
            "received", f"Luật Khiếu nại 2011, Điều {thu_ly_article}", ends_with="accepted",
            valid_from=LUAT_KN, valid_to=LAST_DAY_BEFORE_2026, note=NOTE_NOTICE,
        ),
        rule(
            KN, procedure, 1, "thu_ly", f"Thụ lý giải quyết khiếu nại {instance}", 7, WD,
            "received", CITE_THU_LY_2026, ends_with="accepted", valid_from=AMENDED_2026,
            needs_verification=True, note=NOTE_THU_LY_2026,
        ),
        rule(
            KN, procedure, 2, "giai_quyet", resolution, base, CAL, "accepted",
            f"Luật Khiếu nại 2011, Điều {giai_quyet_article}", ends_with="decision_issued",
            valid_from=LUAT_KN, valid_to=LAST_DAY_BEFORE_2026, note=NOTE_REMOTE,
            **variants,
        ),
        rule(
            KN, procedure, 2, "giai_quyet", resolution, base, CAL, "accepted",
            f"Luật Khiếu nại 2011, Điều {giai_quyet_article}; {CITE_2026_AMENDMENTS}",
            ends_with="decision_issued", valid_from=AMENDED_2026, suspendable=True,
            complex_needs_decision=True, needs_verification=True, note=NOTE_GIAI_QUYET_2026,
            **variants, **SUSPENSION_CARRIED_OVER,
        ),
    ]


def suspension_rows(procedure, instance):
    cite = "NĐ 155/2026/NĐ-CP (Điều 28b mới của NĐ 124/2020/NĐ-CP)"
    return [
        rule(
            KN, procedure, 8, "gui_quyet_dinh_tam_dinh_chi",
            f"Gửi quyết định tạm đình chỉ, đình chỉ giải quyết khiếu nại {instance}", 3, WD,
            "suspended", cite, valid_from=AMENDED_2026, needs_verification=True,
            note=NOTE_SUSPENSION_2026, **STEP_CARRIED_OVER,
        ),
        rule(
            KN, procedure, 9, "gui_quyet_dinh_tiep_tuc",
            f"Gửi quyết định tiếp tục giải quyết khiếu nại {instance}", 3, WD, "resumed", cite,
            valid_from=AMENDED_2026, needs_verification=True, note=NOTE_SUSPENSION_2026,
            **STEP_CARRIED_OVER,
        ),
    ]


def discipline_thu_ly_rows(procedure, order, step_label):
    """Thụ lý of a disciplinary complaint: 10 days (Luật KN Điều 50), from 01/7/2026 the 07
    working days of the amended acceptance article, which includes these complaints."""
    return [
        rule(
            KN, procedure, order, "thu_ly", step_label, 10, CAL, "received",
            "Luật Khiếu nại 2011, Điều 50", ends_with="accepted", valid_from=LUAT_KN,
            valid_to=LAST_DAY_BEFORE_2026, note="Thông báo việc thụ lý cho người khiếu nại.",
        ),
        rule(
            KN, procedure, order, "thu_ly", step_label, 7, WD, "received", CITE_THU_LY_2026,
            ends_with="accepted", valid_from=AMENDED_2026, needs_verification=True,
            note=NOTE_THU_LY_DISCIPLINE_2026,
        ),
    ]


FIRST = "lan_dau"
SECOND = "lan_hai"
DISCIPLINE_FIRST = "ky_luat_lan_dau"
DISCIPLINE_SECOND = "ky_luat_lan_hai"

ROWS = [
    # -- Khiếu nại QĐHC/HVHC, lần đầu (the school's head), LAW.md §1a step table ------------
    rule(
        KN, FIRST, 0, "thoi_hieu", "Thời hiệu khiếu nại (của người khiếu nại)", 90, CAL,
        "decision_known", "Luật Khiếu nại 2011, Điều 9", valid_from=LUAT_KN,
        note="Thời gian ốm đau, thiên tai, địch họa, đi công tác, học tập ở nơi xa hoặc trở ngại "
        "khách quan khác không tính vào thời hiệu.",
    ),
    *complaint_rows(FIRST, "lần đầu", 27, 28, (30, 45, 45, 60)),
    rule(
        KN, FIRST, 3, "khieu_nai_lan_hai_khi_qua_han",
        "Thời hạn khiếu nại lần hai khi hết hạn giải quyết lần đầu mà chưa được giải quyết "
        "(của người khiếu nại)", 30, CAL, "previous_step_due", "Luật Khiếu nại 2011, Điều 33",
        remote_limit=45, valid_from=LUAT_KN,
    ),
    rule(
        KN, FIRST, 4, "gui_quyet_dinh", "Gửi quyết định giải quyết khiếu nại lần đầu", 3, WD,
        "decision_issued", "Luật Khiếu nại 2011, Điều 32", valid_from=LUAT_KN,
        note="Gửi người khiếu nại, thủ trưởng cấp trên trực tiếp hoặc người có thẩm quyền, người "
        "có quyền, nghĩa vụ liên quan, cơ quan chuyển đơn và cơ quan thanh tra nhà nước cùng cấp.",
    ),
    rule(
        KN, FIRST, 5, "khieu_nai_lan_hai",
        "Thời hạn khiếu nại lần hai hoặc khởi kiện sau khi nhận quyết định lần đầu (của người "
        "khiếu nại)", 30, CAL, "decision_received", "Luật Khiếu nại 2011, Điều 33",
        remote_limit=45, valid_from=LUAT_KN,
    ),
    rule(
        KN, FIRST, 6, "hieu_luc",
        "Hết ngày này, quyết định lần đầu có hiệu lực pháp luật nếu không bị khiếu nại lần hai",
        30, CAL, "decision_issued", "Luật Khiếu nại 2011, Điều 44 k1", remote_limit=45,
        valid_from=LUAT_KN,
    ),
    *suspension_rows(FIRST, "lần đầu"),
    # -- Khiếu nại lần hai (Chủ tịch UBND xã since 1/7/2025) -------------------------------
    *complaint_rows(SECOND, "lần hai", 36, 37, (45, 60, 60, 70)),
    rule(
        KN, SECOND, 3, "gui_quyet_dinh", "Gửi quyết định giải quyết khiếu nại lần hai", 7, CAL,
        "decision_issued", "Luật Khiếu nại 2011, Điều 41 k1", valid_from=LUAT_KN,
        note="Gửi người khiếu nại, người bị khiếu nại, người giải quyết lần đầu, người có quyền, "
        "nghĩa vụ liên quan và cơ quan chuyển đơn.",
    ),
    rule(
        KN, SECOND, 4, "cong_bo_quyet_dinh", "Công bố quyết định giải quyết khiếu nại lần hai",
        15, CAL, "decision_issued", CITE_PUBLICATION, valid_from=LUAT_KN, needs_verification=True,
        note=NOTE_PUBLICATION,
    ),
    rule(
        KN, SECOND, 5, "hieu_luc", "Hết ngày này, quyết định lần hai có hiệu lực pháp luật", 30,
        CAL, "decision_issued", "Luật Khiếu nại 2011, Điều 44 k2", remote_limit=45,
        valid_from=LUAT_KN,
    ),
    *suspension_rows(SECOND, "lần hai"),
    # -- Khiếu nại quyết định kỷ luật (Luật Khiếu nại 2011 Chương IV), LAW.md §1a ----------
    rule(
        KN, DISCIPLINE_FIRST, 0, "thoi_hieu",
        "Thời hiệu khiếu nại lần đầu quyết định kỷ luật (của người khiếu nại)", 15, CAL,
        "decision_received", "Luật Khiếu nại 2011, Điều 48", valid_from=LUAT_KN,
    ),
    *discipline_thu_ly_rows(DISCIPLINE_FIRST, 1, "Thụ lý giải quyết khiếu nại quyết định kỷ luật"),
    rule(
        KN, DISCIPLINE_FIRST, 2, "giai_quyet", "Giải quyết khiếu nại quyết định kỷ luật lần đầu",
        30, CAL, "accepted", "Luật Khiếu nại 2011, Điều 50", complex_limit=45,
        ends_with="decision_issued", valid_from=LUAT_KN,
        note="Phải đối thoại trước khi ra quyết định (Điều 53).",
    ),
    rule(
        KN, DISCIPLINE_FIRST, 3, "hieu_luc", "Hết ngày này, quyết định có hiệu lực pháp luật",
        30, CAL, "decision_issued", "Luật Khiếu nại 2011, Điều 57", valid_from=LUAT_KN,
    ),
    rule(
        KN, DISCIPLINE_SECOND, 0, "thoi_hieu",
        "Thời hiệu khiếu nại lần hai quyết định kỷ luật (của người khiếu nại)", 10, CAL,
        "decision_received", "Luật Khiếu nại 2011, Điều 48", valid_from=LUAT_KN,
        note="Kỷ luật buộc thôi việc: xem bước “thoi_hieu_buoc_thoi_viec” (30 ngày).",
    ),
    rule(
        KN, DISCIPLINE_SECOND, 1, "thoi_hieu_buoc_thoi_viec",
        "Thời hiệu khiếu nại lần hai quyết định kỷ luật buộc thôi việc (của người khiếu nại)", 30,
        CAL, "decision_received", "Luật Khiếu nại 2011, Điều 48", valid_from=LUAT_KN,
    ),
    *discipline_thu_ly_rows(
        DISCIPLINE_SECOND, 2, "Thụ lý giải quyết khiếu nại quyết định kỷ luật lần hai"
    ),
    rule(
        KN, DISCIPLINE_SECOND, 3, "giai_quyet", "Giải quyết khiếu nại quyết định kỷ luật lần hai",
        30, CAL, "accepted", "Luật Khiếu nại 2011, Điều 50", complex_limit=45,
        ends_with="decision_issued", valid_from=LUAT_KN,
        note="Phải đối thoại trước khi ra quyết định (Điều 53).",
    ),
    rule(
        KN, DISCIPLINE_SECOND, 4, "gui_quyet_dinh",
        "Gửi quyết định giải quyết khiếu nại quyết định kỷ luật lần hai", 7, CAL,
        "decision_issued", "Luật Khiếu nại 2011, Điều 56 k2", valid_from=LUAT_KN,
    ),
    rule(
        KN, DISCIPLINE_SECOND, 5, "hieu_luc", "Hết ngày này, quyết định có hiệu lực pháp luật",
        30, CAL, "decision_issued", "Luật Khiếu nại 2011, Điều 57", valid_from=LUAT_KN,
    ),
    # -- Tố cáo, LAW.md §1b step table -------------------------------------------------------
    rule(
        TC, "chung", 1, "xu_ly_ban_dau",
        "Vào sổ, phân loại, xử lý ban đầu, kiểm tra điều kiện thụ lý", 7, WD, "received",
        "Luật Tố cáo 2018, Điều 24 k1", ends_with="accepted", extension_count=1,
        extension_limit=3, extension_unit=WD, valid_from=LUAT_TC,
        note="Có thể kéo dài đến tổng cộng 10 ngày làm việc khi phải xác minh thông tin người "
        "tố cáo hoặc tố cáo gửi nhiều nơi (LAW.md §1b: “extendable to ≤10 if several places / "
        "delegation”), ghi là một lần gia hạn 03 ngày làm việc.",
    ),
    rule(
        TC, "chung", 2, "chuyen_don",
        "Chuyển đơn và thông báo cho người tố cáo (nếu không thuộc thẩm quyền)", 5, WD,
        "received", "Luật Tố cáo 2018, Điều 24 k2", valid_from=LUAT_TC,
    ),
    rule(
        TC, "chung", 3, "thong_bao_thu_ly",
        "Thông báo thụ lý cho người tố cáo và người bị tố cáo", 5, WD, "accepted",
        "Luật Tố cáo 2018, Điều 29 k3; NĐ 31/2019/NĐ-CP, Điều 9 k2", valid_from=LUAT_TC,
    ),
    rule(
        TC, "chung", 4, "giai_quyet", "Giải quyết tố cáo", 30, CAL, "accepted",
        "Luật Tố cáo 2018, Điều 30; NĐ 31/2019/NĐ-CP, Điều 3", ends_with="decision_issued",
        extension_count=1, extension_count_very_complex=2, extension_limit=30,
        extension_unit=CAL, extension_needs_decision=True, extension_only_if_complex=True,
        suspendable=True, valid_from=LUAT_TC,
        note="Vụ việc phức tạp: gia hạn 01 lần; đặc biệt phức tạp: 02 lần; mỗi lần không quá 30 "
        "ngày, bằng quyết định gia hạn gửi người tố cáo, người bị tố cáo. Thời gian tạm đình chỉ "
        "không tính vào thời hạn giải quyết (Luật Tố cáo 2018, Điều 34).",
    ),
    rule(
        TC, "chung", 5, "gui_ket_luan",
        "Gửi kết luận nội dung tố cáo, thông báo cho người tố cáo", 5, WD, "decision_issued",
        "Luật Tố cáo 2018, Điều 35 k3", valid_from=LUAT_TC,
    ),
    rule(
        TC, "chung", 6, "xu_ly_ket_luan", "Xử lý kết luận nội dung tố cáo", 7, WD,
        "decision_issued", "Luật Tố cáo 2018, Điều 36", valid_from=LUAT_TC,
    ),
    rule(
        TC, "chung", 7, "cong_khai_ket_luan",
        "Công khai kết luận nội dung tố cáo, quyết định xử lý", 7, WD, "decision_issued",
        "Luật Tố cáo 2018, Điều 40; NĐ 31/2019/NĐ-CP, Điều 6", valid_from=LUAT_TC,
        note="Không được tiết lộ thông tin về người tố cáo.",
    ),
    rule(
        TC, "chung", 8, "gui_quyet_dinh_tam_dinh_chi",
        "Gửi quyết định tạm đình chỉ, đình chỉ việc giải quyết tố cáo", 5, WD, "suspended",
        "Luật Tố cáo 2018, Điều 34", valid_from=LUAT_TC,
    ),
    rule(
        TC, "cap_tren", 1, "xem_xet_to_cao_tiep",
        "Xem xét tố cáo tiếp (tố cáo đã giải quyết không đúng pháp luật)", 20, CAL, "received",
        "Luật Tố cáo 2018, Điều 37", valid_from=LUAT_TC,
    ),
    rule(
        TC, "cap_tren", 2, "yeu_cau_bao_cao",
        "Yêu cầu cấp dưới báo cáo về tố cáo quá hạn chưa được giải quyết", 5, WD, "received",
        "Luật Tố cáo 2018, Điều 38", valid_from=LUAT_TC,
        note="Cấp dưới báo cáo trong 05 ngày làm việc kể từ ngày nhận được yêu cầu.",
    ),
    # -- Kiến nghị, phản ánh, LAW.md §1c ------------------------------------------------------
    *[
        row
        for kind in ("kien_nghi", "phan_anh")
        for row in (
            rule(
                kind, "chung", 1, "tra_loi",
                "Trả lời, thông báo việc thụ lý, không thụ lý hoặc chuyển đơn", 10, WD,
                "received", "Luật Tiếp công dân 2013, Điều 28 k1", ends_with="accepted",
                valid_from=LUAT_TCD, note=NOTE_TCD_28,
            ),
            rule(
                kind, "chung", 2, "giai_quyet", "Giải quyết và trả lời kết quả", 15, WD,
                "accepted",
                "Chính sách nội bộ của nhà trường (không phải thời hạn luật định)",
                complex_limit=30, ends_with="decision_issued", is_internal_policy=True,
                valid_from=LUAT_TCD, note=NOTE_SERVICE_TARGET,
            ),
        )
    ],
    # -- Yêu cầu cung cấp thông tin, LAW.md §1e -----------------------------------------------
    rule(
        TT, "truc_tiep", 1, "cung_cap",
        "Cung cấp thông tin hoặc từ chối bằng văn bản (có sẵn: cung cấp ngay)", 0, WD,
        "received", "Luật Tiếp cận thông tin 2016, Điều 29", complex_limit=10,
        extension_count=1, extension_limit=10, extension_unit=WD, extension_needs_decision=True,
        extension_only_if_complex=True, valid_from=LUAT_TCTT, needs_verification=True,
        note=NOTE_TCTT,
    ),
    rule(
        TT, "dien_tu", 1, "thong_bao_thoi_han",
        "Thông báo bằng văn bản thời hạn giải quyết (thông tin phức tạp, chưa có sẵn)", 3, WD,
        "received", "Luật Tiếp cận thông tin 2016, Điều 30 k4", complex_only=True,
        valid_from=LUAT_TCTT, needs_verification=True, note=NOTE_TCTT,
    ),
    rule(
        TT, "dien_tu", 2, "cung_cap", "Cung cấp thông tin hoặc từ chối bằng văn bản", 3, WD,
        "received", "Luật Tiếp cận thông tin 2016, Điều 30 k3, k4", complex_limit=15,
        extension_count=1, extension_limit=15, extension_unit=CAL, extension_needs_decision=True,
        extension_only_if_complex=True, valid_from=LUAT_TCTT, needs_verification=True,
        note=NOTE_TCTT,
    ),
    rule(
        TT, "buu_chinh", 1, "thong_bao_thoi_han",
        "Thông báo bằng văn bản thời hạn giải quyết (thông tin phức tạp, chưa có sẵn)", 3, WD,
        "received", "Luật Tiếp cận thông tin 2016, Điều 31 k2", complex_only=True,
        valid_from=LUAT_TCTT, needs_verification=True, note=NOTE_TCTT,
    ),
    rule(
        TT, "buu_chinh", 2, "cung_cap", "Cung cấp thông tin hoặc từ chối bằng văn bản", 5, WD,
        "received", "Luật Tiếp cận thông tin 2016, Điều 31", complex_limit=15,
        extension_count=1, extension_limit=15, extension_unit=CAL, extension_needs_decision=True,
        extension_only_if_complex=True, valid_from=LUAT_TCTT, needs_verification=True,
        note=NOTE_TCTT,
    ),
]


def seed(apps, schema_editor):
    """Upsert every row. Later migrations run it again after a correction of ROWS; a field a
    row names that the table does not have yet at this point of history is left for the
    migration that adds it (which seeds again)."""
    DeadlineRule = apps.get_model("petitions", "DeadlineRule")
    fields = {field.name for field in DeadlineRule._meta.get_fields()}
    for row in ROWS:
        key = {name: row[name] for name in ("kind", "procedure", "step", "valid_from")}
        defaults = {
            name: value for name, value in row.items() if name not in key and name in fields
        }
        DeadlineRule.objects.update_or_create(**key, defaults=defaults)


def unseed(apps, schema_editor):
    DeadlineRule = apps.get_model("petitions", "DeadlineRule")
    for row in ROWS:
        DeadlineRule.objects.filter(
            kind=row["kind"],
            procedure=row["procedure"],
            step=row["step"],
            valid_from=row["valid_from"],
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("petitions", "0001_deadline_rules")]

    operations = [migrations.RunPython(seed, unseed)]
