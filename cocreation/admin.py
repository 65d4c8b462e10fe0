"""Staff data care for co-creation; state changes go through the services."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from ccrs.admin import ReadOnly, service_action

from . import services
from .models import (
    Call,
    CallInvitation,
    Clarification,
    ConflictDeclaration,
    Criterion,
    Idea,
    IdeaRating,
    Phase,
    Process,
    Proposal,
    ProposalDocument,
    Question,
    Score,
    Stakeholder,
    StakeholderInvitation,
    Submission,
    SubmissionFile,
    Vote,
    Workshop,
    WorkshopAttachment,
)


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0
    readonly_fields = ["status"]  # phases start and finish on the process page (services)


class ReadOnlyAdmin(ReadOnly, SimpleHistoryAdmin):
    """Rows that only the site's own flows write (votes, ratings, conflicts, scores): staff read them here."""


@admin.register(Process)
class ProcessAdmin(SimpleHistoryAdmin):
    list_display = ["title", "city", "created_at"]
    list_filter = ["city"]
    search_fields = ["title", "city__name"]
    list_select_related = ["city"]
    inlines = [PhaseInline]


@admin.register(Phase)
class PhaseAdmin(SimpleHistoryAdmin):
    list_display = ["process", "kind", "starts_on", "ends_on", "status"]
    list_filter = ["kind", "status", "process__city"]
    list_select_related = ["process__city"]
    search_fields = ["process__title"]
    readonly_fields = ["status"]


@admin.register(Stakeholder)
class StakeholderAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organisation", "city", "kind", "size", "women_led", "language", "consent_version"]
    list_filter = ["city", "kind", "size", "women_led", "gender", "language"]
    search_fields = ["name", "organisation", "email"]
    list_select_related = ["city"]


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0


@admin.register(Workshop)
class WorkshopAdmin(SimpleHistoryAdmin):
    list_display = ["title", "process", "kind", "starts_at", "status", "capacity"]
    list_filter = ["kind", "status", "process__city"]
    search_fields = ["title", "process__title"]
    list_select_related = ["process__city"]
    inlines = [QuestionInline]
    actions = [
        service_action(
            "open_for_input",
            _("Open for input"),
            lambda w: services.workshop_open(workshop=w),
            ngettext_lazy("%(count)s workshop opened.", "%(count)s workshops opened.", "count"),
        ),
        service_action(
            "close",
            _("Close"),
            lambda w: services.workshop_close(workshop=w),
            ngettext_lazy("%(count)s workshop closed.", "%(count)s workshops closed.", "count"),
        ),
    ]
    readonly_fields = ["status"]


@admin.register(Question)
class QuestionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "workshop", "kind", "required", "position"]
    list_filter = ["kind", "required"]
    search_fields = ["workshop__title"]
    list_select_related = ["workshop"]

    def get_readonly_fields(self, request, obj=None):
        """Once input has arrived only the wording may change, as on the questions editor."""
        if obj is not None and obj.pk and obj.workshop.submissions.exists():
            return ["workshop", "position", "kind", "choices", "required", "scale_max"]
        return []


@admin.register(StakeholderInvitation)
class StakeholderInvitationAdmin(SimpleHistoryAdmin):
    list_display = ["stakeholder", "workshop", "status", "sent_at", "expires_at", "checked_in_at"]
    list_filter = ["status", "workshop__process__city"]
    search_fields = ["stakeholder__name", "stakeholder__email", "workshop__title"]
    list_select_related = ["stakeholder", "workshop"]
    readonly_fields = ["key", "status", "sent_at", "checked_in_at"]
    actions = [
        service_action(
            "revoke",
            _("Withdraw"),
            lambda i: services.invitation_revoke(invitation=i),
            ngettext_lazy("%(count)s invitation withdrawn.", "%(count)s invitations withdrawn.", "count"),
        ),
        service_action(
            "check_in", _("Check in"), lambda i: services.invitation_check_in(invitation=i), _("%(count)s checked in.")
        ),
    ]


@admin.register(Submission)
class SubmissionAdmin(SimpleHistoryAdmin):
    list_display = ["invitation", "workshop", "language", "edits", "updated_at"]
    list_filter = ["language", "workshop__process__city"]
    search_fields = ["invitation__stakeholder__name", "workshop__title"]
    list_select_related = ["invitation__stakeholder", "invitation__workshop", "workshop"]
    raw_id_fields = ["invitation", "workshop"]


@admin.register(SubmissionFile)
class SubmissionFileAdmin(SimpleHistoryAdmin):
    list_display = ["file", "submission", "content_type", "size"]
    list_select_related = ["submission__invitation__stakeholder", "submission__invitation__workshop"]
    search_fields = ["file"]
    raw_id_fields = ["submission"]


@admin.register(Idea)
class IdeaAdmin(SimpleHistoryAdmin):
    list_display = ["title", "workshop", "cluster", "status", "merged_into"]
    list_filter = ["status", "workshop__process__city"]
    search_fields = ["title", "cluster"]
    list_select_related = ["workshop", "merged_into"]
    raw_id_fields = ["sources"]
    readonly_fields = ["status", "merged_into"]  # shortlisting and merging go through the ideas page


