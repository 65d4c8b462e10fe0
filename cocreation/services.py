"""Writes of the co-creation app: every change and workflow step, each in one transaction."""

import csv
import io
import zoneinfo
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from . import uploads
from .models import (
    Call,
    CallInvitation,
    CallStatus,
    Clarification,
    ConflictDeclaration,
    Criterion,
    Gender,
    Idea,
    IdeaRating,
    IdeaStatus,
    InvitationStatus,
    OrganisationSize,
    Phase,
    PhaseKind,
    PhaseStatus,
    Process,
    Proposal,
    ProposalDocument,
    ProposalStatus,
    Question,
    QuestionKind,
    Score,
    Stakeholder,
    StakeholderInvitation,
    StakeholderKind,
    Submission,
    SubmissionFile,
    Vote,
    Workshop,
    WorkshopStatus,
)

INVITATION_SALT = "cocreation.stakeholder-invitation"
INVITATION_DAYS = settings.COCREATION_INVITATION_DAYS
SUPPORTED_LANGUAGES = [code for code, _name in settings.LANGUAGES]
CSV_COLUMNS = ["name", "email", "organisation", "kind", "sector", "size", "women_led", "gender", "language", "phone"]


# --- process and phases -------------------------------------------------------------------------


@transaction.atomic
def process_create(*, city, title: str, challenge: str = "", phases: dict | None = None) -> Process:
    """Open a co-creation process; `phases` maps a phase kind to (starts_on, ends_on)."""
    title = title.strip()
    if not title:
        raise ValidationError(_("Give the process a title."))
    if Process.objects.filter(city=city, title=title).exists():
        raise ValidationError(
            _("%(city)s already has a process called “%(title)s”."), params={"city": city.name, "title": title}
        )
    process = Process.objects.create(city=city, title=title, challenge=challenge)
    for kind, (starts_on, ends_on) in (phases or {}).items():
        phase_schedule(process=process, kind=kind, starts_on=starts_on, ends_on=ends_on)
    return process


@transaction.atomic
def phase_schedule(*, process: Process, kind: str, starts_on: date, ends_on: date) -> Phase:
    """Set the dates of a phase (created on first use); phases follow each other in order."""
    if kind not in PhaseKind.values:
        raise ValidationError(_("Choose a phase: discover, ideate, prioritise, select or procure."))
    if ends_on < starts_on:
        raise ValidationError(_("A phase cannot end before it starts."))
    phase, created = Phase.objects.get_or_create(
        process=process, kind=kind, defaults={"starts_on": starts_on, "ends_on": ends_on}
    )
    if not created:
        phase.starts_on, phase.ends_on = starts_on, ends_on
        phase.save(update_fields=["starts_on", "ends_on", "updated_at"])
    return phase


PHASE_TRANSITIONS = {PhaseStatus.PLANNED: PhaseStatus.ACTIVE, PhaseStatus.ACTIVE: PhaseStatus.DONE}


@transaction.atomic
def phase_advance(*, phase: Phase) -> Phase:
    """Start a planned phase or finish a running one; a finished phase stays finished."""
    phase = Phase.objects.select_for_update().get(pk=phase.pk)
    following = PHASE_TRANSITIONS.get(phase.status)
    if following is None:
        raise ValidationError(_("This phase is already done."))
    phase.status = following
    phase.save(update_fields=["status", "updated_at"])
    return phase


# --- stakeholders ---------------------------------------------------------------------------------


def _normalise_email(email: str) -> str:
    email = (email or "").strip().lower()
    validate_email(email)
    return email


