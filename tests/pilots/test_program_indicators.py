"""Program indicators: staff map the pilots' indicators to them; units add up, percentages pool (Σn / Σd), per
period with each city's contribution; a mapping that mixes units is refused; a pilot that opts out is excluded."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pilots import services
from pilots.models import IndicatorMapping, Measure, PilotStatus, ProgramIndicator
from pilots.rollup import Contribution, roll_up
from pilots.selectors import program_indicator_rollup

H1 = (date(2024, 1, 1), date(2024, 6, 30))


def test_units_add_up_and_percentages_pool():
    """30 of 100 and 9 of 10 pool to 39 of 110 (35.45 %), not the 60 % average of 30 % and 90 %."""
    units = roll_up("unit", [Contribution(*H1, 1, 1, value=Decimal(40)), Contribution(*H1, 2, 2, value=Decimal(10))])
    assert [(p.start, p.total) for p in units] == [(H1[0], Decimal(50))]
    shares = roll_up(
        "percentage",
        [
            Contribution(*H1, 1, 1, numerator=Decimal(30), denominator=Decimal(100)),
            Contribution(*H1, 2, 2, numerator=Decimal(9), denominator=Decimal(10)),
        ],
    )
    assert (shares[0].numerator, shares[0].denominator, shares[0].total) == (39, 110, Decimal("35.45"))


def pilot_with(city, title, *, measure, unit="", approved=(), user, staff):
    """An active pilot of the city with one indicator and a first-half-2024 period, its updates approved."""
    pilot = services.pilot_create(city=city, title=title, start_date=date(2024, 1, 1), end_date=date(2025, 12, 31))
    services.pilot_status_change(pilot=pilot, status=PilotStatus.ACTIVE)
    result = services.result_create(pilot=pilot, type="output", title="Results")
    indicator = services.indicator_create(result=result, title=f"{title} indicator", measure=measure, unit=unit)
    period = services.period_create(indicator=indicator, start=H1[0], end=H1[1])
    for values in approved:
        update = services.update_submit(period=period, user=user, narrative="Done.", **values)
        services.update_approve(update=update, reviewer=staff)
    return pilot, indicator


@pytest.fixture
def smes(db):
    return services.program_indicator_save(name="SMEs supported", measure=Measure.UNIT, unit="SMEs")


@pytest.fixture
def households(db):
    return services.program_indicator_save(name="Households separating waste", measure=Measure.PERCENTAGE)


@pytest.mark.django_db
def test_a_mapping_that_mixes_units_is_refused_with_a_message(smes, city_a, member_a, staff):
    _pilot, tonnes = pilot_with(city_a, "Sorting", measure=Measure.UNIT, unit="tonnes", user=member_a, staff=staff)
    with pytest.raises(ValidationError) as error:
        services.indicator_map(program_indicator=smes, indicator=tonnes)
    assert "counts tonnes" in str(error.value) and "counts SMEs" in str(error.value)
    assert not IndicatorMapping.objects.exists()


@pytest.mark.django_db
def test_a_percentage_cannot_feed_a_unit_indicator(smes, city_a, member_a, staff):
    _pilot, share = pilot_with(city_a, "Share", measure=Measure.PERCENTAGE, user=member_a, staff=staff)
    with pytest.raises(ValidationError, match="cannot be added up"):
        services.indicator_map(program_indicator=smes, indicator=share)


@pytest.mark.django_db
def test_the_same_unit_written_differently_maps(smes, city_a, member_a, staff):
    _pilot, indicator = pilot_with(city_a, "Firms", measure=Measure.UNIT, unit=" smes", user=member_a, staff=staff)
    mapping = services.indicator_map(program_indicator=smes, indicator=indicator)
    assert mapping.indicator == indicator and not mapping.excluded


@pytest.mark.django_db
def test_the_rollup_sums_pools_and_shows_each_city_and_the_excluded(
    smes, households, city_a, city_b, member_a, member_b, staff, client_for
):
    """Can Tho 40 SMEs and Da Nang 10 make 50; households pool 30/100 and 9/10 to 35.45 %; a third pilot
    that opted out is shown as excluded, not as a zero."""
    pilot_a, firms_a = pilot_with(
        city_a, "Can Tho firms", measure=Measure.UNIT, unit="SMEs", approved=[{"value": "40"}], user=member_a,
        staff=staff,
    )  # fmt: skip
    pilot_b, firms_b = pilot_with(
        city_b, "Da Nang firms", measure=Measure.UNIT, unit="SMEs", approved=[{"value": "10"}], user=member_b,
        staff=staff,
    )  # fmt: skip
    _p, homes_a = pilot_with(
        city_a, "Can Tho homes", measure=Measure.PERCENTAGE, approved=[{"numerator": "30", "denominator": "100"}],
        user=member_a, staff=staff,
    )  # fmt: skip
    _p, homes_b = pilot_with(
        city_b, "Da Nang homes", measure=Measure.PERCENTAGE, approved=[{"numerator": "9", "denominator": "10"}],
        user=member_b, staff=staff,
    )  # fmt: skip
    for program, indicator in [(smes, firms_a), (smes, firms_b), (households, homes_a), (households, homes_b)]:
        services.indicator_map(program_indicator=program, indicator=indicator)
    services.indicator_opt_out(program_indicator=households, pilot=pilot_a, note="No household survey")
    rows = {row["indicator"].name: row for row in program_indicator_rollup(user=staff)}
    [period] = rows["SMEs supported"]["periods"]
    assert period.total == Decimal(50)
    assert sorted((c.label, c.value) for c in period.contributions) == [("Can Tho", 40), ("Da Nang", 10)]
    [pooled] = rows["Households separating waste"]["periods"]
    assert pooled.total == Decimal("35.45")  # homes_a is still mapped through its own pilot
    assert [m.pilot for m in rows["Households separating waste"]["excluded"]] == [pilot_a]
    body = client_for(staff, HTTP_ACCEPT_LANGUAGE="en").get(reverse("program_dashboard")).content.decode()
    assert "Excluded (the pilot opted out):" in body and "No household survey" in body
    assert "35.5%" in body  # one decimal on the page
    assert program_indicator_rollup(user=member_a) is None


@pytest.mark.django_db
def test_the_rollup_of_one_cohort_leaves_the_others_out(smes, city_a, member_a, staff, cohort):
    from cities.models import City, Cohort

    _pilot, firms = pilot_with(
        city_a, "Firms", measure=Measure.UNIT, unit="SMEs", approved=[{"value": "7"}], user=member_a, staff=staff
    )
    services.indicator_map(program_indicator=smes, indicator=firms)
    other = Cohort.objects.create(name="Second", region="Asia", start_year=2025, end_year=2026)
    City.objects.create(cohort=other, slug="melaka", name="Melaka", country="MY", time_zone="Asia/Kuala_Lumpur")
    [row] = program_indicator_rollup(user=staff, cohort_id=other.pk)
    assert row["periods"] == []
    [row] = program_indicator_rollup(user=staff, cohort_id=cohort.pk)
    assert row["periods"][0].total == 7


@pytest.mark.django_db
def test_all_cohorts_show_each_cohorts_part_added_up_or_pooled(
    smes, households, city_a, city_b, member_a, member_b, staff, client_for
):
    """Two cohorts: Can Tho (40 SMEs, 30/100 homes) and Da Nang (10, 9/10) in the first, Melaka (5, 1/10) in the
    second. "All cohorts" shows one part per cohort (50 and 5 SMEs; 39/110 and 1/10 homes), adding up or pooling
    to the program's 55 and 40/120, and a line per cohort in the chart."""
    from ccrs import selectors
    from ccrs.models import CityMembership
    from cities.models import City, Cohort

    other = Cohort.objects.create(name="Second cohort", region="Asia", start_year=2025, end_year=2026)
    melaka = City.objects.create(
        cohort=other, slug="melaka", name="Melaka", country="MY", time_zone="Asia/Kuala_Lumpur"
    )
    CityMembership.objects.create(city=melaka, user=member_b, role="lead")
    for city, user, firms, (n, d) in [
        (city_a, member_a, "40", ("30", "100")),
        (city_b, member_b, "10", ("9", "10")),
        (melaka, member_b, "5", ("1", "10")),
    ]:
        _p, count = pilot_with(
            city, f"{city.name} firms", measure=Measure.UNIT, unit="SMEs", approved=[{"value": firms}], user=user,
            staff=staff,
        )  # fmt: skip
        _p, share = pilot_with(
            city, f"{city.name} homes", measure=Measure.PERCENTAGE, approved=[{"numerator": n, "denominator": d}],
            user=user, staff=staff,
        )  # fmt: skip
        services.indicator_map(program_indicator=smes, indicator=count)
        services.indicator_map(program_indicator=households, indicator=share)
    rows = {
        row["indicator"].name: row
        for row in selectors.program_dashboard(user=staff, by_cohort=True)["program_indicators"]
    }
    [period] = rows["SMEs supported"]["periods"]
    assert period["total"] == 55
    assert [(p.label, p.value) for p in period["contributions"]] == [("Second cohort", 5), (city_a.cohort.name, 50)]
    [pooled] = rows["Households separating waste"]["periods"]
    assert (pooled["numerator"], pooled["denominator"]) == (40, 120)
    parts = [(p.label, p.numerator, p.denominator, p.share) for p in pooled["contributions"]]
    assert parts == [("Second cohort", 1, 10, Decimal("10.0")), (city_a.cohort.name, 39, 110, Decimal("35.5"))]
    assert [line["label"] for line in rows["SMEs supported"]["chart"].lines] == [
        "Program", "Second cohort", city_a.cohort.name,
    ]  # fmt: skip
    body = client_for(staff, HTTP_ACCEPT_LANGUAGE="en").get(reverse("program_dashboard")).content.decode()
    assert "Each cohort's contribution" in body and f'href="/program/?cohort={other.pk}#program-indicators"' in body


