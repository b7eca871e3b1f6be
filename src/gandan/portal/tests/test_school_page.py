"""A school's public page: only an active school has one."""

import pytest


def test_a_school_has_a_public_page(client, school):
    # when
    response = client.get("/truong/th-thanh-to/")
    # then
    assert response.status_code == 200
    assert "Trường Tiểu học Thành Tô" in response.content.decode()


@pytest.mark.parametrize("slug", ["th-thanh-to-to-1", "ubnd-hai-an", "khong-co"])
def test_a_unit_an_authority_or_nothing_has_none(client, school, subject_group, slug):
    assert client.get(f"/truong/{slug}/").status_code == 404


def test_a_closed_school_has_none(client, school):
    # given
    school.is_active = False
    school.save(update_fields=["is_active"])
    # then
    assert client.get("/truong/th-thanh-to/").status_code == 404
