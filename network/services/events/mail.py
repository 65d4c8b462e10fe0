"""The events' e-mails: sent once per registration and key (a promotion, a change, each reminder)."""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ...models import Event, EventStatus, Registration, RegistrationStatus
from ...selectors.events import event_when, language_of
from ...selectors.members import time_zone_of


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
