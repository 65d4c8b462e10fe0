"""Digests: sent in each person's own morning, grouped by kind and newest first, without what was mailed at
once, in the person's language, once per period; one-click unsubscribe without signing in."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail
from django.utils import translation

from ccrs.models import CityRole
from cities.models import City
from network.activity import activity_for
from network.models import DigestSent, Frequency, MemberProfile, NotificationPreference, NotificationSent
from network.services import digests, discussions, notifications
from network.tasks import digests_send
from tests.conftest import make_member, make_user
from tests.network.discussions_factories import *  # noqa: F403 (fixtures)

pytestmark = pytest.mark.django_db

SUNDAY_NOON = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
MELAKA_SEVEN = datetime(2026, 3, 1, 23, 0, tzinfo=UTC)  # Monday 07:00 in Melaka (UTC+8), 06:00 in Bangkok
BANGKOK_SEVEN = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)  # Monday 07:00 in Bangkok (UTC+7), 08:00 in Melaka


@pytest.fixture
def melaka_officer(cohort):
    melaka = City.objects.create(
        cohort=cohort, slug="melaka", name="Melaka", country="MY", time_zone="Asia/Kuala_Lumpur", languages=["ms"]
    )
    user = make_member("officer@melaka.example.my", melaka, CityRole.OFFICER)
    user.language = "ms"
    user.save(update_fields=["language"])
    return user


@pytest.fixture
def bangkok_partner(db):
    user = make_user("partner@bangkok.example.org", is_network_member=True)
    MemberProfile.objects.create(user=user, time_zone="Asia/Bangkok")
    return user


@pytest.fixture
def news(category, members, bangkok_partner, melaka_officer):
    """On Sunday: an older topic both follow, a reply in it, then a newer topic; one reply mailed at once to Bangkok."""
    with time_machine.travel(SUNDAY_NOON, tick=False):
        followed = discussions.topic_create(category=category, author=members[0], title="Waste banks", body="How?")
        followed.followers.add(bangkok_partner, melaka_officer)
    with time_machine.travel(datetime(2026, 3, 1, 13, 0, tzinfo=UTC), tick=False):
        first = discussions.post_create(topic=followed, author=members[1], body="Surabaya pays in points")
    with time_machine.travel(datetime(2026, 3, 1, 14, 0, tzinfo=UTC), tick=False):
        second = discussions.post_create(topic=followed, author=members[2], body="Start with one market")
        newer = discussions.topic_create(
            category=category, author=members[1], title="River taxis", body="Who runs them?"
        )
    NotificationSent.objects.create(user=bangkok_partner, key=f"reply:{first.pk}")
    return {"followed": followed, "first": first, "second": second, "newer": newer}


def digest_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_each_person_gets_the_digest_in_their_own_morning_once(news, bangkok_partner, melaka_officer, members):
    with time_machine.travel(MELAKA_SEVEN, tick=False):
        digests_send.delay()
    assert len(digest_to(melaka_officer.email)) == 1 and not digest_to(bangkok_partner.email)
    with time_machine.travel(BANGKOK_SEVEN, tick=False):
        digests_send.delay()
        digests_send.delay()  # the same hour again: nothing more
    assert len(digest_to(melaka_officer.email)) == 1 and len(digest_to(bangkok_partner.email)) == 1
    assert DigestSent.objects.filter(user=bangkok_partner).count() == 1
    mail.outbox.clear()
    with time_machine.travel(datetime(2026, 3, 2, 6, 0, tzinfo=UTC), tick=False):  # 13:00 in Bangkok
        digests.digests_send()
    assert mail.outbox == []


def test_the_digest_is_grouped_by_kind_newest_first_without_what_was_mailed_at_once(news, bangkok_partner):
    with time_machine.travel(BANGKOK_SEVEN, tick=False):
        digests.digests_send()
    (message,) = digest_to(bangkok_partner.email)
    body = message.body
    assert body.index("New discussions") < body.index("Replies in topics you follow")
    assert body.index("River taxis") < body.index("Waste banks")  # the newer topic first
    assert "Start with one market" in body
    assert "Surabaya pays in points" not in body  # already mailed at once
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")


def test_the_digest_is_in_the_persons_language(news, melaka_officer):
    with time_machine.travel(MELAKA_SEVEN, tick=False):
        digests.digests_send()
    (message,) = digest_to(melaka_officer.email)
    with translation.override("ms"):
        expected = str(digests._("Your daily news from the peer network"))
    assert message.subject == expected != "Your daily news from the peer network"


def test_a_weekly_digest_goes_on_monday_only(news, bangkok_partner):
    notifications.preference_set(user=bangkok_partner, frequency=Frequency.WEEKLY)
    with time_machine.travel(datetime(2026, 3, 3, 0, 0, tzinfo=UTC), tick=False):  # Tuesday 07:00 in Bangkok
        digests.digests_send()
    assert not digest_to(bangkok_partner.email)
    with time_machine.travel(BANGKOK_SEVEN, tick=False):
        digests.digests_send()
    assert "weekly" in digest_to(bangkok_partner.email)[0].subject


def test_no_digest_for_who_chose_none_or_immediate(news, bangkok_partner, melaka_officer):
    notifications.preference_set(user=bangkok_partner, frequency=Frequency.NONE)
    notifications.preference_set(user=melaka_officer, frequency=Frequency.IMMEDIATE)
    with time_machine.travel(BANGKOK_SEVEN, tick=False):
        digests.digests_send()
    assert not digest_to(bangkok_partner.email) and not digest_to(melaka_officer.email)


def test_a_post_hidden_before_the_morning_is_not_in_the_digest(news, bangkok_partner, staff):
    discussions.moderation_decide(post=news["second"], moderator=staff, action="hide")
    with time_machine.travel(BANGKOK_SEVEN, tick=False):
        digests.digests_send()
    assert "Start with one market" not in digest_to(bangkok_partner.email)[0].body


def test_unsubscribe_works_without_signing_in_and_stops_the_digest(news, bangkok_partner, client):
    preference = notifications.preference_of(user=bangkok_partner)
    url = notifications.unsubscribe_url(preference=preference).removeprefix("http://127.0.0.1:8000")
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 200
    preference.refresh_from_db()
    assert preference.frequency == Frequency.NONE
    with time_machine.travel(BANGKOK_SEVEN, tick=False):
        digests.digests_send()
    assert not digest_to(bangkok_partner.email)


def test_an_altered_unsubscribe_link_answers_404_and_changes_nothing(bangkok_partner, client):
    preference = notifications.preference_of(user=bangkok_partner)
    token = notifications.unsubscribe_url(preference=preference).rstrip("/").rsplit("/", 1)[1]
    altered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert client.get(f"/network/unsubscribe/{altered}/").status_code == 404
    assert client.post(f"/network/unsubscribe/{altered}/").status_code == 404
    assert NotificationPreference.objects.get(user=bangkok_partner).frequency == Frequency.DAILY


def test_the_activity_registry_collects_the_discussions_part(news, bangkok_partner):
    with time_machine.travel(BANGKOK_SEVEN, tick=False):
        items = activity_for(user=bangkok_partner, since=SUNDAY_NOON)
    assert [item.kind for item in items][:1] == ["topic"]
    assert [item.at for item in items] == sorted((item.at for item in items), reverse=True)


def test_beat_schedule_runs_the_digests_hourly():
    from ccrs.celery import app

    entry = app.conf.beat_schedule["network-digests"]
    assert entry["task"] == digests_send.name and entry["schedule"].hour == set(range(24))


def test_the_sections_put_unknown_kinds_last():
    from network.activity import ActivityItem

    items = [
        ActivityItem(kind="poll", key="poll:1", title="P", url="/", at=SUNDAY_NOON),
        ActivityItem(kind="reply", key="reply:1", title="R", url="/", at=SUNDAY_NOON),
    ]
    assert [str(heading) for heading, _items in digests.sections(items)] == [
        "Replies in topics you follow",
        "Other news",
    ]


def test_a_viewer_still_reads_the_digest(news, city_a, viewer_a):
    """A city viewer cannot post but is in the network: the new topics reach her digest (Can Tho is UTC+7)."""
    with time_machine.travel(BANGKOK_SEVEN, tick=False):
        digests.digests_send()
    assert "River taxis" in digest_to(viewer_a.email)[0].body
