from django.urls import path

from . import views

app_name = "pilots"

urlpatterns = [
    path("", views.pilot_list, name="list"),
    path("queue/", views.approval_queue, name="queue"),
    path("start/", views.pilot_start, name="start"),
    path("<int:pk>/", views.pilot_detail, name="detail"),
    path("<int:pk>/status/", views.pilot_status, name="status"),
    path("<int:pk>/results/", views.results_framework, name="results"),
    path("<int:pk>/results.xlsx", views.export_xlsx, name="export_xlsx"),
    path("<int:pk>/iati.xml", views.export_iati, name="export_iati"),
    path("<int:pk>/expenditures/new/", views.expenditure_add, name="expenditure_add"),
    path("milestones/<int:pk>/status/", views.milestone_status, name="milestone_status"),
    path("periods/<int:pk>/report/", views.update_create, name="update_create"),
    path("periods/<int:pk>/lock/", views.period_lock, name="period_lock"),
    path("updates/<int:pk>/", views.update_detail, name="update_detail"),
    path("updates/<int:pk>/edit/", views.update_edit, name="update_edit"),
    path("updates/<int:pk>/approve/", views.update_approve, name="update_approve"),
    path("updates/<int:pk>/return/", views.update_return, name="update_return"),
]
