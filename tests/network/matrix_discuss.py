"""The discussions' URLs in the permission matrix (network members read, posters post, staff moderate), and
their city A objects: a category, member_a's topic with a reply by the mentor, one of each record."""

from django.apps import apps

from tests.permissions import DENY, OK, REDIRECT, Rule, every, signed_in

IN_NETWORK = {**signed_in(OK), "stakeholder": DENY, "mentor": OK}
IN_NETWORK_POST = {**signed_in(REDIRECT), "stakeholder": DENY, "mentor": REDIRECT}
ONLY_STAFF = {**signed_in(DENY), "staff": OK}
STAFF_POST = {**signed_in(DENY), "staff": REDIRECT}
CATEGORY = {"slug": "{discuss_category.slug}"}
TOPIC = {"pk": "{discuss_topic.pk}"}
OPENING = {"pk": "{discuss_opening.pk}"}

MATRIX = {
    "network:discussions": Rule(IN_NETWORK),
    "network:moderation_queue": Rule(ONLY_STAFF),
    "network:category_detail": Rule(IN_NETWORK, kwargs=CATEGORY),
    # Officers of any city, staff and network members post; a city viewer would get 403 (test_discussions_views).
    "network:topic_new": Rule(IN_NETWORK, kwargs=CATEGORY),
    "network:topic_detail": Rule(IN_NETWORK, kwargs=TOPIC),
    "network:post_reply": Rule(IN_NETWORK, kwargs=TOPIC),
    "network:topic_follow": Rule(IN_NETWORK_POST, method="post", kwargs=TOPIC),
    "network:topic_moderate": Rule(STAFF_POST, method="post", kwargs=TOPIC, data={"locked": "on"}),
    # member_a wrote the opening post: she and staff edit it; she cannot flag her own post.
    "network:post_edit": Rule({**signed_in(DENY), "member_a": OK, "staff": OK}, kwargs=OPENING),
    "network:post_flag": Rule({**IN_NETWORK, "member_a": DENY}, kwargs=OPENING),
    "network:moderation_decide": Rule(STAFF_POST, method="post", kwargs=OPENING, data={"action": "approve"}),
    "network:preferences": Rule(IN_NETWORK),
    # The unsubscribe link opens for anyone who has it, signed in or not.
    "network:unsubscribe": Rule(every(OK), kwargs={"token": "{unsubscribe_token}"}),
}


def objects(world):
    from network.models import Category, DigestSent, NotificationSent
    from network.services import discussions, notifications

    member_a = world["users"]["member_a"]
    mentor = world["users"]["mentor"]
    staff = world["users"]["staff"]
    category = Category.objects.create(slug="waste", name="Waste collection")
    topic = discussions.topic_create(
        category=category, author=member_a, title="Sorting at source", body=f"Ask @{mentor.email}"
    )
    opening = topic.posts.get()
    reply = discussions.post_create(topic=topic, author=mentor, body="Start with markets")
    discussions.post_flag(post=reply, member=member_a, reason="off_topic")
    decision = discussions.moderation_decide(post=reply, moderator=staff, action="warn", note="Stay on topic")
    preference = notifications.preference_of(user=member_a)
    digest = DigestSent.objects.create(user=member_a, frequency="daily", period="2026-03-02")
    sent = NotificationSent.objects.create(user=member_a, key=f"reply:{reply.pk}")
    model = apps.get_model
    world["format"].update(
        {
            "discuss_category": category,
            "discuss_topic": topic,
            "discuss_opening": opening,
            "unsubscribe_token": notifications.unsubscribe_url(preference=preference).rstrip("/").rsplit("/", 1)[1],
        }
    )
    world["objects"].update(
        {
            model("network", "Category"): category,
            model("network", "Topic"): topic,
            model("network", "Post"): opening,
            model("network", "Flag"): reply.flags.get(),
            model("network", "Mention"): opening.mentions.get(),
            model("network", "ModerationDecision"): decision,
            model("network", "NotificationPreference"): preference,
            model("network", "DigestSent"): digest,
            model("network", "NotificationSent"): sent,
        }
    )
