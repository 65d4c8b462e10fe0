"""An address counts only once its owner proved they read it: nobody takes over another person's invitation."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from ccrs import selectors, services
from ccrs.links import link_token
from ccrs.models import CityMembership, Invitation
from cities import services as city_services
from cities.models import Application
from tests.conftest import PASSWORD, make_user


@pytest.fixture
def bangkok_lead_invitation(city_a, staff):
    return Invitation.objects.create(email="new.lead@bangkok.example", city=city_a, role="lead", invited_by=staff)


def claim_address(client, email):
    """What the Melaka officer did: add someone else's address to their account, then make it primary."""
    client.post(reverse("account_email"), {"action_add": "", "email": email})
    client.post(reverse("account_email"), {"action_primary": "", "email": email})


def test_an_added_address_does_not_count_until_verified(member_b, bangkok_lead_invitation, client_for):
    """Adding another person's address does not make it the account's, list their invitation or let it be accepted."""
    client = client_for(member_b)
    claim_address(client, bangkok_lead_invitation.email)
    member_b.refresh_from_db()
    assert member_b.email == "officer.b@danang.example.vn"
    assert not selectors.email_is_verified(user=member_b, email=bangkok_lead_invitation.email)
    assert "Join the Can Tho team" not in client.get(reverse("invitations")).content.decode()

    token = link_token(services.TEAM_INVITATION, bangkok_lead_invitation)
    response = client.post(reverse("invitation_accept", kwargs={"token": token}))
    assert response.status_code == 403
    assert not CityMembership.objects.filter(user=member_b, city=bangkok_lead_invitation.city).exists()
    bangkok_lead_invitation.refresh_from_db()
    assert bangkok_lead_invitation.status == "pending"


def test_an_unverified_account_address_never_accepts_an_invitation(member_b, bangkok_lead_invitation):
    """Even an account whose own address field says so must have verified it (e.g. changed in the admin)."""
    member_b.email = bangkok_lead_invitation.email
    member_b.save(update_fields=["email"])
    token = link_token(services.TEAM_INVITATION, bangkok_lead_invitation)
    with pytest.raises(services.LinkInvalid):
        services.invitation_accept(token=token, user=member_b)
    assert selectors.invitations_for(user=member_b) == []
    assert not CityMembership.objects.filter(user=member_b, city=bangkok_lead_invitation.city).exists()


def test_the_real_invitee_is_not_blocked_by_an_unverified_claim(member_b, bangkok_lead_invitation, client_for, client):
    """The invitee still makes their account from the link; the other account's claim to the address is dropped."""
    claim_address(client_for(member_b), bangkok_lead_invitation.email)
    token = link_token(services.TEAM_INVITATION, bangkok_lead_invitation)
    response = client.post(
        reverse("invitation_accept", kwargs={"token": token}),
        {"full_name": "Pimchanok Srisuk", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    address = EmailAddress.objects.get(email__iexact=bangkok_lead_invitation.email)
    assert address.verified and address.primary and address.user.full_name == "Pimchanok Srisuk"
    assert CityMembership.objects.get(user=address.user).role == "lead"


def test_an_address_verified_by_code_then_counts(member_b, bangkok_lead_invitation, client_for):
    """A person who really owns a new address verifies it with the e-mailed code; then it is theirs to use."""
    client = client_for(member_b)
    client.post(reverse("account_email"), {"action_add": "", "email": bangkok_lead_invitation.email})
    code_mail = next(m for m in mail.outbox if bangkok_lead_invitation.email in m.to)
    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", code_mail.body, re.MULTILINE).group(1)
    response = client.post(reverse("account_email_verification_sent"), {"code": code})
    assert response.status_code == 302
    assert selectors.email_is_verified(user=member_b, email=bangkok_lead_invitation.email)
    services.invitation_accept(token=link_token(services.TEAM_INVITATION, bangkok_lead_invitation), user=member_b)
    assert CityMembership.objects.get(user=member_b, city=bangkok_lead_invitation.city).role == "lead"


def test_accounts_made_from_a_link_start_verified(invitation_a):
    """The e-mailed link proves the address: the new account can sign in without a further code."""
    token = link_token(services.TEAM_INVITATION, invitation_a)
    user, _membership = services.invitation_accept(token=token, full_name="Trần Văn Phúc", password=PASSWORD)
    assert EmailAddress.objects.filter(user=user, email=invitation_a.email, verified=True, primary=True).exists()


def test_sign_in_with_an_unverified_address_asks_for_the_code(db, client):
    """An account whose address was never verified cannot sign in on the password alone."""
    user = make_user("unverified@example.org")
    EmailAddress.objects.filter(user=user).update(verified=False)
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session
    assert any(user.email in m.to for m in mail.outbox)


def test_an_applicants_address_cannot_be_claimed(member_b, cohort, staff):
    """A city's application link is refused to an account that merely added the CRO's address."""
    application = city_services.application_invite(
        invited_by=staff, cohort=cohort, email="cro@melaka.example.my", city_name="Melaka", country="MY"
    )
    EmailAddress.objects.create(user=member_b, email="cro@melaka.example.my", verified=False, primary=False)
    token = link_token(city_services.APPLICATION_INVITATION, application)
    with pytest.raises(services.LinkInvalid):
        city_services.application_invitation_accept(token=token, user=member_b)
    assert Application.objects.get(pk=application.pk).applicant_id is None
