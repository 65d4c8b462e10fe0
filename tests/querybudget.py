"""Query budgets: a page's number of SQL queries is at most its budget and does not grow with data, and the rows
those queries fetch stay within a bound however large the data (work that grows with the data shows as rows)."""

from dataclasses import dataclass

from django.core.management import call_command
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext


@dataclass
class Measure:
    queries: int
    rows: int  # rows the page's queries returned to Python (SELECTs; a write's affected rows are not counted)


class RowCounter:
    """A `connection.execute_wrapper` that adds up the rows each SELECT returns (the cursor's rowcount).

    Django's cursors fetch a result whole, so the rowcount is known after execute; a server-side cursor
    (`QuerySet.iterator()` on PostgreSQL) reports none and is not counted."""

    def __init__(self):
        self.rows = 0

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if not many and sql.lstrip().upper().startswith(("SELECT", "WITH")):
            rowcount = context["cursor"].rowcount
            if rowcount and rowcount > 0:
                self.rows += rowcount
        return result


def measure(client, url: str) -> Measure:
    """The queries and fetched rows of one GET of `url` (which must answer 200)."""
    reset_queries()
    counter = RowCounter()
    with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(counter):
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return Measure(queries=len(captured), rows=counter.rows)


def count_queries(client, url: str) -> int:
    return measure(client, url).queries


def count_rows(client, url: str) -> int:
    return measure(client, url).rows


@dataclass
class Page:
    """One page of a budget test: who asks (`client`), what, its query budget and maybe a bound on its rows."""

    client: object
    url: str
    budget: int
    rows: int | None = None


# The share of seed_scale's bulk that the budget tests (and any test needing a large program, not a dense one) load:
# the 32 cities of a factor, their assessments and pilots whole; the people, submissions, resources and posts of
# the scale cities and of the network 15 % (about 90 stakeholders a city, 300 network members and resources, 30
# topics: every list spans pages); the test's own workshops, topics and calls grown in full. A tenth of the time
# of full density, the same queries.
TEST_DENSITY = 0.15


def assert_query_budgets(pages: list[Page], *, factor: int = 1) -> list[tuple[int, int]]:
    """Measure every page on the current data, grow it once with seed_scale, measure every page again.

    Fails when a page's query count exceeds its budget, when its two counts differ (a query per row), or, given
    `rows`, when either measure fetched more rows than that (a page that reads every row of the program to show
    a few); the message names every page that failed. Several pages share one growth of the data (seed_scale
    is the slow part of a budget test). Returns each page's two query counts.
    """
    small = [measure(page.client, page.url) for page in pages]
    call_command("seed_scale", factor=factor, density=TEST_DENSITY, verbosity=0)
    large = [measure(page.client, page.url) for page in pages]
    failures = []
    for page, before, after in zip(pages, small, large, strict=True):
        details = (
            f"{page.url}: {before.queries} queries and {before.rows} rows on small data, "
            f"{after.queries} queries and {after.rows} rows on seed_scale data (budget {page.budget} queries"
            + (f", {page.rows} rows)" if page.rows is not None else ")")
        )
        print(details)
        over_rows = page.rows is not None and (before.rows > page.rows or after.rows > page.rows)
        if before.queries > page.budget or after.queries != before.queries or over_rows:
            failures.append(details)
    assert not failures, "\n".join(failures)
    return [(before.queries, after.queries) for before, after in zip(small, large, strict=True)]


def assert_query_budget(client, url: str, budget: int, *, factor: int = 1, rows: int | None = None) -> tuple[int, int]:
    """`assert_query_budgets` for one page; returns its two query counts."""
    return assert_query_budgets([Page(client, url, budget, rows)], factor=factor)[0]


# The dashboards collect every app's panels (ccrs/panels.py): one budget each, shared by every
# test that measures them, raised by the issue that adds a panel.
# The program dashboard (issue 14): 26 queries, each app's parts in a few queries however many cities —
# cities 8 (cohorts, cities, the stage facts of four apps, applications, co-funding), co-creation 3, pilots 10
# (the glance's eight, updates waiting, the program's exchange rates), accounts and the sectors panel;
# the program indicators' roll-up 4 (indicators, mappings, periods, approved sums);
# +1 the network's case-study stage fact (issue "Case studies");
# +2 the sectors' assessments side by side (issue 14: the program report draws its areas from these figures).
PROGRAM_DASHBOARD_BUDGET = 34
# +4: the program stage facts (one query per app: sectors, cocreation, pilots, network); +9 (issue 14): the
# peers, one query for the peer cities and the apps' peer figures for the city and all its peers at once
# (cities 1, co-creation 3, pilots 4)
CITY_DASHBOARD_BUDGET = 26
# The benchmark: the cities, then the apps' peer figures for the chosen cities' cohorts at once (8).
BENCHMARK_BUDGET = 12
# The benchmark's rows (136 on seed_scale data): the picker's cities (one row each) and the peer figures of at most
# ccrs.selectors.BENCHMARK_MAX_CITIES chosen cities and their cohorts (with the program indicator every scale pilot
# feeds: a mapping per city and a row per reporting period in two queries), not every city of the program.
BENCHMARK_ROWS = 160
