"""Reports built by real Celery worker processes on Redis and PostgreSQL, including a worker killed mid-report."""

import io
import os
import signal
from decimal import Decimal

import openpyxl
import pytest
from django.core.management import call_command
from django.db.models import Count, Sum
from pypdf import PdfReader

from ccrs import services
from ccrs.models import CityMembership, Report, ReportStatus
from ccrs.tasks import report_build
from cities.models import City, CoFundingRecord
from tests.querybudget import TEST_DENSITY

from .conftest import wait_for

# serialized_rollback: the ISIC codes and criteria that migrations load are back for each test after the flush.
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def status_of(report):
    report.refresh_from_db()
    return report.status


def done(report):
    return lambda: status_of(report) in {ReportStatus.SUCCEEDED, ReportStatus.FAILED}


def stored_reports(settings):
    root = settings.MEDIA_ROOT / "reports"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_city_profile_pdf_goes_from_queued_to_ready_and_opens(report_workers, city_a, member_a, settings):
    """The PDF is built by the worker, stored privately and parses, with the city's Vietnamese name in it."""
    worker = report_workers()
    report = services.report_request(
        user=member_a, kind="city_profile", format="pdf", object_id=city_a.pk, language="vi"
    )
    assert report.status == ReportStatus.QUEUED
    wait_for(done(report), worker)
    assert report.status == ReportStatus.SUCCEEDED, report.error
    assert report.progress == 100 and report.attempts == 1
    assert report.started_at <= report.finished_at
    assert report.file.name.startswith("reports/") and report.file.name.endswith(".pdf")
    with report.file.open("rb") as handle:
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)
    assert "Cần Thơ" in text
    assert city_a.name in text


def test_program_xlsx_figures_match_the_database(report_workers, staff, settings):
    """The program workbook has a sheet per area; team sizes and co-funding committed equal the database's."""
    call_command("seed_demo", verbosity=0)
    staff.refresh_from_db()
    worker = report_workers()
    report = services.report_request(user=staff, kind="program", format="xlsx", object_id=None, language="en")
    wait_for(done(report), worker, seconds=120)
    assert report.status == ReportStatus.SUCCEEDED, report.error
    with report.file.open("rb") as handle:
        book = openpyxl.load_workbook(io.BytesIO(handle.read()), read_only=True)
    assert book.sheetnames == ["Cities", "Co-funding", "Sector assessment", "Co-creation", "Pilots"]
    cities = list(book["Cities"].iter_rows(values_only=True))
    assert cities[0] == ("City", "Local name", "Country", "Cohort", "Stage", "Team")
    teams = dict(City.objects.annotate(n=Count("memberships")).values_list("name", "n"))
    assert {row[0]: row[5] for row in cities[1:]} == teams
    committed = {
        (row["city__name"], row["currency"]): row["total"]
        for row in CoFundingRecord.objects.filter(stage="committed")
        .values("city__name", "currency")
        .annotate(total=Sum("amount"))
    }
    sheet = {}
    for city, _kind, currency, amount, *_rest in list(book["Co-funding"].iter_rows(values_only=True))[1:]:
        sheet[(city, currency)] = sheet.get((city, currency), Decimal(0)) + Decimal(str(amount))
    assert {key: value for key, value in sheet.items() if value} == {k: v for k, v in committed.items() if v}
    assert CityMembership.objects.exists() and committed


def test_a_worker_killed_mid_report_is_replaced_and_the_report_is_built_exactly_once(report_workers, staff, settings):
    """SIGKILL while the program PDF is being drawn: the task is redelivered to a new worker, which builds it once."""
    # The program's 32 scale cities keep the PDF long enough to be caught drawing; their people need not be dense.
    call_command("seed_scale", factor=1, density=TEST_DENSITY, verbosity=0)
    # A short visibility timeout (still above the time limits) so Redis hands the task on within seconds.
    limits = {"CELERY_VISIBILITY_TIMEOUT": "9", "CELERY_TASK_TIME_LIMIT": "8", "CELERY_TASK_SOFT_TIME_LIMIT": "7"}
    settings.CELERY_TASK_SOFT_TIME_LIMIT, settings.CELERY_TASK_TIME_LIMIT = 7, 8
    first = report_workers(**limits)
    report = services.report_request(user=staff, kind="program", format="pdf", object_id=None, language="en")
    wait_for(lambda: status_of(report) == ReportStatus.RUNNING, first, seconds=60, interval=0.02)
    os.kill(first.process.pid, signal.SIGKILL)
    first.process.wait(timeout=10)
    assert status_of(report) == ReportStatus.RUNNING and not stored_reports(settings)

    second = report_workers(**limits)
    wait_for(done(report), second, seconds=120)
    assert report.status == ReportStatus.SUCCEEDED, report.error
    assert report.attempts == 2  # the killed attempt and the one that finished
    # A copy delivered again (as a broker may) finds the report ready and builds nothing.
    report_build.apply_async(args=[report.pk], queue=settings.REPORTS_QUEUE)
    wait_for(lambda: second.log().count("succeeded in") >= 2, second, seconds=60)
    report.refresh_from_db()
    assert report.attempts == 2
    assert len(stored_reports(settings)) == 1
    assert [h.status for h in report.history.order_by("history_id")].count(ReportStatus.SUCCEEDED) == 1
    with report.file.open("rb") as handle:
        assert len(PdfReader(io.BytesIO(handle.read())).pages) >= 1


def test_a_report_whose_task_raises_is_failed_with_its_message(report_workers, city_a, member_a):
    """A sector assessment report of a city without an assessment fails and says why; the person may try again."""
    worker = report_workers()
    report = services.report_request(
        user=member_a, kind="sector_assessment", format="pdf", object_id=city_a.pk, language="en"
    )
    wait_for(done(report), worker)
    assert report.status == ReportStatus.FAILED
    assert report.error == "This city has no sector assessment yet: start it on the assessment page."
    assert not report.file
    again = services.report_retry(report=report)
    assert again.pk == report.pk and again.status == ReportStatus.QUEUED
    wait_for(done(report), worker)
    assert report.status == ReportStatus.FAILED and report.attempts == 2


def test_a_report_past_its_soft_time_limit_is_failed_with_the_reason(report_workers, staff, settings):
    """The soft time limit ends the full data export; the report is marked failed with the limit as its reason."""
    call_command("seed_scale", factor=1, verbosity=0)
    # The limits travel in the task message, set by the process that sends it (here, this one).
    settings.CELERY_TASK_SOFT_TIME_LIMIT, settings.CELERY_TASK_TIME_LIMIT = 2, 30
    worker = report_workers(pool="prefork", CELERY_TASK_SOFT_TIME_LIMIT="2", CELERY_TASK_TIME_LIMIT="30")
    report = services.report_request(user=staff, kind="data_export", format="xlsx", object_id=None, language="en")
    wait_for(done(report), worker, seconds=60)
    assert report.status == ReportStatus.FAILED, worker.log()[-1500:]
    assert "2-second limit" in report.error
    assert Report.objects.get(pk=report.pk).finished_at is not None
