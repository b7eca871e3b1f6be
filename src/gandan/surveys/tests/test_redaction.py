"""Free text loses phone numbers and e-mail addresses; ordinary numbers stay."""

import pytest

from gandan.surveys.redaction import redact

PHONE = "[đã ẩn số điện thoại]"
EMAIL = "[đã ẩn thư điện tử]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # mobile numbers, however they are grouped
        ("Gọi 0912345678 nhé", f"Gọi {PHONE} nhé"),
        ("SĐT: 0912 345 678.", f"SĐT: {PHONE}."),
        ("0912.345.678", PHONE),
        ("0912-345-678", PHONE),
        ("sdt0987654321", f"sdt{PHONE}"),
        # the country code, with or without plus and brackets
        ("+84 912 345 678", PHONE),
        ("+84912345678", PHONE),
        ("(+84) 912.345.678", PHONE),
        ("84912345678", PHONE),
        # landlines (11 digits)
        ("0225.3836.123", PHONE),
        ("024 3825 1234", PHONE),
        # two numbers in one answer
        ("0912345678 hoặc 0987 654 321", f"{PHONE} hoặc {PHONE}"),
        # e-mail addresses, plain and spelled out
        ("email: me@gmail.com", f"email: {EMAIL}"),
        ("Me.Name+x@truong.edu.vn, cảm ơn", f"{EMAIL}, cảm ơn"),
        ("abc (at) gmail (dot) com", EMAIL),
        ("abc [at] gmail.com", EMAIL),
        ("thư: abc @ yahoo . com . vn", f"thư: {EMAIL}"),
    ],
)
def test_contacts_are_removed(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Học phí 1.500.000 đồng",
        "Lớp 5A có 35 em",
        "Năm học 2025–2026",
        "Ngày 12/10/2025, lúc 7 giờ 30",
        "Mã tra cứu GD-7K3MQ-9XPAB",
        "Số 0123 đường Thành Tô",
        "Thẻ 0912345678901234",
        "Tổng cộng 12345678901",
        "Phòng 012",
    ],
)
def test_ordinary_text_and_numbers_stay(text):
    assert redact(text) == text


def test_redaction_is_idempotent():
    once = redact("Liên hệ 0912345678 hoặc a@b.vn")
    assert redact(once) == once
