"""The personal links of stakeholders and SMEs (workshop and call invitations): checked, e-mailed once, withdrawn."""

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from ..models import (
    InvitationStatus,
)

INVITATION_DAYS = settings.COCREATION_INVITATION_DAYS


class LinkInvalid(Exception):
    """An invitation link that cannot be used; the message says why and what to do."""

    def __init__(self, message, *, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def link_from_token(*, token: str, salt: str, id_field: str, queryset):
    """The personal link's row (a workshop or a call invitation), or LinkInvalid saying why it cannot be used."""
    try:
        data = signing.loads(token, salt=salt)
        pk, key = int(data[id_field]), str(data["k"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise LinkInvalid(
            _("This link is not valid. Check that you opened the whole link from the e-mail."), status=404
        ) from None
    invitation = queryset.filter(pk=pk).first()
    if invitation is None or not constant_time_compare(invitation.key, key):
        raise LinkInvalid(_("This link is no longer valid. Ask the city team for a new one."), status=410)
    if invitation.status == InvitationStatus.REVOKED:
        raise LinkInvalid(
            _("This invitation was withdrawn. Ask the city team if you think this is a mistake."), status=410
        )
    if invitation.is_expired:
        raise LinkInvalid(_("This invitation link has expired. Ask the city team to send you a new one."), status=410)
    return invitation


def link_send_once(*, queryset, invitation_id: int, compose) -> bool:
    """E-mail a personal link once, under a row lock; `compose(invitation)` gives (subject, body) in the
    recipient's language, or None when there is nothing to send yet. False if nothing was sent."""
    with transaction.atomic():
        invitation = queryset.select_for_update(of=("self",)).filter(pk=invitation_id).first()
        if invitation is None or invitation.status != InvitationStatus.ACTIVE or invitation.sent_at is not None:
            return False
        if invitation.is_expired:
            return False
        with translation.override(invitation.stakeholder.language):
            message = compose(invitation)
        if message is None:
            return False
        subject, body = message
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.stakeholder.email])
        invitation.sent_at = timezone.now()
        invitation.save(update_fields=["sent_at", "updated_at"])
    return True


def link_revoke(invitation):
    """Withdraw a personal link (a workshop's or a call's): it stops working at once."""
    invitation = type(invitation).objects.select_for_update().get(pk=invitation.pk)
    if invitation.status == InvitationStatus.REVOKED:
        raise ValidationError(_("This invitation is already withdrawn."))
    invitation.status = InvitationStatus.REVOKED
    invitation.save(update_fields=["status", "updated_at"])
    return invitation
