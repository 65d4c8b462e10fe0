"""Program action 1: assess the city's SME-dominated sectors and select one.

An assessment (one per city) holds candidate sectors classified by ISIC Rev.4, their values on the
criteria of the cohort's framework, the SME survey's responses and, at the end, the selection.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ccrs.models import TimeStampedModel, choices_constraint, person_field


class IsicCode(models.Model):
    """A section (A–U) or division (01–99) of ISIC Rev.4, loaded from sectors/data/isic_rev4.csv."""

    code = models.CharField(_("code"), max_length=2, primary_key=True)
    section = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="divisions", verbose_name=_("section")
    )
    name = models.CharField(_("name"), max_length=250)

    class Meta:
        verbose_name = _("ISIC Rev.4 code")
        verbose_name_plural = _("ISIC Rev.4 codes")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} · {self.name}"

    @property
    def is_section(self):
        return self.section_id is None


class Principle(models.TextChoices):
    CRITICAL_SECTOR = "critical", _("A critical and vulnerable SME-dominated sector")
    RESILIENCE_CHALLENGES = "challenges", _("Responds to the city's resilience challenges")
    COLLABORATION = "collaboration", _("Potential for collaboration")
    CO_BENEFITS = "co_benefits", _("Resilience co-benefits")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


class SurveyMetric(models.TextChoices):
    REVENUE_CHANGE = "revenue_change", _("Average revenue change since before the pandemic (%)")
    JOBS_CHANGE = "jobs_change", _("Change in employees since before the pandemic (%)")
    CLOSURE_RISK = "closure_risk", _("SMEs at high risk of closure (%)")
    FINANCE_ACCESS = "finance_access", _("SMEs with access to finance (%)")
    DIGITAL = "digital", _("SMEs using digital tools (%)")
    CLIMATE_EXPOSURE = "climate_exposure", _("SMEs exposed to climate hazards (%)")
    WOMEN_OWNED = "women_owned", _("Women-owned SMEs (%)")


class Criterion(TimeStampedModel):
    """A criterion of a cohort's framework, under one of the program's four principles."""

    cohort = models.ForeignKey(
        "cities.Cohort", on_delete=models.CASCADE, related_name="criteria", verbose_name=_("cohort")
    )
    principle = models.CharField(_("principle"), max_length=16, choices=Principle.choices)
    name = models.CharField(_("name"), max_length=160)
    unit = models.CharField(_("unit"), max_length=40)
    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices, default=Direction.HIGHER)
    weight = models.DecimalField(_("weight"), max_digits=6, decimal_places=3, default=1)
    description = models.TextField(_("description"), blank=True)
    data_sources = models.TextField(_("data sources"), blank=True)
    survey_metric = models.CharField(
        _("filled from the SME survey"),
        max_length=20,
        choices=SurveyMetric.choices,
        blank=True,
        help_text=_("Leave empty unless the SME survey measures this criterion."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["cohort", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "name"], name="criterion_cohort_name_unique"),
            models.CheckConstraint(condition=models.Q(weight__gte=0), name="criterion_weight_not_negative"),
            choices_constraint("principle", Principle, "criterion_principle_valid"),
            choices_constraint("direction", Direction, "criterion_direction_valid"),
        ]

    def __str__(self):
        return self.name

    @property
    def higher_is_better(self):
        return self.direction == Direction.HIGHER


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    APPROVED = "approved", _("Approved")


class RankingMethod(models.TextChoices):
    WEIGHTED_SUM = "weighted_sum", _("Weighted sum")
    TOPSIS = "topsis", _("TOPSIS")


def survey_link_expiry():
    """When a new survey link stops working."""
    return timezone.now() + timedelta(days=settings.SECTORS_SURVEY_LINK_DAYS)


class Assessment(TimeStampedModel):
    """A city's sector assessment, with the totals the economic base analysis needs."""

    city = models.OneToOneField(
        "cities.City", on_delete=models.CASCADE, related_name="sector_assessment", verbose_name=_("city")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    method = models.CharField(
        _("ranking method"), max_length=16, choices=RankingMethod.choices, default=RankingMethod.WEIGHTED_SUM
    )
    ahp_judgements = models.JSONField(
        _("AHP comparisons"), default=dict, blank=True, help_text=_("Pairwise comparisons of the criteria.")
    )
    ahp_weights = models.JSONField(_("AHP weights"), default=dict, blank=True)
    use_ahp_weights = models.BooleanField(_("rank with the AHP weights"), default=False)
    sensitivity_samples = models.PositiveIntegerField(_("sensitivity samples"), default=2000)
    base_year = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    city_employment = models.PositiveBigIntegerField(_("total city employment, last year"), null=True, blank=True)
    national_employment = models.PositiveBigIntegerField(
        _("total national employment, last year"), null=True, blank=True
    )
    national_employment_base = models.PositiveBigIntegerField(
        _("total national employment, first year"), null=True, blank=True
    )
    comment = models.TextField(_("staff comment"), blank=True)
    reopen_reason = models.TextField(_("reason for reopening"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = person_field(_("decided by"))
    survey_key = models.UUIDField(_("survey key"), default=uuid.uuid4, unique=True, editable=False)
    survey_open = models.BooleanField(_("survey open"), default=True)
    survey_expires_at = models.DateTimeField(_("survey link valid until"), default=survey_link_expiry)
    # The stored ranking (sectors.services.assessment_rank), computed whenever a value, a weight or the method
    # changes, so that pages across cities read it instead of ranking every city on every view.
    leader = models.ForeignKey(
        "CandidateSector",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("leading sector"),
    )
    leader_score = models.FloatField(_("leading sector's score"), null=True, blank=True)
    leader_p_first = models.FloatField(
        _("probability the leading sector stays first"),
        null=True,
        blank=True,
        help_text=_("Share of the sensitivity samples in which the leading sector ranks first."),
    )
    ranked_at = models.DateTimeField(_("ranked"), null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["leader", "leader_score", "leader_p_first", "ranked_at"])

    class Meta:
        verbose_name = _("sector assessment")
        verbose_name_plural = _("sector assessments")
        ordering = ["city__name"]
        constraints = [
            choices_constraint("status", AssessmentStatus, "assessment_status_valid"),
            models.CheckConstraint(
                condition=models.Q(year__isnull=True)
                | models.Q(base_year__isnull=True)
                | models.Q(year__gt=models.F("base_year")),
                name="assessment_years_ordered",
                violation_error_message=_("The last year must come after the first year."),
            ),
            models.CheckConstraint(
                condition=models.Q(sensitivity_samples__gte=10, sensitivity_samples__lte=20000),
                name="assessment_samples_range",
                violation_error_message=_("Use between 10 and 20,000 sensitivity samples."),
            ),
        ]

    def __str__(self):
        return str(_("Sector assessment of %(city)s") % {"city": self.city})

    def get_absolute_url(self):
        return reverse("sectors:workspace", kwargs={"slug": self.city.slug})

    @property
    def is_editable(self):
        return self.status in {AssessmentStatus.DRAFT, AssessmentStatus.RETURNED}


class CandidateSector(TimeStampedModel):
    """A sector the city considers, with its ISIC code, the name the city uses and its employment."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="sectors", verbose_name=_("assessment")
    )
    isic = models.ForeignKey(IsicCode, on_delete=models.PROTECT, related_name="+", verbose_name=_("ISIC Rev.4"))
    local_name = models.CharField(_("name the city uses"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    city_employment = models.PositiveBigIntegerField(_("city employment, last year"), null=True, blank=True)
    city_employment_base = models.PositiveBigIntegerField(_("city employment, first year"), null=True, blank=True)
    national_employment = models.PositiveBigIntegerField(_("national employment, last year"), null=True, blank=True)
    national_employment_base = models.PositiveBigIntegerField(
        _("national employment, first year"), null=True, blank=True
    )
    firms = models.PositiveIntegerField(_("firms"), null=True, blank=True)
    sme_firms = models.PositiveIntegerField(_("SMEs among them"), null=True, blank=True)
    sme_employment = models.PositiveBigIntegerField(_("employment in SMEs"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("candidate sector")
        verbose_name_plural = _("candidate sectors")
        ordering = ["assessment", "local_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "local_name"],
                name="sector_assessment_name_unique",
                violation_error_message=_("There is already a candidate sector with this name."),
            ),
            models.CheckConstraint(
                condition=models.Q(sme_firms__isnull=True)
                | models.Q(firms__isnull=True)
                | models.Q(sme_firms__lte=models.F("firms")),
                name="sector_smes_within_firms",
                violation_error_message=_("There cannot be more SMEs than firms in the sector."),
            ),
            models.CheckConstraint(
                condition=models.Q(sme_employment__isnull=True)
                | models.Q(city_employment__isnull=True)
                | models.Q(sme_employment__lte=models.F("city_employment")),
                name="sector_sme_jobs_within_jobs",
                violation_error_message=_("Employment in SMEs cannot exceed the sector's city employment."),
            ),
        ]

    def __str__(self):
        return f"{self.local_name} ({self.isic_id})"


class Confidence(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class IndicatorValue(TimeStampedModel):
    """The value of one criterion for one candidate sector, with its source and confidence."""

    sector = models.ForeignKey(
        CandidateSector, on_delete=models.CASCADE, related_name="values", verbose_name=_("candidate sector")
    )
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+", verbose_name=_("criterion"))
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4)
    source = models.CharField(_("source"), max_length=250, blank=True)
    confidence = models.CharField(_("confidence"), max_length=8, choices=Confidence.choices, default=Confidence.MEDIUM)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["sector", "criterion__order"]
        constraints = [
            models.UniqueConstraint(fields=["sector", "criterion"], name="value_sector_criterion_unique"),
            choices_constraint("confidence", Confidence, "value_confidence_valid"),
        ]

    def __str__(self):
        return f"{self.sector} · {self.criterion}: {self.value}"


class ClosureRisk(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class DigitalAdoption(models.TextChoices):
    NONE = "none", _("None")
    BASIC = "basic", _("Basic (phone, messaging, social media)")
    ADVANCED = "advanced", _("Advanced (online sales, e-payments, software)")


class SurveyResponse(TimeStampedModel):
    """One SME's answers to the business-continuity survey, sent through the city's public link."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="survey_responses", verbose_name=_("assessment")
    )
    sector = models.ForeignKey(
        CandidateSector, on_delete=models.CASCADE, related_name="survey_responses", verbose_name=_("sector")
    )
    revenue_change = models.SmallIntegerField(_("revenue change since before the pandemic (%)"))
    employees_before = models.PositiveIntegerField(_("employees before the pandemic"))
    employees_now = models.PositiveIntegerField(_("employees now"))
    closure_risk = models.CharField(_("risk of closure"), max_length=8, choices=ClosureRisk.choices)
    finance_access = models.BooleanField(_("has access to finance"))
    digital_adoption = models.CharField(_("digital adoption"), max_length=10, choices=DigitalAdoption.choices)
    climate_exposed = models.BooleanField(_("exposed to climate hazards"))
    women_owned = models.BooleanField(_("women-owned"))
    language = models.CharField(_("language"), max_length=8, blank=True)
    # Made when the form is shown and sent back with it: the same form sent twice (a reload, a double
    # tap) stores one response.
    submission_key = models.UUIDField(_("submission key"), null=True, blank=True, unique=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("SME survey response")
        verbose_name_plural = _("SME survey responses")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(revenue_change__gte=-100, revenue_change__lte=1000),
                name="survey_revenue_change_range",
            ),
            choices_constraint("closure_risk", ClosureRisk, "survey_closure_risk_valid"),
            choices_constraint("digital_adoption", DigitalAdoption, "survey_digital_valid"),
        ]

    def __str__(self):
        return f"{self.sector} · {self.created_at:%Y-%m-%d}"


class SelectionStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Sent back")


class Selection(TimeStampedModel):
    """The sector the city lead proposes, with a rationale; staff approve it or send it back."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="selections", verbose_name=_("assessment")
    )
    sector = models.ForeignKey(CandidateSector, on_delete=models.PROTECT, related_name="+", verbose_name=_("sector"))
    rationale = models.TextField(_("rationale"))
    status = models.CharField(
        _("status"), max_length=16, choices=SelectionStatus.choices, default=SelectionStatus.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("proposed by")
    )
    decided_by = person_field(_("decided by"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    comment = models.TextField(_("staff comment"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sector selection")
        verbose_name_plural = _("sector selections")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment"],
                condition=models.Q(status__in=["proposed", "approved"]),
                name="selection_one_open_per_assessment",
            ),
            choices_constraint("status", SelectionStatus, "selection_status_valid"),
        ]

    def __str__(self):
        return f"{self.assessment.city} · {self.sector.local_name} ({self.get_status_display()})"


class Baseline(TimeStampedModel):
    """An indicator value of the approved sector, frozen at approval: where the pilot's indicators start."""

    selection = models.ForeignKey(
        Selection, on_delete=models.CASCADE, related_name="baselines", verbose_name=_("selection")
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("criterion")
    )
    name = models.CharField(_("indicator"), max_length=160)
    unit = models.CharField(_("unit"), max_length=40)
    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices)
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4)
    source = models.CharField(_("source"), max_length=250, blank=True)
    confidence = models.CharField(_("confidence"), max_length=8, choices=Confidence.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("baseline")
        verbose_name_plural = _("baselines")
        ordering = ["selection", "name"]
        constraints = [
            models.UniqueConstraint(fields=["selection", "name"], name="baseline_selection_name_unique"),
        ]

    def __str__(self):
        return f"{self.name}: {self.value} {self.unit}"
