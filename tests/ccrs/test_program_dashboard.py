"""The program dashboard from real rows: the funnel, money in the reporting currency, pooled shares, pilots' health,
the cohort timeline and the cohort filter."""

import re
from datetime import date, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from ccrs import aggregates, selectors
from ccrs.money import MissingRate
from cities import services as cities
from cities.models import City, Cohort
from cocreation import services as cocreation
from cocreation.models import StakeholderKind
from pilots import services as pilots
from pilots.currency import Rate, RateTable
from pilots.models import PilotStatus
from tests.cities.conftest import make_application
from tests.cocreation.factories import workshop_scheduled
from tests.querybudget import PROGRAM_DASHBOARD_BUDGET, assert_query_budget

UTC = ZoneInfo("UTC")


def took_part(city, people):
    """A past workshop of the city with these (kind, women-led) stakeholders checked in."""
    process = cocreation.process_create(city=city, title=f"Process of {city.name}")
    workshop = workshop_scheduled(process, title="Ideation", starts=-timedelta(days=2))
    for index, (kind, women_led) in enumerate(people):
        person, _created = cocreation.stakeholder_register(
            city=city, name=f"Person {index}", email=f"p{index}@{city.slug}.example", kind=kind, women_led=women_led
        )
        invitation, _created = cocreation.invitation_create(workshop=workshop, stakeholder=person)
        cocreation.invitation_check_in(invitation=invitation)
    return workshop


@pytest.fixture
def program(city_a, city_b, staff, member_a):
    """Can Tho piloting (onboarded, with money in VND and USD and an overdue milestone), Da Nang just selected,
    Hue selected from its application, Quy Nhon applied; rates VND→USD from 2023 and 2024."""
    cohort = city_a.cohort
    pilots.exchange_rate_set(currency="VND", reporting_currency="USD", valid_from=date(2023, 1, 1), rate="0.0000410")
    pilots.exchange_rate_set(currency="VND", reporting_currency="USD", valid_from=date(2024, 1, 1), rate="0.0000400")
    cities.cofunding_record(
        city=city_a, kind="cash", stage="committed", amount="1000000000", currency="VND", on=date(2024, 2, 1)
    )
    cities.cofunding_record(
        city=city_a, kind="cash", stage="received", amount="500000000", currency="VND", on=date(2023, 6, 1)
    )
    cities.cofunding_record(
        city=city_b, kind="in_kind", stage="committed", amount="25000", currency="USD", on=date(2024, 1, 1)
    )
    pilot = pilots.pilot_create(
        city=city_a, title="Phân loại rác", start_date=date(2024, 1, 1), end_date=date(2025, 12, 31)
    )
    pilots.pilot_status_change(pilot=pilot, status=PilotStatus.ACTIVE)
    pilots.funding_add(
        pilot=pilot,
        kind="grant",
        funder="CCRS",
        amount=Decimal("100000"),
        currency="USD",
        committed_on=date(2024, 1, 1),
    )
    line = pilots.budget_line_save(
        pilot=pilot, category="equipment", description="Bins", amount=Decimal("60000"), currency="USD"
    )
    pilots.expenditure_record(
        budget_line=line, spent_on=date(2024, 3, 1), amount=Decimal("250000000"), currency="VND", description="Bins"
    )
    pilots.milestone_save(pilot=pilot, title="Bins delivered", owner="Ward 1", due_date=date(2024, 2, 1))
    result = pilots.result_create(pilot=pilot, type="output", title="SMEs separate waste")
    indicator = pilots.indicator_create(result=result, title="Tonnes", measure="unit", unit="t")
    period = pilots.period_create(indicator=indicator, start=date(2024, 1, 1), end=date(2024, 6, 30))
    pilots.update_submit(period=period, user=member_a, value="40", narrative="Started.")
    took_part(city_a, [(StakeholderKind.SME, False)])
    took_part(
        city_b,
        [
            (StakeholderKind.SME, True),
            (StakeholderKind.SME, True),
            (StakeholderKind.SME, True),
            (StakeholderKind.NGO, False),
        ],
    )
    hue = make_application(cohort, city_name="Hue", submitted=True)
    cities.application_decide(application=hue, decided_by=staff, status="selected", rationale="Strong strategy.")
    make_application(cohort, city_name="Quy Nhon", submitted=True)
    make_application(cohort, city_name="Vinh")  # a draft is no application yet
    return {"pilot": pilot, "hue": City.objects.get(name="Hue")}


def dashboard(staff, **params):
    return selectors.program_dashboard(user=staff, **params)


