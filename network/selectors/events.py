"""Reads of the network's events: the lists, one event as a reader sees it, the waitlist turn, attendance
counts by organisation type, the activity feed's items, and times written in the reader's zone."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time, get_timezone_name
from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from ccrs.formatting import locale
from ccrs.models import CityMembership

from ..models import Event, EventStatus, OrganisationKind, Registration, RegistrationStatus

ACTIVE = [RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED]


def language_of(user) -> str:
    """The language a person reads e-mails in: their own choice, else English."""
    supported = {code for code, _name in settings.LANGUAGES}
    return user.language if user.language in supported else settings.LANGUAGE_CODE


def zone_name(zone: ZoneInfo, at: datetime) -> str:
    """The zone as the active language names it, with its offset: "Indochina Time (UTC+07:00)"."""
    offset = at.astimezone(zone).strftime("%z")
    return f"{get_timezone_name(zone, locale=locale())} (UTC{offset[:3]}:{offset[3:]})"


def moment(value: datetime, zone: ZoneInfo) -> str:
    """A date and time in `zone`, as the active language writes them."""
    local = value.astimezone(zone)
    reader = locale()
    return f"{format_date(local, 'full', locale=reader)} {format_time(local, 'short', locale=reader)}"


def event_when(event: Event, zone: ZoneInfo) -> str:
    """When an event is, in `zone`: its start, its end time (or end date and time) and the zone's name."""
    start, end = event.starts_at.astimezone(zone), event.ends_at.astimezone(zone)
    reader = locale()
    if start.date() == end.date():
        text = f"{moment(start, zone)} – {format_time(end, 'short', locale=reader)}"
    else:
        text = f"{moment(start, zone)} – {moment(end, zone)}"
    return f"{text}, {zone_name(zone, start)}"


def _seat_counts():
    return {
        "registered_count": Count("registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)),
        "waitlist_count": Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)),
    }


def events_for(*, user, past: bool = False, limit: int = 50):
    """Upcoming (soonest first) or past (latest first) events, with their seats taken and the reader's own
    registration (`mine`, a list of at most one)."""
    now = timezone.now()
    events = Event.objects.select_related("organiser").annotate(**_seat_counts())
    if past:
        events = events.filter(ends_at__lte=now).order_by("-starts_at", "-pk")
    else:
        events = events.filter(ends_at__gt=now).order_by("starts_at", "pk")
    mine = (
        Registration.objects.filter(user=user, status__in=ACTIVE)
        if user.is_authenticated
        else Registration.objects.none()
    )
    return list(events.prefetch_related(Prefetch("registrations", queryset=mine, to_attr="mine"))[:limit])


def event_detail(*, user, pk) -> Event | None:
    """One event for a network member, with its seat counts; None when there is no such event."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return Event.objects.select_related("organiser", "created_by").annotate(**_seat_counts()).filter(pk=pk).first()


def registration_of(*, user, event: Event) -> Registration | None:
    """The reader's registration at an event (also a cancelled one), or None."""
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(event=event, user=user).first()


def waitlist_position(*, registration: Registration) -> int | None:
    """A waiting person's turn: 1 is the next to get a seat. None when they are not waiting."""
    if registration is None or registration.status != RegistrationStatus.WAITLISTED:
        return None
    ahead = Registration.objects.filter(event_id=registration.event_id, status=RegistrationStatus.WAITLISTED).filter(
        Q(queued_at__lt=registration.queued_at) | Q(queued_at=registration.queued_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def my_events(*, user):
    """The events a person registered for or waits for, soonest first, each with `registration`."""
    registrations = (
        Registration.objects.filter(user=user, status__in=ACTIVE)
        .select_related("event__organiser")
        .order_by("event__starts_at", "pk")
    )
    return list(registrations)


def registrations_of_event(*, event: Event):
    """The people registered or waiting, for the organiser's attendance page."""
    return list(
        event.registrations.filter(status__in=ACTIVE)
        .select_related("user__network_profile__organisation")
        .order_by("status", "queued_at", "pk")
    )


def attendance_by_organisation_kind(*, event: Event) -> dict[str, int]:
    """How many attended, by the type of organisation they come from (a city team member without a profile's
    organisation counts as a participant city; anyone else unknown as "other")."""
    in_city_team = Exists(CityMembership.objects.filter(user_id=OuterRef("user_id")))
    rows = (
        event.registrations.filter(attended=True)
        .annotate(
            in_team=in_city_team,
            kind=Coalesce("user__network_profile__organisation__kind", Value("")),
        )
        .values("kind", "in_team")
        .annotate(n=Count("pk"))
    )
    counts: dict[str, int] = {}
    for row in rows:
        kind = row["kind"] or (OrganisationKind.PARTICIPANT_CITY if row["in_team"] else OrganisationKind.OTHER)
        counts[kind] = counts.get(kind, 0) + row["n"]
    return counts


def events_for_calendar(*, user=None, mine: bool):
    """The events of a calendar feed: the person's own (registered or waiting), or every event of the last
    year and to come."""
    since = timezone.now() - timedelta(days=365)
    events = Event.objects.filter(ends_at__gte=since).order_by("starts_at", "pk")
    if mine:
        events = events.filter(registrations__user=user, registrations__status__in=ACTIVE)
    return list(events)


def seated_event_ids(*, user) -> set[int]:
    """The events a person holds a seat at (who may see the place and the online link)."""
    return set(
        Registration.objects.filter(user=user, status=RegistrationStatus.REGISTERED).values_list("event_id", flat=True)
    )


def activity(*, user, since: datetime):
    """The network feed's items of events: the events scheduled since `since`."""
    from django.urls import reverse

    from ..activity import ActivityItem

    events = Event.objects.filter(created_at__gte=since, status=EventStatus.SCHEDULED).order_by("-created_at")[:50]
    return [
        ActivityItem(
            kind="event",
            key=f"event:{event.pk}",
            title=event.title,
            url=reverse("network:event_detail", kwargs={"pk": event.pk}),
            at=event.created_at,
            summary=event.description[:300],
        )
        for event in events
    ]


def activity_many(*, users, since: datetime) -> dict:
    """`activity()` for many people at once (the digests): the events are the same for every member (one query)."""
    users = list(users)
    items = activity(user=users[0], since=since) if users else []
    return {user.pk: items for user in users}
