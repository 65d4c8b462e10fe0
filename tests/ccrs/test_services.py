"""Team invitations: created, sent once, accepted into exactly one membership, refused when bad."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from ccrs import services
from ccrs.links import link_token
from ccrs.models import CityMembership, Invitation, InvitationStatus, User
from tests.conftest import PASSWORD, make_user


def test_invitation_create_sends_one_email_after_commit(city_a, staff, django_capture_on_commit_callbacks):
    """Inviting sends the e-mail through the task once the transaction commits, in the city's language."""
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            invited_by=staff, city=city_a, email=" Hoa@CanTho.example.VN ", role="viewer"
        )
    assert invitation.email == "hoa@cantho.example.vn"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["hoa@cantho.example.vn"]
    assert link_token(services.TEAM_INVITATION, invitation).split(":")[0] in message.body
    invitation.refresh_from_db()
    assert invitation.sent_at is not None


def test_invitation_send_is_idempotent(invitation_a):
    """A second run of the task (a redelivered message) sends nothing more."""
    assert services.invitation_send(invitation_id=invitation_a.pk) is True
    assert services.invitation_send(invitation_id=invitation_a.pk) is False
    assert services.invitation_send(invitation_id=999_999) is False
    assert len(mail.outbox) == 1


def test_duplicate_pending_invitation_is_refused(invitation_a, staff):
    """A second pending invitation for the same e-mail and city is refused and nothing is saved."""
    with pytest.raises(ValidationError, match="already has a pending invitation"):
        services.invitation_create(
            invited_by=staff, city=invitation_a.city, email=invitation_a.email.upper(), role="officer"
        )
    assert Invitation.objects.count() == 1


def test_inviting_a_current_member_is_refused(member_a, staff, city_a):
    with pytest.raises(ValidationError, match="already on the Can Tho team"):
        services.invitation_create(invited_by=staff, city=city_a, email=member_a.email, role="viewer")
    assert Invitation.objects.count() == 0


def test_accept_creates_account_and_membership(invitation_a):
    """A newcomer's link makes their account and joins them to the city with the invited role."""
    token = link_token(services.TEAM_INVITATION, invitation_a)
    user, membership = services.invitation_accept(token=token, full_name="Trần Văn Phúc", password=PASSWORD)
    assert user.email == invitation_a.email and user.check_password(PASSWORD)
    assert membership.city == invitation_a.city and membership.role == "officer"
    invitation_a.refresh_from_db()
    assert invitation_a.status == InvitationStatus.ACCEPTED and invitation_a.accepted_by == user


def test_link_works_once(invitation_a):
    token = link_token(services.TEAM_INVITATION, invitation_a)
    services.invitation_accept(token=token, full_name="Trần Văn Phúc", password=PASSWORD)
    with pytest.raises(services.LinkInvalid, match="already been used"):
        services.invitation_accept(token=token, full_name="Someone Else", password=PASSWORD)
    assert User.objects.filter(email=invitation_a.email).count() == 1


def test_tampered_link_creates_nothing(invitation_a):
    token = link_token(services.TEAM_INVITATION, invitation_a)
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    with pytest.raises(services.LinkInvalid, match="not valid") as error:
        services.invitation_accept(token=forged, full_name="Mallory", password=PASSWORD)
    assert error.value.status == 400
    assert not User.objects.filter(email=invitation_a.email).exists()
    assert CityMembership.objects.count() == 0


def test_expired_link_creates_nothing(invitation_a, settings):
    """A link older than INVITATION_MAX_AGE_DAYS is refused with the advice to ask for a new one."""
    token = link_token(services.TEAM_INVITATION, invitation_a)
    later = timezone.now() + timedelta(days=settings.INVITATION_MAX_AGE_DAYS, seconds=5)
    with time_machine.travel(later), pytest.raises(services.LinkInvalid, match="expired") as error:
        services.invitation_accept(token=token, full_name="Late Comer", password=PASSWORD)
    assert error.value.status == 410
    assert not User.objects.filter(email=invitation_a.email).exists()


def test_revoked_link_is_refused(invitation_a):
    services.invitation_revoke(invitation=invitation_a)
    with pytest.raises(services.LinkInvalid, match="withdrawn"):
        services.invitation_accept(
            token=link_token(services.TEAM_INVITATION, invitation_a), full_name="X", password=PASSWORD
        )


def test_weak_password_is_refused_and_nothing_saved(invitation_a):
    with pytest.raises(ValidationError):
        services.invitation_accept(
            token=link_token(services.TEAM_INVITATION, invitation_a), full_name="Phúc", password="123"
        )
    assert not User.objects.filter(email=invitation_a.email).exists()
    invitation_a.refresh_from_db()
    assert invitation_a.status == InvitationStatus.PENDING


def test_signed_in_person_with_another_email_cannot_accept(invitation_a, member_b):
    with pytest.raises(services.LinkInvalid, match="signed in as"):
        services.invitation_accept(token=link_token(services.TEAM_INVITATION, invitation_a), user=member_b)
    assert not CityMembership.objects.filter(user=member_b, city=invitation_a.city).exists()


def test_existing_account_joins_a_second_city(city_a, city_b, staff):
    """A Can Tho officer invited to Da Nang keeps one account with two memberships."""
    person = make_user("shared.officer@example.vn")
    CityMembership.objects.create(user=person, city=city_b, role="viewer")
    invitation = services.invitation_create(invited_by=staff, city=city_a, email=person.email, role="lead")
    services.invitation_accept(token=link_token(services.TEAM_INVITATION, invitation), user=person)
    assert set(person.memberships.values_list("city__slug", "role")) == {("da-nang", "viewer"), ("can-tho", "lead")}


def test_user_language_set_refuses_unknown_language(member_a):
    with pytest.raises(ValidationError):
        services.user_language_set(user=member_a, language="fr")
    services.user_language_set(user=member_a, language="vi")
    member_a.refresh_from_db()
    assert member_a.language == "vi"
