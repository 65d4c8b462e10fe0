"""Writes of the network's events: schedule, change, cancel; register, cancel a registration, the waitlist
that moves up under the event's row lock; attendance, the closing record; reminders and notices by e-mail.

Every step that counts seats locks the event row first (select_for_update), so two people never take the
last seat and two cancellations never give the same seat twice. E-mails leave after the commit, through
Celery tasks, and each is sent once (the key of each notice is kept in Registration.mails_sent).
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import Event, EventStatus, Registration, RegistrationStatus
from ..selectors.events import event_when, language_of
from ..selectors.members import time_zone_of

CHANGES_THAT_MOVE = {"starts_at", "ends_at", "place", "online_url"}
EDITABLE = {
    "kind",
    "title",
    "description",
    "speakers",
    "organiser",
    "starts_at",
    "ends_at",
    "time_zone",
    "language",
    "place",
    "online_url",
    "questions",
}


def _check_times(starts_at: datetime, ends_at: datetime) -> None:
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The event must end after it starts.")})


def _locked(event: Event) -> Event:
    return Event.objects.select_for_update(of=("self",)).get(pk=event.pk)


@transaction.atomic
def event_create(
    *,
    created_by,
    kind: str,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    description: str = "",
    speakers: str = "",
    organiser=None,
    time_zone: str = "Asia/Bangkok",
    language: str = "en",
    place: str = "",
    online_url: str = "",
    capacity: int | None = None,
    questions: list | None = None,
) -> Event:
    _check_times(starts_at, ends_at)
    if not place and not online_url:
        raise ValidationError(_("Give a place, an online link or both."))
    event = Event(
        created_by=created_by,
        kind=kind,
        title=title,
        description=description,
        speakers=speakers,
        organiser=organiser,
        starts_at=starts_at,
        ends_at=ends_at,
        time_zone=time_zone,
        language=language,
        place=place,
        online_url=online_url,
        capacity=capacity,
        questions=questions or [],
    )
    event.full_clean(exclude=["created_by", "organiser", "resources", "closed_by"])
    event.save()
    return event


@transaction.atomic
def event_update(*, event: Event, **changes) -> Event:
    """Change an event's details. A change of time or place raises SEQUENCE once and sends the registered
    people one update; other changes send nothing."""
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    event = _locked(event)
    if event.is_cancelled:
        raise ValidationError(_("This event was cancelled and can no longer be changed."))
    changed = [name for name, value in changes.items() if getattr(event, name) != value]
    if not changed:
        return event
    for name in changed:
        setattr(event, name, changes[name])
    _check_times(event.starts_at, event.ends_at)
    if not event.place and not event.online_url:
        raise ValidationError(_("Give a place, an online link or both."))
    moved = bool(CHANGES_THAT_MOVE & set(changed))
    if moved:
        event.sequence += 1
        changed.append("sequence")
    event.full_clean(exclude=["created_by", "organiser", "resources", "closed_by"])
    event.save(update_fields=[*changed, "updated_at"])
    if moved:
        from ..tasks import event_changed_notify

        event_changed_notify.delay_on_commit(event.pk, event.sequence)
    return event


@transaction.atomic
def event_cancel(*, event: Event) -> Event:
    """Cancel an event: calendars mark it cancelled (SEQUENCE raised) and everyone registered or waiting is told."""
    event = _locked(event)
    if event.is_cancelled:
        raise ValidationError(_("This event is already cancelled."))
    if event.starts_at <= timezone.now():
        raise ValidationError(_("This event has already started; it can no longer be cancelled."))
    event.status = EventStatus.CANCELLED
    event.sequence += 1
    event.save(update_fields=["status", "sequence", "updated_at"])
    from ..tasks import event_changed_notify

    event_changed_notify.delay_on_commit(event.pk, event.sequence)
    return event


def _registered_count(event: Event) -> int:
    return event.registrations.filter(status=RegistrationStatus.REGISTERED).count()


def _promote(event: Event) -> list[Registration]:
    """Move the first people of the waitlist up into the free seats; the caller holds the event's lock."""
    if event.capacity is None:
        free = None
    else:
        free = event.capacity - _registered_count(event)
        if free <= 0:
            return []
    queue = event.registrations.filter(status=RegistrationStatus.WAITLISTED).order_by("queued_at", "pk")
    promoted = list(queue if free is None else queue[:free])
    now = timezone.now()
    for registration in promoted:
        registration.status = RegistrationStatus.REGISTERED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at", "updated_at"])
        from ..tasks import registration_promoted_notify

        registration_promoted_notify.delay_on_commit(registration.pk)
    return promoted


