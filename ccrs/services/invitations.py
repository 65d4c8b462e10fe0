"""Team invitations: a person invited to a city's team by a personal link that makes their account if needed."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import links
from ..models import CityMembership, CityRole, Invitation, InvitationStatus
from ..states import locked, moved
from .accounts import SUPPORTED_LANGUAGES

INVITATION_SALT = "ccrs.invitation"


TEAM_INVITATION = links.invitation_kind(
    salt=INVITATION_SALT,
    url_name="invitation_accept",
    rows=lambda: Invitation.objects.select_related("city"),
    withdrawn=lambda invitation: invitation.status == InvitationStatus.REVOKED,
    withdrawn_message=gettext_lazy("This invitation was withdrawn. Ask the city team for a new one."),
    used=lambda invitation: invitation.status == InvitationStatus.ACCEPTED,
    expired=gettext_lazy("This invitation link has expired. Ask the person who invited you to send a new one."),
    gone=gettext_lazy("This invitation no longer exists. Ask the city team for a new one."),
)


@transaction.atomic
def invitation_create(*, invited_by, city, email: str, role: str) -> Invitation:
    """Invite a person to a city's team; the e-mail goes out through a task after the commit."""
    from ..tasks import invitation_send as invitation_send_task

    email = get_user_model().objects.normalize_email(email).strip().lower()
    if role not in CityRole.values:
        raise ValidationError(_("Choose a role: city lead, officer or viewer."))
    if CityMembership.objects.filter(city=city, user__email__iexact=email).exists():
        raise ValidationError(
            _("%(email)s is already on the %(city)s team."), params={"email": email, "city": city.name}
        )
    if Invitation.objects.filter(city=city, email__iexact=email, status=InvitationStatus.PENDING).exists():
        raise ValidationError(
            _("%(email)s already has a pending invitation to %(city)s. Resend it from the team page instead."),
            params={"email": email, "city": city.name},
        )
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(email=email, city=city, role=role, invited_by=invited_by)
    except IntegrityError:
        raise ValidationError(
            _("%(email)s already has a pending invitation to %(city)s. Resend it from the team page instead."),
            params={"email": email, "city": city.name},
        ) from None
    invitation_send_task.delay_on_commit(invitation.pk)
    return invitation


def invitation_send(*, invitation_id: int) -> bool:
    """Send the invitation e-mail once; True if sent now, False if there was nothing to send."""

    def compose(invitation):
        with translation.override(_invitee_language(invitation)):
            context = {
                "invitation": invitation,
                "link": links.link_url(TEAM_INVITATION, invitation),
                "max_age_days": settings.INVITATION_MAX_AGE_DAYS,
            }
            subject = _("You are invited to the %(city)s team on the CCRS Platform") % {"city": invitation.city.name}
            return invitation.email, subject, render_to_string("ccrs/email/invitation.txt", context)

    return links.link_send_once(TEAM_INVITATION, invitation_id, compose=compose)


def _invitee_language(invitation: Invitation) -> str:
    user = get_user_model().objects.filter(email__iexact=invitation.email).only("language").first()
    if user and user.language:
        return user.language
    return next((code for code in invitation.city.languages if code in SUPPORTED_LANGUAGES), "en")


@transaction.atomic
def invitation_resend(*, invitation: Invitation) -> Invitation:
    """Send a fresh link (a new expiry) for a pending invitation."""
    from ..tasks import invitation_send as invitation_send_task

    invitation = locked(invitation, {InvitationStatus.PENDING}, _("Only a pending invitation can be sent again."))
    invitation.sent_at = None
    invitation.save(update_fields=["sent_at", "updated_at"])
    invitation_send_task.delay_on_commit(invitation.pk)
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation: Invitation) -> Invitation:
    """Withdraw a pending invitation so that its link stops working."""
    invitation = locked(invitation, {InvitationStatus.PENDING}, _("Only a pending invitation can be withdrawn."))
    return moved(invitation, InvitationStatus.REVOKED)


@transaction.atomic
def invitation_accept(*, token: str, user=None, full_name: str = "", password: str = ""):
    """Join the invited city's team: as the signed-in user, or as a new account made from the link.

    Returns (user, membership). Raises LinkInvalid for a link that cannot be used and
    ValidationError for input to fix; nothing is saved in either case.
    """
    invitation = links.link_open(TEAM_INVITATION, token, lock=True)
    user = links.link_account(email=invitation.email, user=user, full_name=full_name, password=password)
    membership, created = CityMembership.objects.get_or_create(
        user=user, city=invitation.city, defaults={"role": invitation.role}
    )
    if not created and membership.role != invitation.role:
        membership.role = invitation.role
        membership.save(update_fields=["role", "updated_at"])
    invitation.status = InvitationStatus.ACCEPTED
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["status", "accepted_at", "accepted_by", "updated_at"])
    return user, membership
