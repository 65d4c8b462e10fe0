from django.urls import path

from .views import home

app_name = "network"

urlpatterns = [
    path("", home.network_home, name="home"),
]

# Events and calendars
from .views import events  # noqa: E402

urlpatterns += [
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
]

# The resource library (network/views/library.py).
from .views import library  # noqa: E402

urlpatterns += [
    path("library/", library.resource_list, name="resource_list"),
    path("library/new/", library.resource_new, name="resource_new"),
    path("library/<int:pk>/", library.resource_detail, name="resource_detail"),
    path("library/<int:pk>/edit/", library.resource_edit, name="resource_edit"),
    path("library/<int:pk>/delete/", library.resource_delete, name="resource_delete"),
]