@transaction.atomic
def stakeholder_register(*, city, consent_version: str = "", **fields) -> tuple[Stakeholder, bool]:
    """Add a stakeholder, or bring the one with the same e-mail up to date (no duplicates).

    With `consent_version`, the consent to data processing is recorded now with that text version.
    Returns (stakeholder, created).
    """
    try:
        email = _normalise_email(fields.pop("email", ""))
    except ValidationError:
        raise ValidationError(_("Enter a valid e-mail address.")) from None
    fields = {k: v for k, v in fields.items() if v not in (None, "")}
    existing = Stakeholder.objects.select_for_update().filter(city=city, email__iexact=email).first()
    stakeholder = existing or Stakeholder(city=city, email=email)
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
def stakeholders_import(*, city, csv_text: str, consent_version: str = "") -> dict:
    """Import stakeholders from CSV, all or nothing: one bad row refuses the file with every row's error.

    A row whose e-mail is already in the registry (or earlier in the file) updates that stakeholder.
    Returns {"created": n, "updated": n}.
    """
    created, updated, _stakeholders = _stakeholders_import(
        city=city, csv_text=csv_text, consent_version=consent_version
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
                "language": _choice_value(row.get("language"), settings.LANGUAGES, "language", number) or "en",
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


@transaction.atomic
def consent_record(*, stakeholder: Stakeholder, version: str) -> Stakeholder:
    """Record that the stakeholder agreed to the data processing text of this version, now."""
    if not version.strip():
        raise ValidationError(_("Say which version of the consent text was agreed to."))
    stakeholder.consent_at = timezone.now()
    stakeholder.consent_version = version.strip()
    stakeholder.save(update_fields=["consent_at", "consent_version", "updated_at"])
    return stakeholder


# --- workshops and their forms --------------------------------------------------------------------


def city_local(*, city, value: datetime) -> datetime:
    """A naive date and time read as the city's wall clock, made aware."""
    import zoneinfo

    if timezone.is_aware(value):
        return value
    return value.replace(tzinfo=zoneinfo.ZoneInfo(city.time_zone))


@transaction.atomic
def workshop_schedule(
    *,
    process: Process,
    title: str,
    kind: str,
    starts_at: datetime,
    ends_at: datetime,
    input_closes_at: datetime | None = None,
    **fields,
) -> Workshop:
    """Plan a workshop; naive times are the city's wall-clock time."""
    city = process.city
    starts_at = city_local(city=city, value=starts_at)
    ends_at = city_local(city=city, value=ends_at)
    input_closes_at = city_local(city=city, value=input_closes_at) if input_closes_at else ends_at + timedelta(days=7)
    if ends_at <= starts_at:
        raise ValidationError(_("A workshop must end after it starts."))
    if input_closes_at < starts_at:
        raise ValidationError(_("Input cannot close before the workshop starts."))
    workshop = Workshop(
        process=process,
        title=title,
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        input_closes_at=input_closes_at,
        **fields,
    )
    workshop.full_clean()
    workshop.save()
    return workshop


@transaction.atomic
def workshop_open(*, workshop: Workshop) -> Workshop:
    """Open the input form to invited stakeholders; it needs at least one question."""
    workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
    if workshop.status != WorkshopStatus.PLANNED:
        raise ValidationError(_("Only a planned workshop can be opened for input."))
    if not workshop.questions.exists():
        raise ValidationError(_("Add at least one question before opening the workshop for input."))
    workshop.status = WorkshopStatus.OPEN
    workshop.save(update_fields=["status", "updated_at"])
    return workshop


@transaction.atomic
def workshop_close(*, workshop: Workshop, outcomes: str = "") -> Workshop:
    """Close the workshop: input can no longer be given or edited; the outcomes are recorded."""
    workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
    if workshop.status != WorkshopStatus.OPEN:
        raise ValidationError(_("Only a workshop open for input can be closed."))
    workshop.status = WorkshopStatus.CLOSED
    fields = ["status", "updated_at"]
    if outcomes:
        workshop.outcomes = outcomes
        fields.append("outcomes")
    workshop.save(update_fields=fields)
    return workshop


@transaction.atomic
def question_add(
    *, workshop: Workshop, kind: str, text: dict, choices: list | None = None, required: bool = True, scale_max: int = 5
) -> Question:
    if workshop.status == WorkshopStatus.CLOSED:
        raise ValidationError(_("The form of a closed workshop cannot change."))
    if workshop.submissions.exists():
        raise ValidationError(_("Input has already been given; add no questions that earlier answers would lack."))
    position = workshop.questions.count()
    question = Question(
        workshop=workshop,
        kind=kind,
        text=text,
        choices=choices or [],
        required=required,
        scale_max=scale_max,
        position=position,
    )
    question.full_clean()
    question.save()
    return question


# --- stakeholder invitations ----------------------------------------------------------------------


class LinkInvalid(Exception):
    """An invitation link that cannot be used; the message says why and what to do."""

    def __init__(self, message, *, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def invitation_token(*, invitation: StakeholderInvitation) -> str:
    """The signed token of an invitation's link: its id and its random key."""
    return signing.dumps({"i": invitation.pk, "k": invitation.key}, salt=INVITATION_SALT, compress=False)


def invitation_link(*, invitation: StakeholderInvitation) -> str:
    return settings.SITE_URL + reverse("cocreation:respond", kwargs={"token": invitation_token(invitation=invitation)})


def _link_from_token(*, token: str, salt: str, id_field: str, queryset):
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


def invitation_from_token(*, token: str) -> StakeholderInvitation:
    """The invitation a stakeholder's link points to, or LinkInvalid saying why it cannot be used."""
    return _link_from_token(
        token=token,
        salt=INVITATION_SALT,
        id_field="i",
        queryset=StakeholderInvitation.objects.select_related("workshop__process__city", "stakeholder"),
    )


@transaction.atomic
def invitation_create(
    *, workshop: Workshop, stakeholder: Stakeholder, days: int | None = None
) -> tuple[StakeholderInvitation, bool]:
    """Invite a stakeholder to a workshop; the e-mail goes out after the commit.

    Idempotent: inviting the same person again returns their invitation and sends nothing.
    """
    from . import tasks

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
def invitations_bulk_create(*, workshop: Workshop, stakeholders) -> dict:
    """Invite many stakeholders at once (the registry or a CSV import); returns counts."""
    return {"created": sum(invitation_create(workshop=workshop, stakeholder=s)[1] for s in stakeholders)}


def _send_link_once(*, queryset, invitation_id: int, compose) -> bool:
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


def invitation_send(*, invitation_id: int) -> bool:
    """E-mail the stakeholder's workshop link once, in their language; False if nothing to send."""

    def compose(invitation):
        workshop = invitation.workshop
        context = {
            "invitation": invitation,
            "workshop": workshop,
            "starts": timezone.localtime(workshop.starts_at, workshop.city_tz),
            "closes": timezone.localtime(workshop.input_closes_at, workshop.city_tz),
            "expires": timezone.localtime(invitation.expires_at, workshop.city_tz),
            "link": invitation_link(invitation=invitation),
        }
        subject = _("Your invitation: %(workshop)s") % {"workshop": workshop.title}
        return subject, render_to_string("cocreation/email/stakeholder_invitation.txt", context)

    return _send_link_once(
        queryset=StakeholderInvitation.objects.select_related("workshop__process__city", "stakeholder"),
        invitation_id=invitation_id,
        compose=compose,
    )


def _revoke(invitation):
    """Withdraw a personal link (a workshop's or a call's): it stops working at once."""
    invitation = type(invitation).objects.select_for_update().get(pk=invitation.pk)
    if invitation.status == InvitationStatus.REVOKED:
        raise ValidationError(_("This invitation is already withdrawn."))
    invitation.status = InvitationStatus.REVOKED
    invitation.save(update_fields=["status", "updated_at"])
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation: StakeholderInvitation) -> StakeholderInvitation:
    """Withdraw a stakeholder's workshop link."""
    return _revoke(invitation)


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


# --- submissions ----------------------------------------------------------------------------------


def _clean_answer(question: Question, raw, language: str):
    """The stored form of one answer, or ValidationError naming the question."""
    label = question.text_in(language)
    empty = raw in (None, "", [], ())
    if empty:
        if question.required and question.kind != QuestionKind.FILE:
            raise ValidationError(_("“%(question)s” needs an answer."), params={"question": label})
        return None
    kind = question.kind
    if kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        text = str(raw).strip()
        limit = 300 if kind == QuestionKind.SHORT_TEXT else 5000
        if len(text) > limit:
            raise ValidationError(
                _("“%(question)s”: keep the answer under %(limit)s characters."),
                params={"question": label, "limit": limit},
            )
        return text
    count = len(question.choices or [])
    try:
        if kind == QuestionKind.SINGLE_CHOICE:
            value = int(raw)
            if not 0 <= value < count:
                raise ValueError
            return value
        if kind == QuestionKind.MULTIPLE_CHOICE:
            values = sorted({int(v) for v in raw})
            if any(not 0 <= v < count for v in values):
                raise ValueError
            return values
        if kind == QuestionKind.RATING:
            value = int(raw)
            if not 1 <= value <= question.scale_max:
                raise ValueError
            return value
        if kind == QuestionKind.RANKING:
            values = [int(v) for v in raw]
            if sorted(values) != list(range(count)):
                raise ValidationError(
                    _("“%(question)s”: give every choice a different rank."), params={"question": label}
                )
            return values
    except (TypeError, ValueError):
        raise ValidationError(
            _("“%(question)s”: choose one of the answers offered."), params={"question": label}
        ) from None
    return None


def _check_file(question: Question, uploaded, language: str) -> str:
    label = question.text_in(language)
    if uploaded.size > uploads.MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("“%(question)s”: the file is %(size)s MB; files can be at most %(limit)s MB."),
            params={
                "question": label,
                "size": f"{uploaded.size / 1048576:.1f}",
                "limit": f"{uploads.MAX_UPLOAD_BYTES / 1048576:.0f}",
            },
        )
    content_type = uploads.sniff(uploaded)
    if content_type is None:
        raise ValidationError(
            _("“%(question)s”: this file is not a type we accept. Send one of: %(types)s."),
            params={"question": label, "types": uploads.ACCEPTED_LABEL},
        )
    return content_type