@pytest.mark.django_db
def test_the_admin_refuses_a_mapping_that_mixes_units(smes, city_a, member_a, staff, client_for):
    pilot, tonnes = pilot_with(city_a, "Sorting", measure=Measure.UNIT, unit="tonnes", user=member_a, staff=staff)
    response = client_for(staff, HTTP_ACCEPT_LANGUAGE="en").post(
        reverse("admin:pilots_indicatormapping_add"),
        {"program_indicator": smes.pk, "pilot": pilot.pk, "indicator": tonnes.pk, "note": ""},
    )
    assert response.status_code == 200
    assert "counts tonnes" in response.content.decode()
    assert not IndicatorMapping.objects.exists()


@pytest.mark.django_db
def test_the_admin_shows_the_rollup(smes, city_a, member_a, staff, client_for):
    _pilot, firms = pilot_with(
        city_a, "Firms", measure=Measure.UNIT, unit="SMEs", approved=[{"value": "12"}], user=member_a, staff=staff
    )
    services.indicator_map(program_indicator=smes, indicator=firms)
    body = client_for(staff).get(reverse("admin:pilots_programindicator_change", args=[smes.pk])).content.decode()
    assert "Can Tho" in body and ">12<" in body


@pytest.mark.django_db
def test_a_unit_program_indicator_needs_its_unit(db):
    with pytest.raises(ValidationError):
        services.program_indicator_save(name="Jobs", measure=Measure.UNIT, unit="")
    assert not ProgramIndicator.objects.exists()


