"""Writes of the city's stakeholder registry (with its CSV import) and of stakeholders' workshop invitations."""

import csv
import io
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import (
    Gender,
    InvitationStatus,
    OrganisationSize,
    Stakeholder,
    StakeholderInvitation,
    StakeholderKind,
    Workshop,
    WorkshopStatus,
)
from .links import INVITATION_DAYS, invitation_kind, link_revoke, link_send_once

CSV_COLUMNS = ["name", "email", "organisation", "kind", "sector", "size", "women_led", "gender", "language", "phone"]


INVITATION_SALT = "cocreation.stakeholder-invitation"


def consent_version_current() -> str:
    """The version of the data processing text people agree to now (setting COCREATION_CONSENT_VERSION)."""
    return settings.COCREATION_CONSENT_VERSION


def _consent_version(consent: bool, consent_version: str) -> str:
    """The version to record: the current one when the person agreed (`consent`), else a given one, else none."""
    return consent_version_current() if consent else (consent_version or "").strip()


def _normalise_email(email: str) -> str:
    email = (email or "").strip().lower()
    validate_email(email)
    return email


@transaction.atomic
def stakeholder_register(
    *, city, consent: bool = False, consent_version: str = "", **fields
) -> tuple[Stakeholder, bool]:
    """Add a stakeholder, or bring the one with the same e-mail up to date (no duplicates).

    With `consent`, the consent to the current data processing text is recorded now, with its version
    (`consent_version` names another version, for records agreed elsewhere, e.g. the demo).
    A new stakeholder without a language gets the city's main language. Returns (stakeholder, created).
    """
    consent_version = _consent_version(consent, consent_version)
    try:
        email = _normalise_email(fields.pop("email", ""))
    except ValidationError:
        raise ValidationError(_("Enter a valid e-mail address.")) from None
    fields = {k: v for k, v in fields.items() if v not in (None, "")}
    existing = Stakeholder.objects.select_for_update().filter(city=city, email__iexact=email).first()
    stakeholder = existing or Stakeholder(city=city, email=email, language=city.main_language)
    for name, value in fields.items():
        setattr(stakeholder, name, value)
    if consent_version:
        stakeholder.consent_at = timezone.now()
        stakeholder.consent_version = consent_version
    stakeholder.full_clean(exclude=["city"], validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            stakeholder.save()
    except IntegrityError:
        raise ValidationError(_("%(email)s is already in the registry."), params={"email": email}) from None
    return stakeholder, existing is None


@transaction.atomic
def stakeholder_update(
    *, stakeholder: Stakeholder, consent: bool = False, consent_version: str = "", **fields
) -> Stakeholder:
    """Change a stakeholder's details; the e-mail stays unique in the city's registry.

    With `consent`, the consent to the current version of the text is recorded now (if not already).
    """
    consent_version = _consent_version(consent, consent_version)
    stakeholder = Stakeholder.objects.select_for_update().get(pk=stakeholder.pk)
    if "email" in fields:
        try:
            fields["email"] = _normalise_email(fields["email"])
        except ValidationError:
            raise ValidationError({"email": _("Enter a valid e-mail address.")}) from None
        duplicate = (
            Stakeholder.objects.filter(city_id=stakeholder.city_id, email__iexact=fields["email"])
            .exclude(pk=stakeholder.pk)
            .first()
        )
        if duplicate:
            raise ValidationError(
                {
                    "email": _("%(email)s is already in the registry, as %(name)s.")
                    % {"email": fields["email"], "name": duplicate.name}
                }
            )
    for name, value in fields.items():
        setattr(stakeholder, name, "" if value is None else value)
    stakeholder.full_clean(exclude=["city"], validate_unique=False, validate_constraints=False)
    stakeholder.save(update_fields=[*fields, "updated_at"])
    if consent_version and consent_version != stakeholder.consent_version:
        consent_record(stakeholder=stakeholder, version=consent_version)
    return stakeholder


@transaction.atomic
def consent_record(*, stakeholder: Stakeholder, version: str) -> Stakeholder:
    """Record that the stakeholder agreed to the data processing text of this version, now."""
    if not version.strip():
        raise ValidationError(_("Say which version of the consent text was agreed to."))
    stakeholder.consent_at = timezone.now()
    stakeholder.consent_version = version.strip()
    stakeholder.save(update_fields=["consent_at", "consent_version", "updated_at"])
    return stakeholder


def _choice_value(raw: str, choices, field: str, row: int) -> str:
    raw = (raw or "").strip()
    if not raw:
        return ""
    lowered = raw.lower()
    for value, label in choices:
        if lowered in (value, str(label).lower()):
            return value
    raise ValidationError(
        _("Row %(row)s: “%(value)s” is not a valid %(field)s. Use one of: %(allowed)s."),
        params={"row": row, "value": raw, "field": field, "allowed": ", ".join(v for v, _l in choices)},
    )


def _csv_rows(text: str) -> list[tuple[int, dict]]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in ("name", "email", "kind") if c not in header]
    if missing:
        raise ValidationError(
            _("The CSV file needs the columns %(missing)s. Its columns are: %(columns)s."),
            params={"missing": ", ".join(missing), "columns": ", ".join(CSV_COLUMNS)},
        )
    return [
        (number, {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()})
        for number, row in enumerate(reader, start=2)
    ]