def submission_save(
    *, invitation: StakeholderInvitation, answers: dict, files: dict | None = None, language: str = "en"
) -> tuple[Submission, bool]:
    """Save a stakeholder's input: the first time it is created, later it is edited, never duplicated.

    `answers` maps question id → raw answer, `files` question id → uploaded file. Refused with a
    ValidationError listing every problem (nothing saved) when the workshop no longer takes input,
    the link was withdrawn or has expired, or an answer is missing or invalid. Returns
    (submission, created).
    """
    files = files or {}
    with transaction.atomic():
        invitation = (
            StakeholderInvitation.objects.select_for_update(of=("self",))
            .select_related("workshop")
            .get(pk=invitation.pk)
        )
        workshop = invitation.workshop
        if invitation.status != InvitationStatus.ACTIVE or invitation.is_expired:
            raise ValidationError(_("This invitation can no longer be used to give input."))
        if workshop.status != WorkshopStatus.OPEN:
            raise ValidationError(_("This workshop is not taking input at the moment."))
        if timezone.now() >= workshop.input_closes_at:
            raise ValidationError(_("The deadline for input has passed; your answers were not saved."))
        existing = Submission.objects.filter(invitation=invitation).first()
        questions = list(workshop.questions.all())
        stored, errors, checked_files = {}, [], {}
        for question in questions:
            key = str(question.pk)
            try:
                if question.kind == QuestionKind.FILE:
                    uploaded = files.get(key) or files.get(question.pk)
                    if uploaded is not None:
                        checked_files[question.pk] = (uploaded, _check_file(question, uploaded, language))
                        stored[key] = uploaded.name
                    elif existing and existing.answers.get(key):
                        stored[key] = existing.answers[key]
                    elif question.required:
                        raise ValidationError(
                            _("“%(question)s” needs a file."), params={"question": question.text_in(language)}
                        )
                    continue
                value = _clean_answer(question, answers.get(key, answers.get(question.pk)), language)
                if value is not None:
                    stored[key] = value
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        language = language if language in SUPPORTED_LANGUAGES else "en"
        if existing is None:
            submission = Submission.objects.create(
                invitation=invitation, workshop=workshop, answers=stored, language=language
            )
            created = True
            if invitation.registered_at is None:
                invitation.registered_at = timezone.now()
                invitation.save(update_fields=["registered_at", "updated_at"])
        else:
            submission = existing
            submission.answers = stored
            submission.language = language
            submission.edits += 1
            submission.save(update_fields=["answers", "language", "edits", "updated_at"])
            created = False
        for question_id, (uploaded, content_type) in checked_files.items():
            SubmissionFile.objects.filter(submission=submission, question_id=question_id).delete()
            SubmissionFile.objects.create(
                submission=submission,
                question_id=question_id,
                file=uploaded,
                content_type=content_type,
                size=uploaded.size,
            )
    return submission, created


# --- ideas, votes and ratings ---------------------------------------------------------------------


@transaction.atomic
def idea_create(
    *, workshop: Workshop, title: str, description: str = "", cluster: str = "", tags=(), sources=()
) -> Idea:
    """A facilitator turns input into an idea, linked to the submissions it came from."""
    title = title.strip()
    if not title:
        raise ValidationError(_("Give the idea a title."))
    idea = Idea.objects.create(
        workshop=workshop,
        title=title[:200],
        description=description,
        cluster=cluster.strip(),
        tags=sorted({t.strip().lower() for t in tags if t.strip()}),
    )
    sources = list(sources)
    if any(s.workshop_id != workshop.pk for s in sources):
        raise ValidationError(_("An idea can only come from input to its own workshop."))
    idea.sources.set(sources)
    return idea


@transaction.atomic
def idea_tag(*, idea: Idea, cluster: str | None = None, tags=None) -> Idea:
    fields = ["updated_at"]
    if cluster is not None:
        idea.cluster = cluster.strip()
        fields.append("cluster")
    if tags is not None:
        idea.tags = sorted({t.strip().lower() for t in tags if t.strip()})
        fields.append("tags")
    idea.save(update_fields=fields)
    return idea