@pytest.mark.django_db
def test_a_mapped_program_indicator_cannot_change_its_unit(smes, city_a, member_a, staff):
    _pilot, firms = pilot_with(city_a, "Firms", measure=Measure.UNIT, unit="SMEs", user=member_a, staff=staff)
    services.indicator_map(program_indicator=smes, indicator=firms)
    with pytest.raises(ValidationError, match="another unit"):
        services.program_indicator_save(program_indicator=smes, name="SMEs supported", measure="unit", unit="tonnes")
    smes.refresh_from_db()
    assert smes.unit == "SMEs"


@pytest.mark.django_db
def test_a_unit_in_the_citys_own_word_maps_and_another_unit_is_still_refused(smes, city_a, member_a, staff):
    """Can Tho writes "tấn": it feeds the program's tonnes, and is still refused by the SMEs indicator."""
    tonnes = services.program_indicator_save(name="Tonnes of waste collected", measure=Measure.UNIT, unit="tonnes")
    _pilot, indicator = pilot_with(city_a, "Rác", measure=Measure.UNIT, unit="tấn", user=member_a, staff=staff)
    assert services.indicator_map(program_indicator=tonnes, indicator=indicator).indicator == indicator
    with pytest.raises(ValidationError, match="counts tấn"):
        services.indicator_map(program_indicator=smes, indicator=indicator)
