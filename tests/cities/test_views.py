"""City pages: dashboards and teams only for the city's own team and staff; invitations by lead."""

import pytest
from django.core import mail
from django.urls import reverse

from ccrs.models import CityRole, Invitation
from tests.cities.factories import MembershipFactory, OnboardingStepFactory
from tests.querybudget import CITY_DASHBOARD_BUDGET, Page, assert_query_budgets


def test_lead_invites_a_team_member(lead_a, city_a, client_for, django_capture_on_commit_callbacks):
    client = client_for(lead_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("cities:team", kwargs={"slug": city_a.slug}), {"email": "mai@cantho.example.vn", "role": "viewer"}
        )
    assert response.status_code == 302
    assert Invitation.objects.get().email == "mai@cantho.example.vn"
    assert len(mail.outbox) == 1


def test_officer_cannot_invite(member_a, city_a, client_for):
    response = client_for(member_a).post(
        reverse("cities:team", kwargs={"slug": city_a.slug}), {"email": "x@example.vn", "role": "lead"}
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("email", ["not-an-email", ""])
def test_bad_invitation_input_says_what_to_fix(email, lead_a, city_a, client_for):
    response = client_for(lead_a).post(
        reverse("cities:team", kwargs={"slug": city_a.slug}), {"email": email, "role": "viewer"}
    )
    assert response.status_code == 400
    assert "invalid-feedback" in response.content.decode()
    assert not Invitation.objects.exists()


def test_lead_of_a_cannot_touch_invitations_of_b(lead_a, city_a, city_b, staff, client_for):
    """Typing another city's invitation id under one's own city finds nothing."""
    theirs = Invitation.objects.create(email="x@danang.example.vn", city=city_b, role="viewer", invited_by=staff)
    url = reverse("cities:invitation_revoke", kwargs={"slug": city_a.slug, "invitation_id": theirs.pk})
    assert client_for(lead_a).post(url).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "pending"


def test_lead_revokes_own_invitation(lead_a, invitation_a, client_for):
    url = reverse("cities:invitation_revoke", kwargs={"slug": "can-tho", "invitation_id": invitation_a.pk})
    client_for(lead_a).post(url)
    invitation_a.refresh_from_db()
    assert invitation_a.status == "revoked"


def test_city_pages_query_budget(staff, member_a, lead_a, invitation_a, city_a, city_b, client_for):
    """The city list (+4: the program stage facts of sectors, cocreation, pilots, network), a city's dashboard
    and its team page, on one growth of the data."""
    assert_query_budgets(
        [
            Page(client_for(staff), reverse("cities:list"), 4, 60),
            Page(
                client_for(member_a), reverse("cities:dashboard", kwargs={"slug": city_a.slug}), CITY_DASHBOARD_BUDGET
            ),
            Page(client_for(lead_a), reverse("cities:team", kwargs={"slug": "can-tho"}), 6),
        ]
    )


# --- The one object check -------------------------------------------------------------------------


def test_a_member_of_another_city_finds_no_page_of_this_city(db, client_for):
    """An officer of another city gets 404 on this city's profile and steps, as for an address that does not exist."""
    step = OnboardingStepFactory()
    client = client_for(MembershipFactory(role=CityRole.OFFICER).user)
    assert client.get(reverse("cities:profile", kwargs={"slug": step.city.slug})).status_code == 404
    url = reverse("cities:step_evidence", kwargs={"slug": step.city.slug, "step_id": step.pk})
    assert client.get(url).status_code == 404


def test_a_viewer_sees_the_checklist_but_may_not_complete_a_step(db, client_for):
    step = OnboardingStepFactory()
    client = client_for(MembershipFactory(city=step.city).user)
    assert client.get(reverse("cities:onboarding", kwargs={"slug": step.city.slug})).status_code == 200
    url = reverse("cities:step_complete", kwargs={"slug": step.city.slug, "step_id": step.pk})
    assert client.post(url, {"evidence_url": "https://example.org/mou.pdf"}).status_code == 403
    step.refresh_from_db()
    assert step.completed_at is None


def test_city_list_counts_a_members_whole_team(member_a, lead_a, city_a, city_b, client_for):
    """A team member's city list shows their city with everyone on its team (not only the member), a page at a
    time."""
    from ccrs.models import CityMembership

    page = client_for(member_a).get(reverse("cities:list")).context["page"]
    team = CityMembership.objects.filter(city=city_a).count()
    assert team >= 2
    assert [(city.pk, city.team_size) for city in page] == [(city_a.pk, team)]
    assert page.paginator.count == 1