@transaction.atomic
def idea_merge(*, duplicate: Idea, into: Idea) -> Idea:
    """Merge a duplicate into another idea: its sources, tags, votes and ratings move over."""
    if duplicate.pk == into.pk:
        raise ValidationError(_("An idea cannot be merged into itself."))
    if duplicate.workshop_id != into.workshop_id:
        raise ValidationError(_("Only ideas of the same workshop can be merged."))
    ideas = {i.pk: i for i in Idea.objects.select_for_update().filter(pk__in=[duplicate.pk, into.pk])}
    duplicate, into = ideas[duplicate.pk], ideas[into.pk]
    if IdeaStatus.MERGED in (duplicate.status, into.status):
        raise ValidationError(_("A merged idea cannot be merged again; use the idea it was merged into."))
    into.sources.add(*duplicate.sources.all())
    into.tags = sorted(set(into.tags) | set(duplicate.tags))
    into.save(update_fields=["tags", "updated_at"])
    voted = set(Vote.objects.filter(idea=into).values_list("invitation_id", flat=True))
    Vote.objects.filter(idea=duplicate).exclude(invitation_id__in=voted).update(idea=into)
    Vote.objects.filter(idea=duplicate).delete()
    rated = set(IdeaRating.objects.filter(idea=into).values_list("invitation_id", flat=True))
    IdeaRating.objects.filter(idea=duplicate).exclude(invitation_id__in=rated).update(idea=into)
    IdeaRating.objects.filter(idea=duplicate).delete()
    duplicate.status = IdeaStatus.MERGED
    duplicate.merged_into = into
    duplicate.save(update_fields=["status", "merged_into", "updated_at"])
    return into


@transaction.atomic
def idea_shortlist(*, idea: Idea) -> Idea:
    if idea.status != IdeaStatus.OPEN:
        raise ValidationError(_("Only an open idea can be shortlisted."))
    idea.status = IdeaStatus.SHORTLISTED
    idea.save(update_fields=["status", "updated_at"])
    return idea


def _voter(invitation: StakeholderInvitation, idea: Idea) -> StakeholderInvitation:
    invitation = StakeholderInvitation.objects.select_for_update().select_related("workshop").get(pk=invitation.pk)
    if invitation.status != InvitationStatus.ACTIVE or invitation.is_expired:
        raise ValidationError(_("This invitation can no longer be used to vote."))
    if idea.workshop_id != invitation.workshop_id:
        raise ValidationError(_("You can only vote on the ideas of the workshop you were invited to."))
    if idea.status == IdeaStatus.MERGED:
        raise ValidationError(_("This idea was merged into another; vote for that one."))
    if invitation.workshop.status != WorkshopStatus.OPEN:
        raise ValidationError(_("Voting is closed for this workshop."))
    return invitation


@transaction.atomic
def vote_cast(*, invitation: StakeholderInvitation, idea: Idea) -> Vote:
    """Vote for an idea; the workshop's vote limit per participant holds under concurrent requests.

    The invitation row is locked first, so two simultaneous votes of one participant are counted
    one after the other.
    """
    invitation = _voter(invitation, idea)
    existing = Vote.objects.filter(invitation=invitation, idea=idea).first()
    if existing:
        return existing
    used = Vote.objects.filter(invitation=invitation).count()
    limit = invitation.workshop.vote_limit
    if used >= limit:
        raise ValidationError(
            _("You have used all %(limit)s of your votes. Take one back to vote for this idea."),
            params={"limit": limit},
        )
    return Vote.objects.create(invitation=invitation, idea=idea)


@transaction.atomic
def vote_withdraw(*, invitation: StakeholderInvitation, idea: Idea) -> None:
    _voter(invitation, idea)
    Vote.objects.filter(invitation=invitation, idea=idea).delete()


@transaction.atomic
def idea_rate(*, invitation: StakeholderInvitation, idea: Idea, value: int) -> IdeaRating:
    invitation = _voter(invitation, idea)
    if not 1 <= int(value) <= 5:
        raise ValidationError(_("Rate an idea from 1 to 5."))
    rating, _created = IdeaRating.objects.update_or_create(
        invitation=invitation, idea=idea, defaults={"value": int(value)}
    )
    return rating


# --- evaluation -----------------------------------------------------------------------------------


@transaction.atomic
def criterion_add(*, process: Process, name: str, weight, call: Call | None = None) -> Criterion:
    if call is not None and call.process_id != process.pk:
        raise ValidationError(_("The call belongs to another process."))
    _criteria_still_editable(process=process, call=call)
    criterion = Criterion(process=process, call=call, name=name.strip(), weight=weight)
    criterion.full_clean()
    criterion.save()
    return criterion


@transaction.atomic
def conflict_declare(
    *, process: Process, evaluator, has_conflict: bool, details: str = "", call: Call | None = None
) -> ConflictDeclaration:
    """An evaluator declares conflicts of interest; with a conflict, they may not score."""
    if has_conflict and not details.strip():
        raise ValidationError(_("Describe the conflict of interest: who, and how you are linked."))
    declaration, _created = ConflictDeclaration.objects.update_or_create(
        process=process,
        call=call,
        evaluator=evaluator,
        defaults={"has_conflict": has_conflict, "details": details.strip()},
    )
    return declaration


@transaction.atomic
def score_record(
    *,
    evaluator,
    criterion: Criterion,
    value,
    comment: str = "",
    idea: Idea | None = None,
    proposal: Proposal | None = None,
) -> Score:
    """Record one evaluator's own score; they must have declared no conflict of interest first."""
    if (idea is None) == (proposal is None):
        raise ValidationError(_("Score either an idea or a proposal."))
    call = proposal.call if proposal else None
    if criterion.call_id != (call.pk if call else None):
        raise ValidationError(_("This criterion is not one of this evaluation."))
    if idea is not None and (idea.workshop.process_id != criterion.process_id or idea.status != IdeaStatus.SHORTLISTED):
        raise ValidationError(_("Only shortlisted ideas of this process are scored."))
    declaration = ConflictDeclaration.objects.filter(
        process_id=criterion.process_id, call=call, evaluator=evaluator
    ).first()
    if declaration is None:
        raise ValidationError(_("Declare any conflict of interest before you score."))
    if declaration.has_conflict:
        raise ValidationError(_("You declared a conflict of interest, so you do not score in this evaluation."))
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise ValidationError(_("Give a score from 0 to 10.")) from None
    if not 0 <= value <= 10:
        raise ValidationError(_("Give a score from 0 to 10."))
    score, _created = Score.objects.update_or_create(
        criterion=criterion,
        evaluator=evaluator,
        idea=idea,
        proposal=proposal,
        defaults={"value": round(value, 1), "comment": comment},
    )
    return score


