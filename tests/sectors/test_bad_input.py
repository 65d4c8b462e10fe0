"""Numbers of the sector assessment must fit their column: a clear message, and nothing saved."""

import pytest
from django.core.exceptions import ValidationError

from sectors import services
from sectors.models import IndicatorValue
from tests.sectors.factories import refused_import

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["1e308", str(10**29), "100000000000000"])
def test_a_value_too_large_for_its_column_is_refused(sectors_a, criteria_a, value):
    before = IndicatorValue.objects.get(sector=sectors_a[0], criterion=criteria_a[0]).value
    with pytest.raises(ValidationError) as caught:
        services.value_set(sector=sectors_a[0], criterion=criteria_a[0], value=value)
    assert caught.value.messages == [
        f"The value of “{criteria_a[0].name}” is too large: use at most 14 digits before the decimal point."
    ]
    assert IndicatorValue.objects.get(sector=sectors_a[0], criterion=criteria_a[0]).value == before


def test_an_import_with_a_value_too_large_names_the_row_and_saves_nothing(assessment_a, sectors_a, criteria_a):
    messages = refused_import(
        assessment_a,
        f"{sectors_a[0].local_name},{criteria_a[0].name},99,ok,high",
        f"{sectors_a[0].local_name},{criteria_a[1].name},1e308,,high",
        f"{sectors_a[1].local_name},{criteria_a[1].name},{10**29},,high",
    )
    assert messages == [
        "Row 3, column value: “1e308” is too large; use at most 14 digits before the decimal point.",
        f"Row 4, column value: “{10**29}” is too large; use at most 14 digits before the decimal point.",
    ]
