"""Reads of calls for SME proposals: the call page, its SME invitations, proposals and the award."""

from django.db.models import Count, QuerySet, Window

from ..models import Call, CallInvitation, Proposal, ProposalStatus, Stakeholder, StakeholderKind
from .common import PAGE_SIZE, visible_get
from .evaluation import evaluation, evaluation_seen_by


def call_get(*, user, pk: int) -> Call | None:
    return visible_get(Call, "process__city", user=user, pk=pk, related=("idea",))


def call_detail(*, call: Call, user=None, can_evaluate: bool = False) -> dict:
    """The call's proposals, published Q&A and panel results; with `user`, the results as they may see them."""
    proposals = list(
        call.proposals.select_related("stakeholder").annotate(document_count=Count("documents")).order_by("title")
    )
    return {
        "proposals": proposals,
        "clarifications": clarifications_published(call=call),
        "evaluation": evaluation(process=call.process, call=call)
        if user is None
        else evaluation_seen_by(user=user, process=call.process, call=call, can_evaluate=can_evaluate),
    }


def awarded_proposal(*, city) -> Proposal | None:
    """The proposal awarded in the city's latest awarded call: what a pilot starts from (issue "Pilot tracking")."""
    return (
        Proposal.objects.filter(call__process__city=city, status=ProposalStatus.AWARDED)
        .select_related("call__process", "stakeholder")
        .order_by("-awarded_at")
        .first()
    )


def proposal_get(*, user, pk: int) -> Proposal | None:
    return visible_get(Proposal, "call__process__city", user=user, pk=pk, related=("stakeholder",))


def call_invitations(*, call: Call) -> dict:
    """One page of a call's SME invitations, with counts and how many SMEs are not yet invited."""
    qs = CallInvitation.objects.filter(call=call)
    # The first SMEs to pick from and, through a window count over the whole set, how many there are.
    uninvited = list(uninvited_smes(call=call).annotate(total=Window(Count("pk"))).order_by("name", "pk")[:PICK_LIMIT])
    return {
        "invitations": list(qs.select_related("stakeholder").order_by("stakeholder__name", "pk")[:PAGE_SIZE]),
        "invited": qs.count(),
        "uninvited_smes": uninvited[0].total if uninvited else 0,
        "uninvited_list": uninvited,
    }


PICK_LIMIT = 200  # SMEs listed to pick from; "invite all" covers a larger registry


def uninvited_smes(*, call: Call, ids=None) -> QuerySet[Stakeholder]:
    """The SMEs of the call's city registry that hold no link to this call yet (those of `ids`, when given)."""
    smes = Stakeholder.objects.filter(city_id=call.process.city_id, kind=StakeholderKind.SME).exclude(
        call_invitations__call=call
    )
    return smes if ids is None else smes.filter(pk__in=ids)


def proposal_for_invitation(*, invitation) -> Proposal | None:
    return (
        Proposal.objects.filter(call_id=invitation.call_id, stakeholder_id=invitation.stakeholder_id)
        .prefetch_related("documents")
        .first()
    )


def call_invitation_get(*, user, pk: int) -> CallInvitation | None:
    return visible_get(CallInvitation, "call__process__city", user=user, pk=pk)


def clarifications_published(*, call: Call) -> list:
    return list(call.clarifications.filter(published_at__isnull=False).order_by("published_at"))


def proposal_documents(*, proposal: Proposal) -> list:
    return list(proposal.documents.all())
