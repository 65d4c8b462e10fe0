"""The discussions' pages: who posts, what a refused reply says, flags and moderation through the pages, the
feed on /network/, the strict Content-Security-Policy, and the query budgets on seed_scale data."""

import pytest
from django.urls import reverse

from network.models import Flag, Frequency, NotificationPreference, Post, PostStatus
from network.services import discussions
from tests.network.discussions_factories import *  # noqa: F403 (fixtures)
from tests.querybudget import Page, assert_query_budgets

pytestmark = pytest.mark.django_db

# The feed gathers every part's activity (events, library, discussions, mentoring), a query or two each.
HOME_BUDGET = 9
LIST_BUDGET = 8
TOPIC_BUDGET = 10
TOPIC_LIST_BUDGET = 9


def test_a_city_viewer_reads_a_topic_but_gets_no_reply_form_and_cannot_post(topic, viewer_a, client_for):
    client = client_for(viewer_a)
    page = client.get(topic.get_absolute_url())
    assert page.status_code == 200 and b"How do you <strong>fund</strong> them?" in page.content
    assert b'name="body"' not in page.content
    assert client.get(reverse("network:topic_new", kwargs={"slug": topic.category.slug})).status_code == 403
    assert client.post(reverse("network:post_reply", kwargs={"pk": topic.pk}), {"body": "Me too"}).status_code == 403
    assert topic.posts.count() == 1


def test_a_member_replies_and_the_script_is_not_on_the_page(topic, members, client_for):
    client = client_for(members[0])
    response = client.post(
        reverse("network:post_reply", kwargs={"pk": topic.pk}), {"body": "Sandbags <script>alert(1)</script>first"}
    )
    post = Post.objects.get(topic=topic, opening=False)
    assert response.status_code == 302 and response["Location"].endswith(f"#post-{post.pk}")
    page = client.get(topic.get_absolute_url())
    assert b"<script>alert(1)" not in page.content and b"Sandbags" in page.content
    assert "script-src 'self'" in page["Content-Security-Policy"]


def test_a_reply_to_a_locked_topic_is_refused_with_the_message_and_the_text_is_kept(topic, members, staff, client_for):
    discussions.topic_moderate(topic=topic, moderator=staff, locked=True)
    response = client_for(members[0]).post(reverse("network:post_reply", kwargs={"pk": topic.pk}), {"body": "Late"})
    assert response.status_code == 200
    assert "This topic is locked" in response.content.decode() and "Late</textarea>" in response.content.decode()
    assert topic.posts.count() == 1


def test_a_hidden_topic_is_not_found_for_members_and_shown_to_staff(topic, staff, members, client_for):
    discussions.topic_moderate(topic=topic, moderator=staff, hidden=True)
    assert client_for(members[0]).get(topic.get_absolute_url()).status_code == 404
    assert client_for(staff).get(topic.get_absolute_url()).status_code == 200


def test_three_flags_through_the_page_hide_the_post_and_staff_approve_it_from_the_queue(
    topic, members, staff, client_for
):
    post = discussions.post_create(topic=topic, author=members[3], body="Cheap watches")
    for member in members[:3]:
        response = client_for(member).post(reverse("network:post_flag", kwargs={"pk": post.pk}), {"reason": "spam"})
        assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == PostStatus.HELD
    page = client_for(members[0]).get(topic.get_absolute_url()).content.decode()
    assert "Cheap watches" not in page and "hidden while a moderator reviews it" in page
    queue = client_for(staff).get(reverse("network:moderation_queue")).content.decode()
    assert "Cheap watches" in queue
    client_for(staff).post(reverse("network:moderation_decide", kwargs={"pk": post.pk}), {"action": "approve"})
    post.refresh_from_db()
    assert post.status == PostStatus.VISIBLE and not Flag.objects.filter(resolved=False).exists()


