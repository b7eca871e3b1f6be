"""With English on the screen, the news still stores Vietnamese (ADR 1, addendum): the audit
rows of writing, images, publishing, withdrawal, delegation and announcements."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from gandan.news import services
from gandan.news.tests.conftest import PNG


def test_every_news_use_case_stores_vietnamese_from_an_english_screen(
    school, principal, teacher, recognition, media, english_screen, assert_stored_vietnamese
):
    assert translation.get_language() == "en"
    post = services.create_post(
        school=school,
        actor=principal,
        kind="news",
        title="Hội nghị cán bộ",
        summary="",
        body="Nội dung",
    )
    post = services.update_post(
        post=post, actor=principal, kind="notice", title="Hội nghị", summary="", body="Sửa"
    )
    services.add_image(
        post=post,
        actor=principal,
        upload=SimpleUploadedFile("anh.png", PNG, content_type="image/png"),
        alt="Ảnh",
    )
    services.publish_post(post=post, actor=principal)
    services.withdraw_post(post=post, actor=principal, reason="Đăng nhầm")
    delegation = services.grant_editor(school=school, actor=principal, user=teacher)
    services.revoke_editor(delegation=delegation, actor=principal)
    announced = services.announce_recognition(recognition=recognition, actor=principal)
    assert "Công nhận" in announced.title
    assert_stored_vietnamese()
