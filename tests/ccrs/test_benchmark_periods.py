"""The benchmark's profiles over time: each city's program indicators per reporting period, placed in its cohort's
range for that period (0 the lowest city, 1 the highest), in the page and both downloads; only approved actuals of
peers, whatever ids are typed; the computed benchmark kept per reader, never handed from staff to a city team."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ccrs.selectors import BENCHMARK_MAX_CITIES
from cities.models import City, Cohort
from pilots import services
from pilots.models import Measure, PilotStatus
from tests.conftest import make_member
from tests.querybudget import BENCHMARK_BUDGET, BENCHMARK_ROWS, Page, assert_query_budgets

H1 = (date(2024, 1, 1), date(2024, 6, 30))
H2 = (date(2024, 7, 1), date(2024, 12, 31))
DRAFT = "987654"  # Da Nang's second-half figure, submitted but not approved: no one but its team may see it


def pilot_reporting(city, officer, staff, program, approved: dict, submitted: dict = ()):
    """A pilot of the city whose SMEs indicator feeds `program`, with its approved (and unreviewed) half-years."""
    pilot = services.pilot_create(
        city=city, title=f"{city.name} firms", start_date=date(2024, 1, 1), end_date=date(2025, 12, 31)
    )
    services.pilot_status_change(pilot=pilot, status=PilotStatus.ACTIVE)
    result = services.result_create(pilot=pilot, type="output", title="Results")
    indicator = services.indicator_create(result=result, title="Firms", measure=Measure.UNIT, unit="SMEs")
    for half in (H1, H2):
        period = services.period_create(indicator=indicator, start=half[0], end=half[1])
        if half in approved:
            update = services.update_submit(period=period, user=officer, value=approved[half], narrative="Done.")
            services.update_approve(update=update, reviewer=staff)
        if half in submitted:
            services.update_submit(period=period, user=officer, value=submitted[half], narrative="Draft.")
    services.indicator_map(program_indicator=program, indicator=indicator)
    return pilot


@pytest.fixture
def reporting(city_a, city_b, cohort, member_a, member_b, staff):
    """SMEs supported: Can Tho 40 then 10, Da Nang 10 then nothing approved (DRAFT submitted), Hue 20 then 30;
    Bangkok, of another (newer) cohort, 5 then 5."""
    program = services.program_indicator_save(name="SMEs supported", measure=Measure.UNIT, unit="SMEs")
    hue = City.objects.create(cohort=cohort, slug="hue", name="Hue", country="VN", time_zone="Asia/Ho_Chi_Minh")
    other = Cohort.objects.create(name="Second cohort", region="Asia-Pacific", start_year=2025, end_year=2027)
    bangkok = City.objects.create(cohort=other, slug="bangkok", name="Bangkok", country="TH", time_zone="Asia/Bangkok")
    pilot_reporting(city_a, member_a, staff, program, {H1: "40", H2: "10"})
    pilot_reporting(city_b, member_b, staff, program, {H1: "10"}, submitted={H2: DRAFT})
    pilot_reporting(hue, make_member("officer@hue.example.vn", hue), staff, program, {H1: "20", H2: "30"})
    pilot_reporting(bangkok, make_member("officer@bangkok.example", bangkok), staff, program, {H1: "5", H2: "5"})
    return {"program": program, "key": f"program_indicator_{program.pk}", "hue": hue, "bangkok": bangkok}


def get(client, view="program_benchmark", cities=(), figures=(), **kwargs):
    ids = [getattr(c, "pk", c) for c in cities]  # a city, or an id as typed
    return client.get(reverse(view, **kwargs), {"cities": ids, "figures": list(figures)})


@pytest.mark.django_db
def test_each_city_has_a_profile_over_the_periods_placed_in_its_cohorts_range(
    reporting, city_a, city_b, staff, client_for
):
    """First half: 10–40 in the cohort, Can Tho at 1, Da Nang at 0, Hue a third of the way; second half: 10–30
    (Da Nang has no approved figure), Can Tho at 0, Hue at 1; Bangkok is the only city of its cohort (½)."""
    hue, bangkok, key = reporting["hue"], reporting["bangkok"], reporting["key"]
    data = get(client_for(staff), cities=[city_a, city_b, hue, bangkok], figures=[key]).context
    assert data["periods"] == [H1, H2]
    profiles = data["profiles"]
    assert profiles[city_a.pk][key] == [(H1, Decimal(40), 1.0), (H2, Decimal(10), 0.0)]
    assert profiles[city_b.pk][key] == [(H1, Decimal(10), 0.0), (H2, None, None)]
    [(_h1, twenty, third), (_h2, thirty, top)] = profiles[hue.pk][key]
    assert (twenty, round(third, 3), thirty, top) == (20, round(1 / 3, 3), 30, 1.0)
    assert profiles[bangkok.pk][key] == [(H1, Decimal(5), 0.5), (H2, Decimal(5), 0.5)]


@pytest.mark.django_db
def test_the_profile_table_writes_each_value_and_place_and_says_no_figure(reporting, city_a, city_b, staff, client_for):
    """Each city's table has a row per period; a period without an approved figure says "no figure", never None."""
    response = get(client_for(staff, HTTP_ACCEPT_LANGUAGE="en"), cities=[city_a, city_b], figures=[reporting["key"]])
    body = response.content.decode()
    danang = body[body.index('data-profile="da-nang"') :]
    danang = danang[: danang.index("</table>")]
    assert danang.count("<tr data-period=") == 2
    assert "no figure" in danang and "None" not in danang and DRAFT not in danang
    cantho = body[body.index('data-profile="can-tho"') :]
    assert "(1.00)" in cantho[: cantho.index("</table>")]
    assert "None" not in body


