"""Registrations and the waitlist: a seat or a place in the queue, cancellations and a larger
capacity promote the next people under a row lock; attendance and the closing record."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ...models import Event, Registration, RegistrationStatus
from .schedule import _locked


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
        from ...tasks import registration_promoted_notify

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
