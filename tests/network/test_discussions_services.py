"""The discussions' services: sanitised Markdown, replies, mentions, edits, flags and moderation."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from network.activity import activity_for
from network.models import Flag, Frequency, Mention, ModerationDecision, NotificationSent, Post, PostStatus
from network.services import discussions, notifications
from tests.network.discussions_factories import *  # noqa: F403 (fixtures)

pytestmark = pytest.mark.django_db

HOSTILE = """Hello <script>alert('x')</script>
<iframe src="https://evil.example/"></iframe>
[click](javascript:alert(1)) and [safe](https://example.org/guide)
<img src=x onerror="alert(2)"><a href="https://example.org" onclick="steal()">link</a>
"""


def test_markdown_with_scripts_iframes_and_javascript_links_is_stored_sanitised(topic, members):
    """The stored HTML keeps the text and the https link; no script, iframe, handler or javascript: link."""
    post = discussions.post_create(topic=topic, author=members[0], body=HOSTILE)
    post.refresh_from_db()
    html = post.body_html.lower()
    assert "<script" not in html and "<iframe" not in html and "<img" not in html
    assert "javascript:" not in html and "onclick" not in html and "onerror" not in html
    assert '<a href="https://example.org/guide" rel="nofollow noopener noreferrer ugc">safe</a>' in post.body_html
    assert post.body_markdown.strip() == HOSTILE.strip()


def test_markdown_formatting_is_rendered(topic):
    assert "<strong>fund</strong>" in topic.posts.get(opening=True).body_html


def test_a_reply_to_a_locked_topic_is_refused_with_a_message(topic, members, staff):
    discussions.topic_moderate(topic=topic, moderator=staff, locked=True)
    with pytest.raises(ValidationError, match="locked"):
        discussions.post_create(topic=topic, author=members[0], body="Late reply")
    assert topic.posts.count() == 1


def test_a_reply_to_a_hidden_topic_is_refused(topic, members, staff):
    discussions.topic_moderate(topic=topic, moderator=staff, hidden=True)
    with pytest.raises(ValidationError, match="hidden"):
        discussions.post_create(topic=topic, author=members[0], body="Reply")
    assert topic.posts.count() == 1


def test_a_city_viewer_reads_but_cannot_post_or_moderate(topic, viewer_a, category):
    assert viewer_a.has_perm("network.view_discussions")
    assert not viewer_a.has_perm("network.add_post") and not viewer_a.has_perm("network.moderate")
    with pytest.raises(ValidationError):
        discussions.post_create(topic=topic, author=viewer_a, body="Me too")
    with pytest.raises(ValidationError):
        discussions.topic_create(category=category, author=viewer_a, title="Mine", body="Text")
    with pytest.raises(ValidationError):
        discussions.moderation_decide(post=topic.posts.get(), moderator=viewer_a, action="hide")
    assert topic.posts.count() == 1


def test_an_empty_reply_is_refused(topic, members):
    with pytest.raises(ValidationError):
        discussions.post_create(topic=topic, author=members[0], body="   ")


def test_a_reply_to_a_post_of_another_topic_is_refused(topic, category, members):
    other = discussions.topic_create(category=category, author=members[1], title="Other", body="Text")
    with pytest.raises(ValidationError):
        discussions.post_create(topic=topic, author=members[0], body="Hi", parent=other.posts.get())


def test_the_third_different_members_flag_holds_the_post(topic, members):
    """Two flags leave a post shown; a repeated flag by the same member counts once; the third member holds it."""
    post = discussions.post_create(topic=topic, author=members[3], body="Buy cheap watches")
    discussions.post_flag(post=post, member=members[0], reason="spam")
    discussions.post_flag(post=post, member=members[1], reason="offensive")
    with pytest.raises(ValidationError, match="already"):
        discussions.post_flag(post=post, member=members[1], reason="spam")
    post.refresh_from_db()
    assert post.status == PostStatus.VISIBLE and Flag.objects.filter(post=post).count() == 2
    discussions.post_flag(post=post, member=members[2], reason="off_topic")
    post.refresh_from_db()
    assert post.status == PostStatus.HELD


def test_an_author_cannot_flag_their_own_post_nor_give_an_unknown_reason(topic, member_a, members):
    with pytest.raises(ValidationError):
        discussions.post_flag(post=topic.posts.get(), member=member_a, reason="spam")
    with pytest.raises(ValidationError):
        discussions.post_flag(post=topic.posts.get(), member=members[0], reason="boring")
    assert not Flag.objects.exists()


def test_a_moderator_approves_a_held_post_and_its_flags_are_resolved(topic, members, staff):
    post = discussions.post_create(topic=topic, author=members[3], body="Fine text")
    for member in members[:3]:
        discussions.post_flag(post=post, member=member, reason="other")
    discussions.moderation_decide(post=post, moderator=staff, action="approve")
    post.refresh_from_db()
    assert post.status == PostStatus.VISIBLE
    assert not Flag.objects.filter(post=post, resolved=False).exists()
    assert ModerationDecision.objects.get(post=post).moderator == staff


def test_hiding_or_deleting_removes_the_post_from_the_feed_and_the_digest(topic, members, staff, member_a):
    """The topic's author follows it: the reply is in her activity until a moderator hides it."""
    since = timezone.now() - timezone.timedelta(days=1)
    post = discussions.post_create(topic=topic, author=members[0], body="A reply worth reading")
    assert f"reply:{post.pk}" in {item.key for item in activity_for(user=member_a, since=since)}
    discussions.moderation_decide(post=post, moderator=staff, action="hide")
    assert f"reply:{post.pk}" not in {item.key for item in activity_for(user=member_a, since=since)}
    other = discussions.post_create(topic=topic, author=members[1], body="Another")
    discussions.moderation_decide(post=other, moderator=staff, action="delete")
    assert not [item for item in activity_for(user=member_a, since=since) if item.kind == "reply"]


def test_a_held_post_leaves_the_feed(topic, members, member_a):
    since = timezone.now() - timezone.timedelta(days=1)
    post = discussions.post_create(topic=topic, author=members[3], body="Spam")
    for member in members[:3]:
        discussions.post_flag(post=post, member=member, reason="spam")
    assert f"reply:{post.pk}" not in {item.key for item in activity_for(user=member_a, since=since)}


def test_hiding_a_post_stops_its_queued_mail(topic, members, staff, member_a, django_capture_on_commit_callbacks):
    """An immediate follower's e-mail is queued on commit; hidden before it runs, it sends nothing."""
    notifications.preference_set(user=member_a, frequency=Frequency.IMMEDIATE)
    with django_capture_on_commit_callbacks() as queued:
        post = discussions.post_create(topic=topic, author=members[0], body="Queued reply")
    discussions.moderation_decide(post=post, moderator=staff, action="hide")
    for callback in queued:
        callback()
    assert mail.outbox == []
    assert not NotificationSent.objects.exists()


def test_a_follower_who_chose_immediate_mails_gets_the_reply_once(
    topic, members, member_a, django_capture_on_commit_callbacks
):
    notifications.preference_set(user=member_a, frequency=Frequency.IMMEDIATE)
    with django_capture_on_commit_callbacks(execute=True):
        post = discussions.post_create(topic=topic, author=members[0], body="Try sandbags first")
    assert [m.to for m in mail.outbox] == [[member_a.email]]
    assert "Try sandbags first" in mail.outbox[0].body
    assert mail.outbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    discussions.post_notify(post_id=post.pk, mentioned=[])
    assert len(mail.outbox) == 1


def test_a_mention_records_and_mails_the_member(topic, members, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post = discussions.post_create(
            topic=topic, author=members[0], body=f"Ask @{members[1].email} and @nobody@example.org"
        )
    assert list(Mention.objects.filter(post=post).values_list("user", flat=True)) == [members[1].pk]
    assert [m.to for m in mail.outbox] == [[members[1].email]]
    assert "mentioned you" in mail.outbox[0].subject


def test_an_edit_keeps_the_earlier_text_in_the_history(topic, member_a, members):
    post = topic.posts.get()
    discussions.post_edit(post=post, editor=member_a, body="How do you *fund* them, and who maintains them?")
    post.refresh_from_db()
    assert post.edited_at is not None and "<em>fund</em>" in post.body_html
    assert [h.body_markdown for h in post.history.order_by("history_id")][0] == "How do you **fund** them?"
    with pytest.raises(ValidationError):
        discussions.post_edit(post=post, editor=members[0], body="Vandalised")
    post.refresh_from_db()
    assert "maintains" in post.body_markdown


def test_replying_follows_the_topic_and_counts_the_reply(topic, members):
    discussions.post_create(topic=topic, author=members[0], body="Reply")
    topic.refresh_from_db()
    assert topic.reply_count == 1 and topic.followers.filter(pk=members[0].pk).exists()
    assert Post.objects.filter(topic=topic).count() == 2
