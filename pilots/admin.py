"""Staff data care for pilots: plan, partners, funding, budget, spending, workplan, risks, results."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from ccrs.admin import service_action

from . import selectors, services
from .models import (
    BudgetApproval,
    BudgetLine,
    ExchangeRate,
    Expenditure,
    FundingSource,
    Indicator,
    IndicatorMapping,
    Milestone,
    Period,
    Pilot,
    PilotStatus,
    ProgramIndicator,
    Result,
    Risk,
    SMEPartner,
    Update,
    UpdateEvidence,
    UpdateStatus,
)


class PartnerInline(admin.TabularInline):
    model = SMEPartner
    extra = 0
    fields = ["name", "contact", "firm_size", "women_led"]


class FundingInline(admin.TabularInline):
    model = FundingSource
    extra = 0
    fields = ["kind", "funder", "amount", "currency", "committed_on"]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0
    fields = ["title", "owner", "due_date", "status", "completed_on", "evidence"]


class RiskInline(admin.TabularInline):
    model = Risk
    extra = 0
    fields = ["title", "likelihood", "impact", "mitigation", "owner", "status"]


def _status_action(status, description):
    """An admin action that moves each selected pilot to `status` through the service (legal changes only)."""
    return service_action(
        f"make_{status}",
        description,
        lambda pilot: services.pilot_status_change(pilot=pilot, status=status),
        lambda count: ngettext("%d pilot changed.", "%d pilots changed.", count) % count,
    )


@admin.register(Pilot)
class PilotAdmin(SimpleHistoryAdmin):
    """A pilot's status follows its legal transitions: it changes only through the actions below."""

    list_display = ["title", "city", "status", "start_date", "end_date", "sector_isic", "reporting_currency"]
    list_filter = ["status", "city", "reporting_currency"]
    search_fields = ["title", "city__name", "sector_name", "sector_isic"]
    list_select_related = ["city"]
    date_hierarchy = "start_date"
    inlines = [PartnerInline, FundingInline, MilestoneInline, RiskInline]
    readonly_fields = ["status"]
    actions = [
        _status_action(PilotStatus.ACTIVE, _("Start or resume the selected pilots")),
        _status_action(PilotStatus.PAUSED, _("Pause the selected pilots")),
        _status_action(PilotStatus.COMPLETED, _("Mark the selected pilots completed")),
        _status_action(PilotStatus.CANCELLED, _("Cancel the selected pilots")),
    ]


@admin.register(SMEPartner)
class SMEPartnerAdmin(SimpleHistoryAdmin):
    list_display = ["name", "pilot", "firm_size", "women_led"]
    list_filter = ["firm_size", "women_led"]
    search_fields = ["name", "pilot__title"]
    list_select_related = ["pilot__city"]


@admin.register(FundingSource)
class FundingSourceAdmin(SimpleHistoryAdmin):
    list_display = ["funder", "pilot", "kind", "amount", "currency", "committed_on"]
    list_filter = ["kind", "currency"]
    search_fields = ["funder", "pilot__title"]
    list_select_related = ["pilot__city"]


class BudgetLineForm(forms.ModelForm):
    class Meta:
        model = BudgetLine
        fields = ["pilot", "category", "description", "amount", "currency"]

    def clean(self):
        data = super().clean()
        if not self.errors and data.get("pilot"):
            services.budget_line_check(
                pilot=data["pilot"], amount=data["amount"], currency=data["currency"], line_pk=self.instance.pk
            )
        return data


@admin.register(BudgetLine)
class BudgetLineAdmin(SimpleHistoryAdmin):
    form = BudgetLineForm
    list_display = ["description", "pilot", "category", "amount", "currency"]
    list_filter = ["category", "currency"]
    search_fields = ["description", "pilot__title"]
    list_select_related = ["pilot__city"]


@admin.register(BudgetApproval)
class BudgetApprovalAdmin(SimpleHistoryAdmin):
    list_display = ["pilot", "amount", "approved_by", "created_at"]
    search_fields = ["pilot__title", "reason"]
    list_select_related = ["pilot__city", "approved_by"]
    autocomplete_fields = ["approved_by"]


