"""Demo data at Thành Tô: the “Dân vận khéo” campaign of 2025–2026, carrying out task 3 of the
seed plan (the movement, and "cổ vũ gương người tốt, việc tốt"), in its year-end review.

- Three registrations in three states: Tổ 1's parents' Zalo group, recognised with the head's
  giấy khen and told on the public site; the youth union's volunteer Saturdays, reviewed by
  the council and waiting for the head's decision; Đỗ Thị Mai's exemplar, still in progress
  (never submitted).
- Two good-example nominations: the Đội's leader, voted by the staff and recognised; the demo
  teacher (giaovien), waiting for her consent on her desk.

Built through the services; idempotent: if the campaign exists, nothing is added.
"""

import datetime as dt
from typing import TypedDict

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from gandan.democracy.services import ballots
from gandan.emulation.models import Campaign
from gandan.emulation.services import campaigns, nominations, registrations, review
from gandan.orgs.models import Organisation, User
from gandan.paperwork.models import OutgoingDocument
from gandan.plans import demo as plans_demo
from gandan.plans.models import Plan

TITLE = "Phong trào thi đua “Dân vận khéo” năm học 2025–2026"


class Proposal(TypedDict):
    """What a registration says, as registrations.register takes it."""

    kind: str
    title: str
    field: str
    problem: str
    goals: str
    mobilisation: str
    expected_results: str


ZALO = Proposal(
    kind="model",
    title="Nhóm Zalo “Cha mẹ đồng hành”: nghe dân nói, nói dân hiểu",
    field="culture_society",
    problem=(
        "Nhiều cha mẹ học sinh khối 1 đi làm ca, ít dự họp phụ huynh, không nắm được việc học "
        "và các khoản thu của lớp; thông tin truyền miệng dễ gây hiểu lầm."
    ),
    goals=(
        "100% gia đình học sinh khối 1 tham gia nhóm; mọi thông báo, khoản thu được công khai "
        "trên nhóm; ý kiến của cha mẹ được trả lời trong 2 ngày làm việc."
    ),
    mobilisation=(
        "Giáo viên chủ nhiệm gọi điện, đến tận nhà hướng dẫn cài đặt; mời cha mẹ có uy tín làm "
        "nhóm trưởng; nói rõ nội quy nhóm: tôn trọng, không đăng thông tin riêng của học sinh."
    ),
    expected_results=(
        "Cha mẹ phối hợp đều đặn với giáo viên; giảm ý kiến phản ánh do thiếu thông tin; mô "
        "hình nhân rộng ra các khối."
    ),
)
SATURDAYS = Proposal(
    kind="model",
    title="Thứ Bảy tình nguyện: giáo viên trẻ cùng cha mẹ sửa sang lớp học",
    field="culture_society",
    problem="Một số phòng học cũ, bàn ghế hỏng; kinh phí sửa chữa của nhà trường có hạn.",
    goals="Mỗi tháng một buổi thứ Bảy; sửa xong bàn ghế, sơn lại 4 phòng học khối 2 và 3.",
    mobilisation=(
        "Chi đoàn làm trước, mời cha mẹ có nghề mộc, sơn cùng tham gia theo tinh thần tự "
        "nguyện; công khai việc làm và vật tư trên bảng tin; không vận động đóng góp tiền."
    ),
    expected_results="Phòng học sạch đẹp; cha mẹ gắn bó hơn với nhà trường.",
)
MAI = Proposal(
    kind="exemplar",
    title="Cô giáo chủ nhiệm “ba cùng” với học sinh có hoàn cảnh khó khăn",
    field="culture_society",
    problem="Lớp 4A2 có 5 học sinh có hoàn cảnh khó khăn, nguy cơ bỏ học giữa chừng.",
    goals="Không học sinh nào bỏ học; cả 5 em hoàn thành chương trình lớp học.",
    mobilisation=(
        "Thăm từng gia đình; kết nối Hội Phụ nữ phường và nhà hảo tâm; kèm học ngoài giờ."
    ),
    expected_results="5/5 học sinh đến lớp đều, hoàn thành chương trình.",
)
STORY = (
    "Năm học 2025–2026, Tổ chuyên môn khối 1 lập nhóm Zalo “Cha mẹ đồng hành” cho 168 gia đình. "
    "Các cô đến tận nhà hướng dẫn những cha mẹ chưa quen điện thoại thông minh; mọi thông báo "
    "và khoản thu của lớp được đăng công khai; câu hỏi của cha mẹ được trả lời trong hai ngày "
    "làm việc. Cuối năm, 100% gia đình tham gia, số ý kiến phản ánh vì thiếu thông tin giảm "
    "hẳn. Mô hình được nhà trường tặng giấy khen và nhân rộng ra các khối lớp năm học tới."
)
# Council members' cards (points per criterion, in sheet order).
CARDS = {
    ZALO["title"]: {
        "hieutruong": (18, 17, 18, 17, 18),
        "phohieutruong": (17, 17, 18, 16, 18),
        "congdoan": (19, 18, 18, 17, 19),
        "thanhtra": (18, 16, 17, 17, 18),
    },
    SATURDAYS["title"]: {
        "hieutruong": (16, 15, 17, 16, 14),
        "phohieutruong": (15, 16, 16, 15, 15),
        "congdoan": (17, 15, 18, 16, 15),
        "vanthu": (16, 15, 17, 15, 14),
    },
}
# The staff's secret vote on the Đội leader: yes from eight, no from one.
VOTES = {
    "hieutruong": "yes",
    "phohieutruong": "yes",
    "totruong1": "yes",
    "giaovien": "yes",
    "congdoan": "yes",
    "thanhtra": "yes",
    "ketoan": "yes",
    "vanthu": "yes",
    "nhanvien": "abstain",
}


