from django.urls import path

from . import views

app_name = "cocreation"

urlpatterns = [
    path("respond/<str:token>/", views.respond, name="respond"),
    path("respond/<str:token>/vote/", views.vote, name="vote"),
    path("city/<slug:slug>/", views.process_list, name="processes"),
    path("city/<slug:slug>/stakeholders/", views.stakeholder_list, name="stakeholders"),
    path("process/<int:pk>/", views.process_detail, name="process"),
    path("workshop/<int:pk>/", views.workshop_detail, name="workshop"),
    path("workshop/<int:pk>/submissions/", views.submission_list, name="submissions"),
    path("workshop/<int:pk>/ideas/", views.idea_list, name="ideas"),
    path("workshop/<int:pk>/export.<str:fmt>", views.workshop_export, name="workshop_export"),
    path("invitation/<int:pk>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    path("call/<int:pk>/", views.call_detail, name="call"),
    path("call/<int:pk>/export.<str:fmt>", views.call_export, name="call_export"),
]