@admin.register(ExchangeRate)
class ExchangeRateAdmin(SimpleHistoryAdmin):
    list_display = ["currency", "reporting_currency", "valid_from", "rate"]
    list_filter = ["currency", "reporting_currency"]
    search_fields = ["currency"]
    date_hierarchy = "valid_from"


class ExpenditureForm(forms.ModelForm):
    class Meta:
        model = Expenditure
        fields = ["budget_line", "spent_on", "amount", "currency", "description", "evidence"]

    def clean(self):
        data = super().clean()
        if not self.errors and data.get("budget_line"):
            services.expenditure_check(
                pilot=data["budget_line"].pilot,
                amount=data["amount"],
                currency=data["currency"],
                spent_on=data["spent_on"],
                expenditure_pk=self.instance.pk,
            )
        return data


@admin.register(Expenditure)
class ExpenditureAdmin(SimpleHistoryAdmin):
    form = ExpenditureForm
    list_display = ["spent_on", "description", "budget_line", "amount", "currency"]
    list_filter = ["currency", "budget_line__category"]
    search_fields = ["description", "budget_line__pilot__title"]
    list_select_related = ["budget_line__pilot"]
    date_hierarchy = "spent_on"


@admin.register(Milestone)
class MilestoneAdmin(SimpleHistoryAdmin):
    list_display = ["title", "pilot", "owner", "due_date", "status"]
    list_filter = ["status"]
    search_fields = ["title", "owner", "pilot__title"]
    list_select_related = ["pilot__city"]


@admin.register(Risk)
class RiskAdmin(SimpleHistoryAdmin):
    list_display = ["title", "pilot", "likelihood", "impact", "owner", "status"]
    list_filter = ["status", "likelihood", "impact"]
    search_fields = ["title", "pilot__title"]
    list_select_related = ["pilot__city"]


@admin.register(Result)
class ResultAdmin(SimpleHistoryAdmin):
    list_display = ["title", "pilot", "type"]
    list_filter = ["type"]
    search_fields = ["title", "pilot__title"]
    list_select_related = ["pilot__city"]


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["title", "result", "measure", "unit", "baseline_value", "baseline_year"]
    list_filter = ["measure", "ascending"]
    search_fields = ["title", "result__title", "result__pilot__title"]
    list_select_related = ["result__pilot"]


@admin.action(description=_("Lock the selected periods"))
def lock_periods(modeladmin, request, queryset):
    for period in queryset:
        services.period_lock(period=period, locked=True)


@admin.action(description=_("Open the selected periods again"))
def unlock_periods(modeladmin, request, queryset):
    for period in queryset:
        services.period_lock(period=period, locked=False)


@admin.register(Period)
class PeriodAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "start", "end", "target_value", "actual_value", "locked"]
    list_filter = ["locked"]
    search_fields = ["indicator__title", "indicator__result__pilot__title"]
    list_select_related = ["indicator__result__pilot"]
    readonly_fields = ["actual_value", "locked", "reminder_sent_at"]
    actions = [lock_periods, unlock_periods]


class EvidenceInline(admin.TabularInline):
    model = UpdateEvidence
    extra = 0
    fields = ["file", "kind", "content_type", "size"]
    readonly_fields = ["kind", "content_type", "size"]


@admin.action(description=_("Approve the selected submitted updates"))
def approve_updates(modeladmin, request, queryset):
    done = 0
    for update in queryset.filter(status=UpdateStatus.SUBMITTED):
        try:
            services.update_approve(update=update, reviewer=request.user)
        except ValidationError as error:
            modeladmin.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            done += 1
    modeladmin.message_user(request, ngettext("%d update approved.", "%d updates approved.", done) % done)


@admin.register(Update)
class UpdateAdmin(SimpleHistoryAdmin):
    list_display = ["period", "status", "value", "incomplete", "submitted_by", "submitted_at"]
    list_filter = ["status", "incomplete"]
    search_fields = ["period__indicator__title", "narrative", "submitted_by__email"]
    list_select_related = ["period__indicator", "submitted_by"]
    # Figures and states change only through the services, which keep the period's actual in step.
    readonly_fields = [
        "status",
        "value",
        "numerator",
        "denominator",
        "disaggregated",
        "incomplete",
        "revision",
        "reviewed_by",
        "reviewed_at",
        "submitted_at",
        "notified",
    ]
    raw_id_fields = ["period", "submitted_by"]
    inlines = [EvidenceInline]
    actions = [approve_updates]


