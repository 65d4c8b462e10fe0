"""The program report shows the program dashboard's figures: the same money, participation, co-funding and pilots,
from the same rows, so a change in the data changes both alike."""

import io
import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from ccrs import formatting, selectors
from ccrs.reports import build_program, program_areas
from cities import selectors as cities_selectors
from cities import services as cities
from cocreation.models import StakeholderKind
from pilots import services as pilots
from pilots.models import PilotStatus
from tests.ccrs.test_program_dashboard import took_part

pytestmark = pytest.mark.django_db


def quiet(_percent):
    pass


@pytest.fixture
def funded(city_a, city_b):
    """Can Tho's pilot with a USD grant and a budget line, Da Nang's in VND; people took part in both cities."""
    pilots.exchange_rate_set(currency="VND", reporting_currency="USD", valid_from=date(2023, 1, 1), rate="0.00004")
    lines = []
    for city, currency, grant, amount in [
        (city_a, "USD", "100000", "60000"),
        (city_b, "VND", "2500000000", "1000000000"),
    ]:
        pilot = pilots.pilot_create(
            city=city, title=f"Pilot of {city.name}", start_date=date(2024, 1, 1), end_date=date(2025, 12, 31)
        )
        pilots.pilot_status_change(pilot=pilot, status=PilotStatus.ACTIVE)
        pilots.funding_add(
            pilot=pilot, kind="grant", funder="CCRS", amount=Decimal(grant), currency=currency,
            committed_on=date(2024, 1, 1),
        )  # fmt: skip
        lines.append(
            pilots.budget_line_save(
                pilot=pilot, category="equipment", description="Bins", amount=Decimal(amount), currency=currency
            )
        )
    took_part(city_a, [(StakeholderKind.SME, True), (StakeholderKind.NGO, False)])
    took_part(city_b, [(StakeholderKind.SME, False)])
    return lines


def dashboard_money(client, key: str) -> str:
    """The total of one money row as the program dashboard's page shows it."""
    body = client.get(reverse("program_dashboard")).content.decode()
    row = re.search(rf'<tr data-money="{key}">(.*?)</tr>', body, re.S).group(1)
    return re.sub(r"<[^>]+>", "", row.split("</th>")[1]).strip()


def report_text(staff) -> str:
    built = build_program(object_id=None, format="pdf", progress=quiet, user=staff)
    with built.content as content:
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content.read())).pages)


def test_a_changed_pilot_budget_changes_the_dashboard_and_the_report_alike(funded, staff, client_for):
    """The pilot budgets' total in USD (60,000 + 1,000,000,000 VND at 0.00004) is the same figure on the dashboard
    and in the report's PDF; raising Can Tho's budget line to 75,000 moves both to the new total."""
    client = client_for(staff, HTTP_ACCEPT_LANGUAGE="en")
    with translation.override("en"):
        for amount, total in [(Decimal("60000"), Decimal("100000")), (Decimal("75000"), Decimal("115000"))]:
            line = funded[0]
            pilots.budget_line_save(
                pilot=line.pilot, category=line.category, description=line.description, amount=amount,
                currency="USD", line=line,
            )  # fmt: skip
            expected = formatting.money(total, "USD")
            assert dashboard_money(client, "budget") == expected
            text = report_text(staff)
            assert re.search(rf"Pilot budgets\s+{re.escape(expected)}", text)
            other = formatting.money(total - 15000 if amount == 75000 else total + 15000, "USD")
            assert not re.search(rf"Pilot budgets\s+{re.escape(other)}", text)  # the other step's total is not


def test_the_report_areas_hold_the_dashboards_figures(funded, staff):
    """Each pilot's planned budget, each city's participation and its co-funding in the report are the dashboard's
    own figures (and each city's co-funding totals those of its own page)."""
    cities.cofunding_record(
        city=funded[0].pilot.city, kind="cash", stage="committed", amount="200000000", currency="VND",
        on=date(2024, 2, 1),
    )  # fmt: skip
    cities.cofunding_record(
        city=funded[0].pilot.city, kind="cash", stage="received", amount="50000000", currency="VND",
        on=date(2024, 3, 1),
    )  # fmt: skip
    figures = selectors.program_dashboard(user=staff)
    areas = {str(area["title"]): area for area in program_areas(user=staff, cohort_id=None, progress=quiet)}

    planned = {row["pilot"].title: row["totals"]["planned"] for row in figures["pilots"]}
    pilots_area = areas["Pilots"]
    column = pilots_area["header"].index("Budget planned")
    assert {row[1]: row[column] for row in pilots_area["rows"]} == planned
    assert planned == {"Pilot of Can Tho": Decimal("60000"), "Pilot of Da Nang": Decimal("40000")}  # in USD

    participation = figures["participation"]
    by_city = {
        city.name: [cell["value"] for row in participation["counts"] + participation["shares"] for cell in row["cells"]
                    if cell["city"] == city]
        for city in figures["cities"]
    }  # fmt: skip
    assert {row[0]: row[1:] for row in areas["Co-creation"]["rows"]} == by_city
    assert by_city["Can Tho"][0] == 2  # two stakeholders engaged

    own = {
        city.name: [
            [row["kind"], row["currency"], row["committed"], row["received"], row["percent"]]
            for row in cities_selectors.city_cofunding(city=city)["totals"]
        ]
        for city in figures["cities"]
    }
    report = {name: [] for name in own}
    for name, *values in areas["Co-funding"]["rows"]:
        report[name].append(values)
    assert report == own
    assert own["Can Tho"] == [["Cash", "VND", 200000000, 50000000, 25]]