# --- calls for SME proposals ----------------------------------------------------------------------


@transaction.atomic
def call_create(
    *, process: Process, title: str, description: str, deadline: datetime, idea: Idea | None = None, **fields
) -> Call:
    """Draft a call for SME proposals from the chosen solution; a naive deadline is city time."""
    deadline = city_local(city=process.city, value=deadline)
    if deadline <= timezone.now():
        raise ValidationError(_("The deadline is in the past; give a date and time still to come."))
    call = Call(process=process, title=title, description=description, deadline=deadline, idea=idea, **fields)
    call.full_clean()
    call.save()
    if idea is not None and idea.status != IdeaStatus.SELECTED:
        idea.status = IdeaStatus.SELECTED
        idea.save(update_fields=["status", "updated_at"])
    return call


@transaction.atomic
def call_open(*, call: Call) -> Call:
    call = Call.objects.select_for_update().get(pk=call.pk)
    if call.status != CallStatus.DRAFT:
        raise ValidationError(_("Only a draft call can be opened."))
    if call.deadline <= timezone.now():
        raise ValidationError(_("Set a deadline in the future before opening the call."))
    call.status = CallStatus.OPEN
    call.save(update_fields=["status", "updated_at"])
    call_invitations_send_pending(call=call)
    return call


@transaction.atomic
def call_close(*, call: Call) -> Call:
    call = Call.objects.select_for_update().get(pk=call.pk)
    if call.status != CallStatus.OPEN:
        raise ValidationError(_("Only an open call can be closed."))
    call.status = CallStatus.CLOSED
    call.save(update_fields=["status", "updated_at"])
    return call


@transaction.atomic
def clarification_publish(*, call: Call, question: str, answer: str) -> Clarification:
    """Publish a question about the call with its answer, for every applicant to read."""
    if not question.strip() or not answer.strip():
        raise ValidationError(_("A published clarification needs both the question and its answer."))
    return Clarification.objects.create(
        call=call, question=question.strip(), answer=answer.strip(), published_at=timezone.now()
    )


def proposal_submit(
    *,
    call: Call,
    stakeholder: Stakeholder,
    title: str,
    summary: str,
    employees: int,
    registered_in_city: bool,
    amount=None,
    documents: dict | None = None,
) -> Proposal:
    """An SME submits a proposal with the documents the call asks for, before the deadline."""
    documents = documents or {}
    with transaction.atomic():
        call = Call.objects.select_for_update().select_related("process").get(pk=call.pk)
        if call.status != CallStatus.OPEN:
            raise ValidationError(_("This call is not open for proposals."))
        if timezone.now() >= call.deadline:
            raise ValidationError(_("The deadline of this call has passed; the proposal was not saved."))
        errors = []
        if stakeholder.city_id != call.process.city_id or stakeholder.kind != StakeholderKind.SME:
            errors.append(_("Only SMEs in the city's stakeholder registry can submit proposals."))
        if employees > call.max_employees:
            errors.append(_("This call is open to SMEs of at most %(max)s employees.") % {"max": call.max_employees})
        if call.registered_in_city and not registered_in_city:
            errors.append(_("This call is open only to businesses registered in the city."))
        missing = [name for name in call.required_documents if name not in documents]
        if missing:
            errors.append(_("Attach these documents: %(names)s.") % {"names": ", ".join(missing)})
        for name, uploaded in documents.items():
            if uploaded.size > uploads.MAX_UPLOAD_BYTES or uploads.sniff(uploaded) is None:
                errors.append(
                    _("“%(name)s” must be a file of at most %(limit)s MB, one of: %(types)s.")
                    % {
                        "name": name,
                        "limit": f"{uploads.MAX_UPLOAD_BYTES / 1048576:.0f}",
                        "types": uploads.ACCEPTED_LABEL,
                    }
                )
        if Proposal.objects.filter(call=call, stakeholder=stakeholder).exists():
            errors.append(_("This SME has already submitted a proposal to this call."))
        if errors:
            raise ValidationError(errors)
        proposal = Proposal.objects.create(
            call=call,
            stakeholder=stakeholder,
            title=title,
            summary=summary,
            employees=employees,
            registered_in_city=registered_in_city,
            amount=amount,
        )
        for name, uploaded in documents.items():
            ProposalDocument.objects.create(proposal=proposal, name=name, file=uploaded)
    return proposal


@transaction.atomic
def proposal_award(*, proposal: Proposal) -> Proposal:
    """Award the call to this proposal; the others are not awarded; the SME is told by e-mail."""
    from . import tasks

    call = Call.objects.select_for_update().get(pk=proposal.call_id)
    if call.status != CallStatus.CLOSED:
        raise ValidationError(_("Close the call for proposals before awarding it."))
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != ProposalStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted, eligible proposal can be awarded."))
    now = timezone.now()
    Proposal.objects.filter(call=call, status=ProposalStatus.SUBMITTED).exclude(pk=proposal.pk).update(
        status=ProposalStatus.NOT_AWARDED, updated_at=now
    )
    proposal.status = ProposalStatus.AWARDED
    proposal.awarded_at = now
    proposal.save(update_fields=["status", "awarded_at", "updated_at"])
    call.status = CallStatus.AWARDED
    call.save(update_fields=["status", "updated_at"])
    tasks.award_notify.delay_on_commit(proposal.pk)
    return proposal


def award_notify(*, proposal_id: int) -> bool:
    proposal = Proposal.objects.select_related("call__process__city", "stakeholder").filter(pk=proposal_id).first()
    if proposal is None or proposal.status != ProposalStatus.AWARDED:
        return False
    with translation.override(proposal.stakeholder.language):
        subject = _("Your proposal was awarded: %(call)s") % {"call": proposal.call.title}
        body = render_to_string("cocreation/email/award.txt", {"proposal": proposal})
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [proposal.stakeholder.email])
    return True


