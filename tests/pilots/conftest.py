"""Fixtures of the pilots tests: an active Can Tho pilot with money, workplan and a results framework."""

from datetime import date
from decimal import Decimal

import pytest

from pilots import services
from pilots.models import Measure, PilotStatus


@pytest.fixture
def rates(db):
    services.exchange_rate_set(currency="VND", reporting_currency="USD", valid_from=date(2023, 1, 1), rate="0.0000410")
    services.exchange_rate_set(currency="VND", reporting_currency="USD", valid_from=date(2024, 1, 1), rate="0.0000400")


@pytest.fixture
def pilot_a(city_a, rates):
    pilot = services.pilot_create(
        city=city_a,
        title="Phân loại rác tại nguồn Ninh Kiều",
        description="Source separation with waste-collection SMEs in Ninh Kieu district.",
        sector_isic="E38",
        sector_name="Waste collection and separation",
        start_date=date(2024, 1, 1),
        end_date=date(2025, 12, 31),
        reporting_currency="USD",
    )
    services.pilot_status_change(pilot=pilot, status=PilotStatus.ACTIVE)
    pilot.refresh_from_db()
    for kind, funder, amount, currency in [
        ("grant", "CCRS", "100000", "USD"),
        ("city_cash", "Can Tho People's Committee", "1000000000", "VND"),
    ]:
        services.funding_add(
            pilot=pilot,
            kind=kind,
            funder=funder,
            amount=Decimal(amount),
            currency=currency,
            committed_on=date(2024, 1, 1),
        )
    return pilot


@pytest.fixture
def budget_line_a(pilot_a):
    return services.budget_line_save(
        pilot=pilot_a, category="equipment", description="Sorting bins", amount=Decimal("60000"), currency="USD"
    )


@pytest.fixture
def result_a(pilot_a):
    return services.result_create(pilot=pilot_a, type="output", title="SMEs separate waste at source")


@pytest.fixture
def indicator_a(result_a):
    return services.indicator_create(
        result=result_a,
        title="Tonnes of waste separated",
        measure=Measure.UNIT,
        unit="tonnes",
        baseline_value=Decimal("10"),
        baseline_year=2023,
        co_benefits=["waste", "jobs"],
        disaggregations=["women_led"],
    )


@pytest.fixture
def period_a(indicator_a):
    return services.period_create(
        indicator=indicator_a, start=date(2024, 1, 1), end=date(2024, 6, 30), target_value=Decimal("100")
    )


@pytest.fixture
def percentage_period(result_a):
    indicator = services.indicator_create(
        result=result_a, title="Households separating waste", measure=Measure.PERCENTAGE
    )
    return services.period_create(
        indicator=indicator, start=date(2024, 1, 1), end=date(2024, 6, 30), target_value=Decimal("60")
    )


@pytest.fixture
def update_a(period_a, member_a):
    return services.update_submit(
        period=period_a,
        user=member_a,
        value="40",
        narrative="Ba hợp tác xã đã bắt đầu phân loại.",
        disaggregated={"women_led": {"women_led": "15", "other": "25"}},
    )
