"""Bad input on city pages gets a clear message or is ignored, never a server error."""

from decimal import Decimal

import pytest
from django.urls import reverse

from cities.models import CoFundingRecord

from .conftest import COMPLETE

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("cohort_id", ["abc", "²", "9" * 5000, str(10**29), "-1"])
def test_applications_of_a_cohort_that_is_not_an_id_show_the_latest_cohort(staff, submitted, client_for, cohort_id):
    response = client_for(staff).get(reverse("cities:application_list"), {"cohort": cohort_id})
    assert response.status_code == 200
    assert response.context["cohort"] == submitted.cohort
    assert list(response.context["applications"]) == [submitted]


@pytest.mark.parametrize("amount", ["1e308", str(10**29), "10000000000000000", "9999999999999999.995"])
@pytest.mark.parametrize(
    ("field", "label"), [("cofunding_cash", "Co-funding in cash"), ("cofunding_in_kind", "Co-funding in kind")]
)
def test_cofunding_too_large_for_its_column_says_what_to_fix(draft, applicant, client_for, amount, field, label):
    """An amount of 1e308 or 10^29 is refused with the number of digits that fit; nothing is saved."""
    response = client_for(applicant).post(
        reverse("cities:application_edit", kwargs={"pk": draft.pk}), {**COMPLETE, field: amount, "action": "draft"}
    )
    assert response.status_code == 400
    assert f"{label} is too large: use at most 16 digits before the decimal point." in response.content.decode()
    draft.refresh_from_db()
    assert draft.cro_name == "" and draft.cofunding_cash is None and draft.cofunding_in_kind is None


def test_the_largest_amount_the_column_holds_is_saved(draft, applicant, client_for):
    response = client_for(applicant).post(
        reverse("cities:application_edit", kwargs={"pk": draft.pk}),
        {**COMPLETE, "cofunding_cash": "9,999,999,999,999,999.99", "cofunding_in_kind": "0.005", "action": "draft"},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.cofunding_cash == Decimal("9999999999999999.99") and draft.cofunding_in_kind == Decimal("0.01")


@pytest.mark.parametrize("amount", ["1e308", str(10**29), "inf", "nan"])
def test_cofunding_record_too_large_or_not_a_number_changes_nothing(selected_a, staff, city_a, client_for, amount):
    before = CoFundingRecord.objects.count()
    response = client_for(staff).post(
        reverse("cities:cofunding_add", kwargs={"slug": city_a.slug}),
        {"kind": "cash", "stage": "received", "currency": "VND", "on": "2022-03-01", "amount": amount},
        follow=True,
    )
    assert response.status_code == 200
    expected = "Amount is too large: use at most 16" if amount[0].isdigit() else "Amount must be a number"
    assert expected in response.content.decode()
    assert CoFundingRecord.objects.count() == before
