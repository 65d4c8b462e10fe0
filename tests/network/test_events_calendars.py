"""The calendars: every output parsed back with icalendar; zone, UID, SEQUENCE, STATUS; the secret feeds."""

from datetime import timedelta

import icalendar
import pytest
from django.urls import reverse

from ccrs import links
from network import calendars
from network.models import MemberProfile
from network.services import events as services
from tests.network.events_factories import make_event, people

pytestmark = pytest.mark.django_db


def parsed(body: bytes):
    calendar = icalendar.Calendar.from_ical(body)
    return calendar, list(calendar.walk("VEVENT"))


def test_an_events_ics_is_in_the_readers_zone_with_its_vtimezone(staff, member_a, client_for):
    """A Can Tho officer's .ics says Asia/Ho_Chi_Minh, carries its VTIMEZONE and the event's stable UID."""
    event = make_event(staff)
    response = client_for(member_a).get(reverse("network:event_ics", kwargs={"pk": event.pk}))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar, (vevent,) = parsed(response.content)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    assert vevent["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert vevent.decoded("DTSTART") == event.starts_at
    assert vevent.decoded("DTEND") == event.ends_at
    assert str(vevent["UID"]) == f"{event.uid}@ccrs-platform"
    assert vevent["SEQUENCE"] == 0 and str(vevent["STATUS"]) == "CONFIRMED"


def test_the_online_link_and_place_are_only_in_a_registered_persons_calendar(staff, member_a, client_for):
    event = make_event(staff, online_url="https://meet.example.org/secret-room", place="Ninh Kieu wharf")
    url = reverse("network:event_ics", kwargs={"pk": event.pk})
    _calendar, (before,) = parsed(client_for(member_a).get(url).content)
    assert "secret-room" not in str(before["DESCRIPTION"]) and "LOCATION" not in before
    services.registration_create(event=event, user=member_a)
    _calendar, (after,) = parsed(client_for(member_a).get(url).content)
    assert "https://meet.example.org/secret-room" in str(after["DESCRIPTION"])
    assert str(after["LOCATION"]) == "Ninh Kieu wharf"


def test_a_moved_event_keeps_its_uid_and_raises_sequence_and_a_cancelled_one_says_so(staff):
    event = make_event(staff)
    zone = __import__("zoneinfo").ZoneInfo("Asia/Bangkok")
    _c, (first,) = parsed(calendars.event_ics(event, zone=zone, seated=False))
    later = event.starts_at + timedelta(days=1)
    event = services.event_update(event=event, starts_at=later, ends_at=later + timedelta(hours=2))
    _c, (moved,) = parsed(calendars.event_ics(event, zone=zone, seated=False))
    assert moved["UID"] == first["UID"]
    assert (first["SEQUENCE"], moved["SEQUENCE"]) == (0, 1)
    assert moved.decoded("DTSTART") == later
    event = services.event_cancel(event=event)
    _c, (cancelled,) = parsed(calendars.event_ics(event, zone=zone, seated=False))
    assert str(cancelled["STATUS"]) == "CANCELLED" and cancelled["SEQUENCE"] == 2


def test_the_personal_feeds_list_the_right_events_in_the_persons_zone(staff, client_for):
    mine, other = make_event(staff, title="Mine"), make_event(staff, title="Not mine", days=9)
    (person,) = people(1)
    MemberProfile.objects.create(user=person, time_zone="Asia/Kuala_Lumpur")
    services.registration_create(event=mine, user=person)
    feed = services.calendar_feed_of(user=person)
    anonymous = client_for(None)
    calendar, events = parsed(anonymous.get(links.link_url(services.FEED_MINE, feed)).content)
    assert [str(e["SUMMARY"]) for e in events] == ["Mine"]
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Kuala_Lumpur"]
    assert events[0]["DTSTART"].params["TZID"] == "Asia/Kuala_Lumpur"
    _calendar, every_event = parsed(anonymous.get(links.link_url(services.FEED_ALL, feed)).content)
    by_title = {str(e["SUMMARY"]): e for e in every_event}
    assert set(by_title) == {"Mine", "Not mine"}
    assert mine.online_url in str(by_title["Mine"]["DESCRIPTION"])
    assert other.online_url not in str(by_title["Not mine"]["DESCRIPTION"])
    assert {str(e["UID"]) for e in every_event} == {calendars.event_uid(mine), calendars.event_uid(other)}


def test_a_revoked_or_altered_feed_address_gives_404_and_reveals_nothing(staff, client_for):
    event = make_event(staff, title="Quiet exchange")
    (person,) = people(1)
    services.registration_create(event=event, user=person)
    feed = services.calendar_feed_of(user=person)
    old_mine, old_all = links.link_url(services.FEED_MINE, feed), links.link_url(services.FEED_ALL, feed)
    client = client_for(None)
    assert client.get(old_mine).status_code == 200
    altered = old_mine.replace("/mine.ics", "x/mine.ics")
    other_kind = old_mine.replace(links.link_token(services.FEED_MINE, feed), links.link_token(services.FEED_ALL, feed))
    services.calendar_feed_revoke(user=person)
    for url in [old_mine, old_all, altered, other_kind]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert b"Quiet exchange" not in response.content
        assert b"BEGIN:VCALENDAR" not in response.content
    feed.refresh_from_db()
    assert client.get(links.link_url(services.FEED_MINE, feed)).status_code == 200


def test_a_feed_of_someone_who_left_the_network_gives_404(staff, client_for):
    (person,) = people(1)
    feed = services.calendar_feed_of(user=person)
    url = links.link_url(services.FEED_ALL, feed)
    person.is_network_member = False
    person.save(update_fields=["is_network_member"])
    assert client_for(None).get(url).status_code == 404