def _issue_day(school: Organisation) -> dt.date:
    """Today, unless the register already holds a later document this year."""
    today = timezone.localdate()
    latest = OutgoingDocument.objects.filter(organisation=school, year=today.year).aggregate(
        latest=Max("issued_on")
    )["latest"]
    return max(today, latest) if latest else today


@transaction.atomic
def build(school: Organisation) -> Campaign:
    existing = Campaign.objects.filter(organisation=school, title=TITLE).first()
    if existing is not None:
        return existing
    people = {user.username: user for user in User.objects.all()}
    head = people["hieutruong"]
    units = {unit.slug: unit for unit in Organisation.objects.filter(parent=school)}
    campaign = campaigns.create_campaign(
        organisation=school,
        actor=head,
        title=TITLE,
        year_label="năm học 2025–2026",
        starts_on=dt.date(2025, 9, 5),
        ends_on=dt.date(2026, 5, 31),
        theme="Trọng dân, gần dân, hiểu dân, học dân và có trách nhiệm với dân.",
        plan=Plan.objects.filter(organisation=school, source_name=plans_demo.SEED_NAME).first(),
    )
    campaigns.set_council(
        campaign=campaign,
        actor=head,
        chair=head,
        secretary=people["vanthu"],
        members=[people[name] for name in ("phohieutruong", "congdoan", "thanhtra")],
    )
    zalo = registrations.register(
        campaign=campaign, registrant=people["totruong1"], unit=units["th-thanh-to-to-1"], **ZALO
    )
    saturdays = registrations.register(
        campaign=campaign,
        registrant=people["giaovien2"],
        unit=units["th-thanh-to-chi-doan"],
        **SATURDAYS,
    )
    mai = registrations.register(campaign=campaign, registrant=people["totruong45"], **MAI)
    campaign = campaigns.advance_campaign(campaign=campaign, actor=head)
    for registration, author, text in (
        (zalo, "totruong1", "Đã lập nhóm cho 6 lớp khối 1; 142/168 gia đình tham gia."),
        (zalo, "giaovien", "Đến nhà hướng dẫn 26 gia đình còn lại; 168/168 gia đình tham gia."),
        (saturdays, "giaovien2", "Ba buổi thứ Bảy, 21 cha mẹ tham gia; sửa 60 bộ bàn ghế."),
        (mai, "totruong45", "Thăm 5 gia đình; kết nối Hội Phụ nữ phường tặng 5 suất học bổng."),
    ):
        registrations.add_update(registration=registration, author=people[author], text=text)
    registrations.submit_registration(registration=zalo, actor=people["totruong1"])
    registrations.submit_registration(registration=saturdays, actor=people["giaovien2"])
    campaign = campaigns.advance_campaign(campaign=campaign, actor=head)
    for registration in (zalo, saturdays):
        sheet = list(campaign.criteria.filter(kind=registration.criterion_kind))
        for username, values in CARDS[registration.title].items():
            review.score_registration(
                registration=registration,
                member=people[username],
                points={c.pk: v for c, v in zip(sheet, values, strict=True)},
            )
    day = _issue_day(school)
    review.conclude_review(campaign=campaign, actor=head, issued_on=day)
    zalo.refresh_from_db()
    review.recognise_registration(
        registration=zalo,
        actor=head,
        level="school_merit",
        issued_on=day,
        story=STORY,
        publish=True,
    )
    _nominations(campaign, people, head, day)
    return Campaign.objects.get(pk=campaign.pk)


def _nominations(campaign: Campaign, people: dict, head: User, day: dt.date) -> None:
    recognised = nominations.nominate(
        campaign=campaign,
        nominator=people["congdoan"],
        nominee=people["tongphutrach"],
        deed=(
            "Tổ chức Liên đội quyên góp sách vở, áo ấm tặng 25 học sinh có hoàn cảnh khó khăn "
            "trước Tết Bính Ngọ."
        ),
    )
    nominations.answer_nomination(nomination=recognised, user=people["tongphutrach"], consent=True)
    ballot = nominations.open_nomination_vote(nomination=recognised, actor=head)
    for username, choice in VOTES.items():
        ballots.cast_ballot(ballot=ballot, voter=people[username], choices=[choice])
    nominations.close_nomination_vote(nomination=recognised, actor=head)
    nominations.recognise_nomination(nomination=recognised, actor=head, issued_on=day)
    nominations.nominate(
        campaign=campaign,
        nominator=people["totruong1"],
        nominee=people["giaovien"],
        deed=(
            "Kèm cặp miễn phí ngoài giờ cho ba học sinh lớp 1A1 đọc chậm; thường xuyên trao đổi "
            "với gia đình các em."
        ),
    )
