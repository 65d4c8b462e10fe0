"""A report asked for with an object id that is not an id gets the message the service gives for none."""

import pytest
from django.urls import reverse

from ccrs.models import Report

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("object_id", ["abc", "²", "9" * 5000, str(10**29), "1.5"])
def test_a_report_of_an_object_id_that_is_not_an_id_says_what_to_do(client_for, city_a, member_a, object_id):
    response = client_for(member_a).post(
        reverse("reports:request"),
        {"kind": "city_profile", "format": "pdf", "object_id": object_id},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 400
    assert "Say which report you want: the page&#x27;s button does." in response.content.decode()
    assert not Report.objects.exists()
