"""Staff data care for accounts, team memberships and invitations."""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .models import CityMembership, Invitation, InvitationStatus, Report, ReportStatus, User


class MembershipInline(admin.TabularInline):
    model = CityMembership
    extra = 0
    autocomplete_fields = ["city"]
    fields = ["city", "role", "created_at"]
    readonly_fields = ["created_at"]


class ReadOnly:
    """An admin mixin for rows that only the site's own flows write: staff read them, nobody adds or changes one."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def run_each(modeladmin, request, queryset, action, done) -> int:
    """An admin action's loop: call `action` (a service) on each object, report refusals by name and the count.

    `done` is the message of the count: a string with `%(count)s`, or a function of the count (for ngettext).
    """
    count = 0
    for obj in queryset:
        try:
            action(obj)
        except ValidationError as error:
            modeladmin.message_user(request, f"{obj}: {' '.join(error.messages)}", messages.ERROR)
        else:
            count += 1
    modeladmin.message_user(request, done(count) if callable(done) else done % {"count": count}, messages.SUCCESS)
    return count


def service_action(name: str, description, call, done, *, by_user: bool = False, only: dict | None = None):
    """An admin action named `name` that calls `call` (a service, given the object) on each selected object.

    `by_user`: `call` is given the staff member acting too (a moderator); `only`: the filter of the selected
    objects the action applies to (the pending invitations), the others are passed over.
    """

    @admin.action(description=description)
    def act(modeladmin, request, queryset):
        objects = queryset.filter(**only) if only else queryset
        action = (lambda obj: call(obj, request.user)) if by_user else call
        run_each(modeladmin, request, objects, action, done)

    act.__name__ = name
    return act


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin, BaseUserAdmin):
    ordering = ["email"]
    list_display = [
        "email",
        "full_name",
        "is_staff",
        "city_list",
        "is_stakeholder",
        "is_network_member",
        "is_active",
        "last_login",
    ]
    list_filter = ["is_staff", "is_stakeholder", "is_network_member", "is_active", "language", "memberships__city"]
    search_fields = ["email", "full_name"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["full_name", "language"]}),
        (_("Roles"), {"fields": ["is_staff", "is_stakeholder", "is_network_member", "is_active", "is_superuser"]}),
        (_("Django permissions"), {"classes": ["collapse"], "fields": ["groups", "user_permissions"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]}),
    ]
    readonly_fields = ["last_login", "date_joined"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("memberships__city")

    def save_model(self, request, obj, form, change):
        """A new or newly promoted staff account is e-mailed its two-factor enrolment link."""
        super().save_model(request, obj, form, change)
        if obj.is_staff and (not change or "is_staff" in form.changed_data):
            transaction.on_commit(lambda: services.staff_enrolment_send(user=obj, force=True))

    @admin.display(description=_("cities"))
    def city_list(self, obj):
        return ", ".join(f"{m.city.name} ({m.get_role_display()})" for m in obj.memberships.all())


@admin.register(CityMembership)
class CityMembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "city", "role", "created_at"]
    list_filter = ["role", "city__cohort", "city"]
    search_fields = ["user__email", "user__full_name", "city__name"]
    autocomplete_fields = ["user", "city"]
    list_select_related = ["user", "city"]


def pending_invitations_action(name: str, description, service, done):
    """An action on the selected team invitations that are still pending (the others are passed over)."""
    return service_action(
        name,
        description,
        lambda invitation: service(invitation=invitation),
        done,
        only={"status": InvitationStatus.PENDING},
    )


@admin.register(Invitation)
class InvitationAdmin(SimpleHistoryAdmin):
    list_display = ["email", "city", "role", "status", "invited_by", "sent_at", "accepted_at"]
    list_filter = ["status", "role", "city"]
    search_fields = ["email", "city__name", "invited_by__email"]
    list_select_related = ["city", "invited_by"]
    readonly_fields = ["key", "status", "sent_at", "accepted_at", "accepted_by", "invited_by"]
    autocomplete_fields = ["city"]
    actions = [
        pending_invitations_action(
            "resend",
            _("Send a new link"),
            services.invitation_resend,
            ngettext_lazy("%(count)d invitation sent again.", "%(count)d invitations sent again.", "count"),
        ),
        pending_invitations_action(
            "revoke",
            _("Withdraw"),
            services.invitation_revoke,
            ngettext_lazy("%(count)d invitation withdrawn.", "%(count)d invitations withdrawn.", "count"),
        ),
    ]

    def has_change_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        invitation = services.invitation_create(invited_by=request.user, city=obj.city, email=obj.email, role=obj.role)
        obj.pk = invitation.pk


@admin.register(Report)
class ReportAdmin(SimpleHistoryAdmin):
    list_display = [
        "kind",
        "format",
        "city",
        "requested_by",
        "status",
        "progress",
        "attempts",
        "created_at",
        "finished_at",
    ]
    list_filter = ["status", "kind", "format", "city"]
    search_fields = ["kind", "requested_by__email", "city__name", "error"]
    list_select_related = ["city", "requested_by"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "key", "kind", "format", "params", "params_key", "requested_by", "city", "status", "progress", "attempts",
        "started_at", "finished_at", "file", "error", "created_at", "updated_at",
    ]  # fmt: skip
    actions = ["retry"]

    def has_add_permission(self, request):
        return False  # reports are asked for on the pages where they belong

    @admin.action(description=_("Try the selected failed reports again"))
    def retry(self, request, queryset):
        retried = 0
        for report in queryset.filter(status=ReportStatus.FAILED):
            services.report_retry(report=report)
            retried += 1
        self.message_user(request, _("%(count)s failed reports queued again.") % {"count": retried}, messages.SUCCESS)
