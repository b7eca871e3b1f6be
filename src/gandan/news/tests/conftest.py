"""Fixtures of the news tests, on top of the shared cast (src/gandan/conftest.py).

- principal and deputy write the news of Thành Tô; teacher writes only once delegated.
- parent: a member of Thành Tô's parents' board (democracy's persona): reads like the public.
- the recognition fixtures come from the emulation tests (a reviewed registration recognised).
"""

import base64
import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gandan.democracy.tests.conftest import parent, parents_board  # noqa: F401
from gandan.emulation.services import review
from gandan.emulation.tests.conftest import campaign, council, reviewed, submitted  # noqa: F401
from gandan.news import services
from gandan.news.models import Post

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
# A 2×2 PNG (another photo, another digest).
PNG2 = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGMQUDAAIgYIBQAKDgGBVjPu8wAAAABJRU5ErkJggg=="
)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "files"
    return settings.MEDIA_ROOT


def photo(name: str = "anh-hoi-nghi.png", data: bytes = PNG) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/png")


def write(school, author, title="Hội nghị cán bộ, viên chức năm học 2025–2026", **fields) -> Post:
    return services.create_post(
        school=school,
        actor=author,
        kind=fields.get("kind", "news"),
        title=title,
        summary=fields.get("summary", "Hội nghị thông qua kế hoạch năm học."),
        body=fields.get("body", "Sáng nay nhà trường tổ chức hội nghị.\n\nHội nghị thành công."),
    )


def published(school, author, title="Lịch tiếp công dân của Hiệu trưởng", **fields) -> Post:
    return services.publish_post(post=write(school, author, title, **fields), actor=author)


@pytest.fixture
def draft(school, principal) -> Post:
    return write(school, principal, "Bản nháp: kế hoạch tháng 12")


@pytest.fixture
def post(school, principal) -> Post:
    return published(school, principal)


@pytest.fixture
def recognition(reviewed, principal):  # noqa: F811
    return review.recognise_registration(
        registration=reviewed,
        actor=principal,
        level="school_merit",
        issued_on=dt.date(2026, 11, 30),
        story="Cả lớp 1A1 cùng cha mẹ lập nhóm Zalo, trao đổi việc học của con mỗi tuần.",
        publish=True,
    )
