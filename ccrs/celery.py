"""The Celery app. Settings come from Django's, prefixed CELERY_ (see ccrs/settings.py).

Run a worker with: celery -A ccrs worker --loglevel=INFO
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ccrs.settings")

app = Celery("ccrs")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
