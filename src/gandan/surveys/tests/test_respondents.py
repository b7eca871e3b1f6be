"""Identified surveys: the identifier is normalised, then only a keyed hash is kept."""

import pytest
from django.core.exceptions import ValidationError

from gandan.surveys import respondents


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0912345678", "phone:0912345678"),
        (" 0912 345 678 ", "phone:0912345678"),
        ("0912.345.678", "phone:0912345678"),
        ("+84 912 345 678", "phone:0912345678"),
        ("84912345678", "phone:0912345678"),
        ("(+84)912-345-678", "phone:0912345678"),
        ("02253836123", "phone:02253836123"),
        ("Me@Gmail.COM", "email:me@gmail.com"),
        (" a.b@truong.edu.vn ", "email:a.b@truong.edu.vn"),
    ],
)
def test_identifiers_normalise(raw, expected):
    assert respondents.normalise_identifier(raw) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "Cần số điện thoại (ví dụ 0912 345 678) hoặc địa chỉ thư điện tử hợp lệ."),
        ("12345", "Cần số điện thoại (ví dụ 0912 345 678) hoặc địa chỉ thư điện tử hợp lệ."),
        ("091234567", "Cần số điện thoại (ví dụ 0912 345 678) hoặc địa chỉ thư điện tử hợp lệ."),
        ("Nguyễn Văn A", "Cần số điện thoại (ví dụ 0912 345 678) hoặc địa chỉ thư điện tử hợp lệ."),
        ("a@", "Địa chỉ thư điện tử không hợp lệ."),
    ],
)
def test_bad_identifiers_are_refused_in_vietnamese(raw, message):
    with pytest.raises(ValidationError) as caught:
        respondents.normalise_identifier(raw)
    assert caught.value.messages == [message]


class _Survey:
    def __init__(self, salt):
        self.salt = salt


def test_the_hash_is_stable_within_a_survey_and_unrelated_across_surveys():
    # given
    first, second = _Survey("a" * 32), _Survey("b" * 32)
    # when
    one = respondents.respondent_hash(first, "phone:0912345678")
    again = respondents.respondent_hash(first, "phone:0912345678")
    other = respondents.respondent_hash(second, "phone:0912345678")
    # then
    assert one == again and len(one) == 64
    assert one != other
    assert "0912345678" not in one


def test_the_hash_depends_on_the_server_secret(settings):
    # given: a database copied elsewhere, without the secret key
    survey = _Survey("a" * 32)
    here = respondents.respondent_hash(survey, "phone:0912345678")
    # when
    settings.SECRET_KEY = "another-secret-" + "x" * 40
    # then: the same number no longer gives the same hash
    assert respondents.respondent_hash(survey, "phone:0912345678") != here
