from django.urls import path

from ccrs.routes import route

from . import views

app_name = "pilots"

urlpatterns = [
    path("", views.pilot_list, name="list"),
    path("queue/", views.approval_queue, name="queue"),
    path("start/", views.pilot_start, name="start"),
    path("<int:pk>/", views.pilot_detail, name="detail"),
    path("<int:pk>/status/", views.pilot_status, name="status"),
    path("<int:pk>/results/", views.results_framework, name="results"),
    route("<int:pk>/results.xlsx", views.export_xlsx),
    route("<int:pk>/iati.xml", views.export_iati),
    route("<int:pk>/expenditures/new/", views.expenditure_add),
    route("milestones/<int:pk>/status/", views.milestone_status),
    route("periods/<int:pk>/report/", views.update_create),
    route("periods/<int:pk>/lock/", views.period_lock),
    route("updates/<int:pk>/", views.update_detail),
    route("updates/<int:pk>/edit/", views.update_edit),
    route("updates/<int:pk>/approve/", views.update_approve),
    route("updates/<int:pk>/return/", views.update_return),
]
