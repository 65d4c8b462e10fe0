"""Reads of the discussions: categories, topic lists, a topic's thread, the moderation queue, and the
discussions' part of the activity feed and digests (new topics; replies in followed topics)."""

from datetime import datetime

from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q

from ccrs.inputs import page_of

from ..activity import ActivityItem
from ..models import Category, Flag, Post, PostStatus, Topic

TOPICS_PER_PAGE = 25
ACTIVITY_LIMIT = 50
QUEUE_LIMIT = 100


def _is_staff(user) -> bool:
    return user.has_perm("network.moderate")


def topics_visible(*, user):
    topics = Topic.objects.all()
    return topics if _is_staff(user) else topics.filter(hidden=False)


def categories(*, user) -> list[Category]:
    """Every category with its number of topics the user may see and the latest post's time."""
    visible = Q(topics__hidden=False) if not _is_staff(user) else Q()
    return list(
        Category.objects.annotate(
            topic_count=Count("topics", filter=visible), latest=Max("topics__last_post_at", filter=visible)
        ).order_by("position", "name")
    )


def category_for(*, user, slug: str) -> Category | None:
    if not user.has_perm("network.view_discussions"):
        return None
    return Category.objects.filter(slug=slug).first()


def topics_page(*, user, category: Category | None = None, number=1) -> dict:
    """One page of topics, latest activity first, with their category, author and whether the user follows."""
    topics = topics_visible(user=user).select_related("category", "author")
    if category is not None:
        topics = topics.filter(category=category)
    topics = topics.annotate(
        following=Exists(Topic.followers.through.objects.filter(topic_id=OuterRef("pk"), user_id=user.pk))
    ).order_by("-last_post_at", "-pk")
    return page_of(topics, number=number, per_page=TOPICS_PER_PAGE)


def topic_for(*, user, pk: int) -> Topic | None:
    """The topic if the user may read it (a hidden one only for staff)."""
    if not user.has_perm("network.view_discussions"):
        return None
    topic = (
        topics_visible(user=user)
        .select_related("category", "author")
        .annotate(
            following=Exists(Topic.followers.through.objects.filter(topic_id=OuterRef("pk"), user_id=user.pk)),
            follower_count=Count("followers", distinct=True),
        )
        .filter(pk=pk)
        .first()
    )
    return topic


def post_for(*, user, pk: int) -> Post | None:
    """A post in a topic the user may read."""
    if not user.has_perm("network.view_discussions"):
        return None
    topics = topics_visible(user=user)
    return Post.objects.select_related("topic", "author").filter(pk=pk, topic__in=topics).first()


def thread(*, user, topic: Topic) -> list[tuple[Post, int]]:
    """The topic's posts in reading order, each reply under the post it answers, with its depth (at most 4
    levels are indented); two queries whatever the topic's size. `flagged` says whether the user flagged it."""
    posts = list(
        Post.objects.filter(topic=topic)
        .select_related("author")
        .annotate(flagged=Exists(Flag.objects.filter(post_id=OuterRef("pk"), member_id=user.pk)))
        .order_by("created_at", "pk")
    )
    children: dict[int | None, list[Post]] = {}
    ids = {post.pk for post in posts}
    for post in posts:
        parent = post.parent_id if post.parent_id in ids else None
        children.setdefault(None if post.opening else parent, []).append(post)
    ordered: list[tuple[Post, int]] = []

    def walk(parent_id, depth):
        for post in children.get(parent_id, []):
            ordered.append((post, min(depth, 4)))
            if post.pk != parent_id:
                walk(post.pk, depth + 1)

    walk(None, 0)
    return ordered


def moderation_queue(*, user) -> list[Post]:
    """Posts held by three flags or carrying unresolved flags, oldest first, with their flags (staff only)."""
    if not _is_staff(user):
        return []
    return list(
        Post.objects.filter(Q(status=PostStatus.HELD) | Q(flags__resolved=False))
        .exclude(status=PostStatus.DELETED)
        .select_related("topic", "author")
        .prefetch_related(
            Prefetch("flags", queryset=Flag.objects.filter(resolved=False).select_related("member"), to_attr="open")
        )
        .distinct()
        .order_by("created_at")[:QUEUE_LIMIT]
    )


