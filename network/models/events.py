"""The network's events (webinars, peer exchanges, study visits, trainings) and who registered for them.

Times are stored in UTC and shown, mailed and put in calendars in each reader's own zone
(network.selectors.members.time_zone_of). `sequence` is the iCalendar SEQUENCE: raised once on every change
of time or place and on cancellation, so calendars replace their copy. A registration's status, its waitlist
turn and the mails it was sent are written only by network.services.events, under the event's row lock.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ccrs.models import TimeStampedModel, choices_constraint, person_field

from .library import LANGUAGE_CODES, Resource
from .members import Organisation


class EventKind(models.TextChoices):
    WEBINAR = "webinar", _("Webinar")
    PEER_EXCHANGE = "peer_exchange", _("Peer exchange")
    STUDY_VISIT = "study_visit", _("Study visit")
    TRAINING = "training", _("Training")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class Event(TimeStampedModel):
    kind = models.CharField(_("type"), max_length=16, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("agenda"), blank=True)
    speakers = models.TextField(_("speakers"), blank=True, help_text=_("One speaker a line."))
    organiser = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("organiser"),
    )
    created_by = person_field(_("created by"), related_name="network_events")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone of the place"),
        max_length=64,
        default="Asia/Bangkok",
        help_text=_("The zone the organiser gives the times in; each reader sees them in their own zone."),
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="en")
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), max_length=500, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True, help_text=_("Empty: no limit."))
    status = models.CharField(_("status"), max_length=16, choices=EventStatus.choices, default=EventStatus.SCHEDULED)
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0)
    questions = models.JSONField(
        _("registration questions"),
        default=list,
        blank=True,
        help_text=_('[{"text": "...", "required": true}]: asked of each person who registers.'),
    )
    uid = models.UUIDField(_("calendar identifier"), default=uuid.uuid4, unique=True, editable=False)
    summary = models.TextField(_("closing summary"), blank=True)
    recording_url = models.URLField(_("recording link"), max_length=500, blank=True)
    resources = models.ManyToManyField(Resource, blank=True, related_name="events", verbose_name=_("files"))
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = person_field(_("closed by"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["starts_at", "id"], name="network_event_starts")]
        constraints = [
            choices_constraint("kind", EventKind, "network_event_kind_valid"),
            choices_constraint("status", EventStatus, "network_event_status_valid"),
            models.CheckConstraint(condition=Q(language__in=LANGUAGE_CODES), name="network_event_language_valid"),
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="network_event_ends_after_start"),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gt=0), name="network_event_capacity_positive"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("network:event_detail", kwargs={"pk": self.pk})

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITLISTED = "waitlisted", _("On the waitlist")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(TimeStampedModel):
    """One person's place at an event, or their turn on its waitlist (`queued_at`, first come first served)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="network_registrations",
        verbose_name=_("person"),
    )
    status = models.CharField(_("status"), max_length=16, choices=RegistrationStatus.choices)
    queued_at = models.DateTimeField(_("registered or queued"))
    promoted_at = models.DateTimeField(_("moved up from the waitlist"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    mails_sent = models.JSONField(
        _("e-mails sent"), default=list, blank=True, help_text=_("Keys of the reminders and notices sent, once each.")
    )

    history = HistoricalRecords(excluded_fields=["mails_sent"])

    class Meta:
        ordering = ["queued_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        indexes = [models.Index(fields=["event", "status", "queued_at"], name="network_registration_queue")]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="network_registration_once"),
            choices_constraint("status", RegistrationStatus, "network_registration_status_valid"),
        ]

    def __str__(self):
        return f"{self.user} – {self.event}"


class CalendarFeed(TimeStampedModel):
    """A person's secret calendar addresses (their events, all events): revoking changes `key`, so the old
    addresses stop working at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_calendar", verbose_name=_("person")
    )
    key = models.UUIDField(_("key"), default=uuid.uuid4)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.user)