def workshop_counts(*, workshop: Workshop) -> dict:
    return workshop.invitations.aggregate(invited=Count("pk"), submitted=Count("submission"))


# --- ideas, evaluation and calls: the facilitators' and evaluators' pages -------------------------


def tags_from_text(tags) -> list[str]:
    if isinstance(tags, str):
        tags = tags.split(",")
    return sorted({t.strip().lower() for t in tags if t and t.strip()})


@transaction.atomic
def idea_update(*, idea: Idea, title: str, description: str = "") -> Idea:
    """Reword an idea; a merged idea is kept as it was when merged."""
    idea = Idea.objects.select_for_update().get(pk=idea.pk)
    if idea.status == IdeaStatus.MERGED:
        raise ValidationError(_("A merged idea cannot change; edit the idea it was merged into."))
    title = title.strip()
    if not title:
        raise ValidationError(_("Give the idea a title."))
    idea.title, idea.description = title[:200], description.strip()
    idea.save(update_fields=["title", "description", "updated_at"])
    return idea


def _criteria_still_editable(*, process: Process, call: Call | None) -> None:
    if Score.objects.filter(criterion__process=process, criterion__call=call).exists():
        raise ValidationError(_("Scoring has started: the criteria and their weights can no longer change."))


@transaction.atomic
def criterion_update(*, criterion: Criterion, name: str, weight) -> Criterion:
    """Rename or reweigh a criterion, only before anyone has scored in its evaluation."""
    _criteria_still_editable(process=criterion.process, call=criterion.call)
    criterion.name, criterion.weight = name.strip(), weight
    criterion.full_clean()
    try:
        with transaction.atomic():
            criterion.save(update_fields=["name", "weight", "updated_at"])
    except IntegrityError:
        raise ValidationError(_("This evaluation already has a criterion with this name.")) from None
    return criterion


@transaction.atomic
def criterion_remove(*, criterion: Criterion) -> None:
    _criteria_still_editable(process=criterion.process, call=criterion.call)
    criterion.delete()


def sheet_complete(*, evaluator, criteria, idea: Idea | None = None, proposal: Proposal | None = None) -> bool:
    """Whether the evaluator has scored the item on every criterion of its evaluation."""
    scored = Score.objects.filter(evaluator=evaluator, criterion__in=criteria, idea=idea, proposal=proposal)
    return bool(criteria) and scored.count() == len(criteria)


@transaction.atomic
def score_sheet_submit(
    *, evaluator, idea: Idea | None = None, proposal: Proposal | None = None, values: dict, comments: dict
) -> list[Score]:
    """An evaluator's score sheet for one item: every criterion scored at once, each with an optional comment.

    `values` and `comments` map criterion id → value / text. Refused whole when a score is missing
    or outside 0–10, when the evaluator declared a conflict, or when their sheet for this item is
    already submitted (they have seen the panel's results since, so their scores stay as given).
    """
    if (idea is None) == (proposal is None):
        raise ValidationError(_("Score either an idea or a proposal."))
    process = idea.workshop.process if idea else proposal.call.process
    call = proposal.call if proposal else None
    if call is not None and call.status == CallStatus.AWARDED:
        raise ValidationError(_("The call is awarded; its evaluation is over."))
    if proposal is not None and proposal.status != ProposalStatus.SUBMITTED:
        raise ValidationError(_("Only submitted proposals are scored."))
    criteria = list(Criterion.objects.filter(process=process, call=call).order_by("name"))
    if not criteria:
        raise ValidationError(_("This evaluation has no criteria yet."))
    if sheet_complete(evaluator=evaluator, criteria=criteria, idea=idea, proposal=proposal):
        raise ValidationError(_("You have already submitted your scores for this item; they cannot change."))
    errors = []
    for criterion in criteria:
        value = values.get(criterion.pk)
        try:
            number = float(value)
        except (TypeError, ValueError):
            errors.append(_("“%(criterion)s”: give a score from 0 to 10.") % {"criterion": criterion.name})
            continue
        if not 0 <= number <= 10:
            errors.append(
                _("“%(criterion)s”: %(value)s is outside the scale; give a score from 0 to 10.")
                % {"criterion": criterion.name, "value": value}
            )
    if errors:
        raise ValidationError(errors)
    return [
        score_record(
            evaluator=evaluator,
            criterion=criterion,
            value=values[criterion.pk],
            comment=(comments.get(criterion.pk) or "").strip(),
            idea=idea,
            proposal=proposal,
        )
        for criterion in criteria
    ]


@transaction.atomic
def call_update(*, call: Call, deadline: datetime, **fields) -> Call:
    """Change a draft or open call; a naive deadline is city time and must be still to come."""
    call = Call.objects.select_for_update().select_related("process__city").get(pk=call.pk)
    if call.status not in (CallStatus.DRAFT, CallStatus.OPEN):
        raise ValidationError(_("A closed or awarded call can no longer change."))
    deadline = city_local(city=call.process.city, value=deadline)
    if deadline <= timezone.now():
        raise ValidationError(_("The deadline is in the past; give a date and time still to come."))
    idea = fields.get("idea")
    if idea is not None and idea.workshop.process_id != call.process_id:
        raise ValidationError(_("The chosen solution must be an idea of this process."))
    for name, value in fields.items():
        setattr(call, name, value)
    call.deadline = deadline
    call.full_clean()
    call.save()
    return call


CALL_INVITATION_SALT = "cocreation.call-invitation"


def call_invitation_token(*, invitation: CallInvitation) -> str:
    """The signed token of an SME's call link: its id and its random key."""
    return signing.dumps({"c": invitation.pk, "k": invitation.key}, salt=CALL_INVITATION_SALT, compress=False)


def call_invitation_link(*, invitation: CallInvitation) -> str:
    return settings.SITE_URL + reverse(
        "cocreation:apply", kwargs={"token": call_invitation_token(invitation=invitation)}
    )


