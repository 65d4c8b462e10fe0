"""Writes of ideas drawn from the input, and of participants' votes and ratings."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import (
    Idea,
    IdeaRating,
    IdeaStatus,
    InvitationStatus,
    StakeholderInvitation,
    Vote,
    Workshop,
    WorkshopStatus,
)


def tags_from_text(tags) -> list[str]:
    if isinstance(tags, str):
        tags = tags.split(",")
    return sorted({t.strip().lower() for t in tags if t and t.strip()})


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
