"""The member directory's URLs in the permission matrix, and its objects."""

from django.apps import apps

from tests.permissions import DENY, LOGIN, OK, REDIRECT, Rule, signed_in

IN_NETWORK = {**signed_in(OK), "stakeholder": DENY, "mentor": OK}
ONLY_STAFF = {**signed_in(DENY), "staff": OK}
STAFF_POST = {**signed_in(DENY), "staff": REDIRECT}

MATRIX = {
    "network:directory": Rule(IN_NETWORK),
    "network:person_detail": Rule(IN_NETWORK, kwargs={"pk": "{member_a_pk}"}),
    "network:organisation_detail": Rule(IN_NETWORK, kwargs={"pk": "{organisation_a.pk}"}),
    "network:profile_edit": Rule(IN_NETWORK),
    "network:member_manage": Rule(ONLY_STAFF),
    "network:member_remove": Rule(STAFF_POST, method="post", kwargs={"pk": "{partner.pk}"}),
    "network:invitation_revoke": Rule(STAFF_POST, method="post", kwargs={"pk": "{network_invitation.pk}"}),
    # A valid link opens for anyone; a signed-in person with another e-mail is refused.
    "network:join": Rule({**signed_in(DENY), "anonymous": OK}, kwargs={"token": "{network_token}"}),
    # Only the city's lead (tests/network/test_directory_views.py) and staff; officer member_a is refused.
    "network:team_presence": Rule(
        {"anonymous": LOGIN, "stakeholder": DENY, "member_a": DENY, "member_b": DENY, "staff": OK, "mentor": DENY},
        kwargs={"slug": "{city_a.slug}"},
    ),
}


def objects(world):
    """City A's organisation, a profile of the mentor persona, a partner to remove and a pending invitation."""
    from ccrs.links import link_token
    from network.models import MemberProfile, NetworkInvitation, Organisation, OrganisationKind, Tag, TagKind
    from network.services import members as services
    from tests.conftest import make_user

    city_a = world["format"]["city_a"]
    staff = world["users"]["staff"]
    organisation = Organisation.objects.create(name="Can Tho", kind=OrganisationKind.PARTICIPANT_CITY, city=city_a)
    tag = Tag.objects.create(kind=TagKind.TOPIC, code="flooding", name="Flooding")
    mentor_profile = MemberProfile.objects.create(user=world["users"]["mentor"], is_mentor=True, languages=["en"])
    mentor_profile.tags.set([tag])
    partner = make_user("partner@citi.example.org", is_network_member=True)
    invitation = NetworkInvitation.objects.create(email="invited@partner.example.org", invited_by=staff)
    # The one staff withdraw in the walk is another, so the link above still opens after it.
    withdrawn = NetworkInvitation.objects.create(email="withdrawn@partner.example.org", invited_by=staff)
    world["format"].update(
        {
            "member_a_pk": world["users"]["member_a"].pk,
            "organisation_a": organisation,
            "partner": partner,
            "network_invitation": withdrawn,
            "network_token": link_token(services.NETWORK_INVITATION, invitation),
        }
    )
    world["objects"].update(
        {
            Organisation: organisation,
            Tag: tag,
            MemberProfile: mentor_profile,
            NetworkInvitation: invitation,
            apps.get_model("network", "MemberProfile"): mentor_profile,
        }
    )
