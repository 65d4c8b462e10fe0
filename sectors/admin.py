"""Staff data care for the sector assessment; workflow steps go through the services."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .models import (
    Assessment,
    Baseline,
    CandidateSector,
    Criterion,
    IndicatorValue,
    IsicCode,
    Selection,
    SurveyResponse,
)


class RankedAdmin(SimpleHistoryAdmin):
    """An admin whose changes move a ranking: the assessments they touch are ranked again (services.assessment_rank)."""

    def assessment_ids(self, objects) -> set[int]:
        raise NotImplementedError

    def rank(self, objects):
        ids = self.assessment_ids(objects)
        services.assessments_rank(assessments=Assessment.objects.filter(pk__in=ids).order_by("pk"))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self.rank([form.instance])

    def delete_model(self, request, obj):
        ids = self.assessment_ids([obj])
        super().delete_model(request, obj)
        services.assessments_rank(assessments=Assessment.objects.filter(pk__in=ids).order_by("pk"))

    def delete_queryset(self, request, queryset):
        ids = self.assessment_ids(list(queryset))
        super().delete_queryset(request, queryset)
        services.assessments_rank(assessments=Assessment.objects.filter(pk__in=ids).order_by("pk"))


@admin.register(IsicCode)
class IsicCodeAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "section"]
    list_filter = ["section"]
    search_fields = ["code", "name"]
    list_select_related = ["section"]


@admin.register(Criterion)
class CriterionAdmin(RankedAdmin):
    list_display = ["name", "cohort", "principle", "unit", "direction", "weight", "survey_metric", "order"]
    list_filter = ["cohort", "principle", "direction"]
    search_fields = ["name", "description"]
    list_select_related = ["cohort"]
    list_editable = ["weight", "order"]

    def assessment_ids(self, objects):
        cohorts = {criterion.cohort_id for criterion in objects}
        return set(Assessment.objects.filter(city__cohort_id__in=cohorts).values_list("pk", flat=True))


class SectorInline(admin.TabularInline):
    model = CandidateSector
    extra = 0
    fields = ["local_name", "isic", "city_employment", "national_employment"]
    autocomplete_fields = ["isic"]
    show_change_link = True


@admin.action(description=_("Approve the selected submitted assessments"))
def approve_assessments(modeladmin, request, queryset):
    for assessment in queryset:
        try:
            services.assessment_approve(assessment=assessment, user=request.user)
        except ValidationError as error:
            modeladmin.message_user(request, f"{assessment}: {' '.join(error.messages)}", messages.ERROR)


@admin.register(Assessment)
class AssessmentAdmin(RankedAdmin):
    list_display = ["city", "status", "method", "submitted_at", "decided_at"]
    list_filter = ["status", "method", "city__cohort"]
    search_fields = ["city__name", "city__local_name"]
    list_select_related = ["city"]
    readonly_fields = [
        "status", "survey_key", "submitted_at", "decided_at", "decided_by",
        "leader", "leader_score", "leader_p_first", "ranked_at",
    ]  # fmt: skip
    inlines = [SectorInline]
    actions = [approve_assessments]

    def assessment_ids(self, objects):
        return {assessment.pk for assessment in objects}


class ValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 0
    fields = ["criterion", "value", "source", "confidence"]


@admin.register(CandidateSector)
class CandidateSectorAdmin(RankedAdmin):
    list_display = ["local_name", "isic", "assessment", "city_employment", "firms", "sme_firms"]
    list_filter = ["isic__section", "assessment__city"]
    search_fields = ["local_name", "isic__name", "assessment__city__name"]
    list_select_related = ["isic", "assessment__city"]
    autocomplete_fields = ["isic"]
    inlines = [ValueInline]

    def assessment_ids(self, objects):
        return {sector.assessment_id for sector in objects}


@admin.register(IndicatorValue)
class IndicatorValueAdmin(RankedAdmin):
    list_display = ["sector", "criterion", "value", "confidence", "source"]
    list_filter = ["confidence", "criterion__principle"]
    search_fields = ["sector__local_name", "criterion__name", "source"]
    list_select_related = ["sector__isic", "criterion"]

    def assessment_ids(self, objects):
        sectors = {value.sector_id for value in objects}
        return set(CandidateSector.objects.filter(pk__in=sectors).values_list("assessment_id", flat=True))


@admin.register(SurveyResponse)
class SurveyResponseAdmin(SimpleHistoryAdmin):
    list_display = ["sector", "assessment", "revenue_change", "closure_risk", "women_owned", "language", "created_at"]
    list_filter = ["closure_risk", "digital_adoption", "women_owned", "language"]
    search_fields = ["sector__local_name", "assessment__city__name"]
    list_select_related = ["sector__isic", "assessment__city"]


class BaselineInline(admin.TabularInline):
    model = Baseline
    extra = 0
    fields = ["name", "value", "unit", "source", "confidence"]
    readonly_fields = fields
    can_delete = False


@admin.register(Selection)
class SelectionAdmin(SimpleHistoryAdmin):
    list_display = ["assessment", "sector", "status", "proposed_by", "decided_by", "decided_at"]
    list_filter = ["status"]
    search_fields = ["assessment__city__name", "sector__local_name", "rationale"]
    list_select_related = ["assessment__city", "sector__isic", "proposed_by", "decided_by"]
    readonly_fields = ["status", "decided_by", "decided_at"]
    inlines = [BaselineInline]


@admin.register(Baseline)
class BaselineAdmin(SimpleHistoryAdmin):
    list_display = ["name", "selection", "value", "unit", "confidence"]
    search_fields = ["name", "selection__assessment__city__name"]
    list_select_related = ["selection__assessment__city", "selection__sector__isic"]
