"""The criteria a new campaign starts with. They are data: the school edits them per campaign.

No central standard form is known (LAW.md §9, open question 11). The texts follow the example
LAW.md §9 records: the five standards Đà Lạt set for agencies and public units and for
individuals (Báo Lâm Đồng, 10/2017, secondary source). The point scale (20 each, 100 in all)
is ours [inference]: the school changes it before the council scores.
"""

from dataclasses import dataclass

COLLECTIVE = "collective"
INDIVIDUAL = "individual"
DEFAULT_MAX_POINTS = 20


@dataclass(frozen=True)
class DefaultCriterion:
    kind: str
    text: str
    max_points: int = DEFAULT_MAX_POINTS


# LAW.md §9, collective criteria (Đà Lạt example): creative and saving time and cost; leaders
# persuade people to comply voluntarily; mobilise many forces; harmonise collective,
# individual and social interests; sustainable.
COLLECTIVE_CRITERIA = (
    DefaultCriterion(COLLECTIVE, "Cách làm sáng tạo, hiệu quả, tiết kiệm thời gian và chi phí"),
    DefaultCriterion(
        COLLECTIVE,
        "Người đứng đầu và cán bộ thuyết phục được người dân, cha mẹ học sinh tự giác, tự "
        "nguyện thực hiện",
    ),
    DefaultCriterion(COLLECTIVE, "Huy động được nhiều lực lượng cùng tham gia"),
    DefaultCriterion(COLLECTIVE, "Kết hợp hài hòa lợi ích của tập thể, cá nhân và xã hội"),
    DefaultCriterion(COLLECTIVE, "Mô hình có tính bền vững, duy trì và nhân rộng được"),
)

# LAW.md §9, individual criteria (same example): exemplary self and family in following the
# law; good advisory ideas; solutions to long-standing issues; serving people dedicatedly;
# "Gia đình văn hóa" and "Hoàn thành tốt nhiệm vụ" every year.
INDIVIDUAL_CRITERIA = (
    DefaultCriterion(
        INDIVIDUAL,
        "Bản thân và gia đình gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật "
        "của Nhà nước",
    ),
    DefaultCriterion(INDIVIDUAL, "Có ý tưởng tham mưu tốt cho nhà trường và địa phương"),
    DefaultCriterion(
        INDIVIDUAL, "Đề xuất giải pháp giải quyết những vấn đề khó khăn, tồn đọng, kéo dài"
    ),
    DefaultCriterion(INDIVIDUAL, "Tận tụy phục vụ nhân dân, cha mẹ học sinh và học sinh"),
    DefaultCriterion(
        INDIVIDUAL,
        "Hằng năm gia đình đạt danh hiệu “Gia đình văn hóa”, bản thân hoàn thành tốt nhiệm vụ "
        "trở lên",
    ),
)

DEFAULT_CRITERIA = COLLECTIVE_CRITERIA + INDIVIDUAL_CRITERIA
