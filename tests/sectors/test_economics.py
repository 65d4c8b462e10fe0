"""Location quotient, shift-share and SME shares (no database)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sectors import economics
from sectors.scoring import ScoringError

# shift_share's figures in the order of Dunn's table: the city's sector, the nation's sector, the nation's total, each
# at the start and at the end of the period.
SHIFT_SHARE = (
    "city_sector_start",
    "city_sector_end",
    "national_sector_start",
    "national_sector_end",
    "national_total_start",
    "national_total_end",
)


def shift_share(*figures):
    return economics.shift_share(**dict(zip(SHIFT_SHARE, figures, strict=True)))


def test_location_quotient_bls_definition():
    """The BLS location quotient definition (bls.gov, Location Quotient Calculator help): the local
    share divided by the national share. A sector with 4,100 of a city's 100,000 jobs where the
    nation has 1,300 of 100,000 has LQ (0.041 / 0.013) = 3.15: more concentrated than nationally."""
    lq = economics.location_quotient(
        city_sector=4100, city_total=100_000, national_sector=1_300, national_total=100_000
    )
    assert lq.value == pytest.approx(3.1538, abs=1e-4)
    assert (lq.city_sector, lq.national_total) == (4100, 100_000)


def test_location_quotient_division_by_zero_is_refused():
    with pytest.raises(ScoringError, match="National employment in the sector is zero"):
        economics.location_quotient(city_sector=10, city_total=100, national_sector=0, national_total=1000)


def test_shift_share_parts_add_up_to_the_change():
    """Dunn (1960): 100 jobs growing to 130 while the nation grows 10% and the sector 20%:
    national share 10, industry mix 10, local share 10."""
    result = shift_share(100, 130, 1000, 1200, 10_000, 11_000)
    assert (result.national_share, result.industry_mix, result.local_share) == pytest.approx((10, 10, 10))
    assert result.change == 30


@given(*[st.integers(1, 10**6) for _i in range(6)])
def test_shift_share_always_adds_up(e0, e1, n0, n1, t0, t1):
    result = shift_share(e0, e1, n0, n1, t0, t1)
    assert result.national_share + result.industry_mix + result.local_share == pytest.approx(
        result.change, rel=1e-9, abs=1e-6
    )


def test_sme_share():
    assert economics.share(95, 100) == 0.95
    assert economics.share(5, 0) is None
    with pytest.raises(ScoringError):
        economics.share(120, 100)
