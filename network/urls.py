from django.urls import path

from .views import home

app_name = "network"

urlpatterns = [
    path("", home.network_home, name="home"),
]

# The member directory.
from .views import members  # noqa: E402

urlpatterns += [
    path("directory/", members.directory, name="directory"),
    path("people/<str:pk>/", members.person_detail, name="person_detail"),
    path("organisations/<str:pk>/", members.organisation_detail, name="organisation_detail"),
    path("profile/", members.profile_edit, name="profile_edit"),
    path("members/", members.member_manage, name="member_manage"),
    path("members/<str:pk>/remove/", members.member_remove, name="member_remove"),
    path("members/invitations/<str:pk>/withdraw/", members.invitation_revoke, name="invitation_revoke"),
    path("join/<str:token>/", members.join, name="join"),
    path("cities/<slug:slug>/presence/", members.team_presence, name="team_presence"),
]

# Mentoring.
from .views import mentoring  # noqa: E402

urlpatterns += [
    path("mentoring/", mentoring.pair_list, name="pair_list"),
    path("mentoring/new/", mentoring.pair_create, name="pair_create"),
    path("mentoring/<str:pk>/", mentoring.pair_detail, name="pair_detail"),
    path("mentoring/<str:pk>/sessions/", mentoring.session_log, name="session_log"),
    path("mentoring/<str:pk>/actions/", mentoring.action_add, name="action_add"),
    path("mentoring/actions/<str:pk>/done/", mentoring.action_complete, name="action_complete"),
]
