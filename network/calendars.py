"""The network's calendars as iCalendar (RFC 5545), built with the `icalendar` library: one event's .ics
and the feeds of a person's own events and of all the network's events.

Times are written in the reader's zone with its VTIMEZONE block; each event keeps one UID for its life, its
SEQUENCE (raised on every change of time or place) and STATUS:CANCELLED once cancelled, so a calendar that
imported or subscribed replaces its copy. The place and the online link are written only for a person with
a seat (`seated`), in LOCATION and DESCRIPTION.
"""

from datetime import UTC
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.urls import reverse

PRODID = "-//Resilient Cities Network//CCRS Platform peer network//EN"
UID_DOMAIN = "ccrs-platform"


def event_uid(event) -> str:
    return f"{event.uid}@{UID_DOMAIN}"


def _component(event, *, zone: ZoneInfo, seated: bool) -> icalendar.Event:
    url = f"{settings.SITE_URL}{reverse('network:event_detail', kwargs={'pk': event.pk})}"
    component = icalendar.Event()
    component.add("uid", event_uid(event))
    component.add("dtstamp", event.updated_at.astimezone(UTC))
    component.add("dtstart", event.starts_at.astimezone(zone))
    component.add("dtend", event.ends_at.astimezone(zone))
    component.add("sequence", event.sequence)
    component.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    component.add("summary", event.title)
    component.add("url", url)
    lines = [event.description.strip()] if event.description.strip() else []
    if event.speakers.strip():
        lines.append(event.speakers.strip())
    if seated:
        if event.place:
            component.add("location", event.place)
        if event.online_url:
            lines.append(event.online_url)
    lines.append(url)
    component.add("description", "\n\n".join(lines))
    return component


def _calendar(name: str | None = None) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def event_ics(event, *, zone: ZoneInfo, seated: bool) -> bytes:
    """One event's .ics, for "Add to calendar"."""
    calendar = _calendar()
    calendar.add_component(_component(event, zone=zone, seated=seated))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def feed_ics(events, *, zone: ZoneInfo, seated_ids: set[int], name: str) -> bytes:
    """A calendar feed of `events`; the place and link of those in `seated_ids` only."""
    calendar = _calendar(name)
    calendar.add("x-wr-timezone", str(zone.key))
    for event in events:
        calendar.add_component(_component(event, zone=zone, seated=event.pk in seated_ids))
    calendar.add_missing_timezones()
    return calendar.to_ical()
