"""The project package: settings, URLs, the Celery app, accounts and roles, dashboards."""

from .celery import app as celery_app

__all__ = ["celery_app"]
