"""Staff data care for mentoring: pairs, sessions and actions (with history). Only people who may mentor
are offered as a pair's mentor; an action is marked done on the pair's page."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ..models import MentoringAction, MentoringPair, MentoringSession
from ..selectors.mentoring import mentors_eligible


class SessionInline(admin.TabularInline):
    model = MentoringSession
    extra = 0
    fields = ["held_on", "attendees", "notes"]
    show_change_link = True


class ActionInline(admin.TabularInline):
    model = MentoringAction
    extra = 0
    fields = ["description", "owner", "due_on", "done_at"]
    readonly_fields = ["done_at"]
    raw_id_fields = ["owner"]


@admin.register(MentoringPair)
class MentoringPairAdmin(SimpleHistoryAdmin):
    list_display = ["mentor", "city", "sme_name", "status", "started_on", "created_by"]
    list_filter = ["status", "city"]
    search_fields = ["mentor__full_name", "mentor__email", "city__name", "sme_name", "goals"]
    list_select_related = ["mentor", "city", "created_by"]
    raw_id_fields = ["created_by"]
    inlines = [SessionInline, ActionInline]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "mentor":
            kwargs["queryset"] = mentors_eligible().order_by("full_name", "pk")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(MentoringSession)
class MentoringSessionAdmin(SimpleHistoryAdmin):
    list_display = ["pair", "held_on", "logged_by"]
    list_filter = ["held_on", "pair__city"]
    search_fields = ["pair__city__name", "pair__mentor__full_name", "attendees", "notes"]
    list_select_related = ["pair__city", "pair__mentor", "logged_by"]
    raw_id_fields = ["pair", "logged_by"]
    filter_horizontal = ["resources"]


@admin.register(MentoringAction)
class MentoringActionAdmin(SimpleHistoryAdmin):
    list_display = ["description", "pair", "owner", "due_on", "done_at"]
    list_filter = [("done_at", admin.EmptyFieldListFilter), "due_on", "pair__city"]
    search_fields = ["description", "pair__city__name", "owner__full_name"]
    list_select_related = ["pair__city", "pair__mentor", "owner"]
    raw_id_fields = ["pair", "session", "owner"]
    readonly_fields = ["done_at", "done_by"]  # marked done on the pair's page (network.services.mentoring)
