"""Currencies are ISO 4217 codes; anything else is refused with a message naming the code."""

import pytest
from django.core.exceptions import ValidationError

from ccrs.money import CURRENCY_CHOICES, validate_currency


@pytest.mark.parametrize("code", ["VND", "THB", "IDR", "MYR", "USD"])
def test_cohort_currencies_are_valid(code):
    validate_currency(code)


@pytest.mark.parametrize("code", ["XYZ", "usd", "US", ""])
def test_unknown_currency_is_refused(code):
    with pytest.raises(ValidationError, match="ISO 4217"):
        validate_currency(code)


def test_cohort_currencies_come_first():
    assert [code for code, _label in CURRENCY_CHOICES[:5]] == ["USD", "THB", "MYR", "IDR", "VND"]
