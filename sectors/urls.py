from django.urls import path

from ccrs.routes import route

from . import views

app_name = "sectors"

urlpatterns = [
    route("", views.overview),
    route("survey/<str:token>/", views.survey_public),
    route("survey/<str:token>/thanks/", views.survey_thanks),
    route("<slug:slug>/", views.workspace),
    path("<slug:slug>/start/", views.start, name="start"),
    path("<slug:slug>/settings/", views.assessment_settings, name="settings"),
    route("<slug:slug>/sectors/add/", views.sector_add),
    route("<slug:slug>/sectors/<int:sector_id>/", views.sector_edit),
    route("<slug:slug>/sectors/<int:sector_id>/values/", views.sector_values),
    path("<slug:slug>/sectors/<int:sector_id>/remove/", views.sector_remove, name="sector_remove"),
    route("<slug:slug>/values/import/", views.values_import),
    route("<slug:slug>/values/template/", views.values_template),
    route("<slug:slug>/ahp/", views.ahp),
    route("<slug:slug>/ranking/", views.ranking),
    path("<slug:slug>/submit/", views.submit, name="submit"),
    route("<slug:slug>/review/", views.review),
    path("<slug:slug>/reopen/", views.reopen, name="reopen"),
    route("<slug:slug>/survey/", views.survey),
    path("<slug:slug>/survey/apply/", views.survey_apply, name="survey_apply"),
    route("<slug:slug>/survey/renew/", views.survey_renew),
    route("<slug:slug>/selection/", views.selection_propose),
    route("<slug:slug>/selection/<int:selection_id>/decide/", views.selection_decide),
]
