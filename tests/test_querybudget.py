"""The query-budget helper counts the rows a page fetches, so a page that reads the whole program shows."""

from django.db import connection

from cities.models import Cohort
from tests.querybudget import RowCounter


def test_the_row_counter_adds_up_the_rows_each_select_returns(db):
    Cohort.objects.bulk_create(
        [Cohort(name=f"Cohort {n}", region="Asia-Pacific", start_year=2021, end_year=2024) for n in range(3)]
    )
    counter = RowCounter()
    with connection.execute_wrapper(counter):
        assert len(list(Cohort.objects.all())) == 3
        assert Cohort.objects.filter(name="Cohort 1").count() == 1
        Cohort.objects.filter(name="Cohort 2").update(region="Pacific")
    assert counter.rows == 4  # three cohorts and one count; the update's row is a write, not a fetch
