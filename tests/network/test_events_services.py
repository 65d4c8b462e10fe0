"""The events' services: seats and the waitlist under the event's row lock, refusals, SEQUENCE, e-mails once."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from network.models import Event, MemberProfile, Organisation, Registration, RegistrationStatus
from network.selectors.events import attendance_by_organisation_kind, waitlist_position
from network.services import events as services
from tests.concurrency import at_once
from tests.network.events_factories import make_event, people

pytestmark = pytest.mark.django_db

REGISTERED, WAITLISTED, CANCELLED = (
    RegistrationStatus.REGISTERED,
    RegistrationStatus.WAITLISTED,
    RegistrationStatus.CANCELLED,
)


def statuses(event):
    return dict(event.registrations.values_list("user__email", "status"))


def test_past_capacity_a_registration_goes_to_the_waitlist(staff):
    event = make_event(staff, capacity=2)
    a, b, c = people(3)
    assert services.registration_create(event=event, user=a).status == REGISTERED
    assert services.registration_create(event=event, user=b).status == REGISTERED
    third = services.registration_create(event=event, user=c)
    assert third.status == WAITLISTED
    assert waitlist_position(registration=third) == 1


def test_registering_twice_changes_nothing(staff):
    event = make_event(staff, capacity=1)
    a, b = people(2)
    first = services.registration_create(event=event, user=a)
    again = services.registration_create(event=event, user=a)
    waiting = services.registration_create(event=event, user=b)
    waiting_again = services.registration_create(event=event, user=b)
    assert again.pk == first.pk and again.status == REGISTERED and again.queued_at == first.queued_at
    assert waiting_again.pk == waiting.pk and waiting_again.status == WAITLISTED
    assert Registration.objects.filter(event=event).count() == 2


def test_a_cancellation_promotes_the_next_person_and_emails_them(staff, django_capture_on_commit_callbacks):
    event = make_event(staff, capacity=1)
    a, b, c = people(3)
    seat = services.registration_create(event=event, user=a)
    services.registration_create(event=event, user=b)
    services.registration_create(event=event, user=c)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=seat)
    assert statuses(event) == {a.email: CANCELLED, b.email: REGISTERED, c.email: WAITLISTED}
    assert [m.to for m in mail.outbox] == [[b.email]]
    assert event.title in mail.outbox[0].subject
    assert event.online_url in mail.outbox[0].body
    assert waitlist_position(registration=Registration.objects.get(user=c)) == 1


def test_two_cancellations_never_promote_the_same_seat_twice(staff):
    """Two seats freed one after the other go to two different people, in their waitlist order."""
    event = make_event(staff, capacity=2)
    a, b, c, d, e = people(5)
    seats = [services.registration_create(event=event, user=u) for u in (a, b)]
    for u in (c, d, e):
        services.registration_create(event=event, user=u)
    for seat in seats:
        services.registration_cancel(registration=seat)
    assert statuses(event) == {
        a.email: CANCELLED,
        b.email: CANCELLED,
        c.email: REGISTERED,
        d.email: REGISTERED,
        e.email: WAITLISTED,
    }
    with pytest.raises(ValidationError):
        services.registration_cancel(registration=seats[0])
    assert event.registrations.filter(status=REGISTERED).count() == 2


def test_cancelling_after_the_event_started_is_refused_with_a_message(staff):
    event = make_event(staff, days=1, capacity=1)
    a, b = people(2)
    seat = services.registration_create(event=event, user=a)
    services.registration_create(event=event, user=b)
    with (
        time_machine.travel(event.starts_at + timedelta(minutes=5)),
        pytest.raises(ValidationError, match="already started"),
    ):
        services.registration_cancel(registration=seat)
    assert statuses(event) == {a.email: REGISTERED, b.email: WAITLISTED}


def test_registering_for_a_started_or_cancelled_event_is_refused(staff):
    event = make_event(staff, days=1)
    (a,) = people(1)
    with time_machine.travel(event.starts_at + timedelta(minutes=1)), pytest.raises(ValidationError, match="started"):
        services.registration_create(event=event, user=a)
    services.event_cancel(event=event)
    with pytest.raises(ValidationError, match="cancelled"):
        services.registration_create(event=event, user=a)
    assert not Registration.objects.exists()


def test_growing_the_capacity_promotes_as_many_as_it_allows(staff, django_capture_on_commit_callbacks):
    event = make_event(staff, capacity=1)
    users = people(5)
    for u in users:
        services.registration_create(event=event, user=u)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.event_capacity_change(event=event, capacity=3)
    assert [r.user for r in promoted] == users[1:3]
    assert event.registrations.filter(status=REGISTERED).count() == 3
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in users[1:3])
    assert services.event_capacity_change(event=event, capacity=None)  # no limit: everyone waiting gets in
    assert event.registrations.filter(status=WAITLISTED).count() == 0


def test_the_capacity_cannot_fall_below_the_seats_taken(staff):
    event = make_event(staff, capacity=3)
    for u in people(3):
        services.registration_create(event=event, user=u)
    with pytest.raises(ValidationError, match="3 people"):
        services.event_capacity_change(event=event, capacity=2)
    event.refresh_from_db()
    assert event.capacity == 3


def test_a_required_question_must_be_answered(staff):
    event = make_event(staff, questions=[{"text": "Your city", "required": True}, {"text": "Diet", "required": False}])
    (a,) = people(1)
    with pytest.raises(ValidationError, match="Your city"):
        services.registration_create(event=event, user=a, answers={"1": "vegetarian"})
    registration = services.registration_create(event=event, user=a, answers={"0": " Can Tho ", "5": "ignored"})
    assert registration.answers == {"0": "Can Tho"}


def test_a_change_of_time_raises_sequence_once_and_sends_one_update(staff, django_capture_on_commit_callbacks):
    event = make_event(staff, capacity=1)
    a, b = people(2)
    services.registration_create(event=event, user=a)
    services.registration_create(event=event, user=b)  # waiting: not told of a new time
    mail.outbox.clear()
    later = event.starts_at + timedelta(hours=3)
    with django_capture_on_commit_callbacks(execute=True):
        event = services.event_update(event=event, starts_at=later, ends_at=later + timedelta(hours=2))
    assert event.sequence == 1
    assert [m.to for m in mail.outbox] == [[a.email]]
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(event=event, title="Waterfront tourism: a second look")  # not time or place
        services.event_update(event=event, starts_at=later, ends_at=later + timedelta(hours=2))  # no change
    event.refresh_from_db()
    assert event.sequence == 1
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(event=event, place="Online only", online_url="https://meet.example.org/new")
    event.refresh_from_db()
    assert event.sequence == 2 and len(mail.outbox) == 2
    assert services.event_changed_notify(event_id=event.pk, sequence=2) == 0  # a second run sends nothing


def test_cancelling_an_event_raises_sequence_and_tells_everyone_once(staff, django_capture_on_commit_callbacks):
    event = make_event(staff, capacity=1)
    a, b = people(2)
    services.registration_create(event=event, user=a)
    services.registration_create(event=event, user=b)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event = services.event_cancel(event=event)
    assert event.sequence == 1 and event.is_cancelled
    assert sorted(m.to[0] for m in mail.outbox) == sorted([a.email, b.email])
    with pytest.raises(ValidationError):
        services.event_cancel(event=event)
    with pytest.raises(ValidationError):
        services.event_update(event=event, title="Again")


def test_reminders_are_sent_once_with_the_time_in_the_readers_zone(staff, member_a, settings):
    """A Can Tho officer reads 16:00 (UTC+7) for an event at 09:00 UTC; the day's and the hour's reminder
    each leave once, however often the beat runs."""
    settings.NETWORK_EVENT_REMINDERS_HOURS = [24, 1]
    starts_at = (timezone.now() + timedelta(days=3)).replace(hour=9, minute=0, second=0, microsecond=0)
    event = make_event(staff, starts_at=starts_at, place="Ninh Kieu wharf", online_url="https://meet.example.org/ct")
    services.registration_create(event=event, user=member_a)
    mail.outbox.clear()
    assert services.reminders_send(now=starts_at - timedelta(hours=30)) == 0
    with time_machine.travel(starts_at - timedelta(hours=23)):
        assert services.reminders_send() == 1
        assert services.reminders_send() == 0
    body = mail.outbox[0].body
    assert "4:00\u202fPM" in body or "4:00 PM" in body
    assert "UTC+07:00" in body
    assert "Ninh Kieu wharf" in body and "https://meet.example.org/ct" in body
    with time_machine.travel(starts_at - timedelta(minutes=50)):
        assert services.reminders_send() == 1
        assert services.reminders_send() == 0
    assert len(mail.outbox) == 2


def test_a_late_registrant_gets_only_the_nearest_reminder(staff):
    starts_at = timezone.now().replace(microsecond=0) + timedelta(hours=2)
    event = make_event(staff, starts_at=starts_at)
    (a,) = people(1)
    services.registration_create(event=event, user=a)
    with time_machine.travel(starts_at - timedelta(minutes=30)):
        assert services.reminders_send() == 1
        assert services.reminders_send() == 0


def test_a_reminder_is_in_the_readers_language(staff):
    starts_at = timezone.now().replace(microsecond=0) + timedelta(hours=5)
    event = make_event(staff, starts_at=starts_at)
    (a,) = people(1, language="th")
    MemberProfile.objects.create(user=a, time_zone="Asia/Kuala_Lumpur")
    services.registration_create(event=event, user=a)
    mail.outbox.clear()
    services.reminders_send()
    assert "UTC+08:00" in mail.outbox[0].body
    assert "เวลา" in mail.outbox[0].body  # the zone's Thai name


def test_attendance_and_the_closing_record(staff, member_a):
    event = make_event(staff, days=1)
    partner_org = Organisation.objects.create(name="Citi Foundation", kind="funder")
    partner, absent = people(2)
    MemberProfile.objects.create(user=partner, organisation=partner_org)
    for u in (member_a, partner, absent):
        services.registration_create(event=event, user=u)
    with pytest.raises(ValidationError):
        services.attendance_record(event=event, attended_user_ids=[member_a.pk])
    with pytest.raises(ValidationError):
        services.event_close(event=event, closed_by=staff, summary="Too early")
    with time_machine.travel(event.ends_at + timedelta(hours=1)):
        assert services.attendance_record(event=event, attended_user_ids=[member_a.pk, partner.pk]) == 2
        with pytest.raises(ValidationError):
            services.event_close(event=event, closed_by=staff, summary="  ")
        services.event_close(
            event=event, closed_by=staff, summary="Three cities shared.", recording_url="https://rec.example.org/1"
        )
    event.refresh_from_db()
    assert event.closed_at is not None and event.summary == "Three cities shared."
    assert attendance_by_organisation_kind(event=event) == {"participant_city": 1, "funder": 1}
    assert Registration.objects.get(user=absent).attended is False


@pytest.mark.django_db(transaction=True)
def test_fifty_people_registering_at_once_never_exceed_the_capacity(needs_postgres, staff):
    """50 threads, each on its own database connection, register at the same moment for 10 seats."""
    event = make_event(staff, capacity=10)
    users = people(50)

    def register(user):
        services.registration_create(event=Event.objects.get(pk=event.pk), user=user)

    assert not at_once(register, users, timeout=120)
    assert event.registrations.filter(status=REGISTERED).count() == 10
    assert event.registrations.filter(status=WAITLISTED).count() == 40
    positions = sorted(waitlist_position(registration=r) for r in event.registrations.filter(status=WAITLISTED))
    assert positions == list(range(1, 41))


@pytest.mark.django_db(transaction=True)
def test_two_cancellations_at_once_promote_two_different_people(needs_postgres, staff):
    """Two seats given up at the same moment, each on its own connection, go to the first two people waiting."""
    event = make_event(staff, capacity=2)
    holders, waiting = people(2, prefix="holder"), people(3, prefix="waiting")
    seats = [services.registration_create(event=event, user=u) for u in holders]
    for u in waiting:
        services.registration_create(event=event, user=u)

    def cancel(registration):
        services.registration_cancel(registration=Registration.objects.get(pk=registration.pk))

    assert not at_once(cancel, seats)
    assert statuses(event) == {
        **{u.email: CANCELLED for u in holders},
        waiting[0].email: REGISTERED,
        waiting[1].email: REGISTERED,
        waiting[2].email: WAITLISTED,
    }