def call_invitation_from_token(*, token: str) -> CallInvitation:
    """The call invitation an SME's link points to, or LinkInvalid saying why it cannot be used."""
    return _link_from_token(
        token=token,
        salt=CALL_INVITATION_SALT,
        id_field="c",
        queryset=CallInvitation.objects.select_related("call__process__city", "stakeholder"),
    )


@transaction.atomic
def call_invitation_create(*, call: Call, stakeholder: Stakeholder) -> tuple[CallInvitation, bool]:
    """Invite an SME of the city's registry to a call; the e-mail goes out after the commit.

    Idempotent: inviting the same SME again returns its invitation and sends nothing.
    """
    from . import tasks

    if stakeholder.city_id != call.process.city_id or stakeholder.kind != StakeholderKind.SME:
        raise ValidationError(_("Only SMEs in the city's stakeholder registry can be invited to a call."))
    if call.status in (CallStatus.CLOSED, CallStatus.AWARDED):
        raise ValidationError(_("The call is closed; nobody can be invited any more."))
    expires_at = max(call.deadline, timezone.now()) + timedelta(days=INVITATION_DAYS)
    invitation, created = CallInvitation.objects.get_or_create(
        call=call, stakeholder=stakeholder, defaults={"expires_at": expires_at}
    )
    if created and call.status == CallStatus.OPEN:
        tasks.call_invitation_send.delay_on_commit(invitation.pk)
    return invitation, created


@transaction.atomic
def call_invitations_bulk_create(*, call: Call, stakeholders) -> dict:
    """Invite many SMEs at once; those invited before are left as they are. Returns counts."""
    return {"created": sum(call_invitation_create(call=call, stakeholder=s)[1] for s in stakeholders)}


def call_invitations_send_pending(*, call: Call) -> int:
    """Queue the e-mails of a call's invitations not sent yet (when a draft call opens)."""
    from . import tasks

    ids = list(
        CallInvitation.objects.filter(call=call, sent_at__isnull=True, status=InvitationStatus.ACTIVE).values_list(
            "pk", flat=True
        )
    )
    for pk in ids:
        tasks.call_invitation_send.delay_on_commit(pk)
    return len(ids)


def call_invitation_send(*, invitation_id: int) -> bool:
    """E-mail the SME's call link once, in its language, once the call is open; False if nothing to send."""

    def compose(invitation):
        call = invitation.call
        if call.status != CallStatus.OPEN:
            return None
        context = {
            "invitation": invitation,
            "call": call,
            "deadline": timezone.localtime(call.deadline, zoneinfo.ZoneInfo(call.process.city.time_zone)),
            "link": call_invitation_link(invitation=invitation),
        }
        subject = _("Call for proposals: %(call)s") % {"call": call.title}
        return subject, render_to_string("cocreation/email/call_invitation.txt", context)

    return _send_link_once(
        queryset=CallInvitation.objects.select_related("call__process__city", "stakeholder"),
        invitation_id=invitation_id,
        compose=compose,
    )


@transaction.atomic
def call_invitation_revoke(*, invitation: CallInvitation) -> CallInvitation:
    """Withdraw an SME's call link."""
    return _revoke(invitation)


# --- pages for processes, stakeholders and workshops ----------------------------------------------


@transaction.atomic
def process_update(*, process: Process, title: str, challenge: str = "") -> Process:
    """Rename a process or rewrite its challenge; titles stay unique within the city."""
    title = title.strip()
    if not title:
        raise ValidationError({"title": _("Give the process a title.")})
    if Process.objects.filter(city_id=process.city_id, title=title).exclude(pk=process.pk).exists():
        message = _("%(city)s already has a process called “%(title)s”.")
        raise ValidationError({"title": message % {"city": process.city.name, "title": title}})
    process.title, process.challenge = title, challenge.strip()
    process.save(update_fields=["title", "challenge", "updated_at"])
    return process


@transaction.atomic
def process_schedule(*, process: Process, schedule: dict) -> list[Phase]:
    """Set the dates of several phases at once, all or none; `schedule` maps kind → (starts_on, ends_on).

    Phases follow each other: a later phase may not start before an earlier one starts.
    """
    errors = []
    for kind, (starts_on, ends_on) in schedule.items():
        if ends_on < starts_on:
            errors.append(_("%(phase)s: the phase cannot end before it starts.") % {"phase": PhaseKind(kind).label})
    planned = {p.kind: (p.starts_on, p.ends_on) for p in process.phases.all()} | dict(schedule)
    previous = None
    for kind in PhaseKind.values:
        if kind not in planned:
            continue
        if previous and planned[kind][0] < planned[previous][0]:
            errors.append(
                _("%(phase)s cannot start before %(previous)s starts.")
                % {"phase": PhaseKind(kind).label, "previous": PhaseKind(previous).label}
            )
        previous = kind
    if errors:
        raise ValidationError(errors)
    return [
        phase_schedule(process=process, kind=kind, starts_on=starts_on, ends_on=ends_on)
        for kind, (starts_on, ends_on) in schedule.items()
    ]


@transaction.atomic
def stakeholder_update(*, stakeholder: Stakeholder, consent_version: str = "", **fields) -> Stakeholder:
    """Change a stakeholder's details; the e-mail stays unique in the city's registry.

    With `consent_version`, the consent to that version of the text is recorded now.
    """
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
def workshop_update(
    *,
    workshop: Workshop,
    starts_at: datetime,
    ends_at: datetime,
    input_closes_at: datetime | None = None,
    **fields,
) -> Workshop:
    """Change a planned or open workshop; naive times are the city's wall-clock time."""
    workshop = Workshop.objects.select_for_update().select_related("process__city").get(pk=workshop.pk)
    if workshop.status == WorkshopStatus.CLOSED:
        raise ValidationError(_("A closed workshop cannot be changed; its closing report can."))
    city = workshop.process.city
    starts_at = city_local(city=city, value=starts_at)
    ends_at = city_local(city=city, value=ends_at)
    input_closes_at = city_local(city=city, value=input_closes_at) if input_closes_at else ends_at + timedelta(days=7)
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("A workshop must end after it starts.")})
    if input_closes_at < starts_at:
        raise ValidationError({"input_closes_at": _("Input cannot close before the workshop starts.")})
    capacity = fields.get("capacity")
    if capacity is not None:
        invited = workshop.invitations.filter(status=InvitationStatus.ACTIVE).count()
        if capacity < invited:
            raise ValidationError(
                {
                    "capacity": _("Invitations already made: %(invited)s. The capacity cannot be lower.")
                    % {"invited": invited}
                }
            )
    workshop.starts_at, workshop.ends_at, workshop.input_closes_at = starts_at, ends_at, input_closes_at
    for name, value in fields.items():
        setattr(workshop, name, value)
    workshop.full_clean()
    workshop.save(update_fields=["starts_at", "ends_at", "input_closes_at", *fields, "updated_at"])
    return workshop


