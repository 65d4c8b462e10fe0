"""The activity of many people at once (the digests' read): the same items for each person as `activity_for`,
and a digest run whose reads do not grow with the number of people."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ccrs.models import CityRole
from network.activity import activity_for, activity_for_many
from network.models import MemberProfile, NotificationPreference
from network.selectors import discussions as discussion_reads
from network.services import digests, discussions
from network.services import mentoring as mentoring_services
from tests.conftest import make_member, make_user
from tests.network.discussions_factories import *  # noqa: F403 (fixtures)
from tests.network.events_factories import make_event
from tests.network.library_helpers import make_resource
from tests.network.mentoring_factories import pair

pytestmark = pytest.mark.django_db

BANGKOK_SEVEN = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)  # Monday 07:00 in Bangkok


@pytest.fixture
def readers(category, members, staff, city_a, city_b, member_a, monkeypatch):
    """Everyone who reads the network, with news of every part since an hour ago: a mentor and city A's team
    with an action due, city B's officer without one, a Thai reader of the library, two followers of a topic,
    and a prolific author who wrote most of the newest topics (the shared list of topics runs short for her)."""
    monkeypatch.setattr(discussion_reads, "ACTIVITY_LIMIT", 2)
    mentor = make_user("mentor@surabaya.example.id", is_network_member=True)
    officer_b = make_member("officer.b@melaka.example.my", city_b, CityRole.OFFICER)
    thai = make_user("reader@bangkok.example.th", is_network_member=True, language="th")
    prolific = make_user("prolific@partner.example.org", is_network_member=True)
    mentoring_pair = pair(staff=staff, mentor=mentor, city=city_a)
    mentoring_services.action_add(
        pair=mentoring_pair, description="Map the wards", owner=mentor, due_on=timezone.localdate()
    )
    make_event(staff, title="Batik dyes without mercury")
    make_resource(staff, titles={"en": "Waste bank toolkit", "th": "คู่มือธนาคารขยะ"})
    followed = discussions.topic_create(category=category, author=members[0], title="Waste banks", body="How?")
    followed.followers.add(members[1], thai, prolific)
    discussions.post_create(topic=followed, author=members[1], body="Surabaya pays in points")
    discussions.post_create(topic=followed, author=members[2], body="Start with one market")
    for n in range(3):
        discussions.topic_create(category=category, author=prolific, title=f"River taxis {n}", body="Who runs them?")
    return [staff, mentor, member_a, officer_b, thai, prolific, *members]


def test_many_people_get_what_each_would_get_alone(readers):
    since = timezone.now() - timedelta(hours=1)
    together = activity_for_many(users=readers, since=since)
    for user in readers:
        assert together[user.pk] == activity_for(user=user, since=since), user.email
    kinds = {user.email: {item.kind for item in together[user.pk]} for user in readers}
    assert (
        "mentoring_action" in kinds["mentor@surabaya.example.id"]
        and "mentoring_action" in kinds["officer.a@cantho.example.vn"]
    )
    assert "mentoring_action" not in kinds["officer.b@melaka.example.my"]
    assert {"event", "resource", "topic", "reply"} <= kinds["reader@bangkok.example.th"]
    titles = {item.title for item in together[readers[4].pk] if item.kind == "resource"}
    assert titles == {"คู่มือธนาคารขยะ"}  # in the reader's language
    prolific_topics = [item.title for item in together[readers[5].pk] if item.kind == "topic"]
    assert prolific_topics and not any(title.startswith("River taxis") for title in prolific_topics)


def _digest_run(n: int, category, author) -> tuple[int, int]:
    """`n` new people (each with a daily digest chosen) who follow a new topic with a reply, then the Monday
    07:00 run: (digests sent, queries)."""
    people = [make_user(f"reader{n}-{i:03d}@network.example.org", is_network_member=True) for i in range(n)]
    MemberProfile.objects.bulk_create([MemberProfile(user=user, time_zone="Asia/Bangkok") for user in people])
    NotificationPreference.objects.bulk_create([NotificationPreference(user=user) for user in people])
    with time_machine.travel(BANGKOK_SEVEN - timedelta(hours=2), tick=False):
        topic = discussions.topic_create(category=category, author=author, title=f"Batik market {n}", body="Who?")
        topic.followers.add(*people)
        discussions.post_create(topic=topic, author=author, body="Natural dyes sell better")
    with time_machine.travel(BANGKOK_SEVEN, tick=False), CaptureQueriesContext(connection) as queries:
        sent = digests.digests_send()
    return sent, len(queries)


def test_a_digest_run_reads_each_part_once_for_any_number_of_people(category, members):
    """A run for five people, then one (the same morning) for fifty others: the fifty cost only their own
    digests' writes (three queries each), the parts' reads are shared. Before, every person cost
    every part's queries again."""
    per_digest = 3  # the savepoint, the DigestSent row, its release
    sent_few, queries_few = _digest_run(5, category, members[0])
    sent_many, queries_many = _digest_run(50, category, members[0])
    assert sent_few >= 5 and sent_many == 50  # the first run's people are done for the morning
    assert queries_many - queries_few <= per_digest * (sent_many - sent_few)
