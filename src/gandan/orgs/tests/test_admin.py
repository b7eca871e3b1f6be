"""The admin never deletes an organisation: its audit log and registers refer to it for good (the
foreign keys are PROTECT, so a delete would fail half-way)."""

import pytest
from django.test import Client
from django.urls import reverse

from gandan.orgs.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(school) -> Client:
    from gandan.orgs.models import User

    admin = User.objects.create_superuser(
        username="quantri", password="mat-khau-thu-nghiem", full_name="Lê Quản Trị"
    )
    client = Client()
    client.force_login(admin)
    return client


def test_the_admin_offers_no_delete_and_refuses_one(superuser_client, school):
    change = superuser_client.get(reverse("admin:orgs_organisation_change", args=[school.pk]))
    assert change.status_code == 200
    assert (
        reverse("admin:orgs_organisation_delete", args=[school.pk]) not in change.content.decode()
    )
    refused = superuser_client.post(
        reverse("admin:orgs_organisation_delete", args=[school.pk]), {"post": "yes"}
    )
    assert refused.status_code == 403
    assert Organisation.objects.filter(pk=school.pk).exists()
    listing = superuser_client.post(
        reverse("admin:orgs_organisation_changelist"),
        {"action": "delete_selected", "_selected_action": [school.pk]},
    )
    assert listing.status_code in {200, 302}
    assert Organisation.objects.filter(pk=school.pk).exists()