def test_a_viewer_cannot_open_the_moderation_queue_nor_decide(topic, viewer_a, client_for):
    client = client_for(viewer_a)
    assert client.get(reverse("network:moderation_queue")).status_code == 403
    post = topic.posts.get()
    assert (
        client.post(reverse("network:moderation_decide", kwargs={"pk": post.pk}), {"action": "hide"}).status_code == 403
    )
    post.refresh_from_db()
    assert post.status == PostStatus.VISIBLE


def test_follow_and_unfollow(topic, members, client_for):
    client = client_for(members[0])
    client.post(reverse("network:topic_follow", kwargs={"pk": topic.pk}), {"follow": "1"})
    assert topic.followers.filter(pk=members[0].pk).exists()
    client.post(reverse("network:topic_follow", kwargs={"pk": topic.pk}), {"follow": "0"})
    assert not topic.followers.filter(pk=members[0].pk).exists()


def test_the_preference_page_saves_the_choice(members, client_for):
    client = client_for(members[0])
    assert client.get(reverse("network:preferences")).status_code == 200
    client.post(reverse("network:preferences"), {"frequency": "weekly"})
    assert NotificationPreference.objects.get(user=members[0]).frequency == Frequency.WEEKLY
    response = client.post(reverse("network:preferences"), {"frequency": "hourly"})
    assert response.status_code == 200 and NotificationPreference.objects.get(user=members[0]).frequency == "weekly"


def test_the_network_home_shows_new_topics_and_replies_in_followed_topics(topic, members, member_a, client_for):
    discussions.post_create(topic=topic, author=members[0], body="Try sandbags first")
    page = client_for(member_a).get(reverse("network:home")).content.decode()
    assert "Replies in topics you follow" in page and "Try sandbags first" in page
    other = client_for(members[1]).get(reverse("network:home")).content.decode()
    assert "Flood barriers for market stalls" in other and "Try sandbags first" not in other


def test_an_edit_through_the_page_is_saved_by_the_author_only(topic, member_a, members, client_for):
    post = topic.posts.get()
    url = reverse("network:post_edit", kwargs={"pk": post.pk})
    assert client_for(members[0]).post(url, {"body": "Vandal"}).status_code == 403
    client_for(member_a).post(url, {"body": "Who maintains them?"})
    post.refresh_from_db()
    assert post.body_markdown == "Who maintains them?" and post.history.count() == 2


def test_a_page_number_past_the_end_or_not_a_number_shows_a_page(topic, members, client_for):
    url = reverse("network:category_detail", kwargs={"slug": topic.category.slug})
    for page in ["999999999999999999999", "x", "-1"]:
        assert client_for(members[0]).get(url, {"page": page}).status_code == 200


def test_discussion_pages_query_budget(topic, members, member_a, staff, client_for):
    """On one growth of the data: the feed; the categories; a category's topic list (a topic made before the scale
    data); a thread, whose queries do not grow with its replies (seed_scale adds 20 to every topic); the
    moderation queue with a flagged post."""
    from network.models import Category

    discussions.post_create(topic=topic, author=members[0], body="Reply")
    scale = Category.objects.create(slug="scale-discussions", name="Scale discussions")
    discussions.topic_create(category=scale, author=members[1], title="Before the scale data", body="Text")
    post = discussions.post_create(topic=topic, author=members[3], body="Spam")
    discussions.post_flag(post=post, member=members[0], reason="spam")
    assert_query_budgets(
        [
            Page(client_for(member_a), reverse("network:home"), HOME_BUDGET),
            Page(client_for(members[0]), reverse("network:discussions"), LIST_BUDGET),
            Page(
                client_for(members[0]),
                reverse("network:category_detail", kwargs={"slug": "scale-discussions"}),
                TOPIC_LIST_BUDGET,
            ),
            Page(client_for(members[1]), topic.get_absolute_url(), TOPIC_BUDGET),
            Page(client_for(staff), reverse("network:moderation_queue"), LIST_BUDGET),
        ]
    )
