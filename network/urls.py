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