# --- pure arithmetic -----------------------------------------------------------------------------------


def test_pooled_share_is_sums_over_sums_never_an_average():
    """1 of 1 and 3 of 4 pool to 4 of 5 = 80 %, not the 87.5 % the average of 100 % and 75 % would give."""
    assert aggregates.pooled_share([(1, 1), (3, 4)]) == Decimal("80.0")
    assert aggregates.pooled_share([(0, 0)]) is None


def test_a_missing_rate_leaves_no_total_and_names_the_currency_and_date():
    table = RateTable("USD", [Rate("VND", date(2024, 1, 1), Decimal("0.00004"))])
    total, by_city = aggregates.convert(
        [(1, Decimal("1000000"), "VND", date(2024, 5, 1)), (2, Decimal("10"), "THB", date(2024, 3, 1)),
         (2, Decimal("5"), "THB", date(2024, 2, 1))],
        table,
    )  # fmt: skip
    assert total.total is None
    assert total.missing_list == [("THB", date(2024, 2, 1))]
    assert by_city[1].total == Decimal("40.00")
    assert {(r.currency, r.valid_from) for r in total.rates} == {("VND", date(2024, 1, 1))}
    with pytest.raises(MissingRate):
        table.rate_entry("VND", date(2023, 12, 31))


# --- the dashboard's figures from real rows ---------------------------------------------------------------------


@pytest.mark.django_db
def test_the_funnel_counts_each_step_and_names_the_cities_at_it(program, staff, city_a, city_b):
    """Four applications (drafts left out), three selected, Can Tho piloting; each step counts who reached it."""
    funnel = {step["key"]: step for step in dashboard(staff)["funnel"]}
    counts = {key: step["count"] for key, step in funnel.items()}
    assert counts == {
        "applications": 4, "selected": 3, "onboarded": 1, "assessed": 1, "cocreating": 1, "piloting": 1,
        "documented": 0,
    }  # fmt: skip
    assert [a.city_name for a in funnel["applications"]["at"]] == ["Quy Nhon"]
    assert [c.name for c in funnel["selected"]["at"]] == ["Da Nang", "Hue"]
    assert [c.name for c in funnel["piloting"]["at"]] == ["Can Tho"]


@pytest.mark.django_db
def test_money_converts_each_amount_at_the_rate_of_its_date(program, staff):
    """1,000,000,000 VND committed in 2024 at 0.00004 is 40,000 USD; 500,000,000 received in 2023 at 0.000041 is
    20,500 USD; the spending of 250,000,000 VND in March 2024 is 10,000 USD."""
    money = dashboard(staff)["money"]
    totals = {row["key"]: row["total"].total for row in money["rows"]}
    assert money["currency"] == "USD"
    assert totals == {
        "cofunding_cash_committed": Decimal("140000.00"),  # and Hue's 100,000 USD, committed on selection
        "cofunding_cash_received": Decimal("20500.00"),
        "cofunding_in_kind_committed": Decimal("65000.00"),  # Da Nang's 25,000 and Hue's 40,000
        "cofunding_in_kind_received": Decimal("0.00"),
        "grant": Decimal("100000.00"),
        "budget": Decimal("60000.00"),
        "spent": Decimal("10000.00"),
    }
    assert {(r.currency, r.valid_from) for r in money["rates"]} == {
        ("VND", date(2023, 1, 1)),
        ("VND", date(2024, 1, 1)),
    }


@pytest.mark.django_db
def test_a_period_without_a_rate_shows_no_rate_instead_of_a_total(program, staff, city_b, client_for):
    """Da Nang's cash committed in THB, for which no rate is kept: the row says "no rate for THB on …"."""
    cities.cofunding_record(
        city=city_b, kind="cash", stage="committed", amount="1000000", currency="THB", on=date(2024, 4, 2)
    )
    row = next(r for r in dashboard(staff)["money"]["rows"] if r["key"] == "cofunding_cash_committed")
    assert row["total"].total is None
    assert row["total"].missing_list == [("THB", date(2024, 4, 2))]
    body = client_for(staff, HTTP_ACCEPT_LANGUAGE="en").get(reverse("program_dashboard")).content.decode()
    line = re.search(r'data-money="cofunding_cash_committed">.*?</tr>', body, re.S).group(0)
    assert "no rate for THB on" in line
    assert "$140,000.00" not in line