def queue_size(*, user) -> int:
    if not _is_staff(user):
        return 0
    return (
        Post.objects.filter(Q(status=PostStatus.HELD) | Q(flags__resolved=False))
        .exclude(status=PostStatus.DELETED)
        .values("pk")
        .distinct()
        .count()
    )


def _shown_since(since: datetime):
    return Post.objects.filter(status=PostStatus.VISIBLE, topic__hidden=False, created_at__gte=since)


def _item(post: Post, *, kind: str) -> ActivityItem:
    return ActivityItem(
        kind=kind,
        key=f"topic:{post.topic_id}" if kind == "topic" else f"reply:{post.pk}",
        title=post.topic.title,
        url=post.topic.get_absolute_url() if kind == "topic" else post.get_absolute_url(),
        at=post.created_at,
        summary=_summary(post),
    )


def activity(*, user, since: datetime) -> list[ActivityItem]:
    """New topics since `since` (whose opening post is shown) and new replies in the topics the user follows;
    never the user's own, nor anything held, hidden or deleted. Two queries."""
    if not user.has_perm("network.view_discussions"):
        return []
    shown = _shown_since(since).exclude(author=user)
    topics = shown.filter(opening=True).select_related("topic__category", "author").order_by("-created_at")
    replies = (
        shown.filter(opening=False, topic__followers=user).select_related("topic", "author").order_by("-created_at")
    )
    return [_item(post, kind="topic") for post in topics[:ACTIVITY_LIMIT]] + [
        _item(post, kind="reply") for post in replies[:ACTIVITY_LIMIT]
    ]


def activity_many(*, users, since: datetime) -> dict[int, list[ActivityItem]]:
    """`activity()` for many people at once, as the digests need it: three queries for any number of people
    (the newest opening posts, who follows which topic, the replies in those topics), plus one for a person
    who wrote so many of the newest topics that the shared list runs short of theirs."""
    readers = [user for user in users if user.has_perm("network.view_discussions")]
    result: dict[int, list[ActivityItem]] = {user.pk: [] for user in users}
    if not readers:
        return result
    shown = _shown_since(since)
    newest = list(
        shown.filter(opening=True)
        .select_related("topic__category", "author")
        .order_by("-created_at")[: 2 * ACTIVITY_LIMIT]
    )
    through = Topic.followers.through
    follows: dict[int, set[int]] = {}
    for user_id, topic_id in through.objects.filter(user__in=[u.pk for u in readers]).values_list(
        "user_id", "topic_id"
    ):
        follows.setdefault(user_id, set()).add(topic_id)
    followed = set().union(*follows.values()) if follows else set()
    replies = (
        list(shown.filter(opening=False, topic__in=followed).select_related("topic", "author").order_by("-created_at"))
        if followed
        else []
    )
    for user in readers:
        topics = [post for post in newest if post.author_id != user.pk][:ACTIVITY_LIMIT]
        if len(topics) < ACTIVITY_LIMIT and len(newest) == 2 * ACTIVITY_LIMIT:
            result[user.pk] = activity(user=user, since=since)  # the shared list ran short: this person alone
            continue
        mine = follows.get(user.pk, set())
        theirs = [post for post in replies if post.topic_id in mine and post.author_id != user.pk][:ACTIVITY_LIMIT]
        result[user.pk] = [_item(post, kind="topic") for post in topics] + [
            _item(post, kind="reply") for post in theirs
        ]
    return result


def _summary(post: Post) -> str:
    name = post.author.get_short_name() if post.author else ""
    text = " ".join(post.body_markdown.split())
    text = text if len(text) <= 160 else f"{text[:159]}…"
    return f"{name}: {text}" if name else text
