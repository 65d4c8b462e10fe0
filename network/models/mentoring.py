"""City-to-city mentoring: a mentor paired with a participant city's team (or an SME of its sector), the
sessions they hold and the actions they agree.

A mentor is a person marked as a mentor in the directory, or a member of an inspiration city or a
partner organisation (checked by network.services.mentoring.pair_create). The mentee is the city's team;
`sme_name` names the SME of the city's sector when the pair mentors one.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ccrs.models import TimeStampedModel, choices_constraint, person_field


class PairStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    CLOSED = "closed", _("Closed")


class MentoringPair(TimeStampedModel):
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="mentoring_pairs", verbose_name=_("mentor")
    )
    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="mentoring_pairs", verbose_name=_("city")
    )
    sme_name = models.CharField(
        _("SME"), max_length=200, blank=True, help_text=_("Empty when the mentor works with the city's team.")
    )
    goals = models.TextField(_("agreed goals"))
    status = models.CharField(_("status"), max_length=8, choices=PairStatus.choices, default=PairStatus.ACTIVE)
    started_on = models.DateField(_("started on"))
    created_by = person_field(_("paired by"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["city__name", "-started_on", "-pk"]
        verbose_name = _("mentoring pair")
        verbose_name_plural = _("mentoring pairs")
        constraints = [
            choices_constraint("status", PairStatus, "network_pair_status_valid"),
            models.UniqueConstraint(
                fields=["mentor", "city", "sme_name"],
                condition=~models.Q(status="closed"),
                name="network_pair_one_open_per_mentee",
            ),
        ]

    def __str__(self):
        mentee = f"{self.city} · {self.sme_name}" if self.sme_name else str(self.city)
        return f"{self.mentor} → {mentee}"

    def get_absolute_url(self):
        return reverse("network:pair_detail", kwargs={"pk": self.pk})


class MentoringSession(TimeStampedModel):
    pair = models.ForeignKey(MentoringPair, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("pair"))
    held_on = models.DateField(_("date"))
    attendees = models.TextField(_("attendees"), help_text=_("Who took part, one name per line."))
    notes = models.TextField(_("notes"), blank=True)
    resources = models.ManyToManyField(
        "network.Resource", blank=True, related_name="mentoring_sessions", verbose_name=_("resources shared")
    )
    logged_by = person_field(_("logged by"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("mentoring session")
        verbose_name_plural = _("mentoring sessions")

    def __str__(self):
        return f"{self.pair} · {self.held_on}"


class MentoringAction(TimeStampedModel):
    """An agreed action; whether it is overdue is computed by network.selectors.mentoring, never stored."""

    pair = models.ForeignKey(MentoringPair, on_delete=models.CASCADE, related_name="actions", verbose_name=_("pair"))
    session = models.ForeignKey(
        MentoringSession,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("agreed in session"),
    )
    description = models.CharField(_("action"), max_length=300)
    owner = person_field(_("owner"), related_name="mentoring_actions")
    due_on = models.DateField(_("due on"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = person_field(_("done by"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["done_at", "due_on", "pk"]
        verbose_name = _("mentoring action")
        verbose_name_plural = _("mentoring actions")
        indexes = [models.Index(fields=["due_on"], name="network_action_due", condition=models.Q(done_at=None))]

    def __str__(self):
        return self.description
