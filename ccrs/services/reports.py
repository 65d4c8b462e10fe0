"""Reports: asked for (report_request), built once by a worker (report_build), then ready or failed with a reason."""

import hashlib
import json
import logging
from contextlib import contextmanager

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import DatabaseError, IntegrityError, InterfaceError, OperationalError, connection, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .. import reporting
from ..models import Report, ReportStatus
from .accounts import SUPPORTED_LANGUAGES

logger = logging.getLogger(__name__)


# A report is asked for (report_request), built once by a worker (report_build, through
# ccrs.tasks.report_build), and ends ready (report_succeed) or failed with a reason that the
# person can act on (report_fail), from where it may be asked again (report_retry).

REPORT_LOCK_CLASS = 7007  # first key of the PostgreSQL advisory lock a worker holds while it builds a report


def _report_params_key(params: dict) -> str:
    return hashlib.sha256(json.dumps(params, sort_keys=True, default=str).encode()).hexdigest()


def _active_twin(*, kind: str, format: str, params_key: str) -> Report | None:
    return (
        Report.objects.filter(
            kind=kind, format=format, params_key=params_key, status__in=[ReportStatus.QUEUED, ReportStatus.RUNNING]
        )
        .order_by("pk")
        .first()
    )


def _report_enqueue(report: Report) -> None:
    from ..tasks import report_build as report_build_task

    # The time limits travel in the message, from the settings of the process that sends it.
    options = {
        "queue": settings.REPORTS_QUEUE,
        "soft_time_limit": settings.CELERY_TASK_SOFT_TIME_LIMIT,
        "time_limit": settings.CELERY_TASK_TIME_LIMIT,
    }
    transaction.on_commit(lambda: report_build_task.apply_async(args=[report.pk], **options))


def report_request(*, user, kind: str, format: str, object_id: int | None, language: str) -> Report:
    """Queue a report; while the same report is queued or running, return that one instead of a second."""
    report_kind = reporting.kind_get(kind)
    if report_kind is None:
        raise ValidationError(_("There is no report of this kind."))
    if format not in report_kind.formats:
        raise ValidationError(_("This report is not available in that format."))
    if report_kind.needs_object and object_id is None:
        raise ValidationError(_("Say which report you want: the page's button does."))
    if not report_kind.can_request(user, object_id):
        raise PermissionDenied
    params = {"object_id": object_id, "language": language if language in SUPPORTED_LANGUAGES else "en"}
    params_key = _report_params_key(params)
    twin = _active_twin(kind=kind, format=format, params_key=params_key)
    if twin is not None:
        return twin
    try:
        with transaction.atomic():
            report = Report.objects.create(
                kind=kind,
                format=format,
                params=params,
                params_key=params_key,
                requested_by=user,
                city_id=report_kind.city_of(object_id),
            )
            _report_enqueue(report)
    except IntegrityError:  # asked twice at the same moment: the other request won
        twin = _active_twin(kind=kind, format=format, params_key=params_key)
        if twin is None:
            raise
        return twin
    return report


@contextmanager
def _build_lock(report_id: int):
    """Hold PostgreSQL's advisory lock of the report for the build; False if another live worker holds it.

    The lock belongs to the worker's connection, so it ends with a worker that dies (SIGKILL): the
    redelivered task then finds the report running but unlocked and builds it again. Other databases
    (SQLite: tasks run in-process) need no lock.
    """
    if connection.vendor != "postgresql":
        yield True
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [REPORT_LOCK_CLASS, report_id])
        held = cursor.fetchone()[0]
    try:
        yield held
    finally:
        if held:
            try:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [REPORT_LOCK_CLASS, report_id])
            except DatabaseError:  # the connection is gone, and the lock with it
                pass


def report_progress(*, report_id: int, percent: int) -> None:
    """Record how far a running report has come (committed at once, so the page's polling sees it)."""
    Report.objects.filter(pk=report_id, status=ReportStatus.RUNNING).update(
        progress=max(0, min(100, int(percent))), updated_at=timezone.now()
    )


