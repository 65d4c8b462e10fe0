"""Staff data care for the directory: organisations, member profiles, tags and network invitations.

A person's contact visibility is theirs to choose, and an invitation's state moves through its link:
both are read-only here.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ..models import MemberProfile, NetworkInvitation, Organisation, Tag


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "code"]
    list_filter = ["kind"]
    search_fields = ["name", "code", "names"]
    ordering = ["kind", "name"]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "city", "country", "website"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "city__name", "summary"]
    list_select_related = ["city"]
    filter_horizontal = ["tags"]
    raw_id_fields = ["city"]


@admin.register(MemberProfile)
class MemberProfileAdmin(SimpleHistoryAdmin):
    list_display = ["user", "organisation", "role_title", "is_mentor", "listed", "show_email", "show_phone"]
    list_filter = ["is_mentor", "listed", "show_email", "show_phone", "organisation__kind"]
    search_fields = ["user__full_name", "user__email", "role_title", "organisation__name", "offers", "seeks"]
    list_select_related = ["user", "organisation"]
    raw_id_fields = ["user", "organisation"]
    filter_horizontal = ["tags"]
    readonly_fields = ["show_email", "show_phone"]  # the person's own choice, on their profile page


@admin.register(NetworkInvitation)
class NetworkInvitationAdmin(SimpleHistoryAdmin):
    list_display = ["email", "organisation", "is_mentor", "status", "sent_at", "accepted_at", "invited_by"]
    list_filter = ["status", "is_mentor", "language"]
    search_fields = ["email", "full_name", "organisation__name"]
    list_select_related = ["organisation", "invited_by"]
    raw_id_fields = ["organisation", "invited_by"]
    readonly_fields = ["status", "sent_at", "accepted_at", "accepted_by"]  # through the link and its services
