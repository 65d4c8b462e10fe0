"""Writes about the network's members: a person's own profile, staff adding and removing network members
(by a personal link of ccrs.links), and a city lead deciding which of her team the directory lists."""

from zoneinfo import available_timezones

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ccrs import links
from ccrs.models import CityMembership
from ccrs.states import locked, moved

from ..models import MemberProfile, NetworkInvitation, NetworkInvitationStatus, Organisation, Tag, Visibility

NETWORK_INVITATION_SALT = "network.invitation"
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
PROFILE_FIELDS = [
    "role_title",
    "languages",
    "offers",
    "seeks",
    "time_zone",
    "phone",
    "show_email",
    "show_phone",
    "listed",
]


NETWORK_INVITATION = links.invitation_kind(
    salt=NETWORK_INVITATION_SALT,
    url_name="network:join",
    rows=lambda: NetworkInvitation.objects.select_related("organisation"),
    withdrawn=lambda invitation: invitation.status == NetworkInvitationStatus.REVOKED,
    withdrawn_message=gettext_lazy("This invitation was withdrawn. Ask the program team for a new one."),
    used=lambda invitation: invitation.status == NetworkInvitationStatus.ACCEPTED,
    expired=gettext_lazy("This invitation link has expired. Ask the program team to send a new one."),
    gone=gettext_lazy("This invitation no longer exists. Ask the program team for a new one."),
)


def _profile_for(user) -> MemberProfile:
    profile, _created = MemberProfile.objects.select_for_update().get_or_create(user=user)
    return profile


@transaction.atomic
def member_profile_update(*, user, data: dict, tags=()) -> MemberProfile:
    """Save what a person shows of themselves in the directory, and who sees their contact details.

    `data` holds PROFILE_FIELDS; ValidationError names the field to fix, and nothing is saved then.
    """
    errors = {}
    languages = list(dict.fromkeys(data.get("languages") or []))
    if any(code not in LANGUAGE_CODES for code in languages):
        errors["languages"] = _("Choose languages of the platform: English, Vietnamese, Thai, Indonesian or Malay.")
    time_zone = (data.get("time_zone") or "").strip()
    if time_zone and time_zone not in available_timezones():
        errors["time_zone"] = _("“%(value)s” is not a time zone. Choose one such as Asia/Bangkok.") % {
            "value": time_zone
        }
    for name in ("show_email", "show_phone"):
        if data.get(name) not in Visibility.values:
            errors[name] = _("Choose who sees it: the network's members, or nobody but the program staff.")
    phone = (data.get("phone") or "").strip()
    if data.get("show_phone") == Visibility.MEMBERS and not phone:
        errors["phone"] = _("Enter a phone number to show it, or choose that nobody sees it.")
    if errors:
        raise ValidationError(errors)
    profile = _profile_for(user)
    profile.role_title = (data.get("role_title") or "").strip()
    profile.languages = languages
    profile.offers = (data.get("offers") or "").strip()
    profile.seeks = (data.get("seeks") or "").strip()
    profile.time_zone = time_zone
    profile.phone = phone
    profile.show_email = data["show_email"]
    profile.show_phone = data["show_phone"]
    profile.listed = bool(data.get("listed"))
    profile.save(update_fields=[*PROFILE_FIELDS, "updated_at"])
    profile.tags.set([tag.pk if isinstance(tag, Tag) else tag for tag in tags])
    return profile


@transaction.atomic
def network_member_add(
    *,
    added_by,
    email: str,
    full_name: str = "",
    organisation: Organisation | None = None,
    role_title: str = "",
    is_mentor: bool = False,
    language: str = "en",
) -> NetworkInvitation:
    """Invite a person into the network (an inspiration city's officer, a partner, a mentor): the e-mailed
    link makes their account if needed and makes them a network member."""
    from ..tasks import network_invitation_send as send_task

    email = get_user_model().objects.normalize_email(email or "").strip().lower()
    if not email:
        raise ValidationError({"email": _("Enter the person's e-mail address.")})
    if get_user_model().objects.filter(email__iexact=email, is_network_member=True).exists():
        raise ValidationError({"email": _("%(email)s is already a network member.") % {"email": email}})
    pending = _("%(email)s already has a pending invitation to the network. Withdraw it first to send another.") % {
        "email": email
    }
    if NetworkInvitation.objects.filter(email__iexact=email, status=NetworkInvitationStatus.PENDING).exists():
        raise ValidationError({"email": pending})
    try:
        with transaction.atomic():
            invitation = NetworkInvitation.objects.create(
                email=email,
                full_name=full_name.strip(),
                organisation=organisation,
                role_title=role_title.strip(),
                is_mentor=is_mentor,
                language=language if language in LANGUAGE_CODES else "en",
                invited_by=added_by,
            )
    except IntegrityError:
        raise ValidationError({"email": pending}) from None
    send_task.delay_on_commit(invitation.pk)
    return invitation


