"""Fixtures of the sector assessment: city A's assessment with two sectors and all their values."""

import pytest

from sectors import services
from sectors.models import IsicCode


@pytest.fixture
def assessment_a(city_a):
    return services.assessment_start(city=city_a)


@pytest.fixture
def criteria_a(assessment_a):
    return list(assessment_a.city.cohort.criteria.order_by("order"))


def fill(sector, criteria, base):
    for n, criterion in enumerate(criteria):
        services.value_set(sector=sector, criterion=criterion, value=base + n, source="test", confidence="high")


@pytest.fixture
def sectors_a(assessment_a, criteria_a):
    """Waste collection (E38) and waterfront tourism (I), every value filled in."""
    assert IsicCode.objects.count() == 109
    waste = services.sector_add(
        assessment=assessment_a,
        isic_code="38",
        local_name="Thu gom và phân loại rác",
        city_employment=4_100,
        city_employment_base=3_800,
        national_employment=180_000,
        national_employment_base=160_000,
        firms=420,
        sme_firms=401,
        sme_employment=3_500,
    )
    tourism = services.sector_add(assessment=assessment_a, isic_code="I", local_name="Du lịch sông nước")
    fill(waste, criteria_a, 10)
    fill(tourism, criteria_a, 5)
    return [waste, tourism]


@pytest.fixture
def approved_a(assessment_a, sectors_a, staff, lead_a):
    services.assessment_submit(assessment=assessment_a, user=lead_a)
    return services.assessment_approve(assessment=assessment_a, user=staff)
