"""The city dashboard's peers and the benchmark: a city's figures against its peers' range and median (never a rank),
only figures peers may see (no peer draft, stakeholder or proposal), downloads with the same restriction."""

import csv
import io
import re
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from cities.models import City, Cohort
from cocreation.models import StakeholderKind
from pilots import services as pilots
from tests.ccrs.test_program_dashboard import took_part
from tests.querybudget import BENCHMARK_BUDGET, CITY_DASHBOARD_BUDGET, Page, assert_query_budgets

SECRET = "Trần Bí Mật"  # a Da Nang stakeholder's name, which no other city may see


@pytest.fixture
def peers(city_a, city_b, cohort):
    """Can Tho 1 stakeholder engaged, Da Nang 4 (one named SECRET), Hue 2; Bangkok in another cohort and country
    shares Can Tho's sector; Vinh is Vietnamese but of another cohort."""
    took_part(city_a, [(StakeholderKind.SME, False)])
    workshop = took_part(
        city_b, [(StakeholderKind.SME, True), (StakeholderKind.NGO, False), (StakeholderKind.NGO, False)]
    )
    from cocreation import services as cocreation

    person, _created = cocreation.stakeholder_register(
        city=city_b, name=SECRET, email="secret@danang.example", kind=StakeholderKind.SME
    )
    invitation, _created = cocreation.invitation_create(workshop=workshop, stakeholder=person)
    cocreation.invitation_check_in(invitation=invitation)
    hue = City.objects.create(cohort=cohort, slug="hue", name="Hue", country="VN", time_zone="Asia/Ho_Chi_Minh")
    took_part(hue, [(StakeholderKind.SME, False), (StakeholderKind.SME, False)])
    other = Cohort.objects.create(name="Second cohort", region="Asia-Pacific", start_year=2025, end_year=2027)
    bangkok = City.objects.create(cohort=other, slug="bangkok", name="Bangkok", country="TH", time_zone="Asia/Bangkok")
    vinh = City.objects.create(cohort=other, slug="vinh", name="Vinh", country="VN", time_zone="Asia/Ho_Chi_Minh")
    for city in (city_a, bangkok):
        pilots.pilot_create(
            city=city, title="Waste", sector_isic="E38", start_date=date(2024, 1, 1), end_date=date(2025, 1, 1)
        )
    return {"hue": hue, "bangkok": bangkok, "vinh": vinh}


def dashboard(client, city, **params):
    return client.get(reverse("cities:dashboard", kwargs={"slug": city.slug}), params)


@pytest.mark.django_db
def test_the_city_sees_its_figure_against_the_peers_range_and_median(peers, city_a, member_a, client_for):
    """Can Tho's 1 against Da Nang's 4 and Hue's 2: range 2–4, median 3; no rank is given."""
    response = dashboard(client_for(member_a, HTTP_ACCEPT_LANGUAGE="en"), city_a)
    data = response.context["peers"]
    assert data["group"] == "cohort"
    assert [p.name for p in data["peers"]] == ["Da Nang", "Hue"]
    row = next(r for r in data["rows"] if r["key"] == "stakeholders_engaged")
    assert (row["spread"].own, row["spread"].low, row["spread"].median, row["spread"].high) == (1, 2, 3, 4)
    body = response.content.decode()
    assert "peers&#x27; median: 3" in body or "peers' median: 3" in body
    assert re.search(r"\brank(ed)?\b", body.lower()) is None  # the range and median, never a rank
    assert SECRET not in body


@pytest.mark.django_db
def test_peer_groups_are_the_cohort_the_country_or_the_sector(peers, city_a, member_a, client_for):
    client = client_for(member_a)
    by_country = dashboard(client, city_a, peers="country").context["peers"]
    assert [p.name for p in by_country["peers"]] == ["Da Nang", "Hue", "Vinh"]
    by_sector = dashboard(client, city_a, peers="sector").context["peers"]
    assert [p.name for p in by_sector["peers"]] == ["Bangkok"]
    assert dashboard(client, city_a, peers="nonsense").context["peers"]["group"] == "cohort"


@pytest.mark.django_db
def test_shares_among_peers_are_each_citys_own_pooled_share(peers, city_a, member_a, client_for):
    """Da Nang 2 SMEs of 4 (50 %), Hue 2 of 2 (100 %): the peers' median of the SME share is 75 %."""
    data = dashboard(client_for(member_a), city_a).context["peers"]
    row = next(r for r in data["rows"] if r["key"] == "sme_share")
    assert (row["spread"].low, row["spread"].median, row["spread"].high) == (50, 75, 100)


