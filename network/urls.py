from django.urls import path

from ccrs.routes import route

from .views import case_studies, discussions, events, home, library, members, mentoring

app_name = "network"

urlpatterns = [
    path("", home.network_home, name="home"),
    # Case studies: the city team's drafts and staff's review (the public pages are in urls_public.py).
    route("case-studies/", case_studies.case_study_list),
    path("case-studies/review/", case_studies.review_queue, name="case_study_review"),
    route("case-studies/<int:pk>/", case_studies.case_study_edit),
    route("case-studies/<int:pk>/step/", case_studies.case_study_step),
    path("case-studies/<int:pk>/quotes/", case_studies.quote_add, name="case_study_quote_add"),
    path("case-studies/quotes/<int:pk>/consent/", case_studies.quote_consent, name="case_study_quote_consent"),
    path("case-studies/<int:pk>/photos/", case_studies.photo_add, name="case_study_photo_add"),
    path("case-studies/photos/<int:pk>/", case_studies.photo_file, name="case_study_photo"),
    # Events and calendars
    route("events/", events.event_list),
    route("events/mine/", events.event_mine),
    route("events/new/", events.event_create),
    route("events/calendar/<str:token>/mine.ics", events.calendar_feed_mine),
    route("events/calendar/<str:token>/all.ics", events.calendar_feed_all),
    route("events/calendar/revoke/", events.calendar_revoke),
    route("events/<int:pk>/", events.event_detail),
    route("events/<int:pk>/register/", events.event_register),
    route("events/<int:pk>/unregister/", events.registration_cancel),
    route("events/<int:pk>/event.ics", events.event_ics),
    route("events/<int:pk>/edit/", events.event_edit),
    path("events/<int:pk>/cancel/", events.event_cancel, name="event_cancel"),
    route("events/<int:pk>/attendance/", events.event_attendance),
    route("events/<int:pk>/close/", events.event_close),
    # Discussions, notification preferences and the unsubscribe link.
    path("discussions/", discussions.category_list, name="discussions"),
    route("discussions/moderation/", discussions.moderation_queue),
    route("discussions/c/<slug:slug>/", discussions.category_detail),
    route("discussions/c/<slug:slug>/new/", discussions.topic_new),
    route("discussions/t/<int:pk>/", discussions.topic_detail),
    route("discussions/t/<int:pk>/reply/", discussions.post_reply),
    route("discussions/t/<int:pk>/follow/", discussions.topic_follow),
    route("discussions/t/<int:pk>/moderate/", discussions.topic_moderate),
    route("discussions/p/<int:pk>/edit/", discussions.post_edit),
    route("discussions/p/<int:pk>/flag/", discussions.post_flag),
    route("discussions/p/<int:pk>/decide/", discussions.moderation_decide),
    route("preferences/", discussions.preferences),
    route("unsubscribe/<str:token>/", discussions.unsubscribe),
    # The member directory.
    route("directory/", members.directory),
    route("people/<str:pk>/", members.person_detail),
    route("organisations/<str:pk>/", members.organisation_detail),
    route("profile/", members.profile_edit),
    route("members/", members.member_manage),
    path("members/<str:pk>/remove/", members.member_remove, name="member_remove"),
    path("members/invitations/<str:pk>/withdraw/", members.invitation_revoke, name="invitation_revoke"),
    path("join/<str:token>/", members.join, name="join"),
    route("cities/<slug:slug>/presence/", members.team_presence),
    # Mentoring.
    route("mentoring/", mentoring.pair_list),
    route("mentoring/new/", mentoring.pair_create),
    route("mentoring/<str:pk>/", mentoring.pair_detail),
    route("mentoring/<str:pk>/sessions/", mentoring.session_log),
    route("mentoring/<str:pk>/actions/", mentoring.action_add),
    path("mentoring/actions/<str:pk>/done/", mentoring.action_complete, name="action_complete"),
    # The resource library.
    route("library/", library.resource_list),
    route("library/new/", library.resource_new),
    route("library/<int:pk>/", library.resource_detail),
    route("library/<int:pk>/edit/", library.resource_edit),
    route("library/<int:pk>/delete/", library.resource_delete),
]
