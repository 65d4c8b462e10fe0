"""Program action 3: a city's pilot with its budget, workplan, risks and IATI-style results framework."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ccrs import formatting
from ccrs.models import TimeStampedModel, person_field
from ccrs.money import AmountField, CurrencyField
from ccrs.uploads import RandomName


class PilotStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


# The legal status changes; anything else is refused by pilot_status_change().
PILOT_TRANSITIONS = {
    PilotStatus.PLANNED: {PilotStatus.ACTIVE, PilotStatus.CANCELLED},
    PilotStatus.ACTIVE: {PilotStatus.PAUSED, PilotStatus.COMPLETED, PilotStatus.CANCELLED},
    PilotStatus.PAUSED: {PilotStatus.ACTIVE, PilotStatus.CANCELLED},
    PilotStatus.COMPLETED: set(),
    PilotStatus.CANCELLED: set(),
}


class Pilot(TimeStampedModel):
    """The transformative pilot of a city's selected solution."""

    city = models.ForeignKey("cities.City", on_delete=models.PROTECT, related_name="pilots", verbose_name=_("city"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    solution = models.TextField(
        _("solution"), blank=True, help_text=_("The awarded proposal the pilot starts from, as entered by staff.")
    )
    proposal = models.OneToOneField(
        "cocreation.Proposal",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pilot",
        verbose_name=_("awarded proposal"),
        help_text=_("The proposal awarded in the city's call for SME proposals, when the pilot started from it."),
    )
    sector_isic = models.CharField(
        _("sector (ISIC Rev.4 code)"), max_length=8, blank=True, help_text=_("Such as E38 for waste collection.")
    )
    sector_name = models.CharField(_("sector"), max_length=200, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    status = models.CharField(_("status"), max_length=16, choices=PilotStatus.choices, default=PilotStatus.PLANNED)
    reporting_currency = CurrencyField(_("reporting currency"), default="USD")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pilot")
        verbose_name_plural = _("pilots")
        ordering = ["city__name", "title"]
        permissions = [("review_updates", "Can approve or return pilot updates")]
        constraints = [
            models.CheckConstraint(condition=Q(end_date__gt=models.F("start_date")), name="pilot_dates_ordered"),
            models.CheckConstraint(condition=Q(status__in=PilotStatus.values), name="pilot_status_valid"),
            models.UniqueConstraint(fields=["city", "title"], name="pilot_title_unique_in_city"),
        ]

    def __str__(self):
        return f"{self.title} ({self.city})"

    def get_absolute_url(self):
        return reverse("pilots:detail", kwargs={"pk": self.pk})

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date <= self.start_date:
            raise ValidationError({"end_date": _("The end date must come after the start date.")})


class FirmSize(models.TextChoices):
    MICRO = "micro", _("Micro")
    SMALL = "small", _("Small")
    MEDIUM = "medium", _("Medium")


class SMEPartner(TimeStampedModel):
    """A small or medium enterprise taking part in the pilot."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="partners", verbose_name=_("pilot"))
    name = models.CharField(_("name"), max_length=200)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    firm_size = models.CharField(_("firm size"), max_length=8, choices=FirmSize.choices, default=FirmSize.SMALL)
    women_led = models.BooleanField(_("women-led"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("SME partner")
        verbose_name_plural = _("SME partners")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["pilot", "name"], name="partner_name_unique_in_pilot")]

    def __str__(self):
        return self.name


class FundingKind(models.TextChoices):
    GRANT = "grant", _("Program grant")
    CITY_CASH = "city_cash", _("City cash match")
    CITY_IN_KIND = "city_in_kind", _("City in-kind contribution")
    SME = "sme", _("SME contribution")
    OTHER = "other", _("Other")


class FundingSource(TimeStampedModel):
    """Money (or in-kind value) committed to the pilot by one funder."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="funding", verbose_name=_("pilot"))
    kind = models.CharField(_("kind"), max_length=16, choices=FundingKind.choices)
    funder = models.CharField(_("funder"), max_length=200)
    amount = AmountField(_("amount"))
    currency = CurrencyField(_("currency"))
    committed_on = models.DateField(_("committed on"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("funding source")
        verbose_name_plural = _("funding sources")
        ordering = ["kind", "funder"]
        constraints = [models.CheckConstraint(condition=Q(kind__in=FundingKind.values), name="funding_kind_valid")]

    def __str__(self):
        return f"{self.funder}: {formatting.money(self.amount, self.currency)}"


class BudgetCategory(models.TextChoices):
    PERSONNEL = "personnel", _("Personnel")
    EQUIPMENT = "equipment", _("Equipment")
    SERVICES = "services", _("Services and contracts")
    TRAINING = "training", _("Training and workshops")
    COMMUNICATION = "communication", _("Communication")
    MONITORING = "monitoring", _("Monitoring and evaluation")
    OTHER = "other", _("Other")


class BudgetLine(TimeStampedModel):
    """Planned spending of one category, in one currency."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="budget_lines", verbose_name=_("pilot"))
    category = models.CharField(_("category"), max_length=16, choices=BudgetCategory.choices)
    description = models.CharField(_("description"), max_length=200)
    amount = AmountField(_("planned amount"))
    currency = CurrencyField(_("currency"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["category", "description"]
        constraints = [
            models.CheckConstraint(condition=Q(category__in=BudgetCategory.values), name="budget_category_valid")
        ]

    def __str__(self):
        return f"{self.get_category_display()}: {self.description}"


class BudgetApproval(TimeStampedModel):
    """Staff approval to spend or plan past the budget by up to an amount in the reporting currency."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="budget_approvals", verbose_name=_("pilot"))
    amount = AmountField(_("approved excess"))
    reason = models.TextField(_("reason"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("approved by")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("budget approval")
        verbose_name_plural = _("budget approvals")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.pilot}: +{formatting.money(self.amount, self.pilot.reporting_currency)}"


class ExchangeRate(TimeStampedModel):
    """From this date on, one unit of `currency` is worth `rate` units of `reporting_currency`."""

    currency = CurrencyField(_("currency"))
    reporting_currency = CurrencyField(_("reporting currency"))
    valid_from = models.DateField(_("valid from"))
    rate = models.DecimalField(_("rate"), max_digits=20, decimal_places=10)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["currency", "reporting_currency", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["currency", "reporting_currency", "valid_from"], name="exchange_rate_unique_per_day"
            ),
            models.CheckConstraint(condition=Q(rate__gt=0), name="exchange_rate_positive"),
            models.CheckConstraint(
                condition=~Q(currency=models.F("reporting_currency")), name="exchange_rate_two_currencies"
            ),
        ]

    def __str__(self):
        return f"1 {self.currency} = {self.rate} {self.reporting_currency} ({self.valid_from})"


evidence_path = RandomName("pilots/evidence")


class Expenditure(TimeStampedModel):
    """Money spent against a budget line, with its date and evidence."""

    budget_line = models.ForeignKey(
        BudgetLine, on_delete=models.PROTECT, related_name="expenditures", verbose_name=_("budget line")
    )
    spent_on = models.DateField(_("date"))
    amount = AmountField(_("amount"))
    currency = CurrencyField(_("currency"))
    description = models.CharField(_("description"), max_length=200)
    evidence = models.FileField(_("evidence"), upload_to=evidence_path, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("expenditure")
        verbose_name_plural = _("expenditures")
        ordering = ["-spent_on"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="expenditure_positive")]

    def __str__(self):
        return f"{self.spent_on}: {formatting.money(self.amount, self.currency)}"


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Milestone(TimeStampedModel):
    """A step of the workplan with its owner and due date."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("pilot"))
    title = models.CharField(_("title"), max_length=200)
    owner = models.CharField(_("owner"), max_length=200)
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=16, choices=MilestoneStatus.choices, default=MilestoneStatus.PLANNED
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    evidence = models.FileField(_("evidence"), upload_to=evidence_path, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_date", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=MilestoneStatus.values), name="milestone_status_valid"),
            models.CheckConstraint(
                condition=Q(status="done", completed_on__isnull=False) | ~Q(status="done"),
                name="milestone_done_has_date",
            ),
        ]

    def __str__(self):
        return self.title

    def is_overdue(self, today):
        return self.status in {MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS} and self.due_date < today


class RiskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    MITIGATED = "mitigated", _("Mitigated")
    CLOSED = "closed", _("Closed")


class Risk(TimeStampedModel):
    """An entry of the risk register, scored 1–5 for likelihood and impact."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="risks", verbose_name=_("pilot"))
    title = models.CharField(_("risk"), max_length=200)
    likelihood = models.PositiveSmallIntegerField(_("likelihood (1–5)"))
    impact = models.PositiveSmallIntegerField(_("impact (1–5)"))
    mitigation = models.TextField(_("mitigation"), blank=True)
    owner = models.CharField(_("owner"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=RiskStatus.choices, default=RiskStatus.OPEN)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("risk")
        verbose_name_plural = _("risks")
        ordering = ["status", "-likelihood", "-impact"]
        constraints = [
            models.CheckConstraint(condition=Q(likelihood__gte=1, likelihood__lte=5), name="risk_likelihood_1_5"),
            models.CheckConstraint(condition=Q(impact__gte=1, impact__lte=5), name="risk_impact_1_5"),
            models.CheckConstraint(condition=Q(status__in=RiskStatus.values), name="risk_status_valid"),
        ]

    def __str__(self):
        return self.title

    @property
    def score(self):
        return self.likelihood * self.impact


class ResultType(models.TextChoices):
    # IATI ResultType codes: 1 output, 2 outcome, 3 impact.
    OUTPUT = "output", _("Output")
    OUTCOME = "outcome", _("Outcome")
    IMPACT = "impact", _("Impact")


class Result(TimeStampedModel):
    """A result the pilot aims at (IATI result): an output, an outcome or an impact."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="results", verbose_name=_("pilot"))
    type = models.CharField(_("type"), max_length=8, choices=ResultType.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")
        ordering = ["pilot", "type", "pk"]
        constraints = [models.CheckConstraint(condition=Q(type__in=ResultType.values), name="result_type_valid")]

    def __str__(self):
        return self.title


class Measure(models.TextChoices):
    # IATI IndicatorMeasure codes: 1 unit, 2 percentage, 5 qualitative.
    UNIT = "unit", _("Unit")
    PERCENTAGE = "percentage", _("Percentage")
    QUALITATIVE = "qualitative", _("Qualitative")


class CoBenefit(models.TextChoices):
    JOBS = "jobs", _("Jobs")
    INCOME = "income", _("Income")
    EMISSIONS = "emissions", _("Emissions avoided")
    WASTE = "waste", _("Waste diverted")
    EQUITY = "equity", _("Social equity")
    WATER = "water", _("Water quality")


# Disaggregations an indicator may ask for, each with its categories (IATI dimension name → values).
DISAGGREGATIONS = {
    "women_led": (_("Women-led SMEs"), {"women_led": _("Women-led"), "other": _("Other")}),
    "firm_size": (_("Firm size"), {"micro": _("Micro"), "small": _("Small"), "medium": _("Medium")}),
    "sex": (_("Sex"), {"female": _("Female"), "male": _("Male")}),
}
DISAGGREGATION_CHOICES = [(key, label) for key, (label, _categories) in DISAGGREGATIONS.items()]


class Indicator(TimeStampedModel):
    """How a result is measured (IATI indicator), with its baseline, direction and co-benefits."""

    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("result"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    measure = models.CharField(_("measure"), max_length=12, choices=Measure.choices, default=Measure.UNIT)
    unit = models.CharField(_("unit"), max_length=40, blank=True, help_text=_("Such as tonnes, SMEs or VND."))
    ascending = models.BooleanField(
        _("higher is better"), default=True, help_text=_("Untick when the aim is to bring the value down.")
    )
    baseline_value = models.DecimalField(_("baseline value"), max_digits=18, decimal_places=4, null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    baseline_comment = models.CharField(_("baseline source"), max_length=300, blank=True)
    sector_baseline = models.ForeignKey(
        "sectors.Baseline",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pilot_indicators",
        verbose_name=_("sector assessment baseline"),
        help_text=_("The approved sector assessment's value this indicator's baseline was taken from."),
    )
    co_benefits = models.JSONField(_("co-benefits"), default=list, blank=True)
    disaggregations = models.JSONField(_("disaggregations"), default=list, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["result", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(measure__in=Measure.values), name="indicator_measure_valid"),
            models.CheckConstraint(
                condition=Q(baseline_year__isnull=True) | Q(baseline_year__gte=1990, baseline_year__lte=2100),
                name="indicator_baseline_year_sane",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_quantitative(self):
        return self.measure != Measure.QUALITATIVE

    def co_benefit_labels(self):
        labels = dict(CoBenefit.choices)
        return [labels.get(tag, tag) for tag in self.co_benefits]

    def disaggregation_categories(self):
        """[(dimension key, label, [(category key, label)])] of the dimensions this indicator asks for."""
        return [
            (key, DISAGGREGATIONS[key][0], list(DISAGGREGATIONS[key][1].items()))
            for key in self.disaggregations
            if key in DISAGGREGATIONS
        ]


class Period(TimeStampedModel):
    """A reporting period of an indicator with its target; its actual comes from approved updates."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="periods", verbose_name=_("indicator")
    )
    start = models.DateField(_("period start"))
    end = models.DateField(_("period end"))
    target_value = models.DecimalField(_("target"), max_digits=18, decimal_places=4, null=True, blank=True)
    target_comment = models.CharField(_("target comment"), max_length=300, blank=True)
    actual_value = models.DecimalField(
        _("actual"), max_digits=18, decimal_places=4, null=True, blank=True, editable=False
    )
    locked = models.BooleanField(_("locked"), default=False)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("period")
        verbose_name_plural = _("periods")
        ordering = ["indicator", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="period_dates_ordered"),
            models.UniqueConstraint(fields=["indicator", "start"], name="period_unique_start"),
        ]

    def __str__(self):
        return f"{self.indicator} · {self.start:%Y-%m-%d}–{self.end:%Y-%m-%d}"


class UpdateStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for revision")
    APPROVED = "approved", _("Approved")


class Update(TimeStampedModel):
    """A city officer's report on a period: value, narrative, evidence, disaggregated values."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="updates", verbose_name=_("period"))
    status = models.CharField(_("status"), max_length=16, choices=UpdateStatus.choices, default=UpdateStatus.SUBMITTED)
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4, null=True, blank=True)
    numerator = models.DecimalField(_("numerator"), max_digits=18, decimal_places=4, null=True, blank=True)
    denominator = models.DecimalField(_("denominator"), max_digits=18, decimal_places=4, null=True, blank=True)
    narrative = models.TextField(_("narrative"), blank=True)
    disaggregated = models.JSONField(_("disaggregated values"), default=dict, blank=True)
    incomplete = models.BooleanField(
        _("incomplete"), default=False, help_text=_("The disaggregated values do not add up to the total.")
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("submitted by")
    )
    submitted_at = models.DateTimeField(_("submitted"))
    reviewed_by = person_field(_("reviewed by"))
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    revision = models.PositiveSmallIntegerField(_("revision"), default=1)
    notified = models.CharField(_("last notice sent"), max_length=32, blank=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("update")
        verbose_name_plural = _("updates")
        ordering = ["-submitted_at"]
        # the queue's order whole (oldest first, then by id), so a page reads its 50 rows and stops
        indexes = [models.Index(fields=["status", "submitted_at", "id"], name="update_queue_order_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=UpdateStatus.values), name="update_status_valid"),
            models.CheckConstraint(
                condition=Q(denominator__isnull=True) | Q(denominator__gt=0), name="update_denominator_positive"
            ),
            models.CheckConstraint(
                condition=~Q(status="returned") | ~Q(review_comment=""), name="update_returned_has_comment"
            ),
        ]

    def __str__(self):
        return f"{self.period} · {self.get_status_display()}"

    def get_absolute_url(self):
        return reverse("pilots:update_detail", kwargs={"pk": self.pk})

    def disaggregation_display(self):
        """[(dimension label, [(category label, value)])] of the disaggregated values, for pages."""
        rows = []
        for key, values in (self.disaggregated or {}).items():
            label, categories = DISAGGREGATIONS.get(key, (key, {}))
            rows.append((label, [(categories.get(cat, cat), value) for cat, value in values.items()]))
        return rows


class EvidenceKind(models.TextChoices):
    PHOTO = "photo", _("Photo")
    DOCUMENT = "document", _("Document")


class UpdateEvidence(TimeStampedModel):
    """A photo or document attached to an update (type checked from its content)."""

    update = models.ForeignKey(Update, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("update"))
    file = models.FileField(_("file"), upload_to=evidence_path)
    name = models.CharField(_("file name"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=8, choices=EvidenceKind.choices)
    content_type = models.CharField(_("content type"), max_length=80)
    size = models.PositiveIntegerField(_("size in bytes"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["pk"]

    def __str__(self):
        return self.name or self.file.name.rsplit("/", 1)[-1]


PROGRAM_MEASURES = [(Measure.UNIT, Measure.UNIT.label), (Measure.PERCENTAGE, Measure.PERCENTAGE.label)]


class ProgramIndicator(TimeStampedModel):
    """An indicator of the whole program, chosen by staff (SMEs supported, tonnes of waste separated …).

    The pilots' own indicators map to it; it adds them up (a unit) or pools them (a percentage: Σ numerators
    / Σ denominators)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    measure = models.CharField(_("measure"), max_length=12, choices=PROGRAM_MEASURES, default=Measure.UNIT)
    unit = models.CharField(
        _("unit"), max_length=40, blank=True, help_text=_("What a unit indicator counts, such as SMEs or tonnes.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("program indicator")
        verbose_name_plural = _("program indicators")
        ordering = ["position", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(measure__in=[Measure.UNIT, Measure.PERCENTAGE]), name="program_indicator_measure_valid"
            ),
            models.CheckConstraint(
                condition=~Q(measure=Measure.UNIT) | ~Q(unit=""), name="program_indicator_unit_has_unit"
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.measure == Measure.UNIT and not self.unit.strip():
            raise ValidationError({"unit": _("Say what the indicator counts, such as SMEs or tonnes.")})


class IndicatorMapping(TimeStampedModel):
    """A pilot's part in a program indicator: the pilot indicator that feeds it, or the pilot's opting out."""

    program_indicator = models.ForeignKey(
        ProgramIndicator, on_delete=models.CASCADE, related_name="mappings", verbose_name=_("program indicator")
    )
    pilot = models.ForeignKey(
        Pilot, on_delete=models.CASCADE, related_name="indicator_mappings", verbose_name=_("pilot")
    )
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="program_mappings",
        verbose_name=_("pilot indicator"),
    )
    excluded = models.BooleanField(
        _("opted out"), default=False, help_text=_("The pilot takes no part in this program indicator.")
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator mapping")
        verbose_name_plural = _("indicator mappings")
        ordering = ["program_indicator", "pilot"]
        constraints = [
            models.UniqueConstraint(fields=["program_indicator", "pilot"], name="indicator_mapping_one_per_pilot"),
            models.CheckConstraint(
                condition=Q(excluded=True, indicator__isnull=True) | Q(excluded=False, indicator__isnull=False),
                name="indicator_mapping_indicator_or_excluded",
            ),
        ]

    def __str__(self):
        return f"{self.program_indicator} ← {self.indicator or self.pilot}"
