"""Mentoring's reads: a mentor sees only their own pairs, both sides see theirs, overdue actions, the
mentors' load in one query, and the actions due in the activity feed."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from network.activity import ActivityItem
from network.selectors import mentoring as selectors
from network.services import mentoring as services
from tests.conftest import make_user

from .mentoring_factories import pair

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


@pytest.fixture
def two_pairs(staff, network_member, city_a, city_b):
    other = make_user("mentor.two@example.org", is_network_member=True)
    return pair(staff=staff, mentor=network_member, city=city_a), pair(staff=staff, mentor=other, city=city_b)


def test_a_mentor_sees_only_their_own_pairs(two_pairs, network_member):
    mine, theirs = two_pairs
    assert selectors.pair_list(user=network_member) == [mine]
    assert selectors.pair_get(user=network_member, pk=theirs.pk) is None


def test_the_citys_team_sees_its_pairs_and_staff_see_all(two_pairs, member_a, member_b, staff, stakeholder):
    mine, theirs = two_pairs
    assert selectors.pair_list(user=member_a) == [mine]
    assert selectors.pair_list(user=member_b) == [theirs]
    assert set(selectors.pair_list(user=staff)) == {mine, theirs}
    assert selectors.pair_list(user=stakeholder) == []


def test_an_action_past_its_due_date_and_not_done_is_overdue(two_pairs, member_a):
    mine, _theirs = two_pairs
    late = services.action_add(pair=mine, description="Late", owner=member_a, due_on=TODAY() - timedelta(days=1))
    services.action_add(pair=mine, description="Today", owner=member_a, due_on=TODAY())
    done = services.action_add(pair=mine, description="Done", owner=member_a, due_on=TODAY() - timedelta(days=5))
    services.action_complete(action=done, by=member_a)
    page = selectors.pair_get(user=member_a, pk=mine.pk)
    assert {a.description: a.overdue for a in page.actions.all()} == {"Late": True, "Today": False, "Done": False}
    listed = selectors.pair_list(user=member_a)[0]
    assert (listed.open_count, listed.overdue_count) == (2, 1)
    assert late.pk in {a.pk for a in page.actions.all() if a.overdue}


def test_the_mentors_load_is_one_aggregate_query(two_pairs, network_member, staff, city_b):
    pair(staff=staff, mentor=network_member, city=city_b)
    with CaptureQueriesContext(connection) as captured:
        load = {mentor.email: mentor.pair_count for mentor in selectors.mentor_load()}
    assert len(captured) == 1
    assert load == {network_member.email: 2, "mentor.two@example.org": 1}


def test_activity_gives_the_actions_due_to_the_pairs_people(two_pairs, member_a, member_b):
    mine, _theirs = two_pairs
    soon = services.action_add(pair=mine, description="Send the ward map", owner=member_a, due_on=TODAY())
    services.action_add(pair=mine, description="Far ahead", owner=member_a, due_on=TODAY() + timedelta(days=30))
    since = timezone.now() - timedelta(days=1)
    items = selectors.activity(user=member_a, since=since)
    assert [item.key for item in items] == [f"mentoring_action:{soon.pk}"]
    assert isinstance(items[0], ActivityItem) and items[0].kind == "mentoring_action"
    assert items[0].at.tzinfo is not None and items[0].url.endswith(f"/mentoring/{mine.pk}/")
    assert selectors.activity(user=member_b, since=since) == []