def network_invitation_send(*, invitation_id: int) -> bool:
    """E-mail the invitation's link once, in the language staff chose; True if sent now."""

    def compose(invitation):
        with translation.override(invitation.language):
            context = {
                "invitation": invitation,
                "link": links.link_url(NETWORK_INVITATION, invitation),
                "max_age_days": settings.INVITATION_MAX_AGE_DAYS,
            }
            subject = _("You are invited to the CCRS peer network")
            return invitation.email, subject, render_to_string("network/members/email/invitation.txt", context)

    return links.link_send_once(NETWORK_INVITATION, invitation_id, compose=compose)


@transaction.atomic
def network_invitation_accept(*, token: str, user=None, full_name: str = "", password: str = ""):
    """Join the network from the link: as the signed-in person, or as a new account made from it.

    Returns (user, profile); LinkInvalid for a link that cannot be used, ValidationError for input to fix.
    """
    invitation = links.link_open(NETWORK_INVITATION, token, lock=True)
    user = links.link_account(
        email=invitation.email, user=user, full_name=full_name or invitation.full_name, password=password
    )
    if not user.is_network_member:
        user.is_network_member = True
        user.save(update_fields=["is_network_member"])
    profile = _profile_for(user)
    changed = []
    if invitation.organisation_id and profile.organisation_id != invitation.organisation_id:
        profile.organisation_id = invitation.organisation_id
        changed.append("organisation")
    if invitation.role_title and not profile.role_title:
        profile.role_title = invitation.role_title
        changed.append("role_title")
    if invitation.is_mentor and not profile.is_mentor:
        profile.is_mentor = True
        changed.append("is_mentor")
    if changed:
        profile.save(update_fields=[*changed, "updated_at"])
    invitation.status = NetworkInvitationStatus.ACCEPTED
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["status", "accepted_at", "accepted_by", "updated_at"])
    return user, profile


@transaction.atomic
def network_invitation_revoke(*, invitation: NetworkInvitation) -> NetworkInvitation:
    """Withdraw a pending invitation: its link stops working at once."""
    invitation = locked(invitation, {NetworkInvitationStatus.PENDING}, _("Only a pending invitation can be withdrawn."))
    return moved(invitation, NetworkInvitationStatus.REVOKED)


@transaction.atomic
def network_member_remove(*, removed_by, user) -> None:
    """Take a person out of the network: they stop being a network member (a city team member stays in
    through the team) and the invitations still open for their address stop working."""
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    if not user.is_network_member:
        raise ValidationError(_("%(name)s is not a network member.") % {"name": user.get_full_name()})
    if user.pk == removed_by.pk:
        raise ValidationError(_("You cannot remove yourself from the network."))
    user.is_network_member = False
    user.save(update_fields=["is_network_member"])
    NetworkInvitation.objects.filter(email__iexact=user.email, status=NetworkInvitationStatus.PENDING).update(
        status=NetworkInvitationStatus.REVOKED, updated_at=timezone.now()
    )


@transaction.atomic
def team_presence_set(*, city, listed_user_ids) -> int:
    """A city lead decides which of her team the directory lists; ids of people not on the team are ignored.
    Returns how many listings changed."""
    listed = {int(pk) for pk in listed_user_ids}
    team = list(CityMembership.objects.filter(city=city).values_list("user_id", flat=True))
    existing = {p.user_id: p for p in MemberProfile.objects.select_for_update().filter(user_id__in=team)}
    changed = 0
    for user_id in team:
        want = user_id in listed
        profile = existing.get(user_id)
        if profile is None:
            if not want:
                MemberProfile.objects.create(user_id=user_id, listed=False)
                changed += 1
            continue
        if profile.listed != want:
            profile.listed = want
            profile.save(update_fields=["listed", "updated_at"])
            changed += 1
    return changed
