"""Cache generations: every write to a program table bumps the program's generation (a save, a QuerySet update,
a bulk insert, a delete), a report's progress does not; the program dashboard is drawn once per generation and
shows a change at the next view."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ccrs import generations
from ccrs.models import Report
from cities.models import City, Cohort

pytestmark = pytest.mark.django_db


def program() -> int:
    return generations.current(generations.PROGRAM)


def test_every_kind_of_write_to_a_program_table_bumps_the_generation(city_a, staff):
    before = program()
    city_a.population = 1_200_000
    city_a.save()
    after_save = program()
    City.objects.filter(pk=city_a.pk).update(name="Cần Thơ City")
    after_update = program()
    Cohort.objects.bulk_create([Cohort(name="Cohort 2", region="Asia-Pacific", start_year=2025, end_year=2027)])
    after_bulk = program()
    Cohort.objects.filter(name="Cohort 2").delete()
    after_delete = program()
    assert before < after_save < after_update < after_bulk < after_delete


def test_a_reports_progress_leaves_the_program_generation_alone(staff):
    report = Report.objects.create(kind="program", format="xlsx", requested_by=staff, params={}, params_key="k")
    before = program()
    Report.objects.filter(pk=report.pk).update(progress=50)
    assert program() == before


def test_the_commit_bumps_again(city_a):
    """A page drawn by another transaction between the write and its commit is never read after the commit:
    the transaction holds one more bump for its commit, however many writes it made."""
    City.objects.filter(pk=city_a.pk).update(name="Can Tho")
    City.objects.filter(pk=city_a.pk).update(population=1_240_000)
    queued = [entry[1] for entry in connection.run_on_commit if entry[1].__module__ == generations.__name__]
    assert len(queued) == 1
    during = program()
    queued[0]()  # what the commit runs
    assert program() > during


def test_the_dashboard_is_drawn_once_per_generation_and_shows_a_change_at_once(staff, city_a, client_for):
    client = client_for(staff, HTTP_ACCEPT_LANGUAGE="en")
    url = reverse("program_dashboard")
    with CaptureQueriesContext(connection) as first:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as second:
        body = client.get(url).content.decode()
    assert len(second) < len(first) - 10  # the figures come from the cache, not from the database
    assert ">Can Tho</a>" in body
    City.objects.filter(pk=city_a.pk).update(name="Thành phố Cần Thơ")  # no save(), no signal
    assert ">Thành phố Cần Thơ</a>" in client.get(url).content.decode()


@pytest.mark.django_db
def test_one_reading_reads_each_generation_once_and_again_after_a_bump(city_a):
    """Within a request (GenerationsMiddleware) a generation comes from the shared cache once: another process's
    bump in between is seen by the next request, this request's own write at once."""
    from django.core.cache import cache

    with generations.one_reading():
        before = generations.current(generations.PROGRAM)
        cache.incr(generations._key(generations.PROGRAM), 5)  # another process's write, mid-request
        assert generations.current(generations.PROGRAM) == before
        City.objects.filter(pk=city_a.pk).update(name="Cần Thơ")  # this request's own write
        assert generations.current(generations.PROGRAM) > before + 5
    assert generations.current(generations.PROGRAM) == cache.get(generations._key(generations.PROGRAM))


@pytest.mark.django_db
def test_a_city_dashboard_reads_the_generation_from_the_cache_once(member_a, city_a, client_for):
    """The city dashboard's panels are each kept per generation; the request reads the generation once."""
    from django.core.cache import cache

    client = client_for(member_a, HTTP_ACCEPT_LANGUAGE="en")
    client.get(city_a.get_absolute_url())
    reads = []
    real_get_or_set = cache.get_or_set

    def counting(key, *args, **kwargs):  # counts the calls; the real cache answers them
        reads.append(key)
        return real_get_or_set(key, *args, **kwargs)

    cache.get_or_set = counting
    try:
        assert client.get(city_a.get_absolute_url()).status_code == 200
    finally:
        del cache.get_or_set
    assert reads.count(generations._key(generations.PROGRAM)) == 1


@pytest.mark.django_db
def test_a_sign_in_leaves_the_program_generation_alone(staff, client):
    """last_login changes no figure: signing in must not draw every page again; another change of a person does."""
    before = generations.current(generations.PROGRAM)
    client.force_login(staff)  # updates last_login through user_logged_in
    staff.refresh_from_db()
    assert staff.last_login is not None
    assert generations.current(generations.PROGRAM) == before
    staff.full_name = "Program Officer"
    staff.save(update_fields=["full_name"])
    assert generations.current(generations.PROGRAM) > before
