"""Mentoring's writes: who may mentor, sessions logged after they happen, actions agreed and done."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from network.models import MentoringPair, MentoringSession, OrganisationKind, PairStatus, Resource
from network.services import mentoring as services
from tests.conftest import make_user

from .members_factories import organisation, profile
from .mentoring_factories import pair

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def test_staff_pair_a_mentor_with_a_citys_team_or_one_of_its_smes(staff, network_member, city_a):
    team = pair(staff=staff, mentor=network_member, city=city_a)
    sme = pair(staff=staff, mentor=network_member, city=city_a, sme_name="Xanh Recycling Co.")
    assert (team.sme_name, sme.sme_name, team.status) == ("", "Xanh Recycling Co.", PairStatus.ACTIVE)


def test_a_member_of_an_inspiration_city_may_mentor_without_the_mentor_mark(staff, city_a):
    expert = make_user("expert@surabaya.example.id", is_network_member=True)
    profile(expert, organisation=organisation("Surabaya", OrganisationKind.INSPIRATION_CITY))
    assert services.pair_create(created_by=staff, mentor=expert, city=city_a, goals="Waste banks").mentor == expert


def test_someone_who_is_no_mentor_cannot_be_paired(staff, member_b, city_a):
    with pytest.raises(ValidationError) as error:
        services.pair_create(created_by=staff, mentor=member_b, city=city_a, goals="Anything")
    assert "mentor" in error.value.message_dict
    assert not MentoringPair.objects.exists()


def test_a_mentor_cannot_mentor_their_own_citys_team(staff, member_a, city_a):
    profile(member_a, is_mentor=True)
    with pytest.raises(ValidationError, match="cannot mentor it"):
        services.pair_create(created_by=staff, mentor=member_a, city=city_a, goals="Anything")


def test_the_same_open_pair_twice_and_empty_goals_are_refused(staff, network_member, city_a):
    pair(staff=staff, mentor=network_member, city=city_a)
    with pytest.raises(ValidationError, match="already mentors"):
        services.pair_create(created_by=staff, mentor=network_member, city=city_a, goals="Again")
    with pytest.raises(ValidationError) as error:
        services.pair_create(created_by=staff, mentor=network_member, city=city_a, goals="  ", sme_name="X")
    assert "goals" in error.value.message_dict


def test_a_session_is_logged_with_attendees_notes_and_resources(staff, network_member, city_a):
    mentoring = pair(staff=staff, mentor=network_member, city=city_a)
    guide = Resource.objects.create(
        kind="guide",
        language="en",
        titles={"en": "Waste bank guide"},
        link="https://example.org/guide",
        published_on=TODAY(),
    )
    session = services.session_log(
        pair=mentoring, logged_by=network_member, held_on=TODAY(), attendees=" Lan \n\n Arnoud ", resources=[guide]
    )
    assert session.attendees == "Lan\nArnoud"
    assert list(session.resources.all()) == [guide]


@pytest.mark.parametrize(
    ("held_on", "attendees", "field"),
    [
        (lambda: TODAY() + timedelta(days=1), "Lan", "held_on"),
        (lambda: TODAY() - timedelta(days=400), "Lan", "held_on"),
        (lambda: TODAY(), "  ", "attendees"),
    ],
)
def test_a_bad_session_is_refused_and_nothing_is_saved(staff, network_member, city_a, held_on, attendees, field):
    mentoring = pair(staff=staff, mentor=network_member, city=city_a)
    with pytest.raises(ValidationError) as error:
        services.session_log(pair=mentoring, logged_by=network_member, held_on=held_on(), attendees=attendees)
    assert field in error.value.message_dict
    assert not MentoringSession.objects.exists()


def test_actions_are_agreed_with_an_owner_of_either_side_and_done_once(
    staff, network_member, member_a, member_b, city_a
):
    mentoring = pair(staff=staff, mentor=network_member, city=city_a)
    action = services.action_add(pair=mentoring, description="Map the wards", owner=member_a, due_on=TODAY())
    with pytest.raises(ValidationError) as error:
        services.action_add(pair=mentoring, description="Other city", owner=member_b, due_on=TODAY())
    assert "owner" in error.value.message_dict
    done = services.action_complete(action=action, by=member_a)
    assert done.done_at is not None and done.done_by == member_a
    with pytest.raises(ValidationError, match="already done"):
        services.action_complete(action=action, by=member_a)


def test_a_closed_pair_takes_no_more_sessions(staff, network_member, city_a):
    mentoring = pair(staff=staff, mentor=network_member, city=city_a)
    MentoringPair.objects.filter(pk=mentoring.pk).update(status=PairStatus.CLOSED)
    with pytest.raises(ValidationError, match="closed"):
        services.session_log(pair=mentoring, logged_by=staff, held_on=TODAY(), attendees="Lan")
