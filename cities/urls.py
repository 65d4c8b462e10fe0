from django.urls import path

from . import views

app_name = "cities"

urlpatterns = [
    path("", views.city_list, name="list"),
    path("<slug:slug>/", views.city_dashboard, name="dashboard"),
    path("<slug:slug>/team/", views.city_team, name="team"),
    path("<slug:slug>/invitations/<int:invitation_id>/resend/", views.invitation_resend, name="invitation_resend"),
    path("<slug:slug>/invitations/<int:invitation_id>/revoke/", views.invitation_revoke, name="invitation_revoke"),
]
