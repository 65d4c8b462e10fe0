"""The network's demo: the real program's organisations, mentors, tags and two mentoring pairs, one
action overdue; seed_scale grows the directory to thousands of people."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from network.models import MemberProfile, MentoringAction, MentoringPair, Organisation, Tag
from network.selectors.members import DirectoryFilters, directory_people, network_people

pytestmark = pytest.mark.django_db


def test_the_network_of_the_real_program(demo):
    kinds = dict(Organisation.objects.values_list("name", "kind"))
    for city in ["Bangkok", "Melaka", "Semarang", "Jakarta", "Can Tho", "Da Nang"]:
        assert kinds[city] == "participant_city"
    assert kinds["Rotterdam"] == kinds["Surabaya"] == "inspiration_city"
    assert kinds["Citi Foundation"] == "funder"
    assert {"sme_association", "university"} <= set(kinds.values())
    mentors = MemberProfile.objects.filter(is_mentor=True).select_related("user")
    assert mentors.count() == 3
    assert {tuple(p.languages)[0] for p in mentors} == {"en", "id", "vi"}
    assert Tag.objects.filter(kind="principle").count() == 4
    assert set(Tag.objects.filter(kind="sector").values_list("code", flat=True)) == {"I", "C13", "E38"}


def test_the_demo_city_teams_have_profiles_in_their_languages(demo):
    lan = MemberProfile.objects.get(user__email="lead.cantho@ccrs.demo")
    assert lan.languages[0] == "vi" and lan.organisation.name == "Can Tho"


def test_two_mentoring_pairs_with_sessions_and_one_overdue_action_or_more(demo):
    assert MentoringPair.objects.count() == 2
    assert all(pair.sessions.exists() and pair.actions.exists() for pair in MentoringPair.objects.all())
    overdue = MentoringAction.objects.filter(done_at=None, due_on__lt=timezone.localdate())
    assert overdue.count() >= 1


def test_a_second_run_and_a_reset_keep_the_network_demo_whole(demo):
    before = (Organisation.objects.count(), MemberProfile.objects.count(), MentoringPair.objects.count())
    call_command("seed_demo", "--reset", verbosity=0)
    assert (Organisation.objects.count(), MemberProfile.objects.count(), MentoringPair.objects.count()) == before


def test_seed_scale_grows_the_directory_to_thousands(db):
    call_command("seed_scale", factor=1, verbosity=0)
    assert network_people().count() >= 2000
    assert MemberProfile.objects.count() >= 2000
    some = MemberProfile.objects.filter(user__email__endswith="@scale.ccrs").first().user
    assert directory_people(user=some, filters=DirectoryFilters())["total"] >= 2000