@transaction.atomic
def stakeholders_import(*, city, csv_text: str, consent: bool = False, consent_version: str = "") -> dict:
    """Import stakeholders from CSV, all or nothing: one bad row refuses the file with every row's error.

    A row whose e-mail is already in the registry (or earlier in the file) updates that stakeholder.
    With `consent`, everyone in the file agreed to the current text version. A row without a
    language gets the city's main language. Returns {"created": n, "updated": n}.
    """
    created, updated, _stakeholders = _stakeholders_import(
        city=city, csv_text=csv_text, consent_version=_consent_version(consent, consent_version)
    )
    return {"created": created, "updated": updated}


def _stakeholders_import(*, city, csv_text: str, consent_version: str = "") -> tuple[int, int, list[Stakeholder]]:
    """The import itself: (created, updated, the stakeholders of the rows)."""
    errors, clean_rows, seen = [], [], {}
    for number, row in _csv_rows(csv_text):
        try:
            if not row.get("name"):
                raise ValidationError(_("Row %(row)s: the name is missing."), params={"row": number})
            try:
                email = _normalise_email(row.get("email", ""))
            except ValidationError:
                raise ValidationError(
                    _("Row %(row)s: “%(email)s” is not a valid e-mail address."),
                    params={"row": number, "email": row.get("email", "")},
                ) from None
            kind = _choice_value(row.get("kind"), StakeholderKind.choices, "type", number)
            if not kind:
                raise ValidationError(_("Row %(row)s: the type is missing."), params={"row": number})
            fields = {
                "name": row["name"][:150],
                "email": email,
                "organisation": row.get("organisation", "")[:200],
                "kind": kind,
                "sector": row.get("sector", "")[:120],
                "size": _choice_value(row.get("size"), OrganisationSize.choices, "size", number),
                "women_led": row.get("women_led", "").lower() in {"1", "yes", "true", "y", "x"},
                "gender": _choice_value(row.get("gender"), Gender.choices, "gender", number),
                "language": _choice_value(row.get("language"), settings.LANGUAGES, "language", number)
                or city.main_language,
                "phone": row.get("phone", "")[:40],
            }
        except ValidationError as error:
            errors.extend(error.messages)
            continue
        if email in seen:
            clean_rows[seen[email]] = fields  # the later row wins
        else:
            seen[email] = len(clean_rows)
            clean_rows.append(fields)
    if errors:
        raise ValidationError(errors)
    if not clean_rows:
        raise ValidationError(_("The CSV file has no rows to import."))
    created = updated = 0
    stakeholders = []
    for fields in clean_rows:
        stakeholder, was_created = stakeholder_register(city=city, consent_version=consent_version, **fields)
        stakeholders.append(stakeholder)
        created += was_created
        updated += not was_created
    return created, updated, stakeholders


STAKEHOLDER_INVITATION = invitation_kind(
    salt=INVITATION_SALT,
    url_name="cocreation:respond",
    rows=lambda: StakeholderInvitation.objects.select_related("workshop__process__city", "stakeholder"),
)


@transaction.atomic
def invitation_create(
    *, workshop: Workshop, stakeholder: Stakeholder, days: int | None = None
) -> tuple[StakeholderInvitation, bool]:
    """Invite a stakeholder to a workshop; the e-mail goes out after the commit.

    Idempotent: inviting the same person again returns their invitation and sends nothing.
    """
    from .. import tasks

    if stakeholder.city_id != workshop.process.city_id:
        raise ValidationError(_("Only stakeholders of the workshop's city can be invited."))
    if workshop.status == WorkshopStatus.CLOSED:
        raise ValidationError(_("The workshop is closed; nobody can be invited any more."))
    expires_at = max(workshop.input_closes_at, timezone.now()) + timedelta(days=days or INVITATION_DAYS)
    invitation, created = StakeholderInvitation.objects.get_or_create(
        workshop=workshop, stakeholder=stakeholder, defaults={"expires_at": expires_at}
    )
    if created:
        tasks.invitation_send.delay_on_commit(invitation.pk)
    return invitation, created


@transaction.atomic
def _invitations_bulk_create(*, workshop: Workshop, stakeholders) -> dict:
    """Invite many stakeholders at once (the registry or a CSV import); returns counts."""
    return {"created": sum(invitation_create(workshop=workshop, stakeholder=s)[1] for s in stakeholders)}


