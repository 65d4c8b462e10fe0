"""Reads of ideas: the facilitators' ranked list and a participant's ballot."""

from django.db.models import Avg, Count, QuerySet

from .. import scoring
from ..models import Idea, IdeaRating, IdeaStatus, Process, StakeholderInvitation, Vote, Workshop
from .common import count_of, visible_get


def idea_list(*, workshop: Workshop) -> list[Idea]:
    """The workshop's ideas (merged ones left out), ranked by votes, then mean rating."""
    ideas = list(
        Idea.objects.filter(workshop=workshop)
        .exclude(status=IdeaStatus.MERGED)
        .annotate(
            vote_count=count_of(Vote.objects, "idea"),
            rating_mean=Avg("ratings__value"),
            rating_count=Count("ratings"),
            source_count=count_of(Idea.sources.through.objects, "idea"),
        )
    )
    ideas.sort(
        key=lambda i: scoring.idea_rank_key(votes=i.vote_count, rating_mean=i.rating_mean, ratings=i.rating_count)
    )
    return ideas


def ballot(*, invitation: StakeholderInvitation) -> dict:
    """The ideas a participant may vote on and rate, with their own votes and ratings."""
    ideas = list(
        Idea.objects.filter(workshop_id=invitation.workshop_id).exclude(status=IdeaStatus.MERGED).order_by("title")
    )
    voted = set(Vote.objects.filter(invitation=invitation).values_list("idea_id", flat=True))
    ratings = dict(IdeaRating.objects.filter(invitation=invitation).values_list("idea_id", "value"))
    for idea in ideas:
        idea.voted = idea.pk in voted
        idea.my_rating = ratings.get(idea.pk)
    limit = invitation.workshop.vote_limit
    return {"ideas": ideas, "votes_used": len(voted), "vote_limit": limit, "votes_left": max(0, limit - len(voted))}


def idea_get(*, user, pk: int) -> Idea | None:
    return visible_get(Idea, "workshop__process__city", user=user, pk=pk)


def shortlisted_ideas(*, process: Process) -> QuerySet[Idea]:
    return Idea.objects.filter(
        workshop__process=process, status__in=[IdeaStatus.SHORTLISTED, IdeaStatus.SELECTED]
    ).order_by("title")


def ballot_idea(*, invitation: StakeholderInvitation, pk: int | None) -> Idea | None:
    """An idea of the participant's workshop, or None."""
    return Idea.objects.filter(pk=pk, workshop_id=invitation.workshop_id).first() if pk else None


def merge_targets(*, idea: Idea) -> list[Idea]:
    """The ideas of the workshop a duplicate can be merged into."""
    return list(idea.workshop.ideas.exclude(pk=idea.pk).exclude(status=IdeaStatus.MERGED))