@pytest.mark.django_db
def test_participation_counts_sum_and_shares_pool(program, staff, client_for):
    """Can Tho 1 SME of 1 stakeholder, Da Nang 3 SMEs (all women-led) of 4: SMEs are 4 of 5 (80 %, not the
    87.5 % average) and women-led SMEs 3 of 4 (75 %, not the 50 % average)."""
    participation = dashboard(staff)["participation"]
    counts = {row["key"]: row["total"] for row in participation["counts"]}
    assert counts == {"stakeholders_engaged": 5, "workshops_held": 2, "smes_reached": 4}
    shares = {row["key"]: (row["numerator"], row["denominator"], row["total"]) for row in participation["shares"]}
    assert shares["sme_share"] == (4, 5, Decimal("80.0"))
    assert shares["women_led_share"] == (3, 4, Decimal("75.0"))
    body = client_for(staff, HTTP_ACCEPT_LANGUAGE="en").get(reverse("program_dashboard")).content.decode()
    assert 'data-share="sme_share">80%<' in body
    assert 'data-share="women_led_share">75%<' in body


@pytest.mark.django_db
def test_pilots_show_health_with_reasons_overdue_milestones_and_waiting_updates(program, staff, client_for):
    data = dashboard(staff, today=date(2024, 4, 1))
    [row] = data["pilots"]
    assert row["health"].level in {"amber", "red"}
    assert any("overdue" in reason for _level, reason in row["health"].reasons)
    assert row["waiting"] == 1 and data["waiting"] == 1
    assert [m.title for m, _pilot in data["overdue"]] == ["Bins delivered"]
    body = client_for(staff, HTTP_ACCEPT_LANGUAGE="en").get(reverse("program_dashboard")).content.decode()
    assert "1 update waiting for review" in body
    assert f'href="{program["pilot"].get_absolute_url()}">Bins delivered</a>' in body


@pytest.mark.django_db
def test_the_timeline_shows_each_citys_key_dates(program, staff, city_a):
    data = dashboard(staff)
    labels = [str(label) for label in data["timeline"]["labels"]]
    rows = {row["city"].name: dict(zip(labels, row["dates"], strict=True)) for row in data["timeline"]["rows"]}
    assert rows["Can Tho"]["Pilot start"] == date(2024, 1, 1)
    assert rows["Can Tho"]["Pilot end"] == date(2025, 12, 31)
    assert rows["Can Tho"]["First workshop"] == timezone.localdate() - timedelta(days=2)
    assert rows["Hue"]["Selected"] == timezone.localdate()
    assert rows["Da Nang"]["Pilot start"] is None


@pytest.mark.django_db
def test_the_cohort_filter_shows_one_cohort_or_all(program, staff, client_for, city_a):
    other = Cohort.objects.create(name="Second cohort", region="Asia-Pacific", start_year=2025, end_year=2027)
    City.objects.create(cohort=other, slug="melaka", name="Melaka", country="MY", time_zone="Asia/Kuala_Lumpur")
    everyone = dashboard(staff)
    assert [c.name for c in everyone["cities"]] == ["Can Tho", "Da Nang", "Hue", "Melaka"]
    second = dashboard(staff, cohort_id=other.pk)
    assert [c.name for c in second["cities"]] == ["Melaka"]
    assert {s["key"]: s["count"] for s in second["funnel"]}["applications"] == 1
    assert {row["key"]: row["total"].total for row in second["money"]["rows"]}["grant"] == Decimal("0.00")
    first = dashboard(staff, cohort_id=city_a.cohort_id)
    assert [c.name for c in first["cities"]] == ["Can Tho", "Da Nang", "Hue"]
    missing = dashboard(staff, cohort_id=999999)
    assert missing["cohort"] is None and len(missing["cities"]) == 4
    client = client_for(staff, HTTP_ACCEPT_LANGUAGE="en")
    page = client.get(reverse("program_dashboard"), {"cohort": other.pk})
    assert page.context["page"]["cohort"] == other
    assert 'data-count="1"' in page.content.decode() and ">Hue<" not in page.content.decode()
    for bogus in ("abc", "999999"):  # the whole program, read a cohort at a time (each links to its own view)
        page = client.get(reverse("program_dashboard"), {"cohort": bogus})
        assert page.context["page"]["cohort"] is None
        body = page.content.decode()
        for cohort in (city_a.cohort, other):
            assert f'<a href="/program/?cohort={cohort.pk}#funnel">{cohort.name}</a>' in body
        assert not any(f">{name}</a>" in body for name in ["Can Tho", "Da Nang", "Hue", "Melaka"])


