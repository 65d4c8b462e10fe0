"""Writes of the project package: team invitations, a user's language, reports."""

import hashlib
import json
import logging
from contextlib import contextmanager

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import DatabaseError, IntegrityError, InterfaceError, OperationalError, connection, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import links, reporting
from .links import LinkInvalid
from .models import CityMembership, CityRole, Invitation, InvitationStatus, Report, ReportStatus

logger = logging.getLogger(__name__)

INVITATION_SALT = "ccrs.invitation"
SUPPORTED_LANGUAGES = {code for code, _name in settings.LANGUAGES}


def _invitation_refusal(invitation: Invitation):
    if invitation.status == InvitationStatus.REVOKED:
        return LinkInvalid(_("This invitation was withdrawn. Ask the city team for a new one."), status=410)
    if invitation.status == InvitationStatus.ACCEPTED:
        return LinkInvalid(
            _("This invitation has already been used. Sign in with your e-mail address instead."), status=410
        )
    return None


TEAM_INVITATION = links.LinkKind(
    salt=INVITATION_SALT,
    url_name="invitation_accept",
    rows=lambda: Invitation.objects.select_related("city"),
    refusal=_invitation_refusal,
    max_age_days=lambda: settings.INVITATION_MAX_AGE_DAYS,
    invalid=gettext_lazy("This invitation link is not valid. Check that you copied the whole link from the e-mail."),
    invalid_status=400,
    expired=gettext_lazy("This invitation link has expired. Ask the person who invited you to send a new one."),
    gone=gettext_lazy("This invitation no longer exists. Ask the city team for a new one."),
)


def invitation_token(*, invitation: Invitation) -> str:
    """The signed, timestamped token of an invitation's link."""
    return links.link_token(TEAM_INVITATION, invitation)


def invitation_link(*, invitation: Invitation) -> str:
    return links.link_url(TEAM_INVITATION, invitation)


