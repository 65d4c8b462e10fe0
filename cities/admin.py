"""Staff data care for cohorts, cities, applications, reviews, onboarding and co-funding (with history)."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from ccrs.models import CityMembership

from . import services
from .models import (
    Application,
    ChecklistItem,
    City,
    CoFundingRecord,
    Cohort,
    OnboardingStep,
    Review,
    Score,
    SelectionCriterion,
)


class CityInline(admin.TabularInline):
    model = City
    extra = 0
    fields = ["name", "local_name", "country", "population"]
    show_change_link = True


class TeamInline(admin.TabularInline):
    model = CityMembership
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role"]


class CriterionInline(admin.TabularInline):
    model = SelectionCriterion
    extra = 0
    fields = ["position", "name", "weight", "description"]


class ChecklistItemInline(admin.TabularInline):
    model = ChecklistItem
    extra = 0
    fields = ["position", "kind", "title", "days_to_complete"]


@admin.register(Cohort)
class CohortAdmin(SimpleHistoryAdmin):
    list_display = [
        "name",
        "region",
        "start_year",
        "end_year",
        "call_opens_on",
        "call_closes_on",
        "max_cities",
        "city_count",
    ]
    list_filter = ["region", "start_year"]
    search_fields = ["name", "region"]
    inlines = [CriterionInline, ChecklistItemInline, CityInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(city_count=Count("cities"))

    @admin.display(description=_("cities"), ordering="city_count")
    def city_count(self, obj):
        return obj.city_count


@admin.register(City)
class CityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "local_name", "country", "cohort", "population", "time_zone", "team_size"]
    list_filter = ["cohort", "country"]
    search_fields = ["name", "local_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["cohort"]
    inlines = [TeamInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(team_size=Count("memberships"))

    @admin.display(description=_("team"), ordering="team_size")
    def team_size(self, obj):
        return obj.team_size


@admin.register(SelectionCriterion)
class SelectionCriterionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "cohort", "weight", "position"]
    list_filter = ["cohort"]
    search_fields = ["name"]
    list_select_related = ["cohort"]


@admin.register(ChecklistItem)
class ChecklistItemAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "cohort", "kind", "days_to_complete", "position"]
    list_filter = ["cohort", "kind"]
    search_fields = ["title"]
    list_select_related = ["cohort"]


class ScoreInline(admin.TabularInline):
    model = Score
    extra = 0
    fields = ["criterion", "value"]
    readonly_fields = ["criterion", "value"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Review)
class ReviewAdmin(SimpleHistoryAdmin):
    """Reviews are written on the review page (the service checks the rubric); here they are read."""

    list_display = ["application", "reviewer", "conflict_of_interest", "created_at"]
    list_filter = ["application__cohort", "conflict_of_interest"]
    search_fields = ["application__city_name", "reviewer__email"]
    list_select_related = ["application", "application__cohort", "reviewer"]
    inlines = [ScoreInline]

    def get_readonly_fields(self, request, obj=None):
        return ["application", "reviewer", "conflict_of_interest", "conflict_note", "comment"] if obj else []


@admin.register(Score)
class ScoreAdmin(SimpleHistoryAdmin):
    list_display = ["review", "criterion", "value"]
    list_select_related = ["review__application__cohort", "review__reviewer", "criterion"]
    list_filter = ["criterion__cohort"]

    def get_readonly_fields(self, request, obj=None):
        return ["review", "criterion", "value"] if obj else []


@admin.register(Application)
class ApplicationAdmin(SimpleHistoryAdmin):
    """Decisions go through the service (cap, legal transitions, onboarding); staff decide on the site."""

    list_display = ["city_name", "country", "cohort", "status", "applicant", "submitted_at", "decided_at"]
    list_filter = ["cohort", "status", "country"]
    search_fields = ["city_name", "invited_email", "cro_name", "cro_email"]
    list_select_related = ["cohort", "applicant"]
    readonly_fields = [
        "status",
        "applicant",
        "city",
        "invited_by",
        "invitation_sent_at",
        "submitted_at",
        "decided_by",
        "decided_at",
        "decision_rationale",
        "letter",
        "letter_name",
    ]
    actions = ["resend_invitation"]

    @admin.action(description=_("Send the invitation to apply again"))
    def resend_invitation(self, request, queryset):
        for application in queryset:
            try:
                services.application_resend(application=application)
            except ValidationError as error:
                self.message_user(request, f"{application}: {' '.join(error.messages)}", messages.WARNING)


@admin.register(OnboardingStep)
class OnboardingStepAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "city", "owner", "due_on", "completed_at", "completed_by"]
    list_filter = ["city__cohort", "kind", ("completed_at", admin.EmptyFieldListFilter)]
    search_fields = ["city__name", "title"]
    list_select_related = ["city", "owner", "completed_by"]
    autocomplete_fields = ["owner"]
    readonly_fields = ["completed_at", "completed_by", "evidence_file", "evidence_name"]
    actions = ["reopen"]

    @admin.action(description=_("Reopen the chosen steps"))
    def reopen(self, request, queryset):
        for step in queryset:
            try:
                services.step_reopen(step=step)
            except ValidationError as error:
                self.message_user(request, f"{step}: {' '.join(error.messages)}", messages.WARNING)


@admin.register(CoFundingRecord)
class CoFundingRecordAdmin(SimpleHistoryAdmin):
    list_display = ["city", "on", "kind", "stage", "amount", "currency", "recorded_by"]
    list_filter = ["city__cohort", "kind", "stage", "currency"]
    search_fields = ["city__name", "description"]
    list_select_related = ["city", "recorded_by"]
    date_hierarchy = "on"
