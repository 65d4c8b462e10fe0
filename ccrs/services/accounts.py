"""Accounts: one made from a link, a proved address, a staff member's two-factor enrolment, a chosen language."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from .. import links
from ..links import LinkInvalid

SUPPORTED_LANGUAGES = {code for code, _name in settings.LANGUAGES}


def account_create_from_link(*, email: str, full_name: str, password: str):
    """Make the account of a person who opened a link e-mailed to them: the link proves the address.

    Raises ValidationError for a missing name or a weak password; nothing is saved then.
    """
    User = get_user_model()
    full_name = full_name.strip()
    if not full_name:
        raise ValidationError({"full_name": _("Enter your full name.")})
    validate_password(password, user=User(email=email, full_name=full_name))
    user = User.objects.create_user(email=email, password=password, full_name=full_name)
    email_verified_set(user=user, email=user.email)
    return user


@transaction.atomic
def email_verified_set(*, user, email: str) -> None:
    """Record that the person proved they read this address; it becomes their primary address.

    Other accounts' unverified claims to the same address are dropped: they can never be verified now.
    """
    email = email.strip().lower()
    EmailAddress.objects.filter(email__iexact=email, verified=False).exclude(user=user).delete()
    EmailAddress.objects.filter(user=user, primary=True).exclude(email__iexact=email).update(primary=False)
    address = EmailAddress.objects.filter(user=user, email__iexact=email).first()
    if address is None:
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    elif not (address.verified and address.primary):
        address.verified = address.primary = True
        address.save(update_fields=["verified", "primary"])


# A staff account enrols its authenticator only with both factors it already has: the password (it is
# signed in) and its mailbox (the signed link e-mailed to it). A password alone never enrols a device.

STAFF_ENROLMENT_SALT = "ccrs.staff-enrolment"
STAFF_ENROLMENT_RESEND_SECONDS = 600


def staff_enrolment_needed(*, user) -> bool:
    """Whether this person must still enrol an authenticator app before using the platform."""
    return (
        settings.STAFF_MFA_REQUIRED
        and user.is_authenticated
        and user.is_staff
        and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    )


STAFF_ENROLMENT = links.LinkKind(
    salt=STAFF_ENROLMENT_SALT,
    url_name="staff_enrolment_confirm",
    rows=lambda: get_user_model().objects.all(),
    max_age_days=lambda: settings.INVITATION_MAX_AGE_DAYS,
    key=lambda user: user.email.lower(),
)


def staff_enrolment_token_valid(*, user, token: str) -> bool:
    """Whether the token is this account's, made for the address it has now."""
    try:
        owner = links.link_open(STAFF_ENROLMENT, token)
    except LinkInvalid:
        return False
    return owner.pk == user.pk and STAFF_ENROLMENT.key(owner) == STAFF_ENROLMENT.key(user)


def staff_enrolment_send(*, user, force: bool = False) -> bool:
    """E-mail the enrolment link to the staff account's address; at most once per ten minutes unless forced.

    True if a link was sent now.
    """
    if not staff_enrolment_needed(user=user):
        return False
    if not cache.add(f"staff-enrolment-sent:{user.pk}", True, STAFF_ENROLMENT_RESEND_SECONDS) and not force:
        return False
    link = links.link_url(STAFF_ENROLMENT, user)
    with translation.override(user.language or settings.LANGUAGE_CODE):
        subject = _("Set up two-factor authentication for the CCRS Platform")
        body = render_to_string(
            "ccrs/email/staff_enrolment.txt", {"link": link, "max_age_days": settings.INVITATION_MAX_AGE_DAYS}
        )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    return True


def user_language_set(*, user, language: str) -> None:
    """Remember the language a signed-in user chose, for their next visits and e-mails."""
    if language not in SUPPORTED_LANGUAGES:
        raise ValidationError(_("Choose one of the platform's languages."))
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])


@transaction.atomic
def user_profile_update(*, user, full_name: str, display_name: str, language: str) -> None:
    """Save the names a person gives and the language they chose; a name is never guessed from another."""
    full_name, display_name = full_name.strip(), display_name.strip()
    if not full_name:
        raise ValidationError({"full_name": _("Enter your full name.")})
    if language and language not in SUPPORTED_LANGUAGES:
        raise ValidationError({"language": _("Choose one of the platform's languages.")})
    user.full_name, user.display_name, user.language = full_name, display_name, language
    user.save(update_fields=["full_name", "display_name", "language"])
