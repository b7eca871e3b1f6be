"""What the audit log stores is Vietnamese whatever the screen language (ADR 1, addendum): the
administrators' changes, made with English on screen."""

from gandan.audit.models import Action, AuditEvent
from gandan.orgs.models import Membership, User


def test_admin_changes_and_deletions_are_logged_in_vietnamese(
    client, school, teacher, assert_stored_vietnamese
):
    # given: an administrator who chose English
    admin = User.objects.create_superuser("quantri", "qt@example.com", "x", full_name="Quản Trị")
    client.force_login(admin)
    client.cookies["django_language"] = "en"
    membership = Membership.objects.get(user=teacher, organisation=school)
    # when: a change and a deletion through the admin
    changed = client.post(
        f"/quan-tri/orgs/organisation/{school.pk}/change/",
        {
            "parent": school.parent_id,
            "kind": "school",
            "slug": "th-thanh-to",
            "name": "Trường Tiểu học Thành Tô",
            "short_name": "TH Thành Tô",
            "symbol": "THTT",
            "address": "Số 1 phố Thành Tô",
            "place_name": "Hải An",
            "is_active": "on",
        },
    )
    deleted = client.post(f"/quan-tri/orgs/membership/{membership.pk}/delete/", {"post": "yes"})
    # then: the rows name the model in Vietnamese, each in the organisation's own log
    assert changed.status_code == 302, changed.content.decode()[:2000]
    assert deleted.status_code == 302
    change = AuditEvent.objects.get(action=Action.CHANGE)
    withdraw = AuditEvent.objects.get(action=Action.WITHDRAW)
    assert change.summary == "Sửa tổ chức “Trường Tiểu học Thành Tô” (quản trị)"
    assert change.organisation == school
    assert withdraw.summary.startswith("Xóa vai trò “")
    assert "— Cán bộ, giáo viên, nhân viên —" in withdraw.summary
    assert withdraw.organisation == school
    assert_stored_vietnamese()
