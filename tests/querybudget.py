"""Query budgets: a page's number of SQL queries is at most its budget and does not grow with data."""

from django.core.management import call_command
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext


def count_queries(client, url: str) -> int:
    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(captured)


def assert_query_budget(client, url: str, budget: int, *, factor: int = 1) -> tuple[int, int]:
    """Count the queries of `url` on the current data, grow it with seed_scale, count again.

    Fails when either count exceeds the budget or when the two differ (a query per row).
    """
    small = count_queries(client, url)
    call_command("seed_scale", factor=factor, verbosity=0)
    large = count_queries(client, url)
    details = f"{url}: {small} queries on small data, {large} on seed_scale data (budget {budget})"
    assert small <= budget, details
    assert large == small, details
    print(details)
    return small, large


# The dashboards collect every app's panels (ccrs/panels.py): one budget each, shared by every
# test that measures them, raised by the issue that adds a panel.
# The program dashboard (issue 14): 26 queries, each app's parts in a few queries however many cities —
# cities 8 (cohorts, cities, the stage facts of four apps, applications, co-funding), co-creation 3, pilots 10
# (the glance's eight, updates waiting, the program's exchange rates), accounts and the sectors panel;
# the program indicators' roll-up 4 (indicators, mappings, periods, approved sums);
# +1 for the network's case-study stage fact (issue "Case studies") when it lands.
PROGRAM_DASHBOARD_BUDGET = 31
# +3: the program stage facts (one query per app); +9 (issue 14): the peers, one query for the peer cities and
# the apps' peer figures for the city and all its peers at once (cities 1, co-creation 3, pilots 4)
CITY_DASHBOARD_BUDGET = 25
BENCHMARK_BUDGET = 12  # the benchmark: the cities, then the apps' peer figures for the chosen cities' cohorts at once (8)
