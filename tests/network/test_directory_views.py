"""The directory's pages: what they show each reader, what they refuse, and their query budgets."""

import pytest
from django.urls import reverse

from ccrs.links import link_token
from ccrs.models import CityRole
from network.models import MemberProfile, NetworkInvitation, Visibility
from network.services import members as services
from tests.conftest import make_member
from tests.querybudget import Page, assert_query_budgets

from .members_factories import organisation, profile

pytestmark = pytest.mark.django_db

DIRECTORY_BUDGET = 10


def test_a_hidden_email_is_never_in_the_html(client_for, member_a, network_member):
    """Not on the directory, the person page or the organisation page, whatever the person's name."""
    rotterdam = organisation("Rotterdam")
    profile(network_member, organisation=rotterdam, show_email=Visibility.NOBODY)
    client = client_for(member_a)
    for url in [
        reverse("network:directory"),
        reverse("network:directory") + "?q=mentor",
        reverse("network:person_detail", kwargs={"pk": network_member.pk}),
        reverse("network:organisation_detail", kwargs={"pk": rotterdam.pk}),
    ]:
        body = client.get(url).content.decode()
        assert network_member.email not in body, url
    body = client.get(reverse("network:person_detail", kwargs={"pk": member_a.pk})).content.decode()
    assert member_a.email in body  # a person sees their own address


def test_a_shown_email_is_on_the_directory(client_for, member_a, network_member):
    profile(network_member, show_email=Visibility.MEMBERS)
    assert network_member.email in client_for(member_a).get(reverse("network:directory")).content.decode()


def test_a_city_viewer_opens_the_directory(client_for, city_a, network_member):
    viewer = make_member("viewer@cantho.example.vn", city_a, CityRole.VIEWER)
    response = client_for(viewer).get(reverse("network:directory"))
    assert response.status_code == 200
    assert network_member.full_name in response.content.decode()


def test_the_directory_counts_in_words_and_never_shows_none(client_for, member_a):
    body = client_for(member_a).get(reverse("network:directory") + "?show=organisations").content.decode()
    assert "0 organisations" in body
    body = client_for(member_a).get(reverse("network:directory")).content.decode()
    assert "1 person" in body and "None" not in body


def test_bad_filters_show_the_directory_not_an_error(client_for, member_a):
    url = reverse("network:directory") + "?tag=99999999999999999999999&city=x&kind=zz&language=%27&page=abc&q=%00"
    assert client_for(member_a).get(url).status_code == 200


def test_a_person_edits_their_profile_on_the_page(client_for, member_a):
    data = {
        "role_title": "Officer",
        "languages": ["vi"],
        "show_email": "nobody",
        "show_phone": "nobody",
        "listed": "on",
    }
    response = client_for(member_a).post(reverse("network:profile_edit"), data)
    assert response.status_code == 302
    saved = MemberProfile.objects.get(user=member_a)
    assert (saved.show_email, saved.languages) == ("nobody", ["vi"])


def test_bad_profile_input_shows_a_message_and_saves_nothing(client_for, member_a):
    data = {"show_email": "members", "show_phone": "members", "phone": "", "listed": "on"}
    response = client_for(member_a).post(reverse("network:profile_edit"), data)
    assert response.status_code == 400
    assert "Enter a phone number" in response.content.decode()
    assert not MemberProfile.objects.filter(user=member_a).exists()


def test_staff_add_a_member_on_the_page_and_the_link_opens_the_join_page(client_for, staff):
    response = client_for(staff).post(
        reverse("network:member_manage"), {"email": "siti@surabaya.example.id", "language": "id"}
    )
    assert response.status_code == 302
    invitation = NetworkInvitation.objects.get()
    token = link_token(services.NETWORK_INVITATION, invitation)
    page = client_for(None).get(reverse("network:join", kwargs={"token": token}))
    assert page.status_code == 200 and "siti@surabaya.example.id" in page.content.decode()
    joined = client_for(None).post(
        reverse("network:join", kwargs={"token": token}),
        {"full_name": "Siti Aminah", "password1": "a-Str0ng-pw-2026", "password2": "a-Str0ng-pw-2026"},
    )
    assert joined.status_code == 302
    assert joined.url == reverse("network:profile_edit")


def test_a_broken_join_link_says_what_to_do(client_for):
    response = client_for(None).get(reverse("network:join", kwargs={"token": "not-a-token"}))
    assert response.status_code == 400
    assert "copied the whole link" in response.content.decode()


def test_staff_remove_a_member_on_the_page(client_for, staff, network_member):
    response = client_for(staff).post(reverse("network:member_remove", kwargs={"pk": network_member.pk}))
    assert response.status_code == 302
    network_member.refresh_from_db()
    assert not network_member.is_network_member


def test_the_lead_manages_her_teams_presence_and_an_officer_cannot(client_for, city_a, lead_a, member_a):
    url = reverse("network:team_presence", kwargs={"slug": city_a.slug})
    assert client_for(member_a).post(url, {"listed": [lead_a.pk]}).status_code == 403
    assert not MemberProfile.objects.exists()
    response = client_for(lead_a).post(url, {"listed": [lead_a.pk]})
    assert response.status_code == 302
    assert not MemberProfile.objects.get(user=member_a).listed
    body = client_for(lead_a).get(reverse("network:directory")).content.decode()
    assert member_a.full_name not in body


def test_directory_query_budget(client_for, member_a, network_member, city_a):
    """The people's page and the organisations' keep their number of queries on seed_scale data (thousands of
    members)."""
    profile(network_member, languages=["en"])
    organisation("Rotterdam")
    client = client_for(member_a)
    assert_query_budgets(
        [
            Page(client, reverse("network:directory"), DIRECTORY_BUDGET),
            Page(client, reverse("network:directory") + "?show=organisations", DIRECTORY_BUDGET),
        ]
    )