@pytest.mark.django_db
def test_all_cohorts_give_each_cohort_the_totals_of_its_own_view(program, staff, client_for, city_a):
    """With two cohorts, "all cohorts" has a column, row or line per cohort, and each cohort's figure is the total
    its own view shows: money summed through the rates, counts summed, shares pooled, pilots by health."""
    other = Cohort.objects.create(name="Second cohort", region="Asia-Pacific", start_year=2025, end_year=2027)
    melaka = City.objects.create(
        cohort=other, slug="melaka", name="Melaka", country="MY", time_zone="Asia/Kuala_Lumpur"
    )
    cities.cofunding_record(
        city=melaka, kind="in_kind", stage="committed", amount="5000", currency="USD", on=date(2024, 1, 1)
    )
    took_part(melaka, [(StakeholderKind.SME, True), (StakeholderKind.NGO, False)])
    grouped = dashboard(staff, by_cohort=True, today=date(2024, 4, 1))
    assert grouped["by_cohort"] and [c.name for c in grouped["columns"]] == ["Second cohort", city_a.cohort.name]
    assert dashboard(staff).get("by_cohort") is None  # the program report keeps every city
    for column in grouped["columns"]:
        own = dashboard(staff, cohort_id=column.pk, today=date(2024, 4, 1))
        at = grouped["columns"].index(column)
        for row, own_row in zip(grouped["money"]["rows"], own["money"]["rows"], strict=True):
            assert row["cells"][at]["value"].total == own_row["total"].total, row["key"]
            assert row["cells"][at]["url"] == f"/program/?cohort={column.pk}#money"
        for row, own_row in zip(grouped["participation"]["counts"], own["participation"]["counts"], strict=True):
            assert row["cells"][at]["value"] == own_row["total"], row["key"]
        for row, own_row in zip(grouped["participation"]["shares"], own["participation"]["shares"], strict=True):
            cell = row["cells"][at]
            assert (cell["numerator"], cell["denominator"]) == (own_row["numerator"], own_row["denominator"])
            assert cell["value"] == own_row["total"]
        counts = {step["key"]: sum(n for c, n in step["groups"] if c == column) for step in grouped["funnel"]}
        assert counts == {step["key"]: len(step["at"]) for step in own["funnel"]}
    second, first = grouped["columns"]
    assert grouped["money"]["rows"][0]["cells"][0]["value"].total is not None
    assert {row["key"]: row["cells"][0]["value"] for row in grouped["participation"]["counts"]}["smes_reached"] == 1
    [pilots_row] = grouped["pilot_groups"]  # the second cohort has no pilot
    assert pilots_row["cohort"] == first and pilots_row["pilots"] == 1 and pilots_row["overdue"] == 1
    assert pilots_row["red"] + pilots_row["amber"] == 1
    timeline = {row["cohort"]: row for row in grouped["timeline"]["rows"]}
    assert sum(n for _stage, n in timeline[first]["stages"]) == 3
    assert [str(stage) for stage, _n in timeline[second]["stages"]] == ["onboarding"]
    selected = grouped["timeline"]["labels"].index("Selected")
    assert timeline[first]["dates"][selected] == (timezone.localdate(), timezone.localdate())  # Hue's
    body = client_for(staff, HTTP_ACCEPT_LANGUAGE="en").get(reverse("program_dashboard")).content.decode()
    assert 'id="pilots-by-cohort"' in body and 'id="timeline-by-cohort"' in body and "Money by cohort" in body
    assert ">Can Tho</a>" not in body and ">Melaka</a>" not in body


@pytest.mark.django_db
def test_every_funnel_city_links_to_its_page(program, staff, client_for, city_a):
    body = client_for(staff, HTTP_ACCEPT_LANGUAGE="en").get(reverse("program_dashboard")).content.decode()
    piloting = re.search(r'<tr data-step="piloting">.*?</tr>', body, re.S).group(0)
    assert f'href="{city_a.get_absolute_url()}">Can Tho</a>' in piloting
    assert 'data-count="1"' in piloting
    assert "<desc" in body  # the funnel chart's text alternative


@pytest.mark.django_db
def test_program_dashboard_query_budget_with_every_app(program, staff, client_for):
    """The whole dashboard costs the same queries with three cities as with the seed_scale program."""
    assert_query_budget(client_for(staff), reverse("program_dashboard"), budget=PROGRAM_DASHBOARD_BUDGET)


@pytest.mark.django_db
def test_only_staff_open_the_program_dashboard(program, member_a, client_for):
    assert client_for(member_a).get(reverse("program_dashboard")).status_code == 403
    assert selectors.program_dashboard(user=member_a)["funnel"] == []
