"""A school's two superiors since 1/7/2025 (LAW.md §8): the ward manages it, the Sở guides it."""

import pytest
from django.core.exceptions import ValidationError

from gandan.orgs import access, services
from gandan.orgs.models import Organisation, OrgKind


def test_the_ward_and_the_sở_each_oversee_the_schools(
    ward, department, school, other_school, subject_group
):
    # then: both schools are below the ward (managed) and below the Sở (guided)
    assert set(Organisation.objects.schools_below(ward)) == {school, other_school}
    assert set(Organisation.objects.schools_below(department)) == {school, other_school}
    # internal units are not schools
    assert subject_group not in Organisation.objects.schools_below(ward)


def test_a_school_of_another_ward_is_guided_by_the_sở_but_not_managed_by_this_ward(
    ward, department
):
    # given: a second ward with its own school, guided by the same Sở
    other_ward = services.create_organisation(
        actor=None,
        parent=None,
        slug="ubnd-dang-lam",
        kind=OrgKind.COMMUNE_COMMITTEE,
        name="Ủy ban nhân dân phường Đằng Lâm",
    )
    far_school = services.create_organisation(
        actor=None,
        parent=other_ward,
        guided_by=department,
        slug="th-dang-lam",
        kind=OrgKind.SCHOOL,
        name="Trường Tiểu học Đằng Lâm",
    )
    # then
    assert far_school in Organisation.objects.schools_below(department)
    assert far_school not in Organisation.objects.schools_below(ward)


def test_officers_see_what_their_body_oversees(
    authority_officer, department_officer, school, subject_group, ward, department
):
    # the ward officer: the school and its units, not the Sở
    assert access.is_authority_over(authority_officer, school)
    assert access.is_authority_over(authority_officer, subject_group)
    assert not access.is_authority_over(authority_officer, department)
    # the Sở officer: the school and its units through guidance, not the ward
    assert access.is_authority_over(department_officer, school)
    assert access.is_authority_over(department_officer, subject_group)
    assert not access.is_authority_over(department_officer, ward)
    assert access.authorities_of(department_officer) == [department]


def test_only_a_school_is_guided_and_only_by_a_sở(ward, department):
    # a ward cannot be "guided" by the Sở, and a school cannot be guided by a ward
    with pytest.raises(ValidationError):
        services.create_organisation(
            actor=None,
            parent=None,
            guided_by=department,
            slug="ubnd-x",
            kind=OrgKind.COMMUNE_COMMITTEE,
            name="Ủy ban nhân dân phường X",
        )
    with pytest.raises(ValidationError):
        services.create_organisation(
            actor=None,
            parent=ward,
            guided_by=ward,
            slug="th-x",
            kind=OrgKind.SCHOOL,
            name="Trường Tiểu học X",
        )
    assert not Organisation.objects.filter(slug__in=["ubnd-x", "th-x"]).exists()
