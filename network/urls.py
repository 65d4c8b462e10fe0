from django.urls import path

from .views import case_studies, discussions, events, home, library, members, mentoring

app_name = "network"

urlpatterns = [
    path("", home.network_home, name="home"),
    # Case studies: the city team's drafts and staff's review (the public pages are in urls_public.py).
    path("case-studies/", case_studies.case_study_list, name="case_study_list"),
    path("case-studies/review/", case_studies.review_queue, name="case_study_review"),
    path("case-studies/<int:pk>/", case_studies.case_study_edit, name="case_study_edit"),
    path("case-studies/<int:pk>/step/", case_studies.case_study_step, name="case_study_step"),
    path("case-studies/<int:pk>/quotes/", case_studies.quote_add, name="case_study_quote_add"),
    path("case-studies/quotes/<int:pk>/consent/", case_studies.quote_consent, name="case_study_quote_consent"),
    path("case-studies/<int:pk>/photos/", case_studies.photo_add, name="case_study_photo_add"),
    path("case-studies/photos/<int:pk>/", case_studies.photo_file, name="case_study_photo"),
    # Events and calendars
    path("events/", events.event_list, name="event_list"),
    path("events/mine/", events.event_mine, name="event_mine"),
    path("events/new/", events.event_create, name="event_create"),
    path("events/calendar/<str:token>/mine.ics", events.calendar_feed_mine, name="calendar_feed_mine"),
    path("events/calendar/<str:token>/all.ics", events.calendar_feed_all, name="calendar_feed_all"),
    path("events/calendar/revoke/", events.calendar_revoke, name="calendar_revoke"),
    path("events/<int:pk>/", events.event_detail, name="event_detail"),
    path("events/<int:pk>/register/", events.event_register, name="event_register"),
    path("events/<int:pk>/unregister/", events.registration_cancel, name="registration_cancel"),
    path("events/<int:pk>/event.ics", events.event_ics, name="event_ics"),
    path("events/<int:pk>/edit/", events.event_edit, name="event_edit"),
    path("events/<int:pk>/cancel/", events.event_cancel, name="event_cancel"),
    path("events/<int:pk>/attendance/", events.event_attendance, name="event_attendance"),
    path("events/<int:pk>/close/", events.event_close, name="event_close"),
    # Discussions, notification preferences and the unsubscribe link.
    path("discussions/", discussions.category_list, name="discussions"),
    path("discussions/moderation/", discussions.moderation_queue, name="moderation_queue"),
    path("discussions/c/<slug:slug>/", discussions.category_detail, name="category_detail"),
    path("discussions/c/<slug:slug>/new/", discussions.topic_new, name="topic_new"),
    path("discussions/t/<int:pk>/", discussions.topic_detail, name="topic_detail"),
    path("discussions/t/<int:pk>/reply/", discussions.post_reply, name="post_reply"),
    path("discussions/t/<int:pk>/follow/", discussions.topic_follow, name="topic_follow"),
    path("discussions/t/<int:pk>/moderate/", discussions.topic_moderate, name="topic_moderate"),
    path("discussions/p/<int:pk>/edit/", discussions.post_edit, name="post_edit"),
    path("discussions/p/<int:pk>/flag/", discussions.post_flag, name="post_flag"),
    path("discussions/p/<int:pk>/decide/", discussions.moderation_decide, name="moderation_decide"),
    path("preferences/", discussions.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", discussions.unsubscribe, name="unsubscribe"),
    # The member directory.
    path("directory/", members.directory, name="directory"),
    path("people/<str:pk>/", members.person_detail, name="person_detail"),
    path("organisations/<str:pk>/", members.organisation_detail, name="organisation_detail"),
    path("profile/", members.profile_edit, name="profile_edit"),
    path("members/", members.member_manage, name="member_manage"),
    path("members/<str:pk>/remove/", members.member_remove, name="member_remove"),
    path("members/invitations/<str:pk>/withdraw/", members.invitation_revoke, name="invitation_revoke"),
    path("join/<str:token>/", members.join, name="join"),
    path("cities/<slug:slug>/presence/", members.team_presence, name="team_presence"),
    # Mentoring.
    path("mentoring/", mentoring.pair_list, name="pair_list"),
    path("mentoring/new/", mentoring.pair_create, name="pair_create"),
    path("mentoring/<str:pk>/", mentoring.pair_detail, name="pair_detail"),
    path("mentoring/<str:pk>/sessions/", mentoring.session_log, name="session_log"),
    path("mentoring/<str:pk>/actions/", mentoring.action_add, name="action_add"),
    path("mentoring/actions/<str:pk>/done/", mentoring.action_complete, name="action_complete"),
    # The resource library.
    path("library/", library.resource_list, name="resource_list"),
    path("library/new/", library.resource_new, name="resource_new"),
    path("library/<int:pk>/", library.resource_detail, name="resource_detail"),
    path("library/<int:pk>/edit/", library.resource_edit, name="resource_edit"),
    path("library/<int:pk>/delete/", library.resource_delete, name="resource_delete"),
]
