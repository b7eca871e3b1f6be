"""A long Vietnamese subject reaches the reader with every space in place, under the policies of
Django's file backend (email.policy.default) and SMTP backend (email.policy.SMTP)."""

import email
import email.policy

import pytest
from django.core.mail import EmailMessage

from gandan.notify.mail import VietnameseEmail, encoded_words

SUBJECT = (
    "Ủy ban nhân dân phường Hải An nhắc đơn vị gửi Báo cáo kết quả thực hiện công tác dân vận "
    "chính quyền và quy chế dân chủ ở cơ sở 6 tháng đầu năm 2026, hạn ngày 19 tháng 6 năm 2026"
)


def read_back(message: EmailMessage, policy) -> tuple[str, list[bytes]]:
    raw = message.message(policy=policy).as_bytes()
    lines = raw.split(b"\n")
    return email.message_from_bytes(raw, policy=email.policy.default)["subject"], lines


@pytest.mark.parametrize("policy", [email.policy.default, email.policy.SMTP])
def test_every_space_of_a_long_subject_arrives(policy):
    subject, lines = read_back(VietnameseEmail(SUBJECT, "Nội dung.", to=["a@example.com"]), policy)
    assert subject == SUBJECT
    assert all(len(line.rstrip(b"\r")) <= 78 for line in lines)


def test_encoded_words_cut_between_characters_and_ascii_is_left_alone():
    words = encoded_words("đ" * 40)  # two bytes a letter: 19 letters a word
    assert all(len(word) <= 75 for word in words)
    assert len(words) == 3
    plain, _ = read_back(VietnameseEmail("Hello", "x", to=["a@example.com"]), email.policy.SMTP)
    assert plain == "Hello"
