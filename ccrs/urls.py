"""The URL configuration. Every URL here is declared in tests/test_permission_matrix.py."""

from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import files, views
from .routes import route

admin.site.site_header = _("CCRS Platform administration")
admin.site.site_title = _("CCRS Platform")
admin.site.index_title = _("Data care")

urlpatterns = [
    route("", views.home),
    route("healthz", views.healthz),
    path("language/", views.language_set, name="set_language"),
    route("profile/", views.profile),
    route("program/", views.program_dashboard),
    route("program/benchmark/", views.program_benchmark),
    route("program/benchmark/export.<str:fmt>", views.program_benchmark_export),
    path("invitations/", views.invitations_mine, name="invitations"),
    path("invitations/accept/<str:token>/", views.invitation_accept, name="invitation_accept"),
    route("staff/enrol/", views.staff_enrolment),
    route("staff/enrol/<str:token>/", views.staff_enrolment_confirm),
    path("cities/", include("cities.urls")),
    path("sectors/", include("sectors.urls")),
    path("cocreation/", include("cocreation.urls")),
    path("pilots/", include("pilots.urls")),
    path("network/", include("network.urls")),
    path("", include("network.urls_public")),  # published case studies, the public program page, the sitemap
    path("reports/", include("ccrs.urls_reports")),
    route("admin/login/", views.admin_login),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("media/<path:name>", files.media_serve, name="media"),
]

handler403 = "ccrs.views.error_403"
handler404 = "ccrs.views.error_404"
