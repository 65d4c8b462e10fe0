"""Writes of stakeholders' input to a workshop, given through their personal link."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ccrs import uploads

from ..models import (
    ACCEPTED_UPLOADS,
    InvitationStatus,
    Question,
    QuestionKind,
    StakeholderInvitation,
    Submission,
    SubmissionFile,
    WorkshopStatus,
)

SUPPORTED_LANGUAGES = [code for code, _name in settings.LANGUAGES]


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
    kind = uploads.check(
        uploaded,
        accept=ACCEPTED_UPLOADS,
        max_bytes=settings.COCREATION_MAX_UPLOAD_BYTES,
        too_large=_("“%(question)s”: the file is %(size)s MB; files can be at most %(limit)s MB."),
        not_accepted=_("“%(question)s”: this file is not a type we accept. Send one of: %(types)s."),
        params={"question": question.text_in(language)},
    )
    return kind.mime


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
