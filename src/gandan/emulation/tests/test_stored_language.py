"""With English on the screen, the movement still stores Vietnamese (ADR 1, addendum): its
timeline, the audit rows and the registered minutes and decisions."""

import datetime as dt

from django.utils import translation

from gandan.democracy.services import ballots
from gandan.emulation import demo, documents
from gandan.emulation.models import Campaign, CriterionKind, Nomination, Registration
from gandan.emulation.services import campaigns, nominations, registrations, review
from gandan.emulation.tests.conftest import advance_to, full_card, photo, register
from gandan.orgs import demo as orgs_demo
from gandan.plans import demo as plans_demo

DAY = dt.date(2026, 11, 28)


def test_the_whole_year_is_stored_in_vietnamese_from_an_english_screen(
    media,
    school,
    subject_group,
    principal,
    deputy,
    inspector,
    clerk,
    teacher,
    union_officer,
    english_screen,
    assert_stored_vietnamese,
):
    # given: a campaign with its criteria edited and its council named
    campaign = campaigns.create_campaign(
        organisation=school,
        actor=principal,
        title="Phong trào thi đua “Dân vận khéo” năm học 2025–2026",
        year_label="năm học 2025–2026",
        starts_on=dt.date(2025, 9, 5),
        ends_on=dt.date(2026, 5, 31),
    )
    added = campaigns.add_criterion(
        campaign=campaign,
        actor=principal,
        kind=CriterionKind.COLLECTIVE,
        text="Có sản phẩm cụ thể",
        max_points=10,
    )
    campaigns.update_criterion(
        criterion=added, actor=principal, text="Có sản phẩm cụ thể, đo được", max_points=10
    )
    campaigns.remove_criterion(criterion=added, actor=principal)
    campaigns.set_council(
        campaign=campaign, actor=principal, chair=inspector, secretary=clerk, members=[deputy]
    )
    # and: two registrations (one for a unit), reported on with evidence, submitted
    group_model = register(campaign, teacher, title="Mô hình A", unit=subject_group)
    own_model = register(campaign, union_officer, title="Mô hình B")
    campaign = advance_to(campaign, principal, "implementation")
    for registration, author in ((group_model, teacher), (own_model, union_officer)):
        registrations.add_update(
            registration=registration, author=author, text="Đã làm.", files=[photo()]
        )
        registrations.submit_registration(registration=registration, actor=author)
    campaign = advance_to(Campaign.objects.get(pk=campaign.pk), principal, "review")

    # when: the council scores, votes its shortlist in secret and concludes with minutes
    for registration in (group_model, own_model):
        registration = Registration.objects.get(pk=registration.pk)
        for member in (inspector, clerk):
            review.score_registration(
                registration=registration, member=member, points=full_card(registration, 15)
            )
    ballot = review.open_shortlist_ballot(campaign=campaign, actor=inspector)
    everyone = [str(option.pk) for option in ballot.options.all()]
    for member in (inspector, clerk, deputy):
        ballots.cast_ballot(ballot=ballot, voter=member, choices=everyone)
    review.close_shortlist_ballot(campaign=Campaign.objects.get(pk=campaign.pk), actor=inspector)
    review.conclude_review(
        campaign=Campaign.objects.get(pk=campaign.pk), actor=inspector, issued_on=DAY
    )
    # and: the deputy decides on one ("KT."), the other is not recognised
    recognition = review.recognise_registration(
        registration=Registration.objects.get(pk=group_model.pk),
        actor=deputy,
        level="school_merit",
        issued_on=DAY,
        story="Phụ huynh và giáo viên gặp nhau mỗi tuần.",
        publish=True,
    )
    review.update_story(recognition=recognition, actor=principal, story="Sửa lại.", publish=False)
    review.decline_registration(
        registration=Registration.objects.get(pk=own_model.pk),
        actor=principal,
        reason="Chưa có kết quả rõ.",
    )
    # and: a good example, nominated, consented, voted on and recognised
    nomination = nominations.nominate(
        campaign=campaign, nominator=union_officer, nominee=teacher, deed="Trả lại ví."
    )
    nominations.answer_nomination(nomination=nomination, user=teacher, consent=True)
    vote = nominations.open_nomination_vote(nomination=nomination, actor=principal)
    for voter in (principal, deputy, inspector, clerk, union_officer):
        ballots.cast_ballot(ballot=vote, voter=voter, choices=["yes"])
    nominations.close_nomination_vote(nomination=Nomination.objects.get(), actor=principal)
    nominations.recognise_nomination(
        nomination=Nomination.objects.get(), actor=principal, issued_on=DAY
    )
    campaigns.advance_campaign(campaign=Campaign.objects.get(pk=campaign.pk), actor=principal)
    # and: the registration form, built for a download from its page
    form = documents.registration_form_spec(Registration.objects.get(pk=group_model.pk))

    # then
    assert "Lĩnh vực: Văn hóa – xã hội." in [getattr(part, "title", "") for part in form.body]
    assert_stored_vietnamese()


def test_a_phase_change_from_an_english_page_is_stored_in_vietnamese(
    client, school, principal, assert_stored_vietnamese
):
    # given: the head reads the site in English
    campaign = campaigns.create_campaign(
        organisation=school,
        actor=principal,
        title="Phong trào “Dân vận khéo”",
        year_label="năm học 2025–2026",
        starts_on=dt.date(2025, 9, 5),
        ends_on=dt.date(2026, 5, 31),
    )
    client.force_login(principal)
    client.cookies["django_language"] = "en"
    # when
    response = client.post(f"/dan-van-kheo/phong-trao/{campaign.public_id}/chuyen-giai-doan/")
    # then
    assert response.status_code == 302
    assert Campaign.objects.get().status == "implementation"
    assert campaign.events.filter(summary__contains="“Đang triển khai”").exists()
    assert_stored_vietnamese()


def test_the_demo_campaign_built_from_an_english_screen_is_stored_in_vietnamese(
    english_screen, assert_stored_vietnamese
):
    # given: the school and its plan (other apps' demos, checked by their own tests)
    with translation.override("vi"):
        school = orgs_demo.build()
        plans_demo.build(school)
    # when
    demo.build(school)
    # then
    assert Registration.objects.filter(status="recognised").exists()
    assert_stored_vietnamese()
