"""Writes of workshops: scheduling, opening and closing, their questions and the closing report."""

import zoneinfo
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from ccrs import uploads
from ccrs.states import locked, moved

from ..models import (
    ACCEPTED_UPLOADS,
    InvitationStatus,
    Process,
    Question,
    Workshop,
    WorkshopAttachment,
    WorkshopStatus,
)


def city_local(*, city, value: datetime) -> datetime:
    """A naive date and time read as the city's wall clock, made aware."""
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


@transaction.atomic
def workshop_open(*, workshop: Workshop) -> Workshop:
    """Open the input form to invited stakeholders; it needs at least one question."""
    workshop = locked(workshop, {WorkshopStatus.PLANNED}, _("Only a planned workshop can be opened for input."))
    if not workshop.questions.exists():
        raise ValidationError(_("Add at least one question before opening the workshop for input."))
    return moved(workshop, WorkshopStatus.OPEN)


@transaction.atomic
def workshop_close(*, workshop: Workshop, outcomes: str = "") -> Workshop:
    """Close the workshop: input can no longer be given or edited; the outcomes are recorded."""
    workshop = locked(workshop, {WorkshopStatus.OPEN}, _("Only a workshop open for input can be closed."))
    if outcomes:
        workshop.outcomes = outcomes
    moved(workshop, WorkshopStatus.CLOSED, fields=["outcomes"] if outcomes else [])
    return workshop


def workshop_counts(*, workshop: Workshop) -> dict:
    return workshop.invitations.aggregate(invited=Count("pk"), submitted=Count("submission"))


def _question_editable(workshop: Workshop) -> bool:
    """Whether questions may still be added, removed or change their type (no input given yet)."""
    if workshop.status == WorkshopStatus.CLOSED:
        raise ValidationError(_("The form of a closed workshop cannot change."))
    return not workshop.submissions.exists()


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
def workshop_report_save(*, workshop: Workshop, outcomes: str, files=(), user=None) -> Workshop:
    """Write the closing report: the outcomes and any new attachments, all saved or none.

    Each file is checked by its content and size, like stakeholders' uploads.
    """
    workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
    errors, checked = [], []
    for uploaded in files:
        try:
            kind = uploads.check(uploaded, accept=ACCEPTED_UPLOADS, max_bytes=settings.COCREATION_MAX_UPLOAD_BYTES)
        except ValidationError as error:
            errors.extend(error.messages)
            continue
        checked.append((uploaded, kind.mime))
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