def _question_editable(workshop: Workshop) -> bool:
    """Whether questions may still be added, removed or change their type (no input given yet)."""
    if workshop.status == WorkshopStatus.CLOSED:
        raise ValidationError(_("The form of a closed workshop cannot change."))
    return not workshop.submissions.exists()


@transaction.atomic
def question_update(
    *, question: Question, kind: str, text: dict, choices: list | None = None, required: bool = True, scale_max: int = 5
) -> Question:
    """Change a question. Once input was given, only its wording and translations may change."""
    question = Question.objects.select_for_update().select_related("workshop").get(pk=question.pk)
    choices = choices or []
    if not _question_editable(question.workshop):
        if kind != question.kind or len(choices) != len(question.choices or []) or scale_max != question.scale_max:
            raise ValidationError(
                _(
                    "Input has already been given: change only the wording and translations, "
                    "not the type, the number of choices or the scale."
                )
            )
        if required and not question.required:
            raise ValidationError(_("Input has already been given: an optional question cannot become required."))
    question.kind, question.text, question.choices = kind, text, choices
    question.required, question.scale_max = required, scale_max
    question.full_clean()
    question.save(update_fields=["kind", "text", "choices", "required", "scale_max", "updated_at"])
    return question


@transaction.atomic
def question_delete(*, question: Question) -> None:
    """Remove a question while no input has been given; the others close up their positions."""
    workshop = Workshop.objects.select_for_update().get(pk=question.workshop_id)
    if not _question_editable(workshop):
        raise ValidationError(_("Input has already been given; a question that was answered cannot be removed."))
    question.delete()
    for position, other in enumerate(workshop.questions.order_by("position", "pk")):
        if other.position != position:
            other.position = position
            other.save(update_fields=["position", "updated_at"])


@transaction.atomic
def question_move(*, question: Question, up: bool) -> Question:
    """Swap a question with the one before (up) or after it in the form."""
    workshop = Workshop.objects.select_for_update().get(pk=question.workshop_id)
    if workshop.status == WorkshopStatus.CLOSED:
        raise ValidationError(_("The form of a closed workshop cannot change."))
    ordered = list(workshop.questions.order_by("position", "pk"))
    index = next(i for i, q in enumerate(ordered) if q.pk == question.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(ordered):
        return ordered[index]
    ordered[index], ordered[other] = ordered[other], ordered[index]
    for position, item in enumerate(ordered):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position", "updated_at"])
    return ordered[other]


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
    result = invitations_bulk_create(workshop=workshop, stakeholders=new)
    return {"created": result["created"], "already": len(stakeholders) - len(new)}


@transaction.atomic
def invitations_import(*, workshop: Workshop, csv_text: str, consent_version: str = "") -> dict:
    """Register the people of a CSV file (de-duplicated by e-mail) and invite them, all or nothing."""
    created, updated, stakeholders = _stakeholders_import(
        city=workshop.process.city, csv_text=csv_text, consent_version=consent_version
    )
    invited = invitations_invite(workshop=workshop, stakeholders=stakeholders)
    return {"created": created, "updated": updated, "invited": invited["created"]}


@transaction.atomic
def invitation_resend(*, invitation: StakeholderInvitation) -> StakeholderInvitation:
    """E-mail the personal link again (through the task); an expired link gets a new expiry date."""
    from . import tasks

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
def invitation_check_in_undo(*, invitation: StakeholderInvitation) -> StakeholderInvitation:
    """Take back a check-in made by mistake."""
    invitation = StakeholderInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.checked_in_at is not None:
        invitation.checked_in_at = None
        invitation.save(update_fields=["checked_in_at", "updated_at"])
    return invitation


@transaction.atomic
def workshop_report_save(*, workshop: Workshop, outcomes: str, files=(), user=None) -> Workshop:
    """Write the closing report: the outcomes and any new attachments, all saved or none.

    Each file is checked by its content and size, like stakeholders' uploads.
    """
    from .models import WorkshopAttachment

    workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
    errors, checked = [], []
    limit = f"{uploads.MAX_UPLOAD_BYTES / 1048576:.0f}"
    for uploaded in files:
        if uploaded.size > uploads.MAX_UPLOAD_BYTES:
            errors.append(
                _("“%(name)s” is %(size)s MB; files can be at most %(limit)s MB.")
                % {"name": uploaded.name, "size": f"{uploaded.size / 1048576:.1f}", "limit": limit}
            )
            continue
        content_type = uploads.sniff(uploaded)
        if content_type is None:
            errors.append(
                _("“%(name)s” is not a type we accept. Attach one of: %(types)s.")
                % {"name": uploaded.name, "types": uploads.ACCEPTED_LABEL}
            )
            continue
        checked.append((uploaded, content_type))
    if errors:
        raise ValidationError(errors)
    workshop.outcomes = outcomes.strip()
    workshop.save(update_fields=["outcomes", "updated_at"])
    for uploaded, content_type in checked:
        WorkshopAttachment.objects.create(
            workshop=workshop,
            name=uploaded.name[:200],
            file=uploaded,
            content_type=content_type,
            size=uploaded.size,
            uploaded_by=user,
        )
    return workshop


@transaction.atomic
def attachment_delete(*, attachment) -> None:
    """Remove a file from the closing report, and from storage once the row is gone."""
    name, storage = attachment.file.name, attachment.file.storage
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))
