"""What the synthetic province is made of: mixes of kinds and channels, seasons, names of
people, wards and schools, titles of cases and plan tasks, survey questions."""

import random
from collections.abc import Sequence
from typing import Any

from gandan.core.vietnamese import fold, name_sort_key
from gandan.petitions.models import CaseKind, Channel

# The mix of what citizens send a school: mostly feedback and recommendations, some requests
# for information, few complaints and denunciations.
KIND_MIX: list[tuple[str, float]] = [
    (CaseKind.FEEDBACK, 0.52),
    (CaseKind.RECOMMENDATION, 0.25),
    (CaseKind.INFORMATION_REQUEST, 0.12),
    (CaseKind.COMPLAINT, 0.08),
    (CaseKind.DENUNCIATION, 0.03),
]
CHANNEL_MIX: list[tuple[str, float]] = [
    (Channel.WEB, 0.45),
    (Channel.WALK_IN, 0.30),
    (Channel.PHONE, 0.10),
    (Channel.EMAIL, 0.10),
    (Channel.MAIL, 0.05),
]
# Seasonality by calendar month: the start of the school year brings fees and enrolment.
MONTH_WEIGHT = [1.1, 0.9, 1.0, 1.0, 1.0, 0.7, 0.6, 1.3, 1.6, 1.2, 1.0, 1.0]
REFUSED_SHARE = {CaseKind.COMPLAINT: 0.10, CaseKind.DENUNCIATION: 0.10}
ANONYMOUS_SHARE = {CaseKind.FEEDBACK: 0.15, CaseKind.RECOMMENDATION: 0.05}
STUCK_SHARE = 0.003  # a case whose next step is never taken: overdue ever after
RATED_SHARE = 0.40
CONTESTED_SHARE = 0.015
RATINGS_ON_TIME = [(5, 0.45), (4, 0.35), (3, 0.12), (2, 0.05), (1, 0.03)]
RATINGS_LATE = [(5, 0.15), (4, 0.30), (3, 0.25), (2, 0.18), (1, 0.12)]

TITLES = {
    CaseKind.FEEDBACK: [
        "Phản ánh về các khoản thu ngoài quy định",
        "Phản ánh về an toàn giao thông trước cổng trường",
        "Phản ánh về chất lượng bữa ăn bán trú",
        "Phản ánh về vệ sinh khu nhà vệ sinh học sinh",
        "Phản ánh về việc dạy thêm, học thêm",
        "Phản ánh về thái độ của nhân viên bảo vệ",
    ],
    CaseKind.RECOMMENDATION: [
        "Kiến nghị lắp mái che khu vực đón học sinh",
        "Kiến nghị bố trí thêm lớp học hai buổi/ngày",
        "Kiến nghị sửa chữa sân chơi",
        "Kiến nghị công khai các khoản thu đầu năm",
        "Kiến nghị tăng cường trông giữ xe đạp",
    ],
    CaseKind.INFORMATION_REQUEST: [
        "Đề nghị cung cấp kế hoạch giáo dục năm học",
        "Đề nghị cung cấp báo cáo thu chi quỹ hội cha mẹ học sinh",
        "Đề nghị cung cấp danh sách học sinh được miễn giảm học phí",
    ],
    CaseKind.COMPLAINT: [
        "Khiếu nại việc xét miễn giảm học phí",
        "Khiếu nại kết quả xét tuyển vào lớp 1",
        "Khiếu nại việc thu tiền trang thiết bị",
    ],
    CaseKind.DENUNCIATION: [
        "Tố cáo việc thu tiền dạy thêm trái quy định",
        "Tố cáo việc sử dụng sai quỹ hội cha mẹ học sinh",
    ],
}

FAMILY = [
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Vũ", 4), ("Phan", 4),
    ("Đặng", 2), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 1), ("Ngô", 1), ("Dương", 1), ("Lý", 1),
]  # fmt: skip
MIDDLE = {"f": ["Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Minh", "Thùy"],
          "m": ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Ngọc"]}  # fmt: skip
GIVEN = {
    "f": ["Hà", "Lan", "Hương", "Hoa", "Mai", "Nhung", "Trang", "Thảo", "Linh", "Huyền", "Yến",
          "Hạnh", "Phương", "Dung", "Loan"],
    "m": ["Minh", "Hùng", "Dũng", "Tuấn", "Nam", "Thắng", "Long", "Hải", "Sơn", "Quân", "Khánh",
          "Trung", "Hiếu"],
}  # fmt: skip
WARD_NAMES = [
    "Hải An", "Lê Chân", "Ngô Quyền", "Hồng Bàng", "Kiến An", "Đồ Sơn", "Dương Kinh",
    "Thủy Nguyên", "An Dương", "An Lão", "Kiến Thụy", "Tiên Lãng", "Vĩnh Bảo", "Hải Dương",
    "Chí Linh", "Kinh Môn", "Nam Sách", "Thanh Hà", "Cẩm Giàng", "Gia Lộc", "Tứ Kỳ",
    "Ninh Giang", "Thanh Miện", "Bình Giang", "Kim Thành", "Đông Hải", "Nam Đồ Sơn",
]  # fmt: skip
SCHOOL_NAMES = [
    "Lê Lợi", "Trần Phú", "Nguyễn Trãi", "Lý Tự Trọng", "Võ Thị Sáu", "Chu Văn An", "Kim Đồng",
    "Quang Trung", "Đinh Tiên Hoàng", "Lê Quý Đôn", "Hoa Sen", "Sao Mai", "Hoa Phượng",
    "Bạch Đằng", "Trưng Vương", "Ngô Gia Tự", "Tô Hiệu", "Hùng Vương", "Nguyễn Du", "Tân Tiến",
]  # fmt: skip
SCHOOL_KINDS = [("Trường Mầm non", "MN", 0.40), ("Trường Tiểu học", "TH", 0.35),
                ("Trường Trung học cơ sở", "THCS", 0.25)]  # fmt: skip
PLAN_TASKS = [
    "Tuyên truyền, quán triệt các văn bản về công tác dân vận chính quyền",
    "Thực hiện quy chế dân chủ ở cơ sở trong nhà trường",
    "Thực hiện công khai theo Thông tư 09/2024/TT-BGDĐT",
    "Tiếp công dân, giải quyết đơn thư, phản ánh, kiến nghị",
    "Đăng ký và thực hiện mô hình “Dân vận khéo”",
    "Kiểm tra, giám sát, sơ kết, tổng kết",
]
SURVEY_QUESTIONS = [
    "Ông (bà) hài lòng về việc nhà trường công khai thông tin",
    "Ông (bà) hài lòng về việc tiếp nhận, trả lời ý kiến của cha mẹ học sinh",
    "Ông (bà) hài lòng về thái độ của cán bộ, giáo viên",
]


def weighted(rng: random.Random, table: Sequence[tuple[Any, float]]) -> Any:
    point = rng.random() * sum(weight for _value, weight in table)
    for value, weight in table:
        point -= weight
        if point < 0:
            return value
    return table[-1][0]


class Names:
    """Vietnamese full names with their stored sort key and accent-free form, cached."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._derived: dict[str, tuple[str, str]] = {}

    def person(self, female: bool | None = None) -> tuple[str, str, str]:
        rng = self.rng
        sex = "f" if (rng.random() < 0.75 if female is None else female) else "m"
        name = " ".join([weighted(rng, FAMILY), rng.choice(MIDDLE[sex]), rng.choice(GIVEN[sex])])
        derived = self._derived.get(name)
        if derived is None:
            derived = self._derived[name] = (name_sort_key(name), fold(name))
        return name, derived[0], derived[1]
