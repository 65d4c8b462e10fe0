"""Writes of the discussions: topics, replies and their edits, mentions, following, flags and moderation.

A post's text is stored as the member wrote it and as sanitised HTML (network/markup.py). Three flags of
three different members hold a post until a moderator decides; a post held, hidden or deleted leaves the
feed, the digests and every e-mail still queued about it (the sending task reads its state again).
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import markup
from ..models import (
    Category,
    Flag,
    FlagReason,
    Frequency,
    Mention,
    ModerationAction,
    ModerationDecision,
    NotificationPreference,
    NotificationSent,
    Post,
    PostStatus,
    Topic,
)
from .notifications import member_mail

FLAGS_TO_HOLD = 3
TITLE_MAX = 200
BODY_MAX = 20_000


def item_key(post: Post) -> str:
    """The activity key of a post (network/activity.py): its topic for an opening post, else the reply."""
    return f"topic:{post.topic_id}" if post.opening else f"reply:{post.pk}"


def _require_poster(user) -> None:
    if not user.has_perm("network.add_post"):
        raise ValidationError(_("You can read the discussions but not post in them."))


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write something first.")})
    if len(body) > BODY_MAX:
        raise ValidationError({"body": _("A post can hold at most %(max)s characters.") % {"max": BODY_MAX}})
    return body


def _mention(post: Post, *, text: str) -> list[int]:
    """Record the network members the text names as @address; the ids of those mentioned for the first time."""
    addresses = markup.mentioned_addresses(text)
    if not addresses:
        return []
    people = (
        get_user_model()
        .objects.filter(email__in=addresses, is_active=True)
        .filter(Q(is_staff=True) | Q(is_network_member=True) | Q(memberships__isnull=False))
        .exclude(pk=post.author_id)
        .distinct()
        .values_list("pk", flat=True)
    )
    known = set(post.mentions.values_list("user_id", flat=True))
    new = [pk for pk in people if pk not in known]
    Mention.objects.bulk_create([Mention(post=post, user_id=pk) for pk in new], ignore_conflicts=True)
    return new


def _notify_on_commit(post: Post, mentioned: list[int]) -> None:
    from ..tasks import post_notify

    post_notify.delay_on_commit(post.pk, mentioned)


@transaction.atomic
def topic_create(*, category: Category, author, title: str, body: str) -> Topic:
    """A new topic with its opening post; the author follows it."""
    _require_poster(author)
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Give the topic a title.")})
    body = _clean_body(body)
    now = timezone.now()
    topic = Topic.objects.create(category=category, title=title[:TITLE_MAX], author=author, last_post_at=now)
    post = Post.objects.create(
        topic=topic, opening=True, author=author, body_markdown=body, body_html=markup.render(body)
    )
    topic.followers.add(author)
    _notify_on_commit(post, _mention(post, text=body))
    return topic


@transaction.atomic
def post_create(*, topic: Topic, author, body: str, parent: Post | None = None) -> Post:
    """A reply in a topic, to the topic or to one of its posts; refused in a locked or hidden topic."""
    _require_poster(author)
    topic = Topic.objects.select_for_update(of=("self",)).get(pk=topic.pk)
    if topic.hidden:
        raise ValidationError(_("This topic has been hidden by a moderator: it takes no replies."))
    if topic.locked:
        raise ValidationError(_("This topic is locked: it takes no more replies."))
    if parent is not None and (parent.topic_id != topic.pk or parent.status != PostStatus.VISIBLE):
        raise ValidationError(_("The post you reply to is no longer in this topic."))
    body = _clean_body(body)
    post = Post.objects.create(
        topic=topic, parent=parent, author=author, body_markdown=body, body_html=markup.render(body)
    )
    Topic.objects.filter(pk=topic.pk).update(last_post_at=post.created_at, reply_count=F("reply_count") + 1)
    topic.followers.add(author)
    _notify_on_commit(post, _mention(post, text=body))
    return post


@transaction.atomic
def post_edit(*, post: Post, editor, body: str) -> Post:
    """A new text for a post; the earlier ones stay in its history. Newly mentioned people are told."""
    post = Post.objects.select_for_update(of=("self",)).get(pk=post.pk)
    if not editor.has_perm("network.change_post", post):
        raise ValidationError(_("Only the author can edit this post."))
    if post.status == PostStatus.DELETED:
        raise ValidationError(_("This post has been deleted."))
    body = _clean_body(body)
    if body == post.body_markdown:
        return post
    post.body_markdown = body
    post.body_html = markup.render(body)
    post.edited_at = timezone.now()
    post.save(update_fields=["body_markdown", "body_html", "edited_at", "updated_at"])
    mentioned = _mention(post, text=body)
    if mentioned:
        _notify_on_commit(post, mentioned)
    return post


@transaction.atomic
def topic_follow(*, topic: Topic, user, follow: bool = True) -> None:
    if follow:
        topic.followers.add(user)
    else:
        topic.followers.remove(user)


@transaction.atomic
def topic_moderate(*, topic: Topic, moderator, locked: bool | None = None, hidden: bool | None = None) -> Topic:
    """Lock or unlock a topic, hide it or show it again (staff)."""
    if not moderator.has_perm("network.moderate"):
        raise ValidationError(_("Only program staff moderate the discussions."))
    topic = Topic.objects.select_for_update(of=("self",)).get(pk=topic.pk)
    fields = []
    if locked is not None and topic.locked != locked:
        topic.locked = locked
        fields.append("locked")
    if hidden is not None and topic.hidden != hidden:
        topic.hidden = hidden
        fields.append("hidden")
    if fields:
        topic.save(update_fields=[*fields, "updated_at"])
    return topic


REASONS = {choice.value for choice in FlagReason}


@transaction.atomic
def post_flag(*, post: Post, member, reason: str, note: str = "") -> Flag:
    """A member's flag on a post; the third different member's flag holds the post until a moderator decides."""
    if not member.has_perm("network.flag_post", post):
        raise ValidationError(_("You cannot flag your own post."))
    if reason not in REASONS:
        raise ValidationError({"reason": _("Choose why you flag this post.")})
    post = Post.objects.select_for_update(of=("self",)).get(pk=post.pk)
    if post.status == PostStatus.DELETED:
        raise ValidationError(_("This post has been deleted."))
    try:
        with transaction.atomic():
            flag = Flag.objects.create(post=post, member=member, reason=reason, note=(note or "").strip()[:500])
    except IntegrityError:
        raise ValidationError(_("You have already flagged this post. A moderator will look at it.")) from None
    open_flags = post.flags.filter(resolved=False).values("member").distinct().count()
    if post.status == PostStatus.VISIBLE and open_flags >= FLAGS_TO_HOLD:
        post.status = PostStatus.HELD
        post.save(update_fields=["status", "updated_at"])
    return flag


DECISION_STATUS = {
    ModerationAction.APPROVE: PostStatus.VISIBLE,
    ModerationAction.HIDE: PostStatus.HIDDEN,
    ModerationAction.DELETE: PostStatus.DELETED,
}


@transaction.atomic
def moderation_decide(*, post: Post, moderator, action: str, note: str = "") -> ModerationDecision:
    """A moderator's decision on a post: approve (shown again, its flags resolved), hide, delete, or warn the
    author by e-mail. Hiding or deleting an opening post hides its topic."""
    if not moderator.has_perm("network.moderate"):
        raise ValidationError(_("Only program staff moderate the discussions."))
    if action not in {choice.value for choice in ModerationAction}:
        raise ValidationError({"action": _("Choose a decision.")})
    post = Post.objects.select_for_update(of=("self",)).select_related("topic", "author").get(pk=post.pk)
    if post.status == PostStatus.DELETED and action != ModerationAction.WARN:
        raise ValidationError(_("This post has been deleted."))
    decision = ModerationDecision.objects.create(post=post, moderator=moderator, action=action, note=note.strip())
    status = DECISION_STATUS.get(action)
    if status is not None:
        post.flags.filter(resolved=False).update(resolved=True, updated_at=timezone.now())
        if post.status != status:
            post.status = status
            post.save(update_fields=["status", "updated_at"])
        if post.opening:
            Topic.objects.filter(pk=post.topic_id).update(hidden=status != PostStatus.VISIBLE)
    if action == ModerationAction.WARN and post.author is not None:
        from ..tasks import warning_send as warning_task

        warning_task.delay_on_commit(decision.pk)
    return decision


def warning_send(*, decision_id: int) -> bool:
    """E-mail a moderator's warning to the post's author, whatever their digest preference."""
    decision = ModerationDecision.objects.select_related("post__topic", "post__author").filter(pk=decision_id).first()
    if decision is None or decision.post.author is None:
        return False
    preference, _created = NotificationPreference.objects.select_related("user").get_or_create(
        user=decision.post.author
    )
    member_mail(
        preference=preference,
        subject=gettext_lazy("A moderator's note about your post"),
        template="network/email/moderation_warning.txt",
        context={"decision": decision, "post": decision.post, "topic": decision.post.topic},
    )
    return True


def post_notify(*, post_id: int, mentioned: list[int]) -> int:
    """E-mail a new post at once to the topic's followers who chose that and to the people it mentions
    (unless they chose no e-mails); each person once per post, none if the post or its topic is no longer
    shown. Returns the number of e-mails sent."""
    post = (
        Post.objects.select_related("topic__category", "author")
        .filter(pk=post_id, status=PostStatus.VISIBLE, topic__hidden=False)
        .first()
    )
    if post is None:
        return 0
    followers = post.topic.followers.filter(network_notifications__frequency=Frequency.IMMEDIATE)
    recipients = set(followers.exclude(pk=post.author_id).values_list("pk", flat=True)) | set(mentioned)
    preferences = NotificationPreference.objects.select_related("user").filter(user_id__in=recipients)
    preferences = {p.user_id: p for p in preferences}
    for pk in recipients - set(preferences):
        preferences[pk] = NotificationPreference.objects.select_related("user").get_or_create(user_id=pk)[0]
    key = item_key(post)
    sent = 0
    for pk, preference in preferences.items():
        if preference.frequency == Frequency.NONE or not preference.user.is_active:
            continue
        with transaction.atomic():
            try:
                with transaction.atomic():
                    NotificationSent.objects.create(user_id=pk, key=key)
            except IntegrityError:
                continue
            is_mention = pk in mentioned

            def subject(post=post, is_mention=is_mention):
                if is_mention:
                    return _("%(name)s mentioned you in “%(topic)s”") % {
                        "name": post.author.get_short_name() if post.author else _("A member"),
                        "topic": post.topic.title,
                    }
                return _("New reply in “%(topic)s”") % {"topic": post.topic.title}

            member_mail(
                preference=preference,
                subject=subject,
                template="network/email/post.txt",
                context={"post": post, "topic": post.topic, "mention": is_mention},
            )
            sent += 1
    return sent
