"""Bad input on pilot pages gets a clear message or is ignored, never a server error."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pilots import services
from pilots.models import Update

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


@pytest.mark.parametrize("value", ["1e308", str(10**29), "100000000000000"])
def test_a_value_too_large_for_its_column_is_refused_on_the_form(period_a, member_a, client_for, value):
    response = client_for(member_a).post(reverse("pilots:update_create", kwargs={"pk": period_a.pk}), {"value": value})
    assert response.status_code == 400
    body = response.content.decode()
    assert "The value is too large: use at most 14 digits before the decimal point." in body
    assert "invalid-feedback" in body
    assert not Update.objects.exists()


def test_a_percentage_too_large_for_its_column_is_refused(percentage_period, member_a):
    with pytest.raises(ValidationError) as caught:
        services.update_submit(
            period=percentage_period, user=member_a, numerator="99999999999999", denominator="0.0001"
        )
    assert caught.value.message_dict == {
        "denominator": ["The percentage is too large: check the numerator and the denominator."]
    }
    with pytest.raises(ValidationError) as caught:
        services.update_submit(period=percentage_period, user=member_a, numerator="1e308", denominator="1")
    assert caught.value.message_dict == {
        "numerator": ["The numerator is too large: use at most 14 digits before the decimal point."]
    }
    assert not Update.objects.exists()