def report_build(*, report_id: int) -> bool:
    """Build a queued (or orphaned running) report once; True if built now.

    A ready or failed report is left alone, and so is one another worker is building. Passing
    database errors and the soft time limit reach the task, which retries or fails the report.
    """
    with _build_lock(report_id) as held:
        if not held:
            return False
        with transaction.atomic():
            report = (
                Report.objects.select_for_update(of=("self",))
                .select_related("requested_by")
                .filter(pk=report_id)
                .first()
            )
            if report is None or report.status not in {ReportStatus.QUEUED, ReportStatus.RUNNING}:
                return False
            report.status = ReportStatus.RUNNING
            report.started_at = timezone.now()
            report.finished_at = None
            report.attempts += 1
            report.progress = 0
            report.error = ""
            report.save(
                update_fields=["status", "started_at", "finished_at", "attempts", "progress", "error", "updated_at"]
            )
        report_kind = reporting.kind_get(report.kind)
        if report_kind is None:
            report_fail(report_id=report.pk, error=_("This kind of report no longer exists."))
            return False
        try:
            with translation.override(report.params.get("language") or settings.LANGUAGE_CODE):
                built = report_kind.build(
                    object_id=report.params.get("object_id"),
                    format=report.format,
                    user=report.requested_by,
                    progress=lambda percent: report_progress(report_id=report.pk, percent=percent),
                )
        except reporting.ReportError as error:
            report_fail(report_id=report.pk, error=str(error))
            return False
        except (OperationalError, InterfaceError, SoftTimeLimitExceeded):
            raise
        except Exception as error:
            logger.exception("report %s (%s) could not be built", report.pk, report.kind)
            report_fail(
                report_id=report.pk,
                error=_(
                    "The report could not be built (%(error)s). Try again; if it fails again, tell the program staff."
                )
                % {"error": error},
            )
            return False
        return report_succeed(report_id=report.pk, built=built)


@transaction.atomic
def report_succeed(*, report_id: int, built: reporting.Built) -> bool:
    report = Report.objects.select_for_update(of=("self",)).select_related("requested_by").get(pk=report_id)
    if report.status != ReportStatus.RUNNING:
        return False
    try:
        report.file.save(built.filename, built.content, save=False)
    finally:
        built.content.close()
    report.status = ReportStatus.SUCCEEDED
    report.progress = 100
    report.finished_at = timezone.now()
    report.save(update_fields=["file", "status", "progress", "finished_at", "updated_at"])
    if report.duration and report.duration.total_seconds() >= settings.REPORTS_EMAIL_AFTER_SECONDS:
        transaction.on_commit(lambda: report_ready_mail(report=report))
    return True


@transaction.atomic
def report_fail(*, report_id: int, error: str) -> None:
    """Mark a report failed with a reason the person can read; they may ask for it again."""
    report = Report.objects.select_for_update().filter(pk=report_id).first()
    if report is None or report.status == ReportStatus.SUCCEEDED:
        return
    report.status = ReportStatus.FAILED
    report.error = str(error)[:2000]
    report.finished_at = timezone.now()
    report.save(update_fields=["status", "error", "finished_at", "updated_at"])


def report_retry(*, report: Report) -> Report:
    """Ask again for a failed report: it is queued anew (or the same request already queued is returned)."""
    if report.status != ReportStatus.FAILED:
        raise ValidationError(_("Only a failed report can be tried again."))
    twin = _active_twin(kind=report.kind, format=report.format, params_key=report.params_key)
    if twin is not None:
        return twin
    try:
        with transaction.atomic():
            updated = Report.objects.filter(pk=report.pk, status=ReportStatus.FAILED).update(
                status=ReportStatus.QUEUED, error="", progress=0, started_at=None, finished_at=None,
                updated_at=timezone.now(),
            )  # fmt: skip
            report.refresh_from_db()
            if updated:
                _report_enqueue(report)
    except IntegrityError:
        return _active_twin(kind=report.kind, format=report.format, params_key=report.params_key) or report
    return report


def report_ready_mail(*, report: Report) -> None:
    """Tell the person who asked that a long report is ready, in their language, with the link."""
    user = report.requested_by
    if user is None or not user.email:
        return
    with translation.override(user.language or report.params.get("language") or settings.LANGUAGE_CODE):
        label = reporting.kind_get(report.kind).label if reporting.kind_get(report.kind) else report.kind
        context = {"report": report, "label": label, "link": settings.SITE_URL + reverse("reports:list")}
        subject = _("Your report is ready: %(report)s") % {"report": label}
        body = render_to_string("ccrs/email/report_ready.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
