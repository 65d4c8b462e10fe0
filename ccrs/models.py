"""Accounts and roles: the user who logs in with e-mail, city team memberships, team invitations."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class TimeStampedModel(models.Model):
    """Abstract base of every domain model: when a row was made and last changed."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


def person_field(verbose_name, *, related_name="+"):
    """The person who did something (decided, reviewed, recorded); the row stays when the account goes."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
    )


def choices_constraint(field: str, choices, name: str) -> models.CheckConstraint:
    """The database refuses a value of `field` that is not one of its TextChoices."""
    return models.CheckConstraint(condition=models.Q(**{f"{field}__in": choices.values}), name=name)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in with an e-mail address.

    Roles: program staff (`is_staff`), city team member (through `CityMembership`), stakeholder
    and network member (flags). One person may hold several.
    """

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    display_name = models.CharField(
        _("name shown"),
        max_length=80,
        blank=True,
        help_text=_("How the platform greets you and shows you to others. Leave empty to use your full name."),
    )
    language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Leave empty to follow the browser's language."),
    )
    is_staff = models.BooleanField(
        _("program staff"), default=False, help_text=_("Program staff see every city and use the admin.")
    )
    is_stakeholder = models.BooleanField(
        _("stakeholder"), default=False, help_text=_("SME owners and other stakeholders invited to give input.")
    )
    is_network_member = models.BooleanField(
        _("network member"), default=False, help_text=_("Inspiration cities, partners and mentors.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self):
        return self.full_name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        """The name the person chose to be shown, else their full name: never a guessed part of it
        (a Vietnamese given name comes last)."""
        return self.display_name or self.full_name or self.email


class CityRole(models.TextChoices):
    LEAD = "lead", _("City lead")
    OFFICER = "officer", _("Officer")
    VIEWER = "viewer", _("Viewer")


class CityMembership(TimeStampedModel):
    """A person on a city's team, with a role: lead, officer or viewer."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="memberships", verbose_name=_("city")
    )
    role = models.CharField(_("role"), max_length=16, choices=CityRole.choices, default=CityRole.OFFICER)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("city team membership")
        verbose_name_plural = _("city team memberships")
        ordering = ["city__name", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["user", "city"], name="membership_user_city_unique"),
            choices_constraint("role", CityRole, "membership_role_valid"),
        ]

    def __str__(self):
        return f"{self.user} · {self.city} ({self.get_role_display()})"


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    REVOKED = "revoked", _("Revoked")


class Invitation(TimeStampedModel):
    """An invitation to join a city's team, sent by e-mail as a signed link that expires."""

    key = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("e-mail address"))
    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="invitations", verbose_name=_("city")
    )
    role = models.CharField(_("role"), max_length=16, choices=CityRole.choices, default=CityRole.OFFICER)
    status = models.CharField(
        _("status"), max_length=16, choices=InvitationStatus.choices, default=InvitationStatus.PENDING
    )
    invited_by = person_field(_("invited by"))
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = person_field(_("accepted by"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("team invitation")
        verbose_name_plural = _("team invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "city",
                condition=models.Q(status="pending"),
                name="invitation_one_pending_per_email_city",
            ),
            choices_constraint("role", CityRole, "invitation_role_valid"),
            models.CheckConstraint(
                condition=models.Q(status="accepted", accepted_at__isnull=False) | ~models.Q(status="accepted"),
                name="invitation_accepted_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.email} → {self.city} ({self.get_role_display()})"

    @property
    def expires_at(self):
        """The link sent last stops working at this time (None while unsent)."""
        if self.sent_at is None:
            return None
        return self.sent_at + timedelta(days=settings.INVITATION_MAX_AGE_DAYS)

    @property
    def is_expired(self):
        return self.expires_at is not None and self.expires_at <= timezone.now()


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Ready")
    FAILED = "failed", _("Failed")


class ReportFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    XLSX = "xlsx", "Excel (XLSX)"


def report_upload_to(instance, filename):
    """A random folder per file: a report's storage name cannot be guessed."""
    return f"reports/{uuid.uuid4().hex}/{filename}"


class Report(TimeStampedModel):
    """A report asked for by a person and built by a Celery worker (see ccrs/reporting.py)."""

    key = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=64)
    format = models.CharField(_("format"), max_length=8, choices=ReportFormat.choices)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    params_key = models.CharField(
        _("parameters key"), max_length=64, editable=False, help_text=_("A digest of the parameters, for dedupe.")
    )
    requested_by = person_field(_("requested by"), related_name="reports")
    city = models.ForeignKey(
        "cities.City",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("city"),
        help_text=_("The city whose data the report shows; empty for program-wide reports."),
    )
    status = models.CharField(_("status"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to=report_upload_to, max_length=255, blank=True)
    error = models.TextField(_("error"), blank=True)

    history = HistoricalRecords(excluded_fields=["progress"])

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["requested_by", "-created_at"], name="report_requester_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "format", "params_key"],
                condition=models.Q(status__in=["queued", "running"]),
                name="report_one_active_per_request",
            ),
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="report_progress_percent"),
            choices_constraint("status", ReportStatus, "report_status_valid"),
            choices_constraint("format", ReportFormat, "report_format_valid"),
            models.CheckConstraint(
                condition=~models.Q(status="succeeded") | ~models.Q(file=""), name="report_succeeded_has_file"
            ),
        ]

    def __str__(self):
        return f"{self.kind} ({self.format}) · {self.get_status_display()}"

    @property
    def is_active(self):
        return self.status in {ReportStatus.QUEUED, ReportStatus.RUNNING}

    @property
    def duration(self):
        if self.started_at and self.finished_at:
            return self.finished_at - self.started_at
        return None
