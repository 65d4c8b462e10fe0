"""Bad input on city pages gets a clear message or is ignored, never a server error."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("cohort_id", ["abc", "²", "9" * 5000, str(10**29), "-1"])
def test_applications_of_a_cohort_that_is_not_an_id_show_the_latest_cohort(staff, submitted, client_for, cohort_id):
    response = client_for(staff).get(reverse("cities:application_list"), {"cohort": cohort_id})
    assert response.status_code == 200
    assert response.context["cohort"] == submitted.cohort
    assert list(response.context["applications"]) == [submitted]
