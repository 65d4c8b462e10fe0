"""Events scheduled, changed and cancelled; a change of time or place raises the calendars' SEQUENCE."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ...models import Event, EventStatus

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
        from ...tasks import event_changed_notify

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
    from ...tasks import event_changed_notify

    event_changed_notify.delay_on_commit(event.pk, event.sequence)
    return event
