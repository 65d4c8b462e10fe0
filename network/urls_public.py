"""The network's public addresses (no account): published case studies, the program page and the sitemap.
Included at the site's root by ccrs/urls.py."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from ccrs.routes import route

from .views import public_case_studies as views

app_name = "public"

urlpatterns = [
    route("case-studies/", views.case_study_list),
    path("case-studies/<slug:city>/<slug:slug>/", views.case_study_detail, name="case_study"),
    route("case-studies/<slug:city>/<slug:slug>/pdf/", views.case_study_pdf),
    route("case-studies/<slug:city>/<slug:slug>/photos/<int:pk>/", views.case_study_photo),
    path("program/public/", views.program_public, name="program"),
    path("sitemap.xml", sitemap, {"sitemaps": views.SITEMAPS}, name="sitemap"),
]
