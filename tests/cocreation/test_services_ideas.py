"""Services of ideas, votes and ratings."""

import pytest
from django.core.exceptions import ValidationError

from cocreation import services
from cocreation.models import IdeaStatus, Vote

pytestmark = pytest.mark.django_db


def test_vote_limit_per_participant(invitation_s, tagged_ideas_a, workshop_a):
    workshop_a.vote_limit = 2
    workshop_a.save(update_fields=["vote_limit"])
    services.vote_cast(invitation=invitation_s, idea=tagged_ideas_a[0])
    services.vote_cast(invitation=invitation_s, idea=tagged_ideas_a[0])  # the same vote twice counts once
    services.vote_cast(invitation=invitation_s, idea=tagged_ideas_a[1])
    with pytest.raises(ValidationError, match="used all 2 of your votes"):
        services.vote_cast(invitation=invitation_s, idea=tagged_ideas_a[2])
    assert Vote.objects.filter(invitation=invitation_s).count() == 2
    services.vote_withdraw(invitation=invitation_s, idea=tagged_ideas_a[0])
    services.vote_cast(invitation=invitation_s, idea=tagged_ideas_a[2])


def test_merge_moves_votes_and_sources(invitation_s, tagged_ideas_a):
    services.vote_cast(invitation=invitation_s, idea=tagged_ideas_a[1])
    services.idea_rate(invitation=invitation_s, idea=tagged_ideas_a[1], value=4)
    into = services.idea_merge(duplicate=tagged_ideas_a[1], into=tagged_ideas_a[0])
    tagged_ideas_a[1].refresh_from_db()
    assert tagged_ideas_a[1].status == IdeaStatus.MERGED and tagged_ideas_a[1].merged_into == into
    assert into.votes.count() == 1 and into.ratings.get().value == 4
    assert into.tags == ["hộ gia đình", "rác"]
    with pytest.raises(ValidationError, match="merged into another"):
        services.vote_cast(invitation=invitation_s, idea=tagged_ideas_a[1])
