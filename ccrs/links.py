"""Personal links: the one mechanism behind every link e-mailed or handed to a person.

A link is a signed token of a kind's salt over its row's id and random key. Each kind
(a team invitation, a city's application, the SME survey, a workshop or a call invitation, a staff
enrolment) says where its rows are, how old a token may be, and why a row may no longer be used (used,
withdrawn, expired by date). Here a link is made, read, refused with a message that says what to do,
e-mailed once under a row lock, and revoked. The account step of the links that make an account is here
too (the page that opens them is ccrs.views.link_page), so each flow keeps only what is its own.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy as _

from .selectors import account_exists, email_is_verified


class LinkInvalid(Exception):
    """A link that cannot be used; the message says why and what to do, the status is the page's answer."""

    def __init__(self, message, *, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class LinkKind:
    """What one kind of personal link needs to be made and read.

    `rows` gives the queryset the link's row is read from (with what its page needs); `refusal(row)`
    gives the LinkInvalid of a row that can no longer be used, or None; `max_age_days()`, when set, is
    how old a token may be (a resent link is a new token, so it gets a new expiry); otherwise the row's
    own date (in `refusal`) expires it. `key(row)` is the random part that revoking changes.
    """

    salt: str
    url_name: str
    rows: Callable
    refusal: Callable = lambda row: None
    max_age_days: Callable[[], int] | None = None
    key: Callable = lambda row: str(row.key)
    invalid: str = field(default=_("This link is not valid. Check that you opened the whole link from the e-mail."))
    invalid_status: int = 404
    expired: str = field(default=_("This link has expired. Ask the person who sent it for a new one."))
    gone: str = field(default=_("This link is no longer valid. Ask the person who sent it for a new one."))


INVITATION_USED = _("This invitation has already been used. Sign in with your e-mail address instead.")
INVITATION_INVALID = _("This invitation link is not valid. Check that you copied the whole link from the e-mail.")


def invitation_kind(
    *, salt: str, url_name: str, rows: Callable, used: Callable, expired, gone, withdrawn=None, withdrawn_message=""
) -> LinkKind:
    """The link of an invitation (to a city team, a city application, the network): aged by
    INVITATION_MAX_AGE_DAYS, refused (410) once `withdrawn(row)` with `withdrawn_message` or once `used(row)`,
    a damaged one answered 400 with the message every invitation gives."""

    def refusal(row):
        if withdrawn is not None and withdrawn(row):
            return LinkInvalid(withdrawn_message, status=410)
        if used(row):
            return LinkInvalid(INVITATION_USED, status=410)
        return None

    return LinkKind(
        salt=salt,
        url_name=url_name,
        rows=rows,
        refusal=refusal,
        max_age_days=lambda: settings.INVITATION_MAX_AGE_DAYS,
        invalid=INVITATION_INVALID,
        invalid_status=400,
        expired=expired,
        gone=gone,
    )


def _signer(kind: LinkKind) -> signing.Signer:
    # A kind whose tokens age carries the moment each was made; the others give one token per row,
    # so a printed or shared link stays the same however often its page is shown.
    return signing.TimestampSigner(salt=kind.salt) if kind.max_age_days else signing.Signer(salt=kind.salt)


def link_token(kind: LinkKind, row) -> str:
    """The signed token of a row's link."""
    return _signer(kind).sign_object({"i": row.pk, "k": kind.key(row)})


def link_url(kind: LinkKind, row, **kwargs) -> str:
    """The full address of a row's link, for an e-mail or a printed page."""
    path = reverse(kind.url_name, kwargs={**kwargs, "token": link_token(kind, row)})
    return f"{settings.SITE_URL}{path}"


def link_open(kind: LinkKind, token: str, *, lock: bool = False):
    """The row a link points to, or LinkInvalid saying why it cannot be used; `lock` holds the row
    (inside a transaction) for the step that uses the link."""
    signer = _signer(kind)
    try:
        if kind.max_age_days:
            data = signer.unsign_object(token, max_age=kind.max_age_days() * 86400)
        else:
            data = signer.unsign_object(token)
        pk, key = int(data["i"]), str(data["k"])
    except signing.SignatureExpired:
        raise LinkInvalid(kind.expired, status=410) from None
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise LinkInvalid(kind.invalid, status=kind.invalid_status) from None
    rows = kind.rows()
    if lock:
        rows = rows.select_for_update(of=("self",))
    row = rows.filter(pk=pk).first()
    if row is None or not constant_time_compare(kind.key(row), key):
        raise LinkInvalid(kind.gone, status=410)
    refusal = kind.refusal(row)
    if refusal is not None:
        raise refusal
    return row


def link_send_once(kind: LinkKind, row_id: int, *, compose: Callable, sent_field: str = "sent_at") -> bool:
    """E-mail a row's link once, under a row lock. `compose(row)` gives (address, subject, body) in the
    recipient's language, or None when there is nothing to send yet. True if it was sent now."""
    with transaction.atomic():
        row = kind.rows().select_for_update(of=("self",)).filter(pk=row_id).first()
        if row is None or getattr(row, sent_field) is not None or kind.refusal(row) is not None:
            return False
        message = compose(row)
        if message is None:
            return False
        address, subject, body = message
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
        setattr(row, sent_field, timezone.now())
        row.save(update_fields=[sent_field, "updated_at"])
    return True


def link_revoke(row, *, status_field: str = "status", revoked, already: str):
    """Withdraw a row's link by its state: it stops working at once. `already` is the message when it was."""
    row = type(row).objects.select_for_update().get(pk=row.pk)
    if getattr(row, status_field) == revoked:
        raise ValidationError(already)
    setattr(row, status_field, revoked)
    row.save(update_fields=[status_field, "updated_at"])
    return row


def link_account(*, email: str, user=None, full_name: str = "", password: str = ""):
    """The person a link that makes an account is used by: the signed-in user, who must have proved the
    invited address, or a new account for it (the link proves the address). LinkInvalid when neither
    can be; ValidationError for a name or password to fix. Call it inside the flow's transaction."""
    from .services import account_create_from_link

    if user is not None and user.is_authenticated:
        if not email_is_verified(user=user, email=email):
            raise LinkInvalid(
                _(
                    "This invitation was sent to %(invited)s but you are signed in as %(current)s. "
                    "Sign out, then open the link again."
                )
                % {"invited": email, "current": user.email},
                status=403,
            )
        return user
    if account_exists(email=email):
        raise LinkInvalid(
            _("An account with %(email)s already exists. Sign in, then open the link again.") % {"email": email},
            status=409,
        )
    return account_create_from_link(email=email, full_name=full_name, password=password)
