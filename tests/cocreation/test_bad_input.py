"""Bad input on co-creation pages gets a clear message or is ignored, never a server error."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client_for, member_a):
    return client_for(member_a)


def test_search_with_a_nul_character_searches_without_it(officer, city_a, stakeholder_a):
    """`?q=%00` lists the whole registry; `?q=Lan%00` finds Lan."""
    url = reverse("cocreation:stakeholders", kwargs={"slug": city_a.slug})
    for query in ["\x00", "Lan\x00"]:
        response = officer.get(url, {"q": query})
        assert response.status_code == 200
        assert stakeholder_a.name in response.content.decode()


def test_attendance_search_with_a_nul_character_searches_without_it(officer, invitation_s):
    response = officer.get(reverse("cocreation:attendance", kwargs={"pk": invitation_s.workshop_id}), {"q": "\x00"})
    assert response.status_code == 200
    assert invitation_s.stakeholder.name in response.content.decode()
