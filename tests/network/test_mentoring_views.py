"""Mentoring's pages: both sides see the pair, a mentor only their own, bad input is kept and explained,
a mentor paired with a city still cannot open its co-creation data, and the query budgets."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cocreation import services as cocreation
from network.models import MentoringAction, MentoringSession
from network.services import mentoring as services
from tests.conftest import make_user
from tests.querybudget import Page, assert_query_budgets

from .mentoring_factories import pair

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate
LIST_BUDGET = 5
PAIRING_BUDGET = 6
PAIR_BUDGET = 11


@pytest.fixture
def mentoring(staff, network_member, city_a):
    return pair(staff=staff, mentor=network_member, city=city_a)


def test_both_sides_and_staff_open_the_pair_and_another_city_cannot(
    client_for, mentoring, member_a, member_b, staff, network_member
):
    url = mentoring.get_absolute_url()
    for person in (member_a, staff, network_member):
        assert client_for(person).get(url).status_code == 200
    assert client_for(member_b).get(url).status_code == 404


def test_a_mentor_cannot_open_another_mentors_pair(client_for, staff, city_b, network_member):
    other = pair(staff=staff, mentor=make_user("two@example.org", is_network_member=True), city=city_b)
    assert client_for(network_member).get(other.get_absolute_url()).status_code == 404
    body = client_for(network_member).get(reverse("network:pair_list")).content.decode()
    assert city_b.name not in body


def test_a_mentor_paired_with_a_city_cannot_see_its_cocreation_data(client_for, mentoring, network_member, city_a):
    """Mentoring opens the pair's page, never the city's processes, workshops or input."""
    process = cocreation.process_create(city=city_a, title="Thu gom rác", challenge="Waste collection")
    client = client_for(network_member)
    for url in [
        reverse("cocreation:processes", kwargs={"slug": city_a.slug}),
        reverse("cocreation:process", kwargs={"pk": process.pk}),
        reverse("cities:dashboard", kwargs={"slug": city_a.slug}),
    ]:
        assert client.get(url).status_code in (403, 404), url


def test_the_mentor_logs_a_session_and_a_city_viewer_only_reads(client_for, mentoring, network_member, city_a):
    from ccrs.models import CityRole
    from tests.conftest import make_member

    url = reverse("network:session_log", kwargs={"pk": mentoring.pk})
    data = {"held_on": TODAY().isoformat(), "attendees": "Lan\nArnoud", "notes": "Ward maps"}
    assert client_for(network_member).post(url, data).status_code == 302
    viewer = make_member("viewer@cantho.example.vn", city_a, CityRole.VIEWER)
    assert client_for(viewer).post(url, data).status_code == 403
    assert client_for(viewer).get(mentoring.get_absolute_url()).status_code == 200
    assert MentoringSession.objects.count() == 1


def test_a_session_in_the_future_is_refused_and_the_input_kept(client_for, mentoring, network_member):
    url = reverse("network:session_log", kwargs={"pk": mentoring.pk})
    tomorrow = (TODAY() + timedelta(days=1)).isoformat()
    response = client_for(network_member).post(url, {"held_on": tomorrow, "attendees": "Lan Nguyen"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "after it took place" in body and "Lan Nguyen" in body
    assert not MentoringSession.objects.exists()


def test_an_action_is_agreed_and_marked_done_on_the_page(client_for, mentoring, member_a):
    client = client_for(member_a)
    response = client.post(
        reverse("network:action_add", kwargs={"pk": mentoring.pk}),
        {"description": "Map the wards", "owner": member_a.pk, "due_on": (TODAY() - timedelta(days=2)).isoformat()},
    )
    assert response.status_code == 302
    action = MentoringAction.objects.get()
    assert "Overdue" in client.get(mentoring.get_absolute_url()).content.decode()
    assert client.post(reverse("network:action_complete", kwargs={"pk": action.pk})).status_code == 302
    action.refresh_from_db()
    assert action.done_at is not None


def test_staff_pair_on_the_page_seeing_each_mentors_load(client_for, staff, mentoring, network_member, city_b):
    page = client_for(staff).get(reverse("network:pair_create"))
    assert page.status_code == 200
    assert network_member.full_name in page.content.decode()
    response = client_for(staff).post(
        reverse("network:pair_create"), {"mentor": network_member.pk, "city": city_b.pk, "goals": "Typhoon-ready SMEs"}
    )
    assert response.status_code == 302
    refused = client_for(staff).post(
        reverse("network:pair_create"), {"mentor": network_member.pk, "city": city_b.pk, "goals": "Again"}
    )
    assert refused.status_code == 400 and "already mentors" in refused.content.decode()


def test_mentoring_pages_query_budget(client_for, mentoring, member_a, staff, network_member):
    """On one growth of the data: the team's pair list; staff's, who see every pair (seed_scale adds one per
    scale city); the pairing page; the pair's page with an action and a session."""
    services.action_add(pair=mentoring, description="Map", owner=member_a, due_on=TODAY())
    services.session_log(pair=mentoring, logged_by=member_a, held_on=TODAY(), attendees="Lan")
    staff_client = client_for(staff)
    assert_query_budgets(
        [
            Page(client_for(member_a), reverse("network:pair_list"), LIST_BUDGET),
            Page(staff_client, reverse("network:pair_list"), LIST_BUDGET),
            Page(staff_client, reverse("network:pair_create"), PAIRING_BUDGET),
            Page(client_for(network_member), mentoring.get_absolute_url(), PAIR_BUDGET),
        ]
    )
