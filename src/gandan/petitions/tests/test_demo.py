"""The demo cases: built through the services, in the promised states, idempotent."""

from django.urls import reverse

from gandan.orgs import demo as orgs_demo
from gandan.orgs.models import User
from gandan.paperwork.models import OutgoingDocument
from gandan.petitions import demo
from gandan.petitions.models import Case, ReceptionEntry, ReceptionSession


def test_demo_cases_in_several_states_and_idempotent(client, deadline_rules):
    # given
    school = orgs_demo.build()
    # when: built twice
    demo.build(school)
    counts = (
        Case.objects.count(),
        OutgoingDocument.objects.count(),
        ReceptionEntry.objects.count(),
    )
    demo.build(school)
    # then
    assert counts == (
        Case.objects.count(),
        OutgoingDocument.objects.count(),
        ReceptionEntry.objects.count(),
    )
    by_key = {case.idempotency_key: case for case in Case.objects.all()}
    answered = by_key["demo-1"]
    assert answered.status == "resolved" and answered.is_closed and answered.satisfaction == 5
    assert answered.deadlines.get(step="tra_loi").was_on_time()
    assert by_key["demo-2"].status == "in_progress"
    complaint = by_key["demo-3"]
    assert set(complaint.minutes.values_list("kind", flat=True)) == {"verification", "dialogue"}
    late = by_key["demo-5"]
    assert late.promised_on is not None
    assert OutgoingDocument.objects.filter(source=f"petitions.case:{late.pk}:xin_loi").exists()
    assert by_key["demo-6"].is_anonymous_information
    assert ReceptionSession.objects.count() == 1
    # the verifier of the denunciation sees its pseudonym, never the name
    denunciation = by_key["demo-4"]
    client.force_login(User.objects.get(username="giaovien2"))
    page = client.get(reverse("petitions:detail", args=[denunciation.public_id])).content.decode()
    assert denunciation.pseudonym in page
    assert "Phạm Thị Kín" not in page
    assert "Phụ huynh lớp 4B tố cáo giáo viên chủ nhiệm" in page
