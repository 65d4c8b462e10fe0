"""Writes of calls for SME proposals: drafting, opening and closing, SME invitations, proposals and the award."""

import zoneinfo
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ccrs import uploads
from ccrs.states import locked, moved

from ..models import (
    ACCEPTED_UPLOADS,
    Call,
    CallInvitation,
    CallStatus,
    Clarification,
    Idea,
    IdeaStatus,
    InvitationStatus,
    Process,
    Proposal,
    ProposalDocument,
    ProposalStatus,
    Stakeholder,
    StakeholderKind,
)
from .links import INVITATION_DAYS, invitation_kind, link_revoke, link_send_once
from .workshops import city_local


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


@transaction.atomic
def call_open(*, call: Call) -> Call:
    call = locked(call, {CallStatus.DRAFT}, _("Only a draft call can be opened."))
    if call.deadline <= timezone.now():
        raise ValidationError(_("Set a deadline in the future before opening the call."))
    moved(call, CallStatus.OPEN)
    call_invitations_send_pending(call=call)
    return call


@transaction.atomic
def call_close(*, call: Call) -> Call:
    call = locked(call, {CallStatus.OPEN}, _("Only an open call can be closed."))
    return moved(call, CallStatus.CLOSED)


@transaction.atomic
def clarification_publish(*, call: Call, question: str, answer: str) -> Clarification:
    """Publish a question about the call with its answer, for every applicant to read."""
    if not question.strip() or not answer.strip():
        raise ValidationError(_("A published clarification needs both the question and its answer."))
    return Clarification.objects.create(
        call=call, question=question.strip(), answer=answer.strip(), published_at=timezone.now()
    )


CALL_INVITATION_SALT = "cocreation.call-invitation"


CALL_INVITATION = invitation_kind(
    salt=CALL_INVITATION_SALT,
    url_name="cocreation:apply",
    rows=lambda: CallInvitation.objects.select_related("call__process__city", "stakeholder"),
)


@transaction.atomic
def call_invitation_create(*, call: Call, stakeholder: Stakeholder) -> tuple[CallInvitation, bool]:
    """Invite an SME of the city's registry to a call; the e-mail goes out after the commit.

    Idempotent: inviting the same SME again returns its invitation and sends nothing.
    """
    from .. import tasks

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
    from .. import tasks

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
        deadline = timezone.localtime(call.deadline, zoneinfo.ZoneInfo(call.process.city.time_zone))
        subject = _("Call for proposals: %(call)s") % {"call": call.title}
        return subject, "cocreation/email/call_invitation.txt", {"call": call, "deadline": deadline}

    return link_send_once(CALL_INVITATION, invitation_id, compose=compose)


@transaction.atomic
def call_invitation_revoke(*, invitation: CallInvitation) -> CallInvitation:
    """Withdraw an SME's call link."""
    return link_revoke(invitation)


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
        refused = _("“%(name)s” must be a file of at most %(limit)s MB, one of: %(types)s.")
        for name, uploaded in documents.items():
            try:
                uploads.check(
                    uploaded,
                    accept=ACCEPTED_UPLOADS,
                    max_bytes=settings.COCREATION_MAX_UPLOAD_BYTES,
                    name=name,
                    too_large=refused,
                    not_accepted=refused,
                )
            except ValidationError as error:
                errors.extend(error.messages)
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
    from .. import tasks

    call = locked(proposal.call, {CallStatus.CLOSED}, _("Close the call for proposals before awarding it."))
    proposal = locked(proposal, {ProposalStatus.SUBMITTED}, _("Only a submitted, eligible proposal can be awarded."))
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