@admin.register(Vote)
class VoteAdmin(ReadOnlyAdmin):
    list_display = ["idea", "invitation", "created_at"]
    list_select_related = ["idea", "invitation__stakeholder", "invitation__workshop"]
    search_fields = ["idea__title"]
    raw_id_fields = ["idea", "invitation"]


@admin.register(IdeaRating)
class IdeaRatingAdmin(ReadOnlyAdmin):
    list_display = ["idea", "invitation", "value"]
    list_select_related = ["idea", "invitation__stakeholder", "invitation__workshop"]
    search_fields = ["idea__title"]
    raw_id_fields = ["idea", "invitation"]


@admin.register(Criterion)
class CriterionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "weight", "process", "call"]
    list_select_related = ["process__city", "call"]
    search_fields = ["name"]

    def get_readonly_fields(self, request, obj=None):
        """Weights change only until scoring starts, as on the evaluation page."""
        if obj is not None and obj.pk and Score.objects.filter(criterion=obj).exists():
            return ["name", "weight", "process", "call"]
        return []


@admin.register(ConflictDeclaration)
class ConflictDeclarationAdmin(ReadOnlyAdmin):
    list_display = ["evaluator", "process", "call", "has_conflict"]
    list_filter = ["has_conflict"]
    list_select_related = ["evaluator", "process__city", "call"]
    search_fields = ["evaluator__email"]


@admin.register(Score)
class ScoreAdmin(ReadOnlyAdmin):
    list_display = ["criterion", "evaluator", "idea", "proposal", "value"]
    list_select_related = ["criterion", "evaluator", "idea", "proposal"]
    search_fields = ["criterion__name", "evaluator__email"]


class ClarificationInline(admin.TabularInline):
    model = Clarification
    extra = 0


@admin.register(Call)
class CallAdmin(SimpleHistoryAdmin):
    list_display = ["title", "process", "status", "deadline", "budget", "currency"]
    list_filter = ["status", "process__city"]
    search_fields = ["title"]
    list_select_related = ["process__city"]
    inlines = [ClarificationInline]
    actions = [
        service_action(
            "open_call",
            _("Open the call"),
            lambda c: services.call_open(call=c),
            ngettext_lazy("%(count)s call opened.", "%(count)s calls opened.", "count"),
        ),
        service_action(
            "close_call",
            _("Close the call"),
            lambda c: services.call_close(call=c),
            ngettext_lazy("%(count)s call closed.", "%(count)s calls closed.", "count"),
        ),
    ]
    readonly_fields = ["status"]


@admin.register(Clarification)
class ClarificationAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "call", "published_at"]
    list_select_related = ["call"]
    search_fields = ["question", "answer"]


class ProposalDocumentInline(admin.TabularInline):
    model = ProposalDocument
    extra = 0


@admin.register(Proposal)
class ProposalAdmin(SimpleHistoryAdmin):
    list_display = ["title", "stakeholder", "call", "employees", "amount", "status", "awarded_at"]
    list_filter = ["status", "call__process__city"]
    search_fields = ["title", "stakeholder__name"]
    list_select_related = ["stakeholder", "call"]
    inlines = [ProposalDocumentInline]
    actions = [
        service_action(
            "award",
            _("Award the call to this proposal"),
            lambda p: services.proposal_award(proposal=p),
            ngettext_lazy("%(count)s proposal awarded.", "%(count)s proposals awarded.", "count"),
        ),
    ]
    readonly_fields = ["status", "awarded_at"]


@admin.register(ProposalDocument)
class ProposalDocumentAdmin(SimpleHistoryAdmin):
    list_display = ["name", "proposal"]
    list_select_related = ["proposal"]
    search_fields = ["name"]


@admin.register(CallInvitation)
class CallInvitationAdmin(SimpleHistoryAdmin):
    list_display = ["stakeholder", "call", "status", "sent_at", "expires_at", "created_at"]
    list_filter = ["status", "call__process__city", "call"]
    search_fields = ["stakeholder__name", "stakeholder__email", "stakeholder__organisation", "call__title"]
    list_select_related = ["stakeholder", "call__process__city"]
    raw_id_fields = ["stakeholder", "call"]
    readonly_fields = ["key", "status", "sent_at"]
    actions = [
        service_action(
            "revoke",
            _("Withdraw"),
            lambda i: services.call_invitation_revoke(invitation=i),
            ngettext_lazy("%(count)s invitation withdrawn.", "%(count)s invitations withdrawn.", "count"),
        ),
    ]


@admin.register(WorkshopAttachment)
class WorkshopAttachmentAdmin(SimpleHistoryAdmin):
    list_display = ["name", "workshop", "content_type", "size", "uploaded_by", "created_at"]
    list_filter = ["content_type", "workshop__process__city"]
    search_fields = ["name", "workshop__title"]
    list_select_related = ["workshop", "uploaded_by"]
    readonly_fields = ["content_type", "size", "uploaded_by"]
