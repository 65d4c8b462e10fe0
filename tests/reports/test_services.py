"""Asking for reports, their dedupe and permissions, and the build's once-only rule (tasks in-process)."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from ccrs import reporting, services
from ccrs.models import Report, ReportStatus


def ask(user, city, **overrides):
    args = {"kind": "city_profile", "format": "pdf", "object_id": city.pk, "language": "vi", **overrides}
    return services.report_request(user=user, **args)


def test_asking_again_while_queued_returns_the_same_report(member_a, lead_a, city_a):
    """The same kind, format and parameters while one is queued: that one comes back, no second row."""
    first = ask(member_a, city_a)
    again = ask(lead_a, city_a)
    assert again.pk == first.pk
    assert Report.objects.count() == 1
    other_language = ask(member_a, city_a, language="en")
    assert other_language.pk != first.pk


def test_the_database_refuses_a_second_active_copy(member_a, city_a):
    """The partial unique constraint holds even for writes that skip the service."""
    first = ask(member_a, city_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.create(kind=first.kind, format=first.format, params=first.params, params_key=first.params_key)


def test_a_finished_report_does_not_block_a_new_request(member_a, city_a):
    first = ask(member_a, city_a)
    services.report_fail(report_id=first.pk, error="no")
    second = ask(member_a, city_a)
    assert second.pk != first.pk and second.status == ReportStatus.QUEUED


def test_a_member_of_city_b_cannot_ask_for_city_a_reports(member_b, city_a):
    with pytest.raises(PermissionDenied):
        ask(member_b, city_a)
    assert not Report.objects.exists()


def test_only_staff_ask_for_the_program_report(member_a, staff):
    with pytest.raises(PermissionDenied):
        services.report_request(user=member_a, kind="program", format="pdf", object_id=None, language="en")
    report = services.report_request(user=staff, kind="program", format="pdf", object_id=None, language="en")
    assert report.city is None


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"kind": "horoscope"}, "There is no report of this kind."),
        ({"format": "docx"}, "This report is not available in that format."),
        ({"object_id": None}, "Say which report you want: the page's button does."),
    ],
)
def test_bad_requests_say_what_is_wrong_and_save_nothing(member_a, city_a, overrides, message):
    with pytest.raises(ValidationError) as raised:
        ask(member_a, city_a, **overrides)
    assert raised.value.messages == [message]
    assert not Report.objects.exists()


def test_a_built_report_is_never_built_twice(member_a, city_a, settings):
    """A second run of the build (a redelivered task) leaves the ready report and its file alone."""
    settings.REPORTS_EMAIL_AFTER_SECONDS = 3600
    report = ask(member_a, city_a)
    assert services.report_build(report_id=report.pk) is True
    report.refresh_from_db()
    name = report.file.name
    assert report.status == ReportStatus.SUCCEEDED and report.attempts == 1
    assert services.report_build(report_id=report.pk) is False
    report.refresh_from_db()
    assert report.file.name == name and report.attempts == 1
    assert mail.outbox == []  # quick: no e-mail


def test_a_long_report_is_announced_by_email(member_a, city_a, settings, django_capture_on_commit_callbacks):
    """A report that took at least REPORTS_EMAIL_AFTER_SECONDS is e-mailed about, with the link to the reports."""
    settings.REPORTS_EMAIL_AFTER_SECONDS = 0
    report = ask(member_a, city_a, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        services.report_build(report_id=report.pk)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [member_a.email]
    assert "City profile and onboarding" in mail.outbox[0].subject
    assert "/reports/" in mail.outbox[0].body


def test_only_a_failed_report_is_tried_again(member_a, city_a):
    report = ask(member_a, city_a)
    with pytest.raises(ValidationError):
        services.report_retry(report=report)
    services.report_fail(report_id=report.pk, error="The database did not answer.")
    report.refresh_from_db()
    again = services.report_retry(report=report)
    assert again.pk == report.pk and again.status == ReportStatus.QUEUED and again.error == ""


def test_every_report_kind_is_registered_with_its_formats():
    kinds = reporting.kinds()
    assert {name: kind.formats for name, kind in kinds.items()} == {
        "city_profile": ("pdf",),
        "sector_assessment": ("pdf",),
        "workshop_summary": ("pdf", "xlsx"),
        "pilot_progress": ("pdf", "xlsx"),
        "program": ("pdf", "xlsx"),
        "data_export": ("xlsx",),
    }


def test_xlsx_sheet_titles_follow_excel_rules():
    """At most 31 characters, no []:*?/\\, unique whatever the case."""
    used = set()
    assert reporting._sheet_title("Co-funding: committed/received [2024]", used) == "Co-funding- committed-received "
    assert reporting._sheet_title("CO-FUNDING- COMMITTED-RECEIVED [x]", used).endswith(" (2)")