def _clean_answers(event: Event, answers: dict | None) -> dict:
    answers = answers or {}
    cleaned = {}
    errors = []
    for index, question in enumerate(event.questions):
        value = str(answers.get(str(index), "")).strip()[:2000]
        if question.get("required") and not value:
            errors.append(_("Answer “%(question)s”.") % {"question": question.get("text", "")})
        if value:
            cleaned[str(index)] = value
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def registration_create(*, event: Event, user, answers: dict | None = None) -> Registration:
    """Register a person: a seat while there is one, else the waitlist. Registering twice changes nothing."""
    event = _locked(event)
    existing = event.registrations.filter(user=user).first()
    if existing is not None and existing.status != RegistrationStatus.CANCELLED:
        return existing
    if event.is_cancelled:
        raise ValidationError(_("This event was cancelled."))
    if event.starts_at <= timezone.now():
        raise ValidationError(_("This event has already started; registration is closed."))
    cleaned = _clean_answers(event, answers)
    full = event.capacity is not None and _registered_count(event) >= event.capacity
    status = RegistrationStatus.WAITLISTED if full else RegistrationStatus.REGISTERED
    now = timezone.now()
    if existing is None:
        return Registration.objects.create(event=event, user=user, status=status, queued_at=now, answers=cleaned)
    existing.status = status
    existing.queued_at = now
    existing.answers = cleaned
    existing.cancelled_at = None
    existing.promoted_at = None
    existing.save(update_fields=["status", "queued_at", "answers", "cancelled_at", "promoted_at", "updated_at"])
    return existing