@pytest.mark.django_db
def test_a_city_member_typing_another_citys_id_sees_only_peer_figures(peers, city_a, city_b, member_a, client_for):
    """Can Tho's officer asks for Da Nang: its totals show, its stakeholders' names never do; the CSV likewise."""
    client = client_for(member_a, HTTP_ACCEPT_LANGUAGE="en")
    response = client.get(reverse("program_benchmark"), {"cities": [city_b.pk, "junk", "99999999"]})
    assert [c.name for c in response.context["chosen"]] == ["Da Nang"]
    body = response.content.decode()
    assert SECRET not in body and "secret@danang.example" not in body
    engaged = next(c for c in response.context["rows"][0]["cells"] if c["figure"]["key"] == "stakeholders_engaged")
    assert engaged["value"] == 4
    export = client.get(reverse("program_benchmark_export", kwargs={"fmt": "csv"}), {"cities": city_b.pk})
    text = export.content.decode("utf-8-sig")
    assert SECRET not in text
    rows = list(csv.reader(io.StringIO(text)))
    header, [danang] = rows[0], rows[1:]
    assert danang[0] == "Da Nang" and danang[header.index("Stakeholders engaged")] == "4"


@pytest.mark.django_db
def test_the_xlsx_download_has_the_chosen_cities_and_figures(peers, city_a, city_b, staff, client_for):
    response = client_for(staff, HTTP_ACCEPT_LANGUAGE="en").get(
        reverse("program_benchmark_export", kwargs={"fmt": "xlsx"}),
        {"cities": [city_a.pk, city_b.pk], "figures": ["stakeholders_engaged", "workshops_held"]},
    )
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["City", "Cohort", "Country", "Period", "Stakeholders engaged", "Workshops held"]
    assert values[1][:1] + values[1][3:] == ["Can Tho", "All periods", 1, 1]
    assert values[2][:1] + values[2][3:] == ["Da Nang", "All periods", 4, 1]


@pytest.mark.django_db
def test_the_benchmark_places_each_city_in_its_cohorts_range(peers, city_a, city_b, staff, client_for):
    """In the first cohort engaged stakeholders run 1–4: Can Tho at 0, Da Nang at 1, Hue (2) a third of the way."""
    first = [city_a.pk, city_b.pk, peers["hue"].pk]
    data = client_for(staff).get(reverse("program_benchmark"), {"cities": first, "figures": "stakeholders_engaged"})
    data = data.context
    places = {row["city"].name: row["cells"][0]["position"] for row in data["rows"]}
    assert places["Can Tho"] == 0 and places["Da Nang"] == 1
    assert round(places["Hue"], 3) == round(1 / 3, 3)


@pytest.mark.django_db
def test_a_member_without_choice_compares_its_own_cohort(peers, member_a, client_for):
    data = client_for(member_a).get(reverse("program_benchmark")).context
    assert [c.name for c in data["chosen"]] == ["Can Tho", "Da Nang", "Hue"]


@pytest.mark.django_db
def test_the_picker_lists_one_cohorts_cities_at_a_time(peers, city_a, cohort, staff, client_for):
    """Staff start on the newest cohort; choosing another lists (and compares) its cities instead, and a city
    chosen from elsewhere stays listed and chosen; an unknown cohort falls back to the chosen cities' cohorts."""
    client = client_for(staff, HTTP_ACCEPT_LANGUAGE="en")
    first = client.get(reverse("program_benchmark"))
    assert [c.name for c in first.context["picker_cities"]] == ["Bangkok", "Vinh"]
    assert 'name="cohort"' in first.content.decode() and ">Can Tho</label>" not in first.content.decode()
    other = client.get(reverse("program_benchmark"), {"cohort": cohort.pk})
    assert [c.name for c in other.context["chosen"]] == ["Can Tho", "Da Nang", "Hue"]
    assert ">Can Tho</label>" in other.content.decode() and ">Bangkok</label>" not in other.content.decode()
    mixed = client.get(reverse("program_benchmark"), {"cohort": cohort.pk, "cities": [peers["bangkok"].pk]})
    assert [c.name for c in mixed.context["chosen"]] == ["Bangkok"]
    assert [c.name for c in mixed.context["picker_cities"]] == ["Bangkok", "Can Tho", "Da Nang", "Hue"]
    unknown = client.get(reverse("program_benchmark"), {"cohort": 999999, "cities": [city_a.pk]})
    assert unknown.context["cohort_id"] is None
    assert [c.name for c in unknown.context["picker_cities"]] == ["Can Tho", "Da Nang", "Hue"]


@pytest.mark.django_db
def test_a_stakeholder_cannot_open_the_benchmark(peers, stakeholder, client_for):
    assert client_for(stakeholder).get(reverse("program_benchmark")).status_code == 403
    assert client_for(stakeholder).get(reverse("program_benchmark_export", kwargs={"fmt": "csv"})).status_code == 403


@pytest.mark.django_db
def test_benchmark_and_city_dashboard_with_peers_query_budget(peers, staff, city_a, member_a, client_for):
    url = reverse("cities:dashboard", kwargs={"slug": city_a.slug})
    assert_query_budgets(
        [
            Page(client_for(staff), reverse("program_benchmark"), BENCHMARK_BUDGET),
            Page(client_for(member_a), url, CITY_DASHBOARD_BUDGET),
        ]
    )
