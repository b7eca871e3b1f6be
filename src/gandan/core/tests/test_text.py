"""One check for control characters and lone surrogates (core/text.py): the validator itself,
that every form field of every app carries it, and refusals through the web forms that store
nothing (a `\\x0b` in a walk-in's name used to be stored, then break the letter's .docx)."""

import re

import pytest
from django import forms
from django.contrib import admin
from django.urls import reverse

from gandan.core.text import (
    FORBIDDEN,
    ProhibitControlCharactersValidator,
    check_text,
    first_forbidden,
    strip_forbidden,
)
from gandan.petitions.models import Case, ReceptionEntry
from gandan.petitions.tests.conftest import RECEIVED

REFUSED = [
    "\x00",
    "\x01",
    "\x08",
    "\x0b",  # vertical tab: what Word leaves for a manual line break in a pasted name
    "\x0c",
    "\x0e",
    "\x1f",
    "\x7f",
    "\x80",
    "\x9f",
    "\ud800",  # a lone high surrogate, as JSON's "\ud800" gives it
    "\udfff",
    "\ufffe",
    "\uffff",
]
ACCEPTED = [
    "Trần Văn Phụ Huynh",
    "dòng một\ndòng hai\r\ndòng ba\tcột",
    "\xa0khoảng trắng cứng",
    "Ngày 05/8/2026 — “trích dẫn” ‘đơn’ …",
    "😀 biểu tượng ngoài mặt phẳng cơ bản",  # a proper surrogate pair in UTF-16, one char here
    "\ud7ff\ue000\ufffd",
]


@pytest.mark.parametrize("char", REFUSED)
def test_each_forbidden_character_is_refused_in_vietnamese_naming_its_code(char):
    with pytest.raises(forms.ValidationError) as refused:
        check_text(f"Nguyễn{char}Văn A")
    (message,) = refused.value.messages
    assert "chứa ký tự điều khiển không hợp lệ" in message
    assert f"U+{ord(char):04X}" in message
    assert first_forbidden(f"ab{char}c") == char
    assert strip_forbidden(f"a{char}b{char}") == "ab"


@pytest.mark.parametrize("text", ACCEPTED)
def test_ordinary_vietnamese_text_passes(text):
    check_text(text)
    assert first_forbidden(text) is None and strip_forbidden(text) == text


def test_every_code_point_below_u0100_is_judged_as_xml_1_0_and_the_c1_rule_say():
    # XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | …; C1 (U+0080–U+009F) refused besides.
    for code in range(0x100):
        allowed = code in (0x9, 0xA, 0xD) or 0x20 <= code < 0x7F or code >= 0xA0
        assert (FORBIDDEN.search(chr(code)) is None) is allowed, hex(code)


def _every_form_class() -> list[type[forms.BaseForm]]:
    # Importing the URLconf and the admin imports every app's views, forms and admin forms.
    import gandan.urls  # noqa: F401

    found, stack = [], list(forms.BaseForm.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        found.append(cls)
    return found


def test_every_char_field_of_every_form_refuses_control_characters(rf, admin_user):
    # given: every declared form of the project, Django's (auth, admin) included
    checked = 0
    for form_class in _every_form_class():
        for name, field in getattr(form_class, "base_fields", {}).items():
            if isinstance(field, forms.CharField):
                checked += 1
                assert ProhibitControlCharactersValidator() in field.validators, (
                    f"{form_class.__module__}.{form_class.__name__}.{name}"
                )
    assert checked > 100
    # and the fields a ModelAdmin builds at run time
    request = rf.get("/quan-tri/")
    request.user = admin_user
    for model, model_admin in admin.site._registry.items():
        for name, field in model_admin.get_form(request).base_fields.items():
            if isinstance(field, forms.CharField):
                assert ProhibitControlCharactersValidator() in field.validators, (
                    f"{model.__name__} admin: {name}"
                )


def test_a_char_field_made_at_run_time_refuses_them_too():
    class Probe(forms.Form):
        name = forms.CharField()
        note = forms.CharField(widget=forms.Textarea, required=False)
        email = forms.EmailField(required=False)

    form = Probe({"name": "Lê\x0bVăn", "note": "ổn\n\tthôi", "email": "a\x01@b.vn"})
    assert not form.is_valid()
    assert "chứa ký tự điều khiển không hợp lệ (U+000B)" in form.errors["name"][0]
    assert "note" not in form.errors
    assert any("U+0001" in message for message in form.errors["email"])


INTAKE = "/gui-y-kien/th-thanh-to/"


def _public_form(client) -> dict:
    page = client.get(INTAKE)
    found = re.search(r'name="token" value="([^"]+)"', page.content.decode())
    assert found is not None
    return {
        "token": found.group(1),
        "kind": "phan_anh",
        "title": "Cổng trường ùn tắc giờ tan học",
        "content": "Xe máy đỗ tràn ra lòng đường trước cổng trường lúc 16 giờ 30.",
        "name": "Trần Văn Phụ Huynh",
        "phone": "0987 654 321",
        "consent": "on",
        "website": "",
    }


@pytest.mark.parametrize("field", ["name", "title", "content"])
def test_the_public_form_refuses_a_control_character_and_stores_nothing(
    client, school, deadline_rules, field
):
    # given
    data = _public_form(client)
    data[field] = data[field][:5] + "\x01" + data[field][5:]
    # when
    response = client.post(INTAKE, data)
    # then: the form again (400, as for any refused form), with the reason; nothing stored
    assert response.status_code == 400
    page = response.content.decode()
    assert "chứa ký tự điều khiển không hợp lệ (U+0001)" in page
    assert Case.objects.count() == 0


def test_a_walk_in_with_a_vertical_tab_in_the_name_is_refused(
    client, school, clerk, deadline_rules
):
    # given: the incident, a name pasted from a Word table
    client.force_login(clerk)
    data = {
        "kind": "kien_nghi",
        "channel": "walk_in",
        "received_on": RECEIVED.isoformat(),
        "people_count": "1",
        "register": "on",
        "title": "Đề nghị mở thêm lớp bán trú",
        "content": "Phụ huynh khối 1 đề nghị mở thêm một lớp bán trú.",
        "name": "Lê Văn\x0bĐại Diện",
        "phone": "0911222333",
        "consent": "on",
    }
    # when
    response = client.post(reverse("petitions:walk_in"), data)
    # then
    assert response.status_code == 200
    assert "chứa ký tự điều khiển không hợp lệ (U+000B)" in response.content.decode()
    assert Case.objects.count() == 0 and ReceptionEntry.objects.count() == 0
