"""Who the header and the signature name, for each kind of issuing unit (Nghị định 30/2020,
Điều 13 and Phụ lục I, II.2 and II.7a)."""

import pytest

from gandan.orgs import services as org_services
from gandan.orgs.models import Role
from gandan.paperwork.signing import deputy_signer, head_signer, header_names

pytestmark = pytest.mark.django_db


def test_a_school_names_its_ward_and_its_principal(ward, school, principal, deputy):
    assert header_names(school) == (ward.name.upper(), "TRƯỜNG TIỂU HỌC THÀNH TÔ")
    assert head_signer(school).title_lines() == ["HIỆU TRƯỞNG"]
    assert deputy_signer(school, deputy).title_lines() == ["KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG"]


def test_the_sở_names_the_provincial_committee_and_its_director(department):
    # given: the Sở's managing body is not in the tree; its name is recorded on the Sở
    department.managing_body_name = "UBND thành phố Hải Phòng"
    department.save()
    director = org_services.create_person(
        actor=None, password=None, username="giamdoc", full_name="Nguyễn Văn Giám"
    )
    org_services.grant_role(actor=None, user=director, organisation=department, role=Role.HEAD)
    # then
    managing, issuing = header_names(department)
    assert managing == "UBND THÀNH PHỐ HẢI PHÒNG"
    assert issuing == department.name.upper()
    signer = head_signer(department)
    assert signer.name == "Nguyễn Văn Giám"
    assert signer.title_lines() == ["GIÁM ĐỐC"]


def test_a_ward_committee_signs_for_the_collective(ward, authority_officer):
    # given: the ward's chairman; the officer as a vice-chairman
    chairman = org_services.create_person(
        actor=None, password=None, username="chutich", full_name="Vũ Văn Hòa"
    )
    org_services.grant_role(actor=None, user=chairman, organisation=ward, role=Role.HEAD)
    # then: TM. the committee, on every signature of the ward (Điều 13 k2)
    assert header_names(ward)[1] == ward.name.upper()
    assert head_signer(ward).title_lines() == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert deputy_signer(ward, authority_officer).title_lines() == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    ]
