"""Staff data care of the network's events: an event's details, its registrations (status read-only: it moves
through the services, which keep the waitlist in order), the calendar feeds."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from ccrs.admin import service_action

from ..models import CalendarFeed, Event, Registration
from ..services import events as services


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    can_delete = False
    fields = ["user", "status", "queued_at", "promoted_at", "cancelled_at", "attended"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "starts_at", "language", "organiser", "capacity", "status", "sequence"]
    list_filter = ["kind", "status", "language", "organiser__kind", "starts_at"]
    search_fields = ["title", "description", "speakers", "place"]
    date_hierarchy = "starts_at"
    raw_id_fields = ["organiser", "created_by", "closed_by"]
    filter_horizontal = ["resources"]
    readonly_fields = ["status", "sequence", "capacity", "uid", "closed_at", "closed_by", "created_by"]
    inlines = [RegistrationInline]

    def save_model(self, request, obj, form, change):
        """A new time or place goes through the service: SEQUENCE raised once, the people registered told."""
        if not change:
            obj.created_by = request.user
            super().save_model(request, obj, form, change)
            return
        moved = {name: form.cleaned_data[name] for name in form.changed_data if name in services.EDITABLE}
        if moved:
            services.event_update(event=obj, **moved)
        rest = [name for name in form.changed_data if name in {"summary", "recording_url"}]
        if rest:
            obj.save(update_fields=[*rest, "updated_at"])

    actions = [
        service_action(
            "cancel_events",
            _("Cancel the selected events (the people registered are told)"),
            lambda event: services.event_cancel(event=event),
            lambda n: ngettext("%(count)d event cancelled.", "%(count)d events cancelled.", n) % {"count": n},
        )
    ]


@admin.register(Registration)
class RegistrationAdmin(SimpleHistoryAdmin):
    list_display = ["event", "user", "status", "queued_at", "attended"]
    list_filter = ["status", "attended", "event__kind"]
    search_fields = ["event__title", "user__email", "user__full_name"]
    raw_id_fields = ["event", "user"]
    readonly_fields = ["event", "user", "status", "queued_at", "promoted_at", "cancelled_at", "mails_sent", "attended"]

    def has_add_permission(self, request):
        return False


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["user", "updated_at"]
    list_filter = ["updated_at"]
    search_fields = ["user__email", "user__full_name"]
    readonly_fields = ["user", "key"]