@transaction.atomic
def invitations_invite(*, workshop: Workshop, stakeholders) -> dict:
    """Invite the chosen stakeholders, within the workshop's capacity: all of them or none.

    Those already invited are left as they are. Returns {"created": n, "already": n}.
    """
    workshop = Workshop.objects.select_for_update().select_related("process__city").get(pk=workshop.pk)
    if workshop.status == WorkshopStatus.CLOSED:
        raise ValidationError(_("The workshop is closed; nobody can be invited any more."))
    stakeholders = list(stakeholders)
    if not stakeholders:
        raise ValidationError(_("Choose at least one stakeholder to invite."))
    invited = set(workshop.invitations.values_list("stakeholder_id", flat=True))
    new = [s for s in stakeholders if s.pk not in invited]
    if workshop.capacity is not None:
        active = workshop.invitations.filter(status=InvitationStatus.ACTIVE).count()
        room = max(0, workshop.capacity - active)
        if len(new) > room:
            raise ValidationError(
                _(
                    "Places left in the workshop: %(room)s of %(capacity)s, but %(count)s would be invited. "
                    "Choose fewer people or raise the capacity."
                )
                % {"room": room, "capacity": workshop.capacity, "count": len(new)}
            )
    result = _invitations_bulk_create(workshop=workshop, stakeholders=new)
    return {"created": result["created"], "already": len(stakeholders) - len(new)}


@transaction.atomic
def invitations_import(*, workshop: Workshop, csv_text: str, consent: bool = False, consent_version: str = "") -> dict:
    """Register the people of a CSV file (de-duplicated by e-mail) and invite them, all or nothing.

    With `consent`, everyone in the file agreed to the current text version.
    """
    created, updated, stakeholders = _stakeholders_import(
        city=workshop.process.city, csv_text=csv_text, consent_version=_consent_version(consent, consent_version)
    )
    invited = invitations_invite(workshop=workshop, stakeholders=stakeholders)
    return {"created": created, "updated": updated, "invited": invited["created"]}


def invitation_send(*, invitation_id: int) -> bool:
    """E-mail the stakeholder's workshop link once, in their language; False if nothing to send."""

    def compose(invitation):
        workshop = invitation.workshop
        zone = workshop.city_tz
        subject = _("Your invitation: %(workshop)s") % {"workshop": workshop.title}
        return (
            subject,
            "cocreation/email/stakeholder_invitation.txt",
            {
                "workshop": workshop,
                "starts": timezone.localtime(workshop.starts_at, zone),
                "closes": timezone.localtime(workshop.input_closes_at, zone),
                "expires": timezone.localtime(invitation.expires_at, zone),
            },
        )

    return link_send_once(STAKEHOLDER_INVITATION, invitation_id, compose=compose)


@transaction.atomic
def invitation_resend(*, invitation: StakeholderInvitation) -> StakeholderInvitation:
    """E-mail the personal link again (through the task); an expired link gets a new expiry date."""
    from .. import tasks

    invitation = (
        StakeholderInvitation.objects.select_for_update(of=("self",)).select_related("workshop").get(pk=invitation.pk)
    )
    if invitation.status == InvitationStatus.REVOKED:
        raise ValidationError(_("This invitation was withdrawn; invite the person again instead."))
    if invitation.workshop.status == WorkshopStatus.CLOSED:
        raise ValidationError(_("The workshop is closed; its links are no longer sent."))
    invitation.sent_at = None
    invitation.expires_at = max(invitation.expires_at, timezone.now() + timedelta(days=INVITATION_DAYS))
    invitation.save(update_fields=["sent_at", "expires_at", "updated_at"])
    tasks.invitation_send.delay_on_commit(invitation.pk)
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation: StakeholderInvitation) -> StakeholderInvitation:
    """Withdraw a stakeholder's workshop link."""
    return link_revoke(invitation)


@transaction.atomic
def invitation_check_in(*, invitation: StakeholderInvitation) -> StakeholderInvitation:
    """Record that the invited stakeholder came to the workshop (once)."""
    invitation = StakeholderInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status == InvitationStatus.REVOKED:
        raise ValidationError(_("A withdrawn invitation cannot be checked in."))
    if invitation.checked_in_at is None:
        now = timezone.now()
        invitation.checked_in_at = now
        invitation.registered_at = invitation.registered_at or now
        invitation.save(update_fields=["checked_in_at", "registered_at", "updated_at"])
    return invitation


@transaction.atomic
def invitation_check_in_undo(*, invitation: StakeholderInvitation) -> StakeholderInvitation:
    """Take back a check-in made by mistake."""
    invitation = StakeholderInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.checked_in_at is not None:
        invitation.checked_in_at = None
        invitation.save(update_fields=["checked_in_at", "updated_at"])
    return invitation
