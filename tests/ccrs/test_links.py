"""The one personal-link mechanism (ccrs.links) and the one public-form guard (ccrs.public_forms)."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import translation

from ccrs import links, public_forms
from ccrs import services as team
from ccrs.links import LinkInvalid
from ccrs.models import Invitation, InvitationStatus
from cities import services as applications
from tests.cities.factories import ApplicationFactory
from tests.conftest import PASSWORD, make_user


def test_a_link_of_one_kind_does_not_open_another(invitation_a, cohort):
    """The kinds are signed apart: a team invitation's token is no application link, even for the same id."""
    application = ApplicationFactory(cohort=cohort)
    Invitation.objects.filter(pk=invitation_a.pk).update(key=application.key)
    invitation_a.refresh_from_db()
    token = links.link_token(team.TEAM_INVITATION, invitation_a)
    with pytest.raises(LinkInvalid, match="not valid"):
        links.link_open(applications.APPLICATION_INVITATION, token)
    assert links.link_open(team.TEAM_INVITATION, token) == invitation_a


def test_a_link_whose_key_changed_is_gone(invitation_a):
    token = links.link_token(team.TEAM_INVITATION, invitation_a)
    Invitation.objects.filter(pk=invitation_a.pk).update(key="3f2b1c4e-0000-4000-8000-000000000000")
    with pytest.raises(LinkInvalid, match="no longer exists") as error:
        links.link_open(team.TEAM_INVITATION, token)
    assert error.value.status == 410


def test_a_link_is_sent_once(invitation_a):
    """Sending twice (a retried task) e-mails one message and records when it went."""
    assert team.invitation_send(invitation_id=invitation_a.pk) is True
    assert team.invitation_send(invitation_id=invitation_a.pk) is False
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [invitation_a.email]
    invitation_a.refresh_from_db()
    assert invitation_a.sent_at is not None


def test_a_withdrawn_link_is_not_sent(invitation_a):
    team.invitation_revoke(invitation=invitation_a)
    assert team.invitation_send(invitation_id=invitation_a.pk) is False
    assert mail.outbox == []


def test_revoking_twice_says_it_is_already_withdrawn(invitation_a):
    first = links.link_revoke(invitation_a, revoked=InvitationStatus.REVOKED, already="Already withdrawn.")
    assert first.status == InvitationStatus.REVOKED
    with pytest.raises(ValidationError, match="Already withdrawn"):
        links.link_revoke(invitation_a, revoked=InvitationStatus.REVOKED, already="Already withdrawn.")


def test_link_account_refuses_another_signed_in_person(member_b):
    with pytest.raises(LinkInvalid, match="signed in as") as error:
        links.link_account(email="invited@example.vn", user=member_b)
    assert error.value.status == 403


def test_link_account_refuses_to_make_a_second_account(member_a):
    with pytest.raises(LinkInvalid, match="already exists") as error:
        links.link_account(email=member_a.email.upper(), full_name="X", password=PASSWORD)
    assert error.value.status == 409


def test_link_account_makes_a_verified_account(db):
    person = links.link_account(email="new.sme@example.vn", full_name="Lê Thị Mai", password=PASSWORD)
    assert person.check_password(PASSWORD)
    assert person.emailaddress_set.get().verified


def test_link_account_keeps_the_invited_signed_in_person(db):
    person = make_user("invited@example.vn")
    assert links.link_account(email="Invited@example.vn", user=person) == person


def _post(address="203.0.113.7"):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def test_rate_limit_counts_per_link_and_per_address():
    """Over the link's limit, or over the address's limit across links, a POST is refused."""
    assert not any(
        public_forms.rate_limited(_post(), scope="t", link="link:1", per_link=2, per_address=10) for _i in range(2)
    )
    assert public_forms.rate_limited(_post(), scope="t", link="link:1", per_link=2, per_address=10)
    assert not public_forms.rate_limited(_post(), scope="t", link="link:2", per_link=2, per_address=10)
    assert not public_forms.rate_limited(_post("198.51.100.9"), scope="t", per_address=1)
    assert public_forms.rate_limited(_post("198.51.100.9"), scope="t", per_address=1)
    assert not public_forms.rate_limited(_post("198.51.100.9"), scope="other", per_address=1)


def test_public_language_keeps_to_the_languages_the_form_offers():
    """A form written in Vietnamese and English does not switch to Thai when ?lang=th is asked."""
    with translation.override("en"):
        request = RequestFactory().get("/", {"lang": "th"})
        assert public_forms.public_language(request, default="vi", offered=["vi", "en"]) == "vi"
        request = RequestFactory().get("/", {"lang": "en"})
        assert public_forms.public_language(request, default="vi", offered=["vi", "en"]) == "en"
        assert request.LANGUAGE_CODE == "en" and translation.get_language() == "en"
        request = RequestFactory().get("/")
        assert public_forms.public_language(request, default="fr") == "en"
