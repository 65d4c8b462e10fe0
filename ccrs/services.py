"""Writes of the project package: team invitations and a user's language."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import CityMembership, CityRole, Invitation, InvitationStatus

INVITATION_SALT = "ccrs.invitation"
SUPPORTED_LANGUAGES = {code for code, _name in settings.LANGUAGES}


class InvitationInvalid(Exception):
    """An invitation link that cannot be used; the message says why and what to do."""

    def __init__(self, message, *, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def invitation_token(*, invitation: Invitation) -> str:
    """The signed, timestamped token of an invitation's link."""
    return signing.TimestampSigner(salt=INVITATION_SALT).sign(str(invitation.key))


def invitation_link(*, invitation: Invitation) -> str:
    path = reverse("invitation_accept", kwargs={"token": invitation_token(invitation=invitation)})
    return f"{settings.SITE_URL}{path}"


def invitation_from_token(*, token: str) -> Invitation:
    """The pending invitation a link points to, or InvitationInvalid saying why it cannot be used."""
    signer = signing.TimestampSigner(salt=INVITATION_SALT)
    try:
        key = signer.unsign(token, max_age=settings.INVITATION_MAX_AGE_DAYS * 86400)
    except signing.SignatureExpired:
        raise InvitationInvalid(
            _("This invitation link has expired. Ask the person who invited you to send a new one."), status=410
        ) from None
    except signing.BadSignature:
        raise InvitationInvalid(
            _("This invitation link is not valid. Check that you copied the whole link from the e-mail.")
        ) from None
    invitation = Invitation.objects.select_related("city").filter(key=key).first()
    if invitation is None:
        raise InvitationInvalid(_("This invitation no longer exists. Ask the city team for a new one."), status=410)
    if invitation.status == InvitationStatus.REVOKED:
        raise InvitationInvalid(_("This invitation was withdrawn. Ask the city team for a new one."), status=410)
    if invitation.status == InvitationStatus.ACCEPTED:
        raise InvitationInvalid(
            _("This invitation has already been used. Sign in with your e-mail address instead."), status=410
        )
    return invitation


@transaction.atomic
def invitation_create(*, invited_by, city, email: str, role: str) -> Invitation:
    """Invite a person to a city's team; the e-mail goes out through a task after the commit."""
    from .tasks import invitation_send as invitation_send_task

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
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("city", "invited_by")
            .filter(pk=invitation_id)
            .first()
        )
        if invitation is None or invitation.status != InvitationStatus.PENDING or invitation.sent_at is not None:
            return False
        language = _invitee_language(invitation)
        with translation.override(language):
            context = {
                "invitation": invitation,
                "link": invitation_link(invitation=invitation),
                "max_age_days": settings.INVITATION_MAX_AGE_DAYS,
            }
            subject = _("You are invited to the %(city)s team on the CCRS Platform") % {"city": invitation.city.name}
            body = render_to_string("ccrs/email/invitation.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])
        invitation.sent_at = timezone.now()
        invitation.save(update_fields=["sent_at", "updated_at"])
    return True


def _invitee_language(invitation: Invitation) -> str:
    user = get_user_model().objects.filter(email__iexact=invitation.email).only("language").first()
    if user and user.language:
        return user.language
    return next((code for code in invitation.city.languages if code in SUPPORTED_LANGUAGES), "en")


@transaction.atomic
def invitation_resend(*, invitation: Invitation) -> Invitation:
    """Send a fresh link (a new expiry) for a pending invitation."""
    from .tasks import invitation_send as invitation_send_task

    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != InvitationStatus.PENDING:
        raise ValidationError(_("Only a pending invitation can be sent again."))
    invitation.sent_at = None
    invitation.save(update_fields=["sent_at", "updated_at"])
    invitation_send_task.delay_on_commit(invitation.pk)
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation: Invitation) -> Invitation:
    """Withdraw a pending invitation so that its link stops working."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != InvitationStatus.PENDING:
        raise ValidationError(_("Only a pending invitation can be withdrawn."))
    invitation.status = InvitationStatus.REVOKED
    invitation.save(update_fields=["status", "updated_at"])
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, user=None, full_name: str = "", password: str = ""):
    """Join the invited city's team: as the signed-in user, or as a new account made from the link.

    Returns (user, membership). Raises InvitationInvalid for a link that cannot be used and
    ValidationError for input to fix; nothing is saved in either case.
    """
    invitation = invitation_from_token(token=token)
    invitation = Invitation.objects.select_for_update().select_related("city").get(pk=invitation.pk)
    if invitation.status != InvitationStatus.PENDING:
        raise InvitationInvalid(_("This invitation has already been used or withdrawn."), status=410)
    User = get_user_model()
    if user is not None and user.is_authenticated:
        if user.email.lower() != invitation.email.lower():
            raise InvitationInvalid(
                _(
                    "This invitation was sent to %(invited)s but you are signed in as %(current)s. "
                    "Sign out, then open the link again."
                )
                % {"invited": invitation.email, "current": user.email},
                status=403,
            )
    else:
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise InvitationInvalid(
                _("An account with %(email)s already exists. Sign in, then open the link again.")
                % {"email": invitation.email},
                status=409,
            )
        full_name = full_name.strip()
        if not full_name:
            raise ValidationError({"full_name": _("Enter your full name.")})
        candidate = User(email=invitation.email, full_name=full_name)
        validate_password(password, user=candidate)
        user = User.objects.create_user(email=invitation.email, password=password, full_name=full_name)
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


def user_language_set(*, user, language: str) -> None:
    """Remember the language a signed-in user chose, for their next visits and e-mails."""
    if language not in SUPPORTED_LANGUAGES:
        raise ValidationError(_("Choose one of the platform's languages."))
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
