"""The demo's news of Trường Tiểu học Thành Tô, drawn from its plan (seeds/): the reception
schedule, the staff conference, a good deed and the plan itself. Rerunning changes nothing."""

import datetime as dt
import struct
import zlib
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gandan.news import services
from gandan.news.models import NewsEditor, Post, PostKind
from gandan.orgs.models import Organisation, User


def _png(width: int, height: int, top: tuple[int, int, int], bottom: tuple[int, int, int]) -> bytes:
    """A plain PNG with a vertical gradient: the demo's cover photos, without an image library."""
    rows = []
    for y in range(height):
        t = y / max(height - 1, 1)
        pixel = bytes(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        rows.append(b"\x00" + pixel * width)
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


@dataclass(frozen=True)
class DemoPost:
    kind: str
    days_ago: int
    title: str
    summary: str
    body: str
    colours: tuple[tuple[int, int, int], tuple[int, int, int]] | None
    alt: str


POSTS = [
    DemoPost(
        kind=PostKind.NEWS,
        days_ago=40,
        title="Triển khai Kế hoạch thực hiện công tác dân vận và quy chế dân chủ ở cơ sở",
        summary=(
            "Nhà trường quán triệt đến toàn thể cán bộ, giáo viên, nhân viên Kế hoạch thực hiện "
            "công tác dân vận của chính quyền và quy chế dân chủ ở cơ sở, theo Kế hoạch số "
            "81/KH-SGDĐT của Sở Giáo dục và Đào tạo Hải Phòng."
        ),
        body=(
            "Thực hiện Kế hoạch số 81/KH-SGDĐT ngày 20/07/2022 của Sở Giáo dục và Đào tạo Hải "
            "Phòng, Trường Tiểu học Thành Tô đã ban hành và triển khai Kế hoạch thực hiện công "
            "tác dân vận của chính quyền và quy chế dân chủ ở cơ sở.\n\n"
            "<h2>Những nhiệm vụ trọng tâm</h2>"
            "<ul><li>Quán triệt chủ trương của Đảng, chính sách, pháp luật của Nhà nước về "
            "công tác dân vận;</li>"
            "<li>Tiếp tục thực hiện tốt phong trào thi đua “Dân vận khéo”, gắn với học tập và "
            "làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh;</li>"
            "<li>Thực hiện tốt Luật Tiếp cận thông tin, tiếp công dân, giải quyết kịp thời "
            "kiến nghị, phản ánh của cha mẹ học sinh và người dân.</li></ul>"
            "<blockquote>“Trọng dân, gần dân, hiểu dân, học dân và có trách nhiệm với dân”; "
            "“Nghe dân nói, nói dân hiểu, hướng dẫn dân làm, làm dân tin”.</blockquote>"
            "Mỗi cán bộ, giáo viên, nhân viên là một cán bộ dân vận: khéo léo trong giao tiếp, "
            "ứng xử, tận tình với học sinh và cha mẹ học sinh."
        ),
        colours=((161, 29, 33), (242, 194, 48)),
        alt="Toàn thể cán bộ, giáo viên nghe quán triệt kế hoạch",
    ),
    DemoPost(
        kind=PostKind.NEWS,
        days_ago=25,
        title="Hội nghị cán bộ, viên chức, người lao động năm học 2025–2026",
        summary=(
            "Hội nghị thông qua kế hoạch năm học, quy chế chi tiêu nội bộ và bầu Ban Thanh tra "
            "nhân dân, trong không khí dân chủ, đoàn kết."
        ),
        body=(
            "Sáng nay, Trường Tiểu học Thành Tô tổ chức Hội nghị cán bộ, viên chức, người lao "
            "động năm học 2025–2026 theo Luật Thực hiện dân chủ ở cơ sở năm 2022.\n\n"
            "Hội nghị đã nghe báo cáo kết quả năm học trước, thảo luận và biểu quyết thông qua "
            "kế hoạch năm học mới, quy chế chi tiêu nội bộ, quy chế dân chủ của nhà trường, và "
            "bầu Ban Thanh tra nhân dân nhiệm kỳ mới.\n\n"
            "Nhiều ý kiến tâm huyết của giáo viên về giảm hồ sơ, sổ sách và tăng thời gian gặp "
            "gỡ cha mẹ học sinh đã được Ban giám hiệu tiếp thu, giải trình ngay tại hội nghị."
        ),
        colours=((26, 86, 219), (251, 250, 247)),
        alt="Hội nghị cán bộ, viên chức, người lao động",
    ),
    DemoPost(
        kind=PostKind.NOTICE,
        days_ago=10,
        title="Lịch tiếp công dân của Hiệu trưởng",
        summary=(
            "Hiệu trưởng tiếp cha mẹ học sinh và người dân vào sáng thứ Năm hằng tuần, tại phòng "
            "tiếp công dân, tầng 1 nhà hiệu bộ."
        ),
        body=(
            "<p>Trường Tiểu học Thành Tô trân trọng thông báo lịch tiếp công dân của Hiệu "
            "trưởng:</p>"
            "<table><thead><tr><th>Thời gian</th><th>Địa điểm</th></tr></thead>"
            "<tbody><tr><td>Sáng thứ Năm hằng tuần, từ 7 giờ 30 đến 11 giờ 00</td>"
            "<td>Phòng tiếp công dân, tầng 1 nhà hiệu bộ</td></tr></tbody></table>"
            "<p>Ông (bà) có ý kiến, phản ánh, kiến nghị có thể đến trực tiếp, hoặc gửi qua trang "
            "“Gửi ý kiến” của nhà trường mà không cần tài khoản; mỗi ý kiến được nhận một mã tra "
            "cứu để theo dõi kết quả giải quyết.</p>"
        ),
        colours=None,
        alt="",
    ),
    DemoPost(
        kind=PostKind.GOOD_DEED,
        days_ago=3,
        title="Thầy Bùi Văn Hùng trả lại chiếc ví nhặt được cho phụ huynh",
        summary=(
            "Nhặt được chiếc ví có tiền và giấy tờ ở cổng trường, thầy Bùi Văn Hùng đã tìm và "
            "trả lại tận tay cho phụ huynh học sinh lớp 3A2."
        ),
        body=(
            "Chiều thứ Ba, sau giờ tan học, thầy Bùi Văn Hùng, giáo viên Giáo dục thể chất, nhặt "
            "được một chiếc ví có tiền và giấy tờ tùy thân ở cổng trường.\n\n"
            "Thầy đã báo Ban giám hiệu, cùng bảo vệ nhà trường xem lại danh sách đưa đón và liên "
            "hệ được với chủ nhân là một phụ huynh học sinh lớp 3A2, trả lại nguyên vẹn ngay "
            "trong buổi chiều.\n\n"
            "Nhà trường biểu dương việc làm đẹp của thầy: một tấm gương người tốt, việc tốt, "
            "lan tỏa tinh thần “Dân vận khéo” đến học sinh và cha mẹ học sinh."
        ),
        colours=((31, 122, 63), (242, 194, 48)),
        alt="Thầy Bùi Văn Hùng trao lại chiếc ví cho phụ huynh",
    ),
]


def build(school: Organisation) -> list[Post]:
    head = User.objects.get(username="hieutruong")
    posts = []
    for spec in POSTS:
        post = Post.objects.filter(organisation=school, title=spec.title).first()
        if post is None:
            post = services.create_post(
                school=school,
                actor=head,
                kind=spec.kind,
                title=spec.title,
                summary=spec.summary,
                body=spec.body,
            )
            if spec.colours:
                top, bottom = spec.colours
                services.add_image(
                    post=post,
                    actor=head,
                    upload=SimpleUploadedFile(
                        "anh-bia.png", _png(640, 360, top, bottom), content_type="image/png"
                    ),
                    alt=spec.alt,
                    insert=False,
                )
            post = services.publish_post(post=post, actor=head)
            # The demo's history: posts spread over the last weeks.
            published = timezone.now() - dt.timedelta(days=spec.days_ago)
            Post.objects.filter(pk=post.pk).update(published_at=published)
        posts.append(post)
    # The head asks the teacher of 1A1 to write the school's news too.
    teacher = User.objects.filter(username="giaovien").first()
    if teacher is not None and not NewsEditor.objects.filter(organisation=school).exists():
        services.grant_editor(school=school, actor=head, user=teacher)
    return posts
