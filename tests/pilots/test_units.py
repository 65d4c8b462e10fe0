"""The cities' own words for a unit fold to one key, so their pilots' indicators add up in a program indicator."""

import pytest

from pilots.units import same_unit, unit_key


@pytest.mark.parametrize("word", ["tấn", "tan", "ตัน", "Tonnes ", "t", "metric  tons"])
def test_the_cohorts_words_for_tonnes_are_tonnes(word):
    assert same_unit(word, "tonnes")


@pytest.mark.parametrize("word", ["UMKM", "PKS", "ผู้ประกอบการ", "doanh nghiệp", "SMEs"])
def test_the_cohorts_words_for_smes_are_smes(word):
    assert same_unit(word, "SMEs")


def test_different_units_stay_different():
    assert not same_unit("tấn", "SMEs")
    assert not same_unit("hộ", "tonnes")
    assert not same_unit("kg", "tonnes")


def test_an_unknown_unit_is_compared_as_written_tidied():
    assert unit_key("  Cubic   Metres ") == "cubic metres"
    assert same_unit("cubic metres", "Cubic Metres")
    assert not same_unit("cubic metres", "litres")
