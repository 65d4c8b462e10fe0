"""Celery tasks of the project package: thin wrappers that take ids and call a service."""

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.utils import translation
from django.utils.translation import gettext as _

from . import selectors, services
from .celery import retried_task


@retried_task
def invitation_send(invitation_id: int) -> bool:
    """Send a team invitation's e-mail; safe to run twice (a sent invitation is skipped)."""
    return services.invitation_send(invitation_id=invitation_id)


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=settings.CELERY_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.CELERY_TASK_TIME_LIMIT,
    max_retries=5,
)
def report_build(self, report_id: int) -> bool:
    """Build a report once. Passing database errors retry with back-off; the soft time limit fails it."""
    try:
        return services.report_build(report_id=report_id)
    except SoftTimeLimitExceeded:
        seconds = (self.request.timelimit or (None, None))[1] or settings.CELERY_TASK_SOFT_TIME_LIMIT
        with translation.override(selectors.report_language(report_id=report_id)):
            message = _(
                "The report took longer than the %(seconds)s-second limit. Try again later, or ask for less."
            ) % {"seconds": seconds}
            services.report_fail(report_id=report_id, error=message)
        return False
    except (OperationalError, InterfaceError) as error:
        connection.close()  # a broken connection is opened anew by the next query
        if self.request.retries >= self.max_retries:
            with translation.override(selectors.report_language(report_id=report_id)):
                message = _("The database did not answer while the report was built. Try again in a few minutes.")
                services.report_fail(report_id=report_id, error=message)
            return False
        raise self.retry(exc=error, countdown=min(300, 5 * 2**self.request.retries)) from error
