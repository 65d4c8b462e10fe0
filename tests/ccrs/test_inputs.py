"""ccrs.inputs: ids and page numbers read by hand from a request fit the database's columns."""

import pytest

from ccrs.inputs import BIGINT_MAX, id_from


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
