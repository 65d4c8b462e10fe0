"""The personal links of stakeholders and SMEs (workshop and call invitations), as kinds of ccrs' one link
mechanism: what refuses them, how they are e-mailed in the stakeholder's language, how they are withdrawn."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ccrs import links
from ccrs.links import LinkInvalid

from ..models import InvitationStatus

INVITATION_DAYS = settings.COCREATION_INVITATION_DAYS


def _refusal(invitation):
    if invitation.status == InvitationStatus.REVOKED:
        return LinkInvalid(
            _("This invitation was withdrawn. Ask the city team if you think this is a mistake."), status=410
        )
    if invitation.is_expired:
        return LinkInvalid(_("This invitation link has expired. Ask the city team to send you a new one."), status=410)
    return None


def invitation_kind(*, salt: str, url_name: str, rows) -> links.LinkKind:
    """A stakeholder's personal link: it expires on its row's date and is withdrawn by its status."""
    return links.LinkKind(
        salt=salt,
        url_name=url_name,
        rows=rows,
        refusal=_refusal,
        invalid=gettext_lazy("This link is not valid. Check that you opened the whole link from the e-mail."),
        gone=gettext_lazy("This link is no longer valid. Ask the city team for a new one."),
    )


def link_send_once(kind: links.LinkKind, invitation_id: int, *, compose) -> bool:
    """E-mail a stakeholder's link once, in their language; `compose(invitation)` gives (subject, template,
    context), the template also getting the invitation and its `link`, or None when there is nothing to send
    yet. False if nothing was sent."""

    def message(invitation):
        with translation.override(invitation.stakeholder.language):
            composed = compose(invitation)
            if composed is None:
                return None
            subject, template, context = composed
            context = {"invitation": invitation, **context, "link": links.link_url(kind, invitation)}
            return invitation.stakeholder.email, subject, render_to_string(template, context)

    return links.link_send_once(kind, invitation_id, compose=message)


def link_revoke(invitation):
    """Withdraw a personal link (a workshop's or a call's): it stops working at once."""
    return links.link_revoke(
        invitation, revoked=InvitationStatus.REVOKED, already=_("This invitation is already withdrawn.")
    )
