"""What the demo school, Trường Tiểu học Thành Tô, discloses to pupils, parents and the public:
one text per public obligation of Thông tư 09/2024/TT-BGDĐT (Điều 4, 5, 8, 9; the obligation
rows of migration 0002), with figures a primary school of its size would publish.

Keyed by obligation code; `demo.py` records and publishes each as the year's item.
"""

PUBLIC_CONTENT: dict[str, str] = {
    # Điều 4: general information.
    "cong-khai-thong-tin-chung": (
        "Tên trường: Trường Tiểu học Thành Tô. Loại hình: công lập; cơ quan quản lý trực tiếp: "
        "Ủy ban nhân dân phường Hải An; chuyên môn do Sở Giáo dục và Đào tạo Hải Phòng hướng "
        "dẫn.\n"
        "Địa chỉ: Phố Thành Tô, phường Hải An, thành phố Hải Phòng. Điện thoại: 0225 3978 123. "
        "Thư điện tử: c1thanhto@haiphong.edu.vn.\n"
        "Sứ mạng: mỗi học sinh được học tập an toàn, vui vẻ, phát triển phẩm chất và năng lực "
        "theo Chương trình giáo dục phổ thông 2018. Mục tiêu đến năm 2030: duy trì trường đạt "
        "chuẩn quốc gia mức độ 2, 100% lớp học 2 buổi/ngày.\n"
        "Trường thành lập năm 1997, tách từ Trường Tiểu học Đằng Lâm. Người đại diện theo pháp "
        "luật và người phát ngôn: bà Nguyễn Thị Thu Hà, Hiệu trưởng."
    ),
    "cong-khai-to-chuc-bo-may": (
        "Ban giám hiệu: Hiệu trưởng Nguyễn Thị Thu Hà; Phó Hiệu trưởng Trần Văn Minh.\n"
        "Hội đồng trường gồm 9 thành viên, nhiệm kỳ 2025–2030, do Chủ tịch Ủy ban nhân dân "
        "phường Hải An công nhận.\n"
        "Các tổ: tổ chuyên môn khối 1; tổ khối 2–3; tổ khối 4–5; tổ văn phòng (kế toán, văn thư, "
        "y tế, thư viện, thiết bị).\n"
        "Tổ chức đoàn thể: Chi bộ, Công đoàn cơ sở (Chủ tịch Vũ Đức Thắng), Chi đoàn, Liên đội.\n"
        "Quy chế tổ chức và hoạt động của nhà trường ban hành kèm theo Quyết định số "
        "15/QĐ-THTT ngày 05 tháng 9 năm 2025; sơ đồ tổ chức niêm yết tại phòng hội đồng."
    ),
    "cong-khai-chien-luoc-quy-che": (
        "Chiến lược phát triển nhà trường giai đoạn 2025–2030, tầm nhìn đến năm 2035.\n"
        "Các quy chế, quy định nội bộ đang áp dụng: Quy chế thực hiện dân chủ ở cơ sở; Quy chế "
        "chi tiêu nội bộ năm 2026; Quy chế quản lý, sử dụng tài sản công; Quy chế phối hợp giữa "
        "nhà trường, gia đình và xã hội; Nội quy nhà trường; Quy tắc ứng xử trong nhà trường.\n"
        "Toàn văn đặt tại thư viện và văn phòng nhà trường; cha mẹ học sinh đề nghị xem trong "
        "giờ hành chính."
    ),
    "cong-khai-bao-cao-thuong-nien": (
        "Báo cáo thường niên năm 2025 của Trường Tiểu học Thành Tô.\n"
        "Quy mô: 24 lớp, 862 học sinh; 100% lớp học 2 buổi/ngày; 41 cán bộ quản lý, giáo viên, "
        "nhân viên.\n"
        "Kết quả giáo dục năm học 2024–2025: 99,3% học sinh hoàn thành chương trình lớp học; "
        "100% học sinh lớp 5 hoàn thành chương trình tiểu học.\n"
        "Tài chính: tổng thu 9.486,2 triệu đồng, trong đó ngân sách nhà nước cấp 8.912,5 triệu "
        "đồng; số liệu cập nhật đến khi có quyết toán của cơ quan có thẩm quyền."
    ),
    # Điều 5: income and spending.
    "cong-khai-thu-chi-tai-chinh": (
        "Thu, chi tài chính năm 2025 (đơn vị: triệu đồng).\n"
        "Thu: ngân sách nhà nước cấp 8.912,5; thu dịch vụ hỗ trợ hoạt động giáo dục (bán trú, "
        "học 2 buổi/ngày) 498,7; tài trợ 75,0. Tổng thu 9.486,2.\n"
        "Chi: tiền lương và các khoản theo lương 7.624,8; cơ sở vật chất và dịch vụ 1.062,3; hỗ "
        "trợ học sinh 146,0; chi khác 580,9. Tổng chi 9.414,0.\n"
        "Kinh phí chưa sử dụng chuyển sang năm 2026: 72,2."
    ),
    "cong-khai-cac-khoan-thu": (
        "Các khoản thu năm học 2026–2027 (học phí tiểu học công lập: miễn theo quy định).\n"
        "Tiền ăn bán trú: 25.000 đồng/ngày; tiền chăm sóc bán trú: 180.000 đồng/tháng; nước "
        "uống: 10.000 đồng/tháng; bảo hiểm y tế học sinh theo mức Nhà nước quy định.\n"
        "Dự kiến năm học 2027–2028: giữ nguyên các mức trên, trừ tiền ăn điều chỉnh theo giá "
        "thực phẩm sau khi lấy ý kiến cha mẹ học sinh.\n"
        "Nhà trường không thu khoản nào ngoài danh mục đã được Ủy ban nhân dân thành phố cho "
        "phép."
    ),
    "cong-khai-mien-giam-ho-tro": (
        "Chính sách: học sinh tiểu học công lập được miễn học phí; học sinh thuộc hộ nghèo, cận "
        "nghèo, khuyết tật được hỗ trợ chi phí học tập theo quy định của Chính phủ.\n"
        "Kết quả năm học 2025–2026: 17 học sinh được hỗ trợ chi phí học tập (tổng 25,5 triệu "
        "đồng); 38 học sinh được tặng học bổng “Vì bạn nghèo” của Hội Khuyến học phường (tổng "
        "19,0 triệu đồng); 6 học sinh khuyết tật học hòa nhập được cấp đồ dùng học tập."
    ),
    # Điều 8: conditions that assure the quality of education.
    "cong-khai-doi-ngu": (
        "Tổng số: 41 người, gồm 2 cán bộ quản lý, 33 giáo viên, 6 nhân viên.\n"
        "Giáo viên: 24 giáo viên văn hóa, 9 giáo viên bộ môn (tiếng Anh, tin học, âm nhạc, mĩ "
        "thuật, giáo dục thể chất).\n"
        "Trình độ: 35 người trình độ đại học, 2 thạc sĩ, 4 cao đẳng và trung cấp (nhân viên).\n"
        "97,1% giáo viên đạt chuẩn trình độ đào tạo; 100% giáo viên được đánh giá đạt chuẩn nghề "
        "nghiệp mức đạt trở lên; 100% hoàn thành bồi dưỡng thường xuyên năm học 2025–2026."
    ),
    "cong-khai-co-so-vat-chat": (
        "Diện tích đất: 8.420 m²; bình quân 9,8 m²/học sinh.\n"
        "24 phòng học (1 lớp/phòng); phòng chức năng: tin học, tiếng Anh, âm nhạc, mĩ thuật, thư "
        "viện, thiết bị giáo dục, y tế học đường, phòng hỗ trợ giáo dục học sinh khuyết tật.\n"
        "Thiết bị dạy học: đủ 100% danh mục tối thiểu lớp 1 đến lớp 5; 24/24 phòng học có màn "
        "hình tương tác; sân chơi, bãi tập 2.150 m²."
    ),
    "cong-khai-sach-giao-khoa": (
        "Danh mục sách giáo khoa năm học 2026–2027 do Ủy ban nhân dân thành phố phê duyệt theo "
        "đề nghị của nhà trường: bộ sách “Kết nối tri thức với cuộc sống” cho các môn Tiếng "
        "Việt, Toán, Đạo đức, Tự nhiên và Xã hội, Khoa học, Lịch sử và Địa lí lớp 1 đến lớp 5; "
        "tiếng Anh: “Global Success”; Tin học và Công nghệ: bộ “Cánh Diều”.\n"
        "Tài liệu tham khảo: thư viện có 4.860 bản sách, đủ danh mục tối thiểu; tài liệu giáo "
        "dục địa phương thành phố Hải Phòng lớp 1 đến lớp 5."
    ),
    "cong-khai-kiem-dinh": (
        "Tự đánh giá năm 2024: đạt kiểm định chất lượng giáo dục cấp độ 3.\n"
        "Đánh giá ngoài tháng 3 năm 2025: Sở Giáo dục và Đào tạo công nhận đạt kiểm định chất "
        "lượng giáo dục cấp độ 3 và trường đạt chuẩn quốc gia mức độ 2 (Quyết định số "
        "512/QĐ-SGDĐT ngày 16 tháng 4 năm 2025, thời hạn 5 năm).\n"
        "Kế hoạch cải tiến chất lượng 2025–2030: mở rộng sân chơi, nâng bình quân diện tích lên "
        "10 m²/học sinh; 100% giáo viên đạt chuẩn nghề nghiệp mức khá trở lên."
    ),
    # Điều 9: the school's plans and results.
    "cong-khai-ke-hoach-giao-duc": (
        "Kế hoạch tuyển sinh lớp 1 năm học 2026–2027: 180 học sinh, 5 lớp, tuyển theo tuyến cư "
        "trú tại phường Hải An; nhận hồ sơ trực tuyến từ ngày 01 đến ngày 15 tháng 7 năm 2026.\n"
        "Kế hoạch giáo dục năm học 2026–2027: dạy học 2 buổi/ngày, 35 tiết/tuần; tiếng Anh từ "
        "lớp 1; câu lạc bộ thể thao, kĩ năng sống và đọc sách sau giờ học.\n"
        "Phối hợp với gia đình: họp cha mẹ học sinh 3 lần/năm học; Ban đại diện cha mẹ học sinh "
        "tham gia giám sát bán trú và các khoản thu."
    ),
    "cong-khai-ket-qua-giao-duc": (
        "Kết quả giáo dục năm học 2025–2026: 862 học sinh.\n"
        "Hoàn thành chương trình lớp học: 856 học sinh (99,3%); 6 học sinh được kèm cặp thêm "
        "trong hè.\n"
        "Hoàn thành chương trình tiểu học: 168/168 học sinh lớp 5 (100%).\n"
        "Khen thưởng: 412 học sinh hoàn thành xuất sắc các nội dung học tập và rèn luyện; 27 "
        "giải học sinh cấp thành phố các cuộc thi, hội thi."
    ),
}
