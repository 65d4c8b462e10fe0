"""The network's e-mails to its members: each person's preference, the unsubscribe link (a kind of
ccrs' personal links) and the one way a network e-mail is sent, with its List-Unsubscribe headers."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy

from ccrs import links

from ..models import Frequency, NotificationPreference

UNSUBSCRIBE = links.LinkKind(
    salt="network.unsubscribe",
    url_name="network:unsubscribe",
    rows=lambda: NotificationPreference.objects.select_related("user"),
    invalid=gettext_lazy("This unsubscribe link is not valid. Open the whole link from the e-mail."),
    gone=gettext_lazy("This unsubscribe link has been replaced. Use the link in the latest e-mail."),
)


def preference_of(*, user) -> NotificationPreference:
    """The person's preference row, made with the default (a daily digest) the first time it is needed."""
    preference, _created = NotificationPreference.objects.get_or_create(user=user)
    return preference


def unsubscribe_url(*, preference: NotificationPreference) -> str:
    return links.link_url(UNSUBSCRIBE, preference)


@transaction.atomic
def preference_set(*, user, frequency: str) -> NotificationPreference:
    preference = NotificationPreference.objects.select_for_update().filter(user=user).first()
    if preference is None:
        return NotificationPreference.objects.create(user=user, frequency=frequency)
    if preference.frequency != frequency:
        preference.frequency = frequency
        preference.save(update_fields=["frequency", "updated_at"])
    return preference


@transaction.atomic
def unsubscribe(*, token: str) -> NotificationPreference:
    """Stop every network e-mail of the link's person; LinkInvalid (404) for an altered or replaced link."""
    preference = links.link_open(UNSUBSCRIBE, token, lock=True)
    if preference.frequency != Frequency.NONE:
        preference.frequency = Frequency.NONE
        preference.save(update_fields=["frequency", "updated_at"])
    return preference


def language_of(user) -> str:
    return user.language or settings.LANGUAGE_CODE


def member_mail(*, preference: NotificationPreference, subject, template: str, context: dict) -> None:
    """Send one network e-mail to the preference's person, in their language, with the one-click unsubscribe
    link in the body and in the List-Unsubscribe headers (RFC 8058). `subject` is a lazy string or a
    function that gives it, called in the person's language."""
    user = preference.user
    link = unsubscribe_url(preference=preference)
    with translation.override(language_of(user)):
        body = render_to_string(template, {**context, "user": user, "unsubscribe": link, "site_url": settings.SITE_URL})
        subject = str(subject() if callable(subject) else subject)
    message = EmailMultiAlternatives(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
        headers={"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.send()
