from django.urls import path

from . import views

app_name = "sectors"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("survey/<str:token>/", views.survey_public, name="survey_public"),
    path("survey/<str:token>/thanks/", views.survey_thanks, name="survey_thanks"),
    path("<slug:slug>/", views.workspace, name="workspace"),
    path("<slug:slug>/start/", views.start, name="start"),
    path("<slug:slug>/settings/", views.assessment_settings, name="settings"),
    path("<slug:slug>/sectors/add/", views.sector_add, name="sector_add"),
    path("<slug:slug>/sectors/<int:sector_id>/", views.sector_edit, name="sector_edit"),
    path("<slug:slug>/sectors/<int:sector_id>/values/", views.sector_values, name="sector_values"),
    path("<slug:slug>/sectors/<int:sector_id>/remove/", views.sector_remove, name="sector_remove"),
    path("<slug:slug>/values/import/", views.values_import, name="values_import"),
    path("<slug:slug>/values/template/", views.values_template, name="values_template"),
    path("<slug:slug>/ahp/", views.ahp, name="ahp"),
    path("<slug:slug>/ranking/", views.ranking, name="ranking"),
    path("<slug:slug>/submit/", views.submit, name="submit"),
    path("<slug:slug>/review/", views.review, name="review"),
    path("<slug:slug>/reopen/", views.reopen, name="reopen"),
    path("<slug:slug>/survey/", views.survey, name="survey"),
    path("<slug:slug>/survey/apply/", views.survey_apply, name="survey_apply"),
    path("<slug:slug>/survey/renew/", views.survey_renew, name="survey_renew"),
    path("<slug:slug>/selection/", views.selection_propose, name="selection_propose"),
    path("<slug:slug>/selection/<int:selection_id>/decide/", views.selection_decide, name="selection_decide"),
]
