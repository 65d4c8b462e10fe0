"""The directory's writes: a person's own profile, staff adding and removing network members through the
one personal-link mechanism, and a city lead choosing which of her team is listed."""

import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext

from ccrs.links import LinkInvalid, link_open, link_token
from ccrs.models import User
from network.models import MemberProfile, NetworkInvitation, NetworkInvitationStatus, TagKind, Visibility
from network.services import members as services

from .members_factories import organisation, profile, tag

pytestmark = pytest.mark.django_db

GOOD = {
    "role_title": "Resilience officer",
    "languages": ["vi", "en"],
    "offers": "Flood maps",
    "seeks": "Waste bank models",
    "time_zone": "Asia/Ho_Chi_Minh",
    "phone": "+84 292 3820 000",
    "show_email": Visibility.NOBODY,
    "show_phone": Visibility.MEMBERS,
    "listed": True,
}


def test_a_person_saves_their_profile_and_visibility(member_a):
    waste = tag(TagKind.SECTOR, "E38", "Waste collection")
    saved = services.member_profile_update(user=member_a, data=GOOD, tags=[waste])
    saved.refresh_from_db()
    assert (saved.show_email, saved.show_phone, saved.phone) == ("nobody", "members", "+84 292 3820 000")
    assert list(saved.tags.all()) == [waste]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"languages": ["fr"]}, "languages"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"show_email": "everyone"}, "show_email"),
        ({"phone": "", "show_phone": Visibility.MEMBERS}, "phone"),
    ],
)
def test_bad_profile_input_is_refused_and_changes_nothing(member_a, change, field):
    profile(member_a, role_title="Before")
    with pytest.raises(ValidationError) as error:
        services.member_profile_update(user=member_a, data={**GOOD, **change})
    assert field in error.value.message_dict
    assert MemberProfile.objects.get(user=member_a).role_title == "Before"


def test_staff_add_a_network_member_by_an_emailed_link_that_makes_the_account(
    staff, django_capture_on_commit_callbacks
):
    rotterdam = organisation("Rotterdam")
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.network_member_add(
            added_by=staff,
            email=" Arjen@Rotterdam.example.nl ",
            organisation=rotterdam,
            role_title="CRO",
            is_mentor=True,
        )
    assert invitation.email == "arjen@rotterdam.example.nl"
    invitation.refresh_from_db()
    assert invitation.sent_at is not None
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["arjen@rotterdam.example.nl"]
    assert "Rotterdam" in mail.outbox[0].body
    token = re.search(r"/network/join/([^/\s]+)/", mail.outbox[0].body).group(1)
    user, joined = services.network_invitation_accept(
        token=token, full_name="Arjen Bakker", password="a-Str0ng-pw-2026"
    )
    assert user.is_network_member and user.email == "arjen@rotterdam.example.nl"
    assert (joined.organisation, joined.role_title, joined.is_mentor) == (rotterdam, "CRO", True)
    invitation.refresh_from_db()
    assert invitation.status == NetworkInvitationStatus.ACCEPTED
    with pytest.raises(LinkInvalid):
        services.network_invitation_accept(token=token, full_name="Again", password="a-Str0ng-pw-2026")


def test_the_invitation_email_is_in_the_language_staff_chose(staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.network_member_add(added_by=staff, email="siti@surabaya.example.id", language="id")
    with translation.override("id"):
        assert mail.outbox[0].subject == gettext("You are invited to the CCRS peer network")
    assert mail.outbox[0].subject != "You are invited to the CCRS peer network"


def test_an_existing_account_joins_as_itself_when_signed_in(staff, stakeholder):
    invitation = services.network_member_add(added_by=staff, email=stakeholder.email)
    token = link_token(services.NETWORK_INVITATION, invitation)
    user, _profile = services.network_invitation_accept(token=token, user=stakeholder)
    assert user == stakeholder
    stakeholder.refresh_from_db()
    assert stakeholder.is_network_member


def test_adding_someone_twice_is_refused_with_a_message(staff, network_member):
    with pytest.raises(ValidationError, match="already a network member"):
        services.network_member_add(added_by=staff, email=network_member.email.upper())
    services.network_member_add(added_by=staff, email="new@partner.example.org")
    with pytest.raises(ValidationError, match="pending invitation"):
        services.network_member_add(added_by=staff, email="NEW@partner.example.org")
    assert NetworkInvitation.objects.count() == 1


def test_a_withdrawn_invitation_link_stops_working(staff):
    invitation = services.network_member_add(added_by=staff, email="new@partner.example.org")
    token = link_token(services.NETWORK_INVITATION, invitation)
    services.network_invitation_revoke(invitation=invitation)
    with pytest.raises(LinkInvalid) as error:
        services.network_invitation_accept(token=token, full_name="X", password="a-Str0ng-pw-2026")
    assert error.value.status == 410
    assert not User.objects.filter(email="new@partner.example.org").exists()


def test_an_altered_link_is_refused(staff):
    invitation = services.network_member_add(added_by=staff, email="new@partner.example.org")
    token = link_token(services.NETWORK_INVITATION, invitation)
    with pytest.raises(LinkInvalid):
        link_open(services.NETWORK_INVITATION, token[:-2] + "xx")


def test_staff_remove_a_network_member_and_their_open_invitations(staff, network_member):
    pending = NetworkInvitation.objects.create(email=network_member.email.upper(), invited_by=staff)
    services.network_member_remove(removed_by=staff, user=network_member)
    network_member.refresh_from_db()
    pending.refresh_from_db()
    assert not network_member.is_network_member
    assert pending.status == NetworkInvitationStatus.REVOKED


def test_removing_someone_who_is_not_a_network_member_is_refused(staff, member_a):
    with pytest.raises(ValidationError, match="not a network member"):
        services.network_member_remove(removed_by=staff, user=member_a)


def test_a_lead_lists_some_of_her_team_and_not_others(city_a, lead_a, member_a, member_b):
    profile(member_a, listed=True)
    changed = services.team_presence_set(city=city_a, listed_user_ids=[lead_a.pk, member_b.pk])
    assert changed == 1
    assert not MemberProfile.objects.get(user=member_a).listed
    assert not MemberProfile.objects.filter(user=member_b).exists()  # not on the team: ignored
    services.team_presence_set(city=city_a, listed_user_ids=[])
    assert not MemberProfile.objects.get(user=lead_a).listed
