"""ccrs.inputs: ids and numbers read by hand from a request fit the database's columns."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import models

from ccrs.inputs import BIGINT_MAX, decimal_for_column, fit_decimal, id_from


@pytest.mark.parametrize(
    ("value", "expected"),
    [("42", 42), (" 7 ", 7), (42, 42), (str(BIGINT_MAX), BIGINT_MAX)],
)
def test_an_id_is_a_positive_whole_number_within_a_bigint(value, expected):
    assert id_from(value) == expected


@pytest.mark.parametrize(
    "value",
    [None, "", "abc", "0", "-1", "1.5", "1e3", "²", "١٢", str(BIGINT_MAX + 1), "9" * 5000, "4\x002", True, 0, -3],
)
def test_anything_else_is_no_id(value):
    assert id_from(value) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("9999999999999999.99", "9999999999999999.99"),
        ("-9999999999999999", "-9999999999999999.00"),
        ("123.456", "123.46"),
        ("-0.005", "-0.01"),  # half away from zero, as PostgreSQL rounds numeric
        ("1E+3", "1000.00"),
        ("1e-9999", "0.00"),
    ],
)
def test_a_decimal_that_fits_is_rounded_to_the_columns_places(value, expected):
    assert str(fit_decimal(Decimal(value), max_digits=18, decimal_places=2)) == expected


@pytest.mark.parametrize("value", ["1e308", "-1e308", "1e16", str(10**29), "9999999999999999.995"])
def test_a_decimal_whose_whole_part_does_not_fit_is_none(value):
    assert fit_decimal(Decimal(value), max_digits=18, decimal_places=2) is None


def test_too_large_for_a_column_names_the_field_and_the_digits():
    field = models.DecimalField(max_digits=18, decimal_places=4)
    assert decimal_for_column(Decimal("12.5"), field=field, label="the value") == Decimal("12.5000")
    with pytest.raises(ValidationError) as caught:
        decimal_for_column(Decimal("1e308"), field=field, label="the value")
    assert caught.value.messages == ["The value is too large: use at most 14 digits before the decimal point."]
