from django.urls import path

from ccrs.routes import route

from . import views

app_name = "cities"

urlpatterns = [
    path("", views.city_list, name="list"),
    route("applications/", views.application_list),
    route("applications/invite/", views.application_invite),
    path("applications/accept/<str:token>/", views.application_accept, name="application_accept"),
    route("applications/<int:pk>/", views.application_detail),
    route("applications/<int:pk>/edit/", views.application_edit),
    route("applications/<int:pk>/letter/", views.application_letter),
    route("applications/<int:pk>/review/", views.application_review),
    route("applications/<int:pk>/decide/", views.application_decide),
    path("applications/<int:pk>/resend/", views.application_resend, name="application_resend"),
    route("cohorts/<int:pk>/export.<str:fmt>", views.cohort_export),
    path("<slug:slug>/", views.city_dashboard, name="dashboard"),
    path("<slug:slug>/team/", views.city_team, name="team"),
    path("<slug:slug>/profile/", views.city_profile, name="profile"),
    route("<slug:slug>/cofunding/", views.cofunding_add),
    path("<slug:slug>/onboarding/", views.city_onboarding, name="onboarding"),
    route("<slug:slug>/onboarding/<int:step_id>/complete/", views.step_complete),
    route("<slug:slug>/onboarding/<int:step_id>/reopen/", views.step_reopen),
    route("<slug:slug>/onboarding/<int:step_id>/evidence/", views.step_evidence),
    route("<slug:slug>/invitations/<int:invitation_id>/resend/", views.invitation_resend),
    route("<slug:slug>/invitations/<int:invitation_id>/revoke/", views.invitation_revoke),
]