@transaction.atomic
def registration_cancel(*, registration: Registration) -> Registration:
    """Give up a seat or a waitlist turn before the event starts; a freed seat goes to the next person waiting."""
    event = _locked(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        raise ValidationError(_("This registration is already cancelled."))
    if event.starts_at <= timezone.now():
        raise ValidationError(_("The event has already started, so this registration can no longer be cancelled."))
    had_seat = registration.status == RegistrationStatus.REGISTERED
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at", "updated_at"])
    if had_seat and not event.is_cancelled:
        _promote(event)
    return registration


@transaction.atomic
def event_capacity_change(*, event: Event, capacity: int | None) -> list[Registration]:
    """Set the number of seats; more seats move the waitlist up. Returns the people moved up."""
    event = _locked(event)
    if capacity is not None and capacity < 1:
        raise ValidationError({"capacity": _("The capacity must be at least 1, or empty for no limit.")})
    registered = _registered_count(event)
    if capacity is not None and capacity < registered:
        raise ValidationError(
            {
                "capacity": ngettext(
                    "%(count)s person already has a seat: the capacity cannot be lower than that.",
                    "%(count)s people already have a seat: the capacity cannot be lower than that.",
                    registered,
                )
                % {"count": registered}
            }
        )
    event.capacity = capacity
    event.save(update_fields=["capacity", "updated_at"])
    if event.is_cancelled or event.starts_at <= timezone.now():
        return []
    return _promote(event)


@transaction.atomic
def attendance_record(*, event: Event, attended_user_ids) -> int:
    """Record who came, after the event has started: the registered people in `attended_user_ids` attended,
    the others did not. Returns the number who attended."""
    event = _locked(event)
    if event.starts_at > timezone.now():
        raise ValidationError(_("Attendance can be recorded once the event has started."))
    attended = {int(pk) for pk in attended_user_ids}
    seated = event.registrations.filter(status=RegistrationStatus.REGISTERED)
    seated.filter(user_id__in=attended).update(attended=True, updated_at=timezone.now())
    seated.exclude(user_id__in=attended).update(attended=False, updated_at=timezone.now())
    return seated.filter(attended=True).count()


@transaction.atomic
def event_close(*, event: Event, closed_by, summary: str, recording_url: str = "", resources=()) -> Event:
    """Write the closing record of an event that has ended: its summary, the recording, the files shared."""
    event = _locked(event)
    if event.is_cancelled:
        raise ValidationError(_("A cancelled event has no closing record."))
    if event.ends_at > timezone.now():
        raise ValidationError(_("An event can be closed once it has ended."))
    if not summary.strip():
        raise ValidationError({"summary": _("Write a short summary of the event.")})
    event.summary = summary.strip()
    event.recording_url = recording_url
    event.closed_at = event.closed_at or timezone.now()
    event.closed_by = closed_by
    event.full_clean(exclude=["created_by", "organiser", "resources", "closed_by"])
    event.save(update_fields=["summary", "recording_url", "closed_at", "closed_by", "updated_at"])
    event.resources.set(resources)
    return event


# E-mails: each is sent once per key, under the registration's row lock.


def _mail_once(registration_id: int, key: str, template: str, subject) -> bool:
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update(of=("self",))
            .select_related("event", "user__network_profile")
            .filter(pk=registration_id)
            .first()
        )
        if registration is None or key in registration.mails_sent:
            return False
        user, event = registration.user, registration.event
        with translation.override(language_of(user)):
            zone = time_zone_of(user)
            context = {
                "user": user,
                "event": event,
                "registration": registration,
                "when": event_when(event, zone),
                "link": f"{settings.SITE_URL}{event.get_absolute_url()}",
                "seated": registration.status == RegistrationStatus.REGISTERED,
            }
            body = render_to_string(template, context)
            title = subject(event)
        send_mail(title, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        registration.mails_sent = [*registration.mails_sent, key]
        registration.save(update_fields=["mails_sent"])
    return True


def registration_promoted_notify(*, registration_id: int) -> bool:
    """Tell a person moved up from the waitlist that they have a seat; once per promotion."""
    registration = Registration.objects.filter(pk=registration_id, status=RegistrationStatus.REGISTERED).first()
    if registration is None or registration.promoted_at is None:
        return False
    return _mail_once(
        registration_id,
        f"promoted:{registration.promoted_at.isoformat()}",
        "network/events/email/promoted.txt",
        lambda event: _("You have a seat at “%(title)s”") % {"title": event.title},
    )


def event_changed_notify(*, event_id: int, sequence: int) -> int:
    """Send each person registered (or, for a cancellation, also waiting) one notice of a change of time or
    place or of the cancellation, for that calendar sequence. Returns the e-mails sent."""
    event = Event.objects.filter(pk=event_id).first()
    if event is None or event.sequence != sequence:
        return 0  # a later change has its own notice
    statuses = [RegistrationStatus.REGISTERED]
    if event.is_cancelled:
        statuses.append(RegistrationStatus.WAITLISTED)
        template = "network/events/email/cancelled.txt"

        def subject(event):
            return _("Cancelled: “%(title)s”") % {"title": event.title}
    else:
        template = "network/events/email/changed.txt"

        def subject(event):
            return _("New time or place for “%(title)s”") % {"title": event.title}

    ids = event.registrations.filter(status__in=statuses).values_list("pk", flat=True)
    return sum(_mail_once(pk, f"sequence:{sequence}", template, subject) for pk in list(ids))


def reminders_send(*, now: datetime | None = None) -> int:
    """E-mail the registered people of events about to start, NETWORK_EVENT_REMINDERS_HOURS before (a day and
    an hour by default); each reminder once, and only the nearest one that is due. Returns the e-mails sent."""
    now = now or timezone.now()
    hours = sorted(settings.NETWORK_EVENT_REMINDERS_HOURS)
    if not hours:
        return 0
    due = (
        Registration.objects.filter(
            status=RegistrationStatus.REGISTERED,
            event__status=EventStatus.SCHEDULED,
            event__starts_at__gt=now,
            event__starts_at__lte=now + timedelta(hours=hours[-1]),
        )
        .select_related("event")
        .order_by("pk")
    )
    sent = 0
    for registration in due:
        starts_at = registration.event.starts_at
        keys = [f"reminder:{h}:{starts_at.isoformat()}" for h in hours if starts_at - now <= timedelta(hours=h)]
        if not keys or keys[0] in registration.mails_sent:
            continue
        # The nearest reminder stands for the earlier ones too: a person who registers an hour before gets one.
        if _mail_once(
            registration.pk,
            keys[0],
            "network/events/email/reminder.txt",
            lambda event: _("Reminder: “%(title)s”") % {"title": event.title},
        ):
            sent += 1
            with transaction.atomic():
                locked = Registration.objects.select_for_update().get(pk=registration.pk)
                locked.mails_sent = [*locked.mails_sent, *(k for k in keys[1:] if k not in locked.mails_sent)]
                locked.save(update_fields=["mails_sent"])
    return sent


# Calendar feeds: a person's secret addresses, as kinds of ccrs' one personal-link mechanism.


def _feed_refusal(feed):
    """A feed of a person who left the network answers like an unknown one: nothing is revealed."""
    from ccrs.links import LinkInvalid

    if not feed.user.is_active or not feed.user.has_perm("network.view_network"):
        return LinkInvalid(_("Nothing at this address is open to you."), status=404)
    return None


def _feed_kind(scope: str):
    from ccrs import links

    from ..models import CalendarFeed

    return links.LinkKind(
        salt=f"network.calendar.{scope}",
        url_name=f"network:calendar_feed_{scope}",
        rows=lambda: CalendarFeed.objects.select_related("user"),
        refusal=_feed_refusal,
        key=lambda feed: str(feed.key),
    )


FEED_MINE = _feed_kind("mine")
FEED_ALL = _feed_kind("all")


def calendar_feed_of(*, user):
    """A person's calendar feed row, made the first time it is asked for."""
    from ..models import CalendarFeed

    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


@transaction.atomic
def calendar_feed_revoke(*, user):
    """New secret addresses: the old ones stop working at once (404)."""
    import uuid

    feed = calendar_feed_of(user=user)
    feed = type(feed).objects.select_for_update().get(pk=feed.pk)
    feed.key = uuid.uuid4()
    feed.save(update_fields=["key", "updated_at"])
    return feed
