"""The events' pages: times in the reader's zone, the place only for registered people, registering through
the page, the waitlist's turn, the organiser's pages, and the list's query budget."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from network.models import Registration, RegistrationStatus
from network.services import events as services
from tests.network.events_factories import make_event, people
from tests.querybudget import assert_query_budget

pytestmark = pytest.mark.django_db

LIST_BUDGET = 9


def test_the_list_shows_times_in_the_readers_zone_with_its_name(staff, member_a, client_for):
    starts_at = make_event(staff).starts_at.replace(hour=2, minute=30)
    make_event(staff, title="Batik going green", starts_at=starts_at)
    body = client_for(member_a).get(reverse("network:event_list")).content.decode()
    assert "Batik going green" in body
    assert "9:30" in body and "UTC+07:00" in body
    assert "None" not in body


def test_a_stakeholder_cannot_see_the_events(stakeholder, client_for):
    assert client_for(stakeholder).get(reverse("network:event_list")).status_code == 403


def test_the_place_and_link_are_shown_only_to_registered_people(staff, member_a, member_b, client_for):
    event = make_event(staff, place="Han river pier", online_url="https://meet.example.org/hidden")
    services.registration_create(event=event, user=member_a)
    url = reverse("network:event_detail", kwargs={"pk": event.pk})
    seated = client_for(member_a).get(url).content.decode()
    other = client_for(member_b).get(url).content.decode()
    assert "Han river pier" in seated and "https://meet.example.org/hidden" in seated
    assert "Han river pier" not in other and "meet.example.org/hidden" not in other
    assert reverse("network:event_ics", kwargs={"pk": event.pk}) in other


def test_registering_on_a_full_event_shows_the_waitlist_turn(staff, client_for):
    event = make_event(staff, capacity=1)
    first, second, third = people(3)
    for person in (first, second):
        client_for(person).post(reverse("network:event_register", kwargs={"pk": event.pk}))
    response = client_for(third).post(reverse("network:event_register", kwargs={"pk": event.pk}), follow=True)
    body = response.content.decode()
    assert "waitlist, number 2" in body
    assert Registration.objects.get(user=third).status == RegistrationStatus.WAITLISTED
    client_for(first).post(reverse("network:registration_cancel", kwargs={"pk": event.pk}))
    body = client_for(third).get(reverse("network:event_detail", kwargs={"pk": event.pk})).content.decode()
    assert "waitlist, number 1" in body


def test_the_registration_form_asks_the_events_questions(staff, member_a, client_for):
    event = make_event(staff, questions=[{"text": "What would you like to learn?", "required": True}])
    url = reverse("network:event_register", kwargs={"pk": event.pk})
    client = client_for(member_a)
    assert "What would you like to learn?" in client.get(url).content.decode()
    response = client.post(url, {"0": ""})
    assert response.status_code == 200 and not Registration.objects.exists()
    client.post(url, {"0": "Waste banks"})
    assert Registration.objects.get(user=member_a).answers == {"0": "Waste banks"}


def test_cancelling_after_the_start_is_refused_with_a_message(staff, member_a, client_for):
    event = make_event(staff, days=1)
    services.registration_create(event=event, user=member_a)
    with time_machine.travel(event.starts_at + timedelta(minutes=10)):
        response = client_for(member_a).post(
            reverse("network:registration_cancel", kwargs={"pk": event.pk}), follow=True
        )
    assert "already started" in response.content.decode()
    assert Registration.objects.get(user=member_a).status == RegistrationStatus.REGISTERED


def test_staff_schedule_an_event_on_the_places_clock(staff, client_for):
    response = client_for(staff).post(
        reverse("network:event_create"),
        {
            "kind": "training",
            "title": "Pelatihan bank sampah",
            "time_zone": "Asia/Jakarta",
            "starts_at": "2030-03-04T09:00",
            "ends_at": "2030-03-04T12:00",
            "language": "id",
            "place": "Balai Kota Semarang",
            "capacity": "30",
            "questions": "Asal kota *\nCatatan",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    event = staff.network_events.get()
    assert event.starts_at.isoformat() == "2030-03-04T02:00:00+00:00"
    assert event.questions == [{"text": "Asal kota", "required": True}, {"text": "Catatan", "required": False}]


def test_an_organiser_records_attendance_and_closes_the_event(staff, member_a, client_for):
    event = make_event(staff, days=1)
    services.registration_create(event=event, user=member_a)
    client = client_for(staff)
    with time_machine.travel(event.ends_at + timedelta(hours=1)):
        client.post(reverse("network:event_attendance", kwargs={"pk": event.pk}), {"attended": [member_a.pk]})
        client.post(
            reverse("network:event_close", kwargs={"pk": event.pk}),
            {"summary": "Good exchange.", "recording_url": "https://rec.example.org/x"},
        )
        body = client.get(reverse("network:event_detail", kwargs={"pk": event.pk})).content.decode()
    assert Registration.objects.get(user=member_a).attended is True
    assert "Good exchange." in body and "Participant city: 1" in body


def test_the_event_pages_fit_a_phone_and_never_show_none(staff, member_a, client_for):
    event = make_event(staff, capacity=5)
    client = client_for(member_a)
    for name, kwargs in [
        ("network:event_list", {}),
        ("network:event_mine", {}),
        ("network:event_detail", {"pk": event.pk}),
    ]:
        body = client.get(reverse(name, kwargs=kwargs)).content.decode()
        assert not re.search(r">\s*None\s*<", body), name
        assert 'name="viewport"' in body


def test_the_event_list_keeps_its_query_budget(staff, member_a, client_for, needs_postgres):
    event = make_event(staff, capacity=2)
    for person in people(3):
        services.registration_create(event=event, user=person)
    services.registration_create(event=make_event(staff, days=2), user=member_a)
    make_event(staff, days=-3)
    assert_query_budget(client_for(member_a), reverse("network:event_list"), LIST_BUDGET)
