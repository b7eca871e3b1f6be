import pytest
from django.core.exceptions import ValidationError

from gandan.orgs import access, services
from gandan.orgs.models import Organisation, OrgKind, User


def test_materialised_path_gives_subtree_in_one_query(
    department, ward, school, subject_group, other_school, django_assert_num_queries
):
    with django_assert_num_queries(1):
        subtree = list(Organisation.objects.subtree(ward).values_list("slug", flat=True))
    assert sorted(subtree) == ["th-dang-hai", "th-thanh-to", "th-thanh-to-to-1", "ubnd-hai-an"]
    # the ward is a root: the Sở guides the school but is not above the ward (LAW.md §8)
    assert [org.slug for org in subject_group.ancestors()] == ["ubnd-hai-an", "th-thanh-to"]


def test_moving_an_organisation_moves_its_descendants(department, ward, school, subject_group):
    # given: a second ward
    other_ward = services.create_organisation(
        actor=None,
        parent=department,
        slug="ubnd-dang-lam",
        kind=OrgKind.COMMUNE_COMMITTEE,
        name="Ủy ban nhân dân phường Đằng Lâm",
    )
    # when
    school.parent = other_ward
    school.save()
    # then
    subject_group.refresh_from_db()
    assert subject_group.path.startswith(other_ward.path)
    assert subject_group in Organisation.objects.subtree(other_ward)
    assert subject_group not in Organisation.objects.subtree(ward)


def test_internal_unit_must_belong_to_a_school(ward):
    unit = Organisation(parent=ward, slug="to-lac", kind=OrgKind.SUBJECT_GROUP, name="Tổ lạc chỗ")
    with pytest.raises(ValidationError) as error:
        unit.full_clean()
    assert "Đơn vị nội bộ phải thuộc một trường học." in str(error.value)


def test_school_needs_a_managing_body(db):
    with pytest.raises(ValidationError):
        services.create_organisation(
            actor=None, parent=None, slug="mo-coi", kind=OrgKind.SCHOOL, name="Trường mồ côi"
        )
    assert not Organisation.objects.filter(slug="mo-coi").exists()


def test_organisation_cannot_sit_under_itself(ward, school):
    ward.parent = school
    with pytest.raises(ValidationError):
        ward.full_clean()


def test_users_are_ordered_by_given_name(db):
    for name in ("Trần Văn Bình", "Nguyễn Thị Ánh", "Lê Văn An"):
        services.create_person(
            actor=None, username=name.split()[-1].lower(), full_name=name, password=None
        )
    assert [u.full_name for u in User.objects.all()] == [
        "Lê Văn An",
        "Nguyễn Thị Ánh",
        "Trần Văn Bình",
    ]
    assert User.objects.get(full_name="Nguyễn Thị Ánh").search_name == "nguyen thi anh"


def test_roles_in_internal_units_count_for_the_school(school, inspection_board, inspector):
    assert access.roles_in_school(inspector, school) == {"staff", "inspection_board"}
    assert access.roles_in(inspector, inspection_board) == {"inspection_board"}


def test_ended_membership_gives_no_access(school, teacher):
    import datetime as dt

    teacher.memberships.update(end_date=dt.date(2020, 1, 1))
    fresh = User.objects.get(pk=teacher.pk)
    assert not access.can_view_organisation(fresh, school)


def test_argon2_is_the_password_hasher(django_settings_password_hashers):
    assert django_settings_password_hashers[0].endswith("Argon2PasswordHasher")


@pytest.fixture
def django_settings_password_hashers():
    from gandan import settings as project_settings

    return project_settings.PASSWORD_HASHERS


def test_parents_board_members_are_not_staff(school):
    # given: a parent on the parents' board
    board = services.create_organisation(
        actor=None,
        parent=school,
        slug="th-thanh-to-bdd",
        kind=OrgKind.PARENTS_BOARD,
        name="Ban đại diện cha mẹ học sinh",
    )
    parent = services.create_person(
        actor=None, username="phuhuynh", full_name="Lý Thị Mận", password=None
    )
    services.grant_role(
        actor=None, user=parent, organisation=board, role="staff", title="Trưởng ban đại diện"
    )
    # then
    fresh = User.objects.get(pk=parent.pk)
    assert not access.can_view_organisation(fresh, school)
    assert access.can_view_organisation(fresh, board)
    assert access.primary_organisation(fresh) == board
