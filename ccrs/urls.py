"""The URL configuration. Every URL here is declared in tests/test_permission_matrix.py."""

from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import files, views

admin.site.site_header = _("CCRS Platform administration")
admin.site.site_title = _("CCRS Platform")
admin.site.index_title = _("Data care")

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("language/", views.language_set, name="set_language"),
    path("profile/", views.profile, name="profile"),
    path("program/", views.program_dashboard, name="program_dashboard"),
    path("program/benchmark/", views.program_benchmark, name="program_benchmark"),
    path("program/benchmark/export.<str:fmt>", views.program_benchmark_export, name="program_benchmark_export"),
    path("invitations/", views.invitations_mine, name="invitations"),
    path("invitations/accept/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("staff/enrol/", views.staff_enrolment, name="staff_enrolment"),
    path("staff/enrol/<str:token>/", views.staff_enrolment_confirm, name="staff_enrolment_confirm"),
    path("cities/", include("cities.urls")),
    path("sectors/", include("sectors.urls")),
    path("cocreation/", include("cocreation.urls")),
    path("pilots/", include("pilots.urls")),
    path("network/", include("network.urls")),
    path("", include("network.urls_public")),  # published case studies, the public program page, the sitemap
    path("reports/", include("ccrs.urls_reports")),
    path("admin/login/", views.admin_login, name="admin_login"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("media/<path:name>", files.media_serve, name="media"),
]

handler403 = "ccrs.views.error_403"
handler404 = "ccrs.views.error_404"