@admin.register(UpdateEvidence)
class UpdateEvidenceAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "update", "kind", "content_type", "size"]
    list_filter = ["kind"]
    list_select_related = ["update__period__indicator"]
    raw_id_fields = ["update"]


class IndicatorMappingForm(forms.ModelForm):
    """A mapping that would add up indicators of another measure or unit is refused with the service's message."""

    class Meta:
        model = IndicatorMapping
        fields = ["program_indicator", "pilot", "indicator", "excluded", "note"]

    def clean(self):
        data = super().clean()
        program, indicator, pilot = data.get("program_indicator"), data.get("indicator"), data.get("pilot")
        if program is None and self.instance.program_indicator_id:  # in the program indicator's inline
            program = self.instance.program_indicator
        if self.errors:
            return data
        if data.get("excluded"):
            if indicator is not None:
                self.add_error("indicator", _("A pilot that opts out maps no indicator: leave it empty."))
            return data
        if indicator is None:
            self.add_error("indicator", _("Choose the pilot indicator that feeds it, or tick “opted out”."))
            return data
        if pilot is not None and indicator.result.pilot_id != pilot.pk:
            self.add_error("indicator", _("Choose an indicator of this pilot."))
            return data
        if program is None:  # a new program indicator: its own form checks the measure and unit below
            return data
        try:
            services.mapping_check(program_indicator=program, indicator=indicator)
        except ValidationError as error:
            self.add_error(None, error)
        return data


class IndicatorMappingInline(admin.TabularInline):
    model = IndicatorMapping
    form = IndicatorMappingForm
    extra = 0
    fields = ["pilot", "indicator", "excluded", "note"]
    raw_id_fields = ["pilot", "indicator"]


class ProgramIndicatorForm(forms.ModelForm):
    class Meta:
        model = ProgramIndicator
        fields = ["name", "measure", "unit", "description", "position"]

    def clean(self):
        data = super().clean()
        if not self.errors:
            try:
                services.program_indicator_check(
                    program_indicator=self.instance, measure=data["measure"], unit=data.get("unit", "")
                )
            except ValidationError as error:
                self.add_error(None, error.messages)
        return data


@admin.register(ProgramIndicator)
class ProgramIndicatorAdmin(SimpleHistoryAdmin):
    """Staff choose the program's indicators and map the pilots' own to them; the roll-up shows what they add to."""

    form = ProgramIndicatorForm
    list_display = ["name", "measure", "unit", "position", "mapping_count"]
    list_filter = ["measure"]
    search_fields = ["name", "unit", "description"]
    fields = ["name", "measure", "unit", "description", "position", "rollup"]
    readonly_fields = ["rollup"]
    inlines = [IndicatorMappingInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(mapped=Count("mappings", filter=Q(mappings__excluded=False)))

    @admin.display(description=_("pilots mapped"), ordering="mapped")
    def mapping_count(self, obj):
        return obj.mapped

    @admin.display(description=_("roll-up across the pilots"))
    def rollup(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        [row] = selectors.indicator_rollup(indicators=[obj])
        if not row["periods"]:
            return _("No pilot reports on it yet.")
        return render_to_string("pilots/partials/program_indicator_rollup.html", {"item": row})


@admin.register(IndicatorMapping)
class IndicatorMappingAdmin(SimpleHistoryAdmin):
    form = IndicatorMappingForm
    list_display = ["program_indicator", "pilot", "indicator", "excluded"]
    list_filter = ["excluded", "program_indicator"]
    search_fields = ["program_indicator__name", "pilot__title", "pilot__city__name", "indicator__title"]
    list_select_related = ["program_indicator", "pilot__city", "indicator"]
    raw_id_fields = ["pilot", "indicator"]
