"""A stakeholder's own page lists the workshops and calls they are invited to, with their personal links."""

from django.urls import reverse

from ccrs.links import link_token
from cocreation import services
from tests.conftest import make_user


def test_a_stakeholder_sees_her_open_workshop_and_call_with_their_links(client, invitation_s, call_link):
    """Lan signs in with the address the registry knows (in another case): both invitations, both links open."""
    call_invitation, call_url = call_link
    lan = make_user("Lan@ve-sinh.example.vn", is_stakeholder=True)
    client.force_login(lan)
    page = client.get(reverse("invitations")).content.decode()
    workshop_url = reverse(
        "cocreation:respond", kwargs={"token": link_token(services.STAKEHOLDER_INVITATION, invitation_s)}
    )
    assert invitation_s.workshop.title in page and f'href="{workshop_url}"' in page
    assert call_invitation.call.title in page and f'href="{call_url}"' in page
    assert "no open invitations" not in page
    assert client.get(workshop_url).status_code == 200


def test_a_withdrawn_invitation_and_another_persons_are_not_listed(client, invitation_s, call_link):
    services.invitation_revoke(invitation=invitation_s)
    someone = make_user("someone.else@example.vn", is_stakeholder=True)
    client.force_login(someone)
    assert call_link[0].call.title not in client.get(reverse("invitations")).content.decode()
    client.force_login(make_user("lan@ve-sinh.example.vn", is_stakeholder=True))
    page = client.get(reverse("invitations")).content.decode()
    assert invitation_s.workshop.title not in page and call_link[0].call.title in page
