"""Who is in the network and what others see of them: organisations, member profiles and the shared tags.

Program staff and the cities' teams are members through their roles (network/rules.py); a profile holds
what the directory shows. Organisations are the participant cities' teams, inspiration cities and
partners (the funder, NGOs, universities, SME associations).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ccrs.models import TimeStampedModel, choices_constraint, person_field


class OrganisationKind(models.TextChoices):
    PARTICIPANT_CITY = "participant_city", _("Participant city")
    INSPIRATION_CITY = "inspiration_city", _("Inspiration city")
    FUNDER = "funder", _("Funder")
    NGO = "ngo", _("NGO")
    UNIVERSITY = "university", _("University or research institute")
    SME_ASSOCIATION = "sme_association", _("SME association")
    PROGRAM = "program", _("Program team")
    OTHER = "other", _("Other partner")


class TagKind(models.TextChoices):
    PRINCIPLE = "principle", _("Program principle")
    SECTOR = "sector", _("ISIC sector")
    TOPIC = "topic", _("Resilience topic")


class Tag(TimeStampedModel):
    """One label shared by the directory, the library, discussions and events (principle, sector, topic).

    A principle's `code` is a sectors.Principle value, a sector's an ISIC Rev.4 code; `name` is the label
    in English and `names` the other languages ({"vi": ..., "th": ...}).
    """

    kind = models.CharField(_("kind"), max_length=16, choices=TagKind.choices)
    code = models.SlugField(_("code"), max_length=64)
    name = models.CharField(_("name"), max_length=120)
    names = models.JSONField(_("names in other languages"), default=dict, blank=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        constraints = [
            models.UniqueConstraint(fields=["kind", "code"], name="network_tag_kind_code_unique"),
            choices_constraint("kind", TagKind, "network_tag_kind_valid"),
        ]

    def __str__(self):
        return self.name

    def label(self, language: str) -> str:
        return self.names.get(language) or self.name


class Organisation(TimeStampedModel):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=24, choices=OrganisationKind.choices)
    city = models.OneToOneField(
        "cities.City",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="network_organisation",
        verbose_name=_("participant city"),
        help_text=_("Only for a participant city's team."),
    )
    country = models.CharField(_("country"), max_length=2, blank=True, help_text=_("ISO 3166-1 alpha-2."))
    website = models.URLField(_("website"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="organisations", verbose_name=_("expertise"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            choices_constraint("kind", OrganisationKind, "network_organisation_kind_valid"),
            models.CheckConstraint(
                condition=models.Q(city__isnull=True) | models.Q(kind=OrganisationKind.PARTICIPANT_CITY),
                name="network_organisation_city_only_participant",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("network:organisation_detail", kwargs={"pk": self.pk})


class Visibility(models.TextChoices):
    MEMBERS = "members", _("Network members")
    NOBODY = "nobody", _("Nobody (staff only)")


class MemberProfile(TimeStampedModel):
    """What the directory shows of one person; `show_email` / `show_phone` are the person's own choice."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_profile", verbose_name=_("person")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("organisation"),
    )
    role_title = models.CharField(_("role"), max_length=120, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True, help_text=_("Language codes, e.g. vi, en."))
    tags = models.ManyToManyField(Tag, blank=True, related_name="members", verbose_name=_("expertise"))
    offers = models.TextField(_("what I offer"), blank=True)
    seeks = models.TextField(_("what I am looking for"), blank=True)
    is_mentor = models.BooleanField(_("mentor"), default=False)
    time_zone = models.CharField(
        _("time zone"), max_length=64, blank=True, help_text=_("Empty: the time zone of the person's city.")
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    show_email = models.CharField(
        _("who sees my e-mail address"), max_length=8, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    show_phone = models.CharField(
        _("who sees my phone number"), max_length=8, choices=Visibility.choices, default=Visibility.NOBODY
    )
    listed = models.BooleanField(_("listed in the directory"), default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["user__full_name"]
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")
        constraints = [
            choices_constraint("show_email", Visibility, "network_profile_show_email_valid"),
            choices_constraint("show_phone", Visibility, "network_profile_show_phone_valid"),
        ]

    def __str__(self):
        return str(self.user)


class NetworkInvitationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    REVOKED = "revoked", _("Withdrawn")


class NetworkInvitation(TimeStampedModel):
    """Staff add a person to the network by a personal link (ccrs.links): opening it makes the account if
    needed, makes the person a network member and fills in their profile from this row."""

    key = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("e-mail address"))
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    role_title = models.CharField(_("role"), max_length=120, blank=True)
    is_mentor = models.BooleanField(_("mentor"), default=False)
    language = models.CharField(_("language of the e-mail"), max_length=8, choices=settings.LANGUAGES, default="en")
    status = models.CharField(
        _("status"), max_length=16, choices=NetworkInvitationStatus.choices, default=NetworkInvitationStatus.PENDING
    )
    invited_by = person_field(_("invited by"))
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = person_field(_("accepted by"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("network invitation")
        verbose_name_plural = _("network invitations")
        constraints = [
            models.UniqueConstraint(
                Lower("email"), condition=models.Q(status="pending"), name="network_invitation_one_pending"
            ),
            choices_constraint("status", NetworkInvitationStatus, "network_invitation_status_valid"),
            models.CheckConstraint(
                condition=~models.Q(status="accepted") | models.Q(accepted_at__isnull=False),
                name="network_invitation_accepted_has_date",
            ),
        ]

    def __str__(self):
        return self.email
