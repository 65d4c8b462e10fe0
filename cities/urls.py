from django.urls import path

from . import views

app_name = "cities"

urlpatterns = [
    path("", views.city_list, name="list"),
    path("applications/", views.application_list, name="application_list"),
    path("applications/invite/", views.application_invite, name="application_invite"),
    path("applications/accept/<str:token>/", views.application_accept, name="application_accept"),
    path("applications/<int:pk>/", views.application_detail, name="application_detail"),
    path("applications/<int:pk>/edit/", views.application_edit, name="application_edit"),
    path("applications/<int:pk>/letter/", views.application_letter, name="application_letter"),
    path("applications/<int:pk>/review/", views.application_review, name="application_review"),
    path("applications/<int:pk>/decide/", views.application_decide, name="application_decide"),
    path("applications/<int:pk>/resend/", views.application_resend, name="application_resend"),
    path("cohorts/<int:pk>/export.<str:fmt>", views.cohort_export, name="cohort_export"),
    path("<slug:slug>/", views.city_dashboard, name="dashboard"),
    path("<slug:slug>/team/", views.city_team, name="team"),
    path("<slug:slug>/profile/", views.city_profile, name="profile"),
    path("<slug:slug>/cofunding/", views.cofunding_add, name="cofunding_add"),
    path("<slug:slug>/onboarding/", views.city_onboarding, name="onboarding"),
    path("<slug:slug>/onboarding/<int:step_id>/complete/", views.step_complete, name="step_complete"),
    path("<slug:slug>/onboarding/<int:step_id>/reopen/", views.step_reopen, name="step_reopen"),
    path("<slug:slug>/onboarding/<int:step_id>/evidence/", views.step_evidence, name="step_evidence"),
    path("<slug:slug>/invitations/<int:invitation_id>/resend/", views.invitation_resend, name="invitation_resend"),
    path("<slug:slug>/invitations/<int:invitation_id>/revoke/", views.invitation_revoke, name="invitation_revoke"),
]
