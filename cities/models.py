"""Cohorts and their cities: the first models of the program."""

import re
import uuid
import zoneinfo
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from ccrs import formatting
from ccrs.models import TimeStampedModel, choices_constraint, person_field
from ccrs.money import AmountField, CurrencyField
from ccrs.uploads import RandomName

LANGUAGE_CODE_RE = re.compile(r"^[a-z]{2,3}$")


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a time zone. Use an IANA name such as Asia/Bangkok."),
            params={"value": value},
        )


def validate_language_codes(value):
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Give at least one language as an ISO 639-1 code, such as vi or th."))
    bad = [code for code in value if not isinstance(code, str) or not LANGUAGE_CODE_RE.match(code)]
    if bad:
        raise ValidationError(
            _("These are not ISO 639-1 language codes: %(codes)s. Use codes such as vi, th, id, ms or en."),
            params={"codes": ", ".join(map(str, bad))},
        )


class Shock(models.TextChoices):
    """The controlled list of acute shocks and chronic stresses a city names in its application."""

    FLOODING = "flooding", _("Flooding")
    TYPHOON = "typhoon", _("Typhoon or tropical storm")
    EXTREME_HEAT = "extreme_heat", _("Extreme heat")
    DROUGHT = "drought", _("Drought")
    SEA_LEVEL_RISE = "sea_level_rise", _("Sea-level rise")
    LAND_SUBSIDENCE = "land_subsidence", _("Land subsidence")
    EARTHQUAKE = "earthquake", _("Earthquake")
    POLLUTION = "pollution", _("Air or water pollution")
    PANDEMIC = "pandemic", _("Pandemic")
    ECONOMIC_SHOCK = "economic_shock", _("Economic shock")


def validate_shocks(value):
    if not isinstance(value, list):
        raise ValidationError(_("Choose the shocks and stresses from the list."))
    bad = [item for item in value if item not in Shock.values]
    if bad:
        raise ValidationError(
            _("These are not on the list of shocks and stresses: %(items)s."),
            params={"items": ", ".join(map(str, bad))},
        )


# A non-guessable name under a folder of the model; the original name is kept only in the database.
private_upload_to = RandomName("private/{model}")


class Cohort(TimeStampedModel):
    """A round of the program: a group of cities working through the four actions together."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    region = models.CharField(_("region"), max_length=80)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    max_cities = models.PositiveSmallIntegerField(_("maximum number of cities"), default=8)
    call_opens_on = models.DateField(_("call for applications opens"), null=True, blank=True)
    call_closes_on = models.DateField(_("call for applications closes"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-start_year", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")), name="cohort_years_ordered"
            ),
            models.CheckConstraint(condition=models.Q(max_cities__gte=1), name="cohort_max_cities_positive"),
            models.CheckConstraint(
                condition=models.Q(call_closes_on__gte=models.F("call_opens_on"))
                | models.Q(call_opens_on__isnull=True)
                | models.Q(call_closes_on__isnull=True),
                name="cohort_call_dates_ordered",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The last year cannot come before the first year.")})
        if self.call_opens_on and self.call_closes_on and self.call_closes_on < self.call_opens_on:
            raise ValidationError({"call_closes_on": _("The call cannot close before it opens.")})

    @property
    def call_is_open(self):
        today = timezone.localdate()
        return bool(
            self.call_opens_on
            and self.call_opens_on <= today
            and (not self.call_closes_on or today <= self.call_closes_on)
        )


class City(TimeStampedModel):
    """A city of the program, with its name in English and in its own language."""

    cohort = models.ForeignKey(
        Cohort, on_delete=models.PROTECT, null=True, blank=True, related_name="cities", verbose_name=_("cohort")
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name in English"), max_length=120)
    local_name = models.CharField(_("name in the local language"), max_length=120, blank=True)
    country = CountryField(_("country"))
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, validators=[validate_time_zone])
    languages = models.JSONField(
        _("languages"),
        default=list,
        validators=[validate_language_codes],
        help_text=_('ISO 639-1 codes, the main language first, such as ["vi", "en"].'),
    )
    area_km2 = models.DecimalField(_("area (km²)"), max_digits=9, decimal_places=1, null=True, blank=True)
    gdp = AmountField(_("GDP"), null=True, blank=True, help_text=_("The city's gross domestic product of a year."))
    gdp_year = models.PositiveSmallIntegerField(_("GDP year"), null=True, blank=True)
    currency = CurrencyField(_("currency"), blank=True)
    resilience_strategy = models.TextField(_("resilience strategy"), blank=True)
    resilience_strategy_url = models.URLField(_("resilience strategy link"), blank=True)
    shocks = models.JSONField(_("shocks and stresses"), default=list, blank=True, validators=[validate_shocks])

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "country"], name="city_name_country_unique"),
            models.CheckConstraint(
                condition=models.Q(gdp__gte=0) | models.Q(gdp__isnull=True), name="city_gdp_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(area_km2__gt=0) | models.Q(area_km2__isnull=True), name="city_area_positive"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cities:dashboard", kwargs={"slug": self.slug})

    @property
    def display_name(self):
        """English name, with the local name beside it when it differs."""
        if self.local_name and self.local_name != self.name:
            return f"{self.name} ({self.local_name})"
        return self.name

    @property
    def main_language(self):
        return self.languages[0] if self.languages else "en"


class SelectionCriterion(TimeStampedModel):
    """One weighted criterion of a cohort's selection rubric; reviewers score it from 0 to 5."""

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="selection_criteria", verbose_name=_("cohort")
    )
    name = models.CharField(_("criterion"), max_length=160)
    description = models.TextField(_("what reviewers look for"), blank=True)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, default=Decimal("1"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("selection criterion")
        verbose_name_plural = _("selection criteria")
        ordering = ["cohort", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "name"], name="selection_criterion_cohort_name_unique"),
            models.CheckConstraint(condition=models.Q(weight__gt=0), name="selection_criterion_weight_positive"),
        ]

    def __str__(self):
        return f"{self.name} (×{self.weight.normalize()})"


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    SELECTED = "selected", _("Selected")
    WAITLISTED = "waitlisted", _("Wait-listed")
    DECLINED = "declined", _("Declined")


