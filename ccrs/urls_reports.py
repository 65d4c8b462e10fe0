"""Reports (ccrs/views_reports.py); declared in the permission matrix (tests/reports/matrix.py)."""

from django.urls import path

from . import views_reports as views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("request/", views.report_request, name="request"),
    path("<uuid:key>/", views.report_status, name="status"),
    path("<uuid:key>/download/", views.report_download, name="download"),
    path("<uuid:key>/retry/", views.report_retry, name="retry"),
]
