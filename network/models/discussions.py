"""Discussions: topics in categories, threaded replies, mentions, following; flags and moderation; and the
notification preferences and digests the network's activity is mailed by.

A post's `body_html` is written only by `network.services.discussions` (Markdown rendered, then sanitised
with nh3); its `status` changes only there (three flags hold it, a moderator decides).
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ccrs.models import TimeStampedModel, choices_constraint, person_field

from .members import Tag


class Category(TimeStampedModel):
    """A shelf of topics: one of the program's principles or a theme; `names` holds the other languages."""

    slug = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=120)
    names = models.JSONField(_("names in other languages"), default=dict, blank=True)
    description = models.TextField(_("description"), blank=True)
    tag = models.ForeignKey(
        Tag, on_delete=models.SET_NULL, null=True, blank=True, related_name="categories", verbose_name=_("tag")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("discussion category")
        verbose_name_plural = _("discussion categories")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("network:category_detail", kwargs={"slug": self.slug})

    def label(self, language: str | None = None) -> str:
        language = (language or get_language() or "en")[:2]
        return self.names.get(language) or self.name


class Topic(TimeStampedModel):
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="topics", verbose_name=_("category"))
    title = models.CharField(_("title"), max_length=200)
    author = person_field(_("author"), related_name="network_topics")
    locked = models.BooleanField(_("locked"), default=False, help_text=_("No more replies."))
    hidden = models.BooleanField(_("hidden"), default=False, help_text=_("Only staff see a hidden topic."))
    last_post_at = models.DateTimeField(_("last post"), null=True, blank=True)
    reply_count = models.PositiveIntegerField(_("replies"), default=0)
    followers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="followed_topics", verbose_name=_("followers")
    )

    history = HistoricalRecords(excluded_fields=["last_post_at", "reply_count"])

    class Meta:
        ordering = ["-last_post_at", "-pk"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        indexes = [models.Index(fields=["category", "-last_post_at", "-id"], name="network_topic_latest")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("network:topic_detail", kwargs={"pk": self.pk})


class PostStatus(models.TextChoices):
    VISIBLE = "visible", _("Visible")
    HELD = "held", _("Held for review")
    HIDDEN = "hidden", _("Hidden by a moderator")
    DELETED = "deleted", _("Deleted")


class Post(TimeStampedModel):
    """The opening post of a topic (no parent, `opening`) or a reply, possibly to another post."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts", verbose_name=_("topic"))
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="replies", verbose_name=_("reply to")
    )
    opening = models.BooleanField(_("opening post"), default=False)
    author = person_field(_("author"), related_name="network_posts")
    body_markdown = models.TextField(_("text"))
    body_html = models.TextField(_("text as shown"), editable=False)
    status = models.CharField(_("status"), max_length=8, choices=PostStatus.choices, default=PostStatus.VISIBLE)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["body_html"])

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        indexes = [models.Index(fields=["topic", "created_at"], name="network_post_topic_time")]
        constraints = [choices_constraint("status", PostStatus, "network_post_status_valid")]

    def __str__(self):
        return f"{self.topic} #{self.pk}"

    def get_absolute_url(self):
        return f"{self.topic.get_absolute_url()}#post-{self.pk}"

    @property
    def visible(self) -> bool:
        return self.status == PostStatus.VISIBLE


class Mention(TimeStampedModel):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="mentions", verbose_name=_("post"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_mentions", verbose_name=_("person")
    )

    class Meta:
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        constraints = [models.UniqueConstraint(fields=["post", "user"], name="network_mention_once")]

    def __str__(self):
        return f"{self.user} @ {self.post_id}"


class FlagReason(models.TextChoices):
    SPAM = "spam", _("Spam")
    OFFENSIVE = "offensive", _("Offensive")
    OFF_TOPIC = "off_topic", _("Off topic")
    OTHER = "other", _("Other")


class Flag(TimeStampedModel):
    """One member's report of a post; `resolved` once a moderator decided on the post."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="flags", verbose_name=_("post"))
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_flags", verbose_name=_("flagged by")
    )
    reason = models.CharField(_("reason"), max_length=16, choices=FlagReason.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    resolved = models.BooleanField(_("resolved"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        constraints = [
            models.UniqueConstraint(fields=["post", "member"], name="network_flag_once_per_member"),
            choices_constraint("reason", FlagReason, "network_flag_reason_valid"),
        ]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.post}"


class ModerationAction(models.TextChoices):
    APPROVE = "approve", _("Approve")
    HIDE = "hide", _("Hide")
    DELETE = "delete", _("Delete")
    WARN = "warn", _("Warn the author")


class ModerationDecision(TimeStampedModel):
    """What a moderator decided on a post; a warning is mailed to the post's author."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("post"))
    moderator = person_field(_("moderator"), related_name="network_moderation_decisions")
    action = models.CharField(_("decision"), max_length=8, choices=ModerationAction.choices)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("moderation decision")
        verbose_name_plural = _("moderation decisions")
        constraints = [choices_constraint("action", ModerationAction, "network_decision_action_valid")]

    def __str__(self):
        return f"{self.get_action_display()}: {self.post}"


class Frequency(models.TextChoices):
    NONE = "none", _("No e-mails")
    IMMEDIATE = "immediate", _("Each one at once")
    DAILY = "daily", _("A daily digest")
    WEEKLY = "weekly", _("A weekly digest")


class NotificationPreference(TimeStampedModel):
    """How a person hears of the network's activity; without a row, a daily digest. `key` is the random
    part of the unsubscribe link (ccrs.links)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="network_notifications",
        verbose_name=_("person"),
    )
    frequency = models.CharField(
        _("e-mails about the network"), max_length=10, choices=Frequency.choices, default=Frequency.DAILY
    )
    key = models.UUIDField(default=uuid.uuid4, editable=False)

    history = HistoricalRecords(excluded_fields=["key"])

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [choices_constraint("frequency", Frequency, "network_preference_frequency_valid")]

    def __str__(self):
        return f"{self.user}: {self.get_frequency_display()}"


class DigestSent(TimeStampedModel):
    """One digest of one person for one period (the local date of a daily digest, the Monday of a weekly
    one): the unique constraint makes the hourly run idempotent."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_digests", verbose_name=_("person")
    )
    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices)
    period = models.DateField(_("period"))
    item_count = models.PositiveIntegerField(_("items"), default=0)
    keys = models.JSONField(_("items sent"), default=list, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("digest sent")
        verbose_name_plural = _("digests sent")
        constraints = [
            models.UniqueConstraint(fields=["user", "frequency", "period"], name="network_digest_once_per_period")
        ]

    def __str__(self):
        return f"{self.user}: {self.period}"


class NotificationSent(TimeStampedModel):
    """An item mailed to a person at once (a reply in a followed topic, a mention): digests leave it out."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="network_notifications_sent",
        verbose_name=_("person"),
    )
    key = models.CharField(_("item"), max_length=64)

    class Meta:
        verbose_name = _("notification sent")
        verbose_name_plural = _("notifications sent")
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="network_notification_once")]

    def __str__(self):
        return f"{self.user}: {self.key}"