def invitation_from_token(*, token: str, lock: bool = False) -> Invitation:
    """The pending invitation a link points to, or LinkInvalid saying why it cannot be used."""
    return links.link_open(TEAM_INVITATION, token, lock=lock)


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

    def compose(invitation):
        with translation.override(_invitee_language(invitation)):
            context = {
                "invitation": invitation,
                "link": invitation_link(invitation=invitation),
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

    Returns (user, membership). Raises LinkInvalid for a link that cannot be used and
    ValidationError for input to fix; nothing is saved in either case.
    """
    invitation = invitation_from_token(token=token, lock=True)
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


# --- Program staff's two-factor enrolment --------------------------------------------------------
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


def staff_enrolment_token(*, user) -> str:
    """A signed, expiring token for this account at this address (a changed address voids it)."""
    return links.link_token(STAFF_ENROLMENT, user)


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


# --- Reports -----------------------------------------------------------------------------------------
# A report is asked for (report_request), built once by a worker (report_build, through
# ccrs.tasks.report_build), and ends ready (report_succeed) or failed with a reason that the
# person can act on (report_fail), from where it may be asked again (report_retry).

REPORT_LOCK_CLASS = 7007  # first key of the PostgreSQL advisory lock a worker holds while it builds a report


def _report_params_key(params: dict) -> str:
    return hashlib.sha256(json.dumps(params, sort_keys=True, default=str).encode()).hexdigest()


def _active_twin(*, kind: str, format: str, params_key: str) -> Report | None:
    return (
        Report.objects.filter(
            kind=kind, format=format, params_key=params_key, status__in=[ReportStatus.QUEUED, ReportStatus.RUNNING]
        )
        .order_by("pk")
        .first()
    )


def _report_enqueue(report: Report) -> None:
    from .tasks import report_build as report_build_task

    # The time limits travel in the message, from the settings of the process that sends it.
    options = {
        "queue": settings.REPORTS_QUEUE,
        "soft_time_limit": settings.CELERY_TASK_SOFT_TIME_LIMIT,
        "time_limit": settings.CELERY_TASK_TIME_LIMIT,
    }
    transaction.on_commit(lambda: report_build_task.apply_async(args=[report.pk], **options))


def report_request(*, user, kind: str, format: str, object_id: int | None, language: str) -> Report:
    """Queue a report; while the same report is queued or running, return that one instead of a second."""
    report_kind = reporting.kind_get(kind)
    if report_kind is None:
        raise ValidationError(_("There is no report of this kind."))
    if format not in report_kind.formats:
        raise ValidationError(_("This report is not available in that format."))
    if report_kind.needs_object and object_id is None:
        raise ValidationError(_("Say which report you want: the page's button does."))
    if not report_kind.can_request(user, object_id):
        raise PermissionDenied
    params = {"object_id": object_id, "language": language if language in SUPPORTED_LANGUAGES else "en"}
    params_key = _report_params_key(params)
    twin = _active_twin(kind=kind, format=format, params_key=params_key)
    if twin is not None:
        return twin
    try:
        with transaction.atomic():
            report = Report.objects.create(
                kind=kind,
                format=format,
                params=params,
                params_key=params_key,
                requested_by=user,
                city_id=report_kind.city_of(object_id),
            )
            _report_enqueue(report)
    except IntegrityError:  # asked twice at the same moment: the other request won
        twin = _active_twin(kind=kind, format=format, params_key=params_key)
        if twin is None:
            raise
        return twin
    return report


@contextmanager
def _build_lock(report_id: int):
    """Hold PostgreSQL's advisory lock of the report for the build; False if another live worker holds it.

    The lock belongs to the worker's connection, so it ends with a worker that dies (SIGKILL): the
    redelivered task then finds the report running but unlocked and builds it again. Other databases
    (SQLite: tasks run in-process) need no lock.
    """
    if connection.vendor != "postgresql":
        yield True
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [REPORT_LOCK_CLASS, report_id])
        held = cursor.fetchone()[0]
    try:
        yield held
    finally:
        if held:
            try:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [REPORT_LOCK_CLASS, report_id])
            except DatabaseError:  # the connection is gone, and the lock with it
                pass


def report_progress(*, report_id: int, percent: int) -> None:
    """Record how far a running report has come (committed at once, so the page's polling sees it)."""
    Report.objects.filter(pk=report_id, status=ReportStatus.RUNNING).update(
        progress=max(0, min(100, int(percent))), updated_at=timezone.now()
    )


def report_build(*, report_id: int) -> bool:
    """Build a queued (or orphaned running) report once; True if built now.

    A ready or failed report is left alone, and so is one another worker is building. Passing
    database errors and the soft time limit reach the task, which retries or fails the report.
    """
    with _build_lock(report_id) as held:
        if not held:
            return False
        with transaction.atomic():
            report = (
                Report.objects.select_for_update(of=("self",))
                .select_related("requested_by")
                .filter(pk=report_id)
                .first()
            )
            if report is None or report.status not in {ReportStatus.QUEUED, ReportStatus.RUNNING}:
                return False
            report.status = ReportStatus.RUNNING
            report.started_at = timezone.now()
            report.finished_at = None
            report.attempts += 1
            report.progress = 0
            report.error = ""
            report.save(
                update_fields=["status", "started_at", "finished_at", "attempts", "progress", "error", "updated_at"]
            )
        report_kind = reporting.kind_get(report.kind)
        if report_kind is None:
            report_fail(report_id=report.pk, error=_("This kind of report no longer exists."))
            return False
        try:
            with translation.override(report.params.get("language") or settings.LANGUAGE_CODE):
                built = report_kind.build(
                    object_id=report.params.get("object_id"),
                    format=report.format,
                    user=report.requested_by,
                    progress=lambda percent: report_progress(report_id=report.pk, percent=percent),
                )
        except reporting.ReportError as error:
            report_fail(report_id=report.pk, error=str(error))
            return False
        except (OperationalError, InterfaceError, SoftTimeLimitExceeded):
            raise
        except Exception as error:
            logger.exception("report %s (%s) could not be built", report.pk, report.kind)
            report_fail(
                report_id=report.pk,
                error=_(
                    "The report could not be built (%(error)s). Try again; if it fails again, tell the program staff."
                )
                % {"error": error},
            )
            return False
        return report_succeed(report_id=report.pk, built=built)


@transaction.atomic
def report_succeed(*, report_id: int, built: reporting.Built) -> bool:
    report = Report.objects.select_for_update(of=("self",)).select_related("requested_by").get(pk=report_id)
    if report.status != ReportStatus.RUNNING:
        return False
    try:
        report.file.save(built.filename, built.content, save=False)
    finally:
        built.content.close()
    report.status = ReportStatus.SUCCEEDED
    report.progress = 100
    report.finished_at = timezone.now()
    report.save(update_fields=["file", "status", "progress", "finished_at", "updated_at"])
    if report.duration and report.duration.total_seconds() >= settings.REPORTS_EMAIL_AFTER_SECONDS:
        transaction.on_commit(lambda: report_ready_mail(report=report))
    return True


@transaction.atomic
def report_fail(*, report_id: int, error: str) -> None:
    """Mark a report failed with a reason the person can read; they may ask for it again."""
    report = Report.objects.select_for_update().filter(pk=report_id).first()
    if report is None or report.status == ReportStatus.SUCCEEDED:
        return
    report.status = ReportStatus.FAILED
    report.error = str(error)[:2000]
    report.finished_at = timezone.now()
    report.save(update_fields=["status", "error", "finished_at", "updated_at"])


def report_retry(*, report: Report) -> Report:
    """Ask again for a failed report: it is queued anew (or the same request already queued is returned)."""
    if report.status != ReportStatus.FAILED:
        raise ValidationError(_("Only a failed report can be tried again."))
    twin = _active_twin(kind=report.kind, format=report.format, params_key=report.params_key)
    if twin is not None:
        return twin
    try:
        with transaction.atomic():
            updated = Report.objects.filter(pk=report.pk, status=ReportStatus.FAILED).update(
                status=ReportStatus.QUEUED, error="", progress=0, started_at=None, finished_at=None,
                updated_at=timezone.now(),
            )  # fmt: skip
            report.refresh_from_db()
            if updated:
                _report_enqueue(report)
    except IntegrityError:
        return _active_twin(kind=report.kind, format=report.format, params_key=report.params_key) or report
    return report


def report_ready_mail(*, report: Report) -> None:
    """Tell the person who asked that a long report is ready, in their language, with the link."""
    user = report.requested_by
    if user is None or not user.email:
        return
    with translation.override(user.language or report.params.get("language") or settings.LANGUAGE_CODE):
        label = reporting.kind_get(report.kind).label if reporting.kind_get(report.kind) else report.kind
        context = {"report": report, "label": label, "link": settings.SITE_URL + reverse("reports:list")}
        subject = _("Your report is ready: %(report)s") % {"report": label}
        body = render_to_string("ccrs/email/report_ready.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
