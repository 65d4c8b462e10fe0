"""Bad input on pilot pages gets a clear message or is ignored, never a server error."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_queue_filtered_by_a_city_with_a_nul_character_filters_without_it(update_a, staff, client_for):
    """`?city=%00` shows every city's updates; `?city=can-tho%00` those of Can Tho."""
    client = client_for(staff)
    for city in ["\x00", "can-tho\x00"]:
        response = client.get(reverse("pilots:queue"), {"city": city})
        assert response.status_code == 200
        assert list(response.context["page"]) == [update_a]
    assert not list(client.get(reverse("pilots:queue"), {"city": "da-nang\x00"}).context["page"])


def test_queue_page_number_past_the_end_shows_the_last_page(update_a, staff, client_for):
    for page in [str(10**29), "9" * 5000, "abc", "-3"]:
        response = client_for(staff).get(reverse("pilots:queue"), {"page": page})
        assert response.status_code == 200 and list(response.context["page"]) == [update_a]
