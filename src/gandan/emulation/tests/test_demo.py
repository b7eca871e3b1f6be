"""The demo campaign: built through the services, realistic, idempotent."""

from decimal import Decimal

from django.urls import reverse

from gandan.democracy.models import Ballot
from gandan.emulation import demo
from gandan.emulation.models import Campaign, Nomination, Recognition, Registration, Score
from gandan.orgs import demo as orgs_demo
from gandan.orgs.models import User
from gandan.paperwork.models import OutgoingDocument
from gandan.plans import demo as plans_demo


def _counts() -> tuple:
    return (
        Campaign.objects.count(),
        Registration.objects.count(),
        Score.objects.count(),
        Nomination.objects.count(),
        Recognition.objects.count(),
        Ballot.objects.count(),
        OutgoingDocument.objects.count(),
    )


def test_demo_campaign_has_three_models_in_three_states_and_two_nominations(client, db):
    # given
    school = orgs_demo.build()
    plan = plans_demo.build(school)
    # when: built twice
    campaign = demo.build(school)
    counts = _counts()
    again = demo.build(school)
    # then
    assert again.pk == campaign.pk and _counts() == counts
    assert campaign.title == "Phong trào thi đua “Dân vận khéo” năm học 2025–2026"
    assert campaign.plan == plan and campaign.status == "review" and campaign.is_reviewed
    states = dict(Registration.objects.values_list("status", "council_score"))
    assert set(states) == {"recognised", "reviewed", "in_progress"}
    assert states["recognised"] == Decimal("87.75") and states["reviewed"] == Decimal("78.25")
    story = Recognition.objects.get()
    assert story.publish_publicly and story.level == "school_merit"
    nominations = dict(Nomination.objects.values_list("nominee__username", "status"))
    assert nominations == {"tongphutrach": "recognised", "giaovien": "awaiting_consent"}
    ballot = Nomination.objects.get(status="recognised").ballot
    assert ballot is not None and ballot.result["adopted"] is True
    # the story is on the public site
    public = client.get(reverse("emulation:public", args=[school.slug])).content.decode()
    assert "Cha mẹ đồng hành" in public
    # the demo teacher finds the nomination on her desk; the head the decision to take
    client.force_login(User.objects.get(username="giaovien"))
    assert 'id="de-cu-cho-dong-y"' in client.get(reverse("desk")).content.decode()
    client.force_login(User.objects.get(username="hieutruong"))
    waiting = Registration.objects.get(status="reviewed")
    page = client.get(reverse("emulation:registration", args=[waiting.public_id]))
    assert reverse("emulation:recognise", args=[waiting.public_id]) in page.content.decode()