@pytest.mark.django_db
def test_a_member_typing_a_peers_id_sees_only_its_approved_figures_in_page_and_downloads(
    reporting, city_b, member_a, client_for
):
    """Can Tho's officer asks for Da Nang: its approved first half shows, its unreviewed second half never does,
    neither on the page nor in the CSV or the XLSX."""
    client = client_for(member_a, HTTP_ACCEPT_LANGUAGE="en")
    page = get(client, cities=[city_b, "99999999"])
    assert [c.name for c in page.context["chosen"]] == ["Da Nang"]
    assert page.context["profiles"][city_b.pk][reporting["key"]] == [(H1, Decimal(10), 0.0), (H2, None, None)]
    assert DRAFT not in page.content.decode()
    text = get(client, "program_benchmark_export", cities=[city_b], kwargs={"fmt": "csv"}).content.decode("utf-8-sig")
    assert DRAFT not in text
    xlsx = get(client, "program_benchmark_export", cities=[city_b], kwargs={"fmt": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    assert DRAFT not in str([[cell.value for cell in row] for row in sheet.iter_rows()])


@pytest.mark.django_db
def test_the_downloads_carry_every_period(reporting, city_a, city_b, staff, client_for):
    """Per city a row over all periods, then one per reporting period; a figure not reported per period is blank."""
    client = client_for(staff, HTTP_ACCEPT_LANGUAGE="en")
    figures = ["stakeholders_engaged", reporting["key"]]
    text = get(client, "program_benchmark_export", cities=[city_a, city_b], figures=figures, kwargs={"fmt": "csv"})
    rows = list(csv.reader(io.StringIO(text.content.decode("utf-8-sig"))))
    assert rows[0] == ["City", "Cohort", "Country", "Period", "Stakeholders engaged", "SMEs supported (SMEs)"]
    assert [row[0] + " " + row[3] + " " + row[5] for row in rows[1:]] == [
        "Can Tho All periods 50.0000",
        "Can Tho 2024-01-01 – 2024-06-30 40.0000",
        "Can Tho 2024-07-01 – 2024-12-31 10.0000",
        "Da Nang All periods 10.0000",
        "Da Nang 2024-01-01 – 2024-06-30 10.0000",
        "Da Nang 2024-07-01 – 2024-12-31 ",
    ]
    assert rows[2][4] == ""  # stakeholders engaged is a figure of now, not of a period
    xlsx = get(client, "program_benchmark_export", cities=[city_a], figures=figures, kwargs={"fmt": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert [row[3] for row in values[1:]] == ["All periods", "2024-01-01 – 2024-06-30", "2024-07-01 – 2024-12-31"]
    assert [row[5] for row in values[1:]] == [50, 40, 10]


@pytest.mark.django_db
def test_a_city_team_never_gets_the_benchmark_staff_saw(reporting, city_a, city_b, staff, member_a, client_for):
    """Staff open the benchmark first (the newest cohort, Bangkok, by default); Can Tho's officer then opens the
    same address and gets its own cohort, computed for it: the cached benchmark is kept per reader."""
    url = reverse("program_benchmark")
    as_staff, as_officer = client_for(staff), client_for(member_a)  # signing in writes (last login): before
    seen = as_staff.get(url).context
    assert [c.name for c in seen["chosen"]] == ["Bangkok"]
    assert [row["city"].name for row in seen["rows"]] == ["Bangkok"]
    data = as_officer.get(url).context
    assert [row["city"].name for row in data["rows"]] == ["Can Tho", "Da Nang", "Hue"]
    assert set(data["profiles"]) == {city_a.pk, city_b.pk, reporting["hue"].pk}
    as_staff.get(url, {"cities": [city_b.pk]})  # staff first, then the officer at the same address
    response = as_officer.get(url, {"cities": [city_b.pk]})
    assert [row["city"].name for row in response.context["rows"]] == ["Da Nang"]
    assert response.context["profiles"][city_b.pk][reporting["key"]][1] == (H2, None, None)
    assert DRAFT not in response.content.decode()


@pytest.mark.django_db
def test_at_most_so_many_cities_are_compared_and_the_page_says_so(reporting, cohort, staff, client_for):
    many = City.objects.bulk_create(
        [
            City(cohort=cohort, slug=f"town-{n}", name=f"Town {n:02d}", country="VN", time_zone="Asia/Ho_Chi_Minh")
            for n in range(BENCHMARK_MAX_CITIES + 2)
        ]
    )
    response = get(client_for(staff, HTTP_ACCEPT_LANGUAGE="en"), cities=many)
    assert len(response.context["rows"]) == BENCHMARK_MAX_CITIES
    assert f"The first {BENCHMARK_MAX_CITIES} of the {BENCHMARK_MAX_CITIES + 2} cities chosen" in (
        response.content.decode()
    )


@pytest.mark.django_db
def test_the_benchmark_with_profiles_keeps_its_query_and_row_budget(reporting, staff, member_a, client_for):
    """Staff (the newest cohort by default) and a city team (its own cohort): the same queries on seed_scale data,
    and rows bounded: the cities compared are at most BENCHMARK_MAX_CITIES, not every city of the program."""
    url = reverse("program_benchmark")
    assert_query_budgets(
        [
            Page(client_for(staff), url, BENCHMARK_BUDGET, BENCHMARK_ROWS),
            Page(client_for(member_a), url, BENCHMARK_BUDGET, BENCHMARK_ROWS),
        ]
    )