DECIDED_STATUSES = [ApplicationStatus.SELECTED, ApplicationStatus.WAITLISTED, ApplicationStatus.DECLINED]


class Application(TimeStampedModel):
    """A city's application to a cohort's call, made by its Chief Resilience Officer (the applicant).

    Staff invite the applicant by e-mail; the signed link makes the account and opens the draft.
    """

    key = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    cohort = models.ForeignKey(Cohort, on_delete=models.PROTECT, related_name="applications", verbose_name=_("cohort"))
    status = models.CharField(
        _("status"), max_length=16, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    city_name = models.CharField(_("city"), max_length=120)
    country = CountryField(_("country"))
    city = models.ForeignKey(
        City,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("city in the program"),
    )
    invited_email = models.EmailField(_("invited e-mail address"))
    invited_by = person_field(_("invited by"))
    invitation_sent_at = models.DateTimeField(_("invitation sent"), null=True, blank=True)
    applicant = person_field(_("applicant"), related_name="city_applications")
    cro_name = models.CharField(_("Chief Resilience Officer"), max_length=150, blank=True)
    cro_title = models.CharField(_("position"), max_length=150, blank=True)
    cro_email = models.EmailField(_("CRO e-mail address"), blank=True)
    cro_phone = models.CharField(_("CRO telephone"), max_length=40, blank=True)
    strategy_summary = models.TextField(_("resilience strategy summary"), blank=True)
    strategy_url = models.URLField(_("resilience strategy link"), blank=True)
    shocks = models.JSONField(_("shocks and stresses"), default=list, blank=True, validators=[validate_shocks])
    candidate_sectors = models.TextField(
        _("candidate SME sectors"), blank=True, help_text=_("One sector a line, such as waste collection or batik.")
    )
    currency = CurrencyField(_("currency"), blank=True)
    cofunding_cash = AmountField(_("co-funding in cash"), null=True, blank=True)
    cofunding_in_kind = AmountField(_("co-funding in kind"), null=True, blank=True)
    in_kind_description = models.TextField(_("what the in-kind contribution is"), blank=True)
    letter = models.FileField(_("letter of commitment"), upload_to=private_upload_to, blank=True)
    letter_name = models.CharField(_("letter file name"), max_length=200, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decision_rationale = models.TextField(_("rationale of the decision"), blank=True)
    decided_by = person_field(_("decided by"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["cohort", "city_name"]
        constraints = [
            models.UniqueConstraint(
                "cohort", "country", Lower("city_name"), name="application_one_per_city_and_cohort"
            ),
            choices_constraint("status", ApplicationStatus, "application_status_valid"),
            models.CheckConstraint(
                condition=models.Q(cofunding_cash__gte=0) | models.Q(cofunding_cash__isnull=True),
                name="application_cash_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(cofunding_in_kind__gte=0) | models.Q(cofunding_in_kind__isnull=True),
                name="application_in_kind_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(submitted_at__isnull=False),
                name="application_submitted_has_date",
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=["selected", "waitlisted", "declined"])
                | (models.Q(decided_at__isnull=False) & ~models.Q(decision_rationale="")),
                name="application_decision_has_date_and_rationale",
            ),
        ]

    def __str__(self):
        return f"{self.city_name} → {self.cohort}"

    def get_absolute_url(self):
        return reverse("cities:application_detail", kwargs={"pk": self.pk})

    @property
    def is_decided(self):
        return self.status in DECIDED_STATUSES


class Review(TimeStampedModel):
    """One reviewer's assessment of an application: a declared conflict of interest, or scores and a comment."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("application")
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="application_reviews",
        verbose_name=_("reviewer"),
    )
    conflict_of_interest = models.BooleanField(_("conflict of interest"), default=False)
    conflict_note = models.TextField(_("nature of the conflict"), blank=True)
    comment = models.TextField(_("comment"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["application", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="review_one_per_reviewer"),
            models.CheckConstraint(
                condition=models.Q(conflict_of_interest=False) | ~models.Q(conflict_note=""),
                name="review_conflict_explained",
            ),
        ]

    def __str__(self):
        return f"{self.reviewer} · {self.application}"


class Score(TimeStampedModel):
    """A reviewer's score of one criterion, from 0 (absent) to 5 (excellent)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores", verbose_name=_("review"))
    criterion = models.ForeignKey(
        SelectionCriterion, on_delete=models.PROTECT, related_name="scores", verbose_name=_("criterion")
    )
    value = models.PositiveSmallIntegerField(_("score"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="score_one_per_criterion"),
            models.CheckConstraint(condition=models.Q(value__gte=0, value__lte=5), name="score_between_0_and_5"),
        ]

    def __str__(self):
        return f"{self.criterion.name}: {self.value}"


class StepKind(models.TextChoices):
    MEMORANDUM = "memorandum", _("Memorandum of understanding signed")
    CRO = "cro", _("Chief Resilience Officer appointed")
    TEAM = "team", _("City team named")
    COFUNDING = "cofunding", _("Co-funding confirmed")
    BASELINE = "baseline", _("Baseline data supplied")
    KICKOFF = "kickoff", _("Kick-off meeting held")
    OTHER = "other", _("Other step")


class ChecklistItem(TimeStampedModel):
    """A step of a cohort's onboarding checklist; each selected city gets its own copy."""

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="checklist_items", verbose_name=_("cohort")
    )
    kind = models.CharField(_("step"), max_length=16, choices=StepKind.choices)
    title = models.CharField(_("title"), max_length=160, blank=True, help_text=_("Only for “Other step”."))
    days_to_complete = models.PositiveSmallIntegerField(_("days to complete after selection"), default=30)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["cohort", "position", "pk"]
        constraints = [
            choices_constraint("kind", StepKind, "checklist_item_kind_valid"),
            models.CheckConstraint(
                condition=~models.Q(kind="other") | ~models.Q(title=""), name="checklist_item_other_has_title"
            ),
        ]

    def __str__(self):
        return self.title or self.get_kind_display()


class OnboardingStep(TimeStampedModel):
    """One step of a selected city's onboarding: owner, due date, evidence, who completed it and when."""

    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="onboarding_steps", verbose_name=_("city"))
    kind = models.CharField(_("step"), max_length=16, choices=StepKind.choices)
    title = models.CharField(_("title"), max_length=160, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    owner = person_field(_("owner"))
    due_on = models.DateField(_("due date"), null=True, blank=True)
    evidence_file = models.FileField(_("evidence file"), upload_to=private_upload_to, blank=True)
    evidence_name = models.CharField(_("evidence file name"), max_length=200, blank=True)
    evidence_url = models.URLField(_("evidence link"), blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    completed_by = person_field(_("completed by"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("onboarding step")
        verbose_name_plural = _("onboarding steps")
        ordering = ["city", "position", "pk"]
        constraints = [
            choices_constraint("kind", StepKind, "onboarding_step_kind_valid"),
            models.CheckConstraint(
                condition=models.Q(completed_at__isnull=True)
                | ~models.Q(evidence_file="")
                | ~models.Q(evidence_url=""),
                name="onboarding_step_completed_has_evidence",
            ),
        ]

    def __str__(self):
        return self.title or self.get_kind_display()

    @property
    def label(self):
        return self.title or self.get_kind_display()

    @property
    def is_done(self):
        return self.completed_at is not None

    @property
    def is_overdue(self):
        return self.completed_at is None and self.due_on is not None and self.due_on < timezone.localdate()


class CoFundingKind(models.TextChoices):
    CASH = "cash", _("Cash")
    IN_KIND = "in_kind", _("In kind")


class CoFundingStage(models.TextChoices):
    COMMITTED = "committed", _("Committed")
    RECEIVED = "received", _("Received")


class CoFundingRecord(TimeStampedModel):
    """A dated co-funding record of a city: an amount committed or received, in cash or in kind."""

    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="cofunding", verbose_name=_("city"))
    kind = models.CharField(_("kind"), max_length=8, choices=CoFundingKind.choices)
    stage = models.CharField(_("committed or received"), max_length=10, choices=CoFundingStage.choices)
    amount = AmountField(_("amount"))
    currency = CurrencyField(_("currency"))
    on = models.DateField(_("date"))
    description = models.CharField(_("description"), max_length=240, blank=True)
    recorded_by = person_field(_("recorded by"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("co-funding record")
        verbose_name_plural = _("co-funding records")
        ordering = ["city", "-on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="cofunding_amount_not_negative"),
            choices_constraint("kind", CoFundingKind, "cofunding_kind_valid"),
            choices_constraint("stage", CoFundingStage, "cofunding_stage_valid"),
        ]

    def __str__(self):
        amount = formatting.money(self.amount, self.currency)
        return f"{self.city} · {self.get_stage_display()} {self.get_kind_display()} {amount}"
