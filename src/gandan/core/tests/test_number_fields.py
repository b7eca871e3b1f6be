"""Number fields whose limits read in Vietnamese: "30" or "30,5", never Django's "30.00 ."."""

from decimal import Decimal

import pytest
from django import forms

from gandan.core.forms import VietnameseDecimalField, VietnameseIntegerField, limit_text


@pytest.mark.parametrize(
    ("value", "grouping", "text"),
    [
        (Decimal("30.00"), True, "30"),
        (Decimal("30.50"), True, "30,5"),
        (Decimal("0.25"), True, "0,25"),
        (Decimal("100"), True, "100"),
        (12, True, "12"),
        (1000, True, "1.000"),
        (Decimal("1234.5"), True, "1.234,5"),
        (2100, False, "2100"),
        (0, True, "0"),
    ],
)
def test_a_limit_is_written_the_vietnamese_way(value, grouping, text):
    assert limit_text(value, grouping=grouping) == text


class ScoreForm(forms.Form):
    general = VietnameseDecimalField(
        min_value=0, max_value=Decimal("30.00"), max_digits=5, decimal_places=2
    )
    half = VietnameseDecimalField(max_value=Decimal("30.50"), required=False)
    year = VietnameseIntegerField(min_value=2020, max_value=2100, grouping=False, required=False)
    percent = VietnameseIntegerField(min_value=0, max_value=100, required=False)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"general": "31"}, "general", "Hãy nhập số không lớn hơn 30."),
        ({"general": "-1"}, "general", "Hãy nhập số không nhỏ hơn 0."),
        ({"general": "abc"}, "general", "Hãy nhập một số."),
        ({"general": "1.234"}, "general", "Lấy tối đa 2 chữ số thập phân."),
        ({"general": "1", "half": "31"}, "half", "Hãy nhập số không lớn hơn 30,5."),
        ({"general": "1", "year": "2200"}, "year", "Hãy nhập số không lớn hơn 2100."),
        ({"general": "1", "year": "1999"}, "year", "Hãy nhập số không nhỏ hơn 2020."),
        ({"general": "1", "percent": "101"}, "percent", "Hãy nhập số không lớn hơn 100."),
        ({"general": "1", "percent": "1,5"}, "percent", "Hãy nhập một số nguyên."),
    ],
)
def test_the_limits_and_bad_numbers_are_refused_in_vietnamese(data, field, message):
    # when
    form = ScoreForm(data)
    # then
    assert not form.is_valid()
    assert form.errors[field] == [message]
    assert "30.00" not in str(form.errors) and " ." not in str(form.errors)


def test_a_number_within_its_limits_is_kept():
    form = ScoreForm({"general": "30", "half": "30.5", "year": "2026", "percent": "100"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["general"] == Decimal(30)
    assert form.cleaned_data["half"] == Decimal("30.5")
