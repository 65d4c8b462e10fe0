"""Staff data care of the discussions. A post's text, state and flags change only through the services
(the site's pages or this admin's actions); flags, mentions, decisions, digests and notifications sent
are the site's own records and read-only here."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from ccrs.admin import ReadOnly, service_action

from ..models import (
    Category,
    DigestSent,
    Flag,
    Mention,
    ModerationAction,
    ModerationDecision,
    NotificationPreference,
    NotificationSent,
    Post,
    Topic,
)
from ..services import discussions


class ReadOnlyAdmin(ReadOnly, admin.ModelAdmin):
    """Flags, mentions, decisions, digests and notifications sent: staff read them."""


def topic_action(name: str, description, done, **change):
    """A moderation of the selected topics (lock, unlock, hide, show) in the acting staff member's name."""
    return service_action(
        name,
        description,
        lambda topic, moderator: discussions.topic_moderate(topic=topic, moderator=moderator, **change),
        done,
        by_user=True,
    )


def post_action(name: str, description, action: ModerationAction, done):
    """A moderation decision on the selected posts in the acting staff member's name."""
    return service_action(
        name,
        description,
        lambda post, moderator: discussions.moderation_decide(post=post, moderator=moderator, action=action),
        done,
        by_user=True,
    )


@admin.register(Category)
class CategoryAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "tag", "position"]
    list_filter = ["tag__kind"]
    search_fields = ["name", "slug", "description"]
    list_select_related = ["tag"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Topic)
class TopicAdmin(SimpleHistoryAdmin):
    list_display = ["title", "category", "author", "locked", "hidden", "reply_count", "last_post_at"]
    list_filter = ["category", "locked", "hidden"]
    search_fields = ["title", "author__email", "author__full_name"]
    list_select_related = ["category", "author"]
    readonly_fields = ["author", "locked", "hidden", "last_post_at", "reply_count"]
    exclude = ["followers"]
    actions = [
        topic_action(
            "lock",
            _("Lock the selected topics"),
            ngettext_lazy("%(count)d topic locked.", "%(count)d topics locked.", "count"),
            locked=True,
        ),
        topic_action(
            "unlock",
            _("Unlock the selected topics"),
            ngettext_lazy("%(count)d topic unlocked.", "%(count)d topics unlocked.", "count"),
            locked=False,
        ),
        topic_action(
            "hide",
            _("Hide the selected topics"),
            ngettext_lazy("%(count)d topic hidden.", "%(count)d topics hidden.", "count"),
            hidden=True,
        ),
        topic_action(
            "show",
            _("Show the selected topics again"),
            ngettext_lazy("%(count)d topic shown.", "%(count)d topics shown.", "count"),
            hidden=False,
        ),
    ]

    def has_add_permission(self, request):
        return False  # a topic opens with its first post, on the site


@admin.register(Post)
class PostAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "author", "status", "opening", "created_at", "edited_at"]
    list_filter = ["status", "opening", "topic__category"]
    search_fields = ["body_markdown", "topic__title", "author__email", "author__full_name"]
    list_select_related = ["topic", "author"]
    readonly_fields = ["topic", "parent", "opening", "author", "body_markdown", "status", "edited_at"]
    exclude = ["body_html"]
    actions = [
        post_action(
            "approve",
            _("Approve the selected posts"),
            ModerationAction.APPROVE,
            ngettext_lazy("%(count)d post approved.", "%(count)d posts approved.", "count"),
        ),
        post_action(
            "hide",
            _("Hide the selected posts"),
            ModerationAction.HIDE,
            ngettext_lazy("%(count)d post hidden.", "%(count)d posts hidden.", "count"),
        ),
        post_action(
            "delete_post",
            _("Delete the selected posts (their text stays in the history)"),
            ModerationAction.DELETE,
            ngettext_lazy("%(count)d post deleted.", "%(count)d posts deleted.", "count"),
        ),
    ]

    def has_add_permission(self, request):
        return False


@admin.register(Flag)
class FlagAdmin(ReadOnlyAdmin):
    list_display = ["post", "member", "reason", "resolved", "created_at"]
    list_filter = ["reason", "resolved"]
    search_fields = ["post__body_markdown", "member__email", "note"]
    list_select_related = ["post__topic", "member"]


@admin.register(Mention)
class MentionAdmin(ReadOnlyAdmin):
    list_display = ["post", "user", "created_at"]
    list_filter = ["created_at"]
    search_fields = ["user__email", "post__topic__title"]
    list_select_related = ["post__topic", "user"]


@admin.register(ModerationDecision)
class ModerationDecisionAdmin(ReadOnlyAdmin):
    list_display = ["post", "action", "moderator", "created_at"]
    list_filter = ["action"]
    search_fields = ["post__body_markdown", "moderator__email", "note"]
    list_select_related = ["post__topic", "moderator"]


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(SimpleHistoryAdmin):
    list_display = ["user", "frequency", "updated_at"]
    list_filter = ["frequency"]
    search_fields = ["user__email", "user__full_name"]
    list_select_related = ["user"]
    readonly_fields = ["user"]

    def has_add_permission(self, request):
        return False


@admin.register(DigestSent)
class DigestSentAdmin(ReadOnlyAdmin):
    list_display = ["user", "frequency", "period", "item_count", "created_at"]
    list_filter = ["frequency", "period"]
    search_fields = ["user__email"]
    list_select_related = ["user"]


@admin.register(NotificationSent)
class NotificationSentAdmin(ReadOnlyAdmin):
    list_display = ["user", "key", "created_at"]
    list_filter = ["created_at"]
    search_fields = ["user__email", "key"]
    list_select_related = ["user"]
