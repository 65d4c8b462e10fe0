"""Pages of ideas: facilitators' editing, and participants' votes and ratings through their link."""

import pytest
from django.urls import reverse

from cocreation import services
from cocreation.models import Idea, IdeaStatus, Vote

from .conftest import link

pytestmark = pytest.mark.django_db


def test_participant_votes_and_rates_through_the_link(client, invitation_s, questions_a):
    """The link shows the workshop's ideas; a vote and a rating are saved; the vote limit is told."""
    from cocreation.models import IdeaRating, Vote

    workshop = invitation_s.workshop
    workshop.vote_limit = 1
    workshop.save(update_fields=["vote_limit"])
    first = services.idea_create(workshop=workshop, title="Túi hai màu")
    second = services.idea_create(workshop=workshop, title="Điểm thu mua ở chợ")
    url = link(invitation_s)
    vote_url = reverse("cocreation:vote", kwargs={"token": url.split("/")[-2]})
    assert "Túi hai màu" in client.get(url).content.decode()
    assert client.post(vote_url, {"idea": first.pk, "action": "vote"}).status_code == 302
    response = client.post(vote_url, {"idea": second.pk, "action": "vote"}, follow=True)
    assert Vote.objects.count() == 1
    from django.utils import translation

    with translation.override("vi"):  # the participant's language
        told = translation.gettext("You have used all %(limit)s of your votes. Take one back to vote for this idea.")
    assert told % {"limit": 1} in response.content.decode()
    client.post(vote_url, {"idea": second.pk, "rating": "5"})
    assert IdeaRating.objects.get().value == 5


def test_officer_turns_an_answer_into_an_idea(client_for, member_a, workshop_a, submission_a):
    """The form opens with the answer's text; the saved idea keeps the submission as its source."""
    client = client_for(member_a)
    url = reverse("cocreation:idea_new", kwargs={"pk": workshop_a.pk})
    page = client.get(url, {"submission": submission_a.pk}).content.decode()
    assert "Phát túi phân loại cho hộ gia đình" in page
    response = client.post(
        url,
        {
            "title": "Túi hai màu",
            "description": "…",
            "cluster": "Phân loại",
            "tags": "Hộ gia đình, rác ,",
            "submission": submission_a.pk,
        },
    )
    assert response.status_code == 302
    idea = Idea.objects.get()
    assert idea.tags == ["hộ gia đình", "rác"] and idea.cluster == "Phân loại"
    assert list(idea.sources.all()) == [submission_a]


def test_idea_without_title_is_refused(client_for, member_a, workshop_a):
    response = client_for(member_a).post(reverse("cocreation:idea_new", kwargs={"pk": workshop_a.pk}), {"title": " "})
    assert response.status_code == 400
    assert not Idea.objects.exists()


def test_viewer_reads_ideas_but_cannot_add_one(client_for, viewer_a, workshop_a):
    client = client_for(viewer_a)
    body = client.get(reverse("cocreation:ideas", kwargs={"pk": workshop_a.pk})).content.decode()
    assert reverse("cocreation:idea_new", kwargs={"pk": workshop_a.pk}) not in body
    response = client.post(reverse("cocreation:idea_new", kwargs={"pk": workshop_a.pk}), {"title": "X"})
    assert response.status_code == 403
    assert not Idea.objects.exists()


def test_officer_edits_tags_merges_and_shortlists(client_for, member_a, ideas_a, invitation_s):
    """Editing, tagging (through HTMX), merging a duplicate (its votes move) and shortlisting change the DB."""
    first, _market, duplicate = ideas_a
    services.vote_cast(invitation=invitation_s, idea=duplicate)
    client = client_for(member_a)
    client.post(
        reverse("cocreation:idea_edit", kwargs={"pk": first.pk}), {"title": "Túi hai màu cho hộ", "description": "d"}
    )
    response = client.post(
        reverse("cocreation:idea_tag", kwargs={"pk": first.pk}),
        {"cluster": "Hộ", "tags": "túi, Hữu cơ"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and 'id="idea-tags-' in response.content.decode()
    assert "<html" not in response.content.decode()  # only the tag cell
    client.post(reverse("cocreation:idea_merge", kwargs={"pk": duplicate.pk}), {"into": first.pk})
    client.post(reverse("cocreation:idea_shortlist", kwargs={"pk": first.pk}))
    first.refresh_from_db()
    duplicate.refresh_from_db()
    assert first.title == "Túi hai màu cho hộ" and first.cluster == "Hộ" and first.tags == ["hữu cơ", "túi"]
    assert first.status == IdeaStatus.SHORTLISTED
    assert duplicate.status == IdeaStatus.MERGED and duplicate.merged_into == first
    assert Vote.objects.get().idea == first
    body = client.get(reverse("cocreation:ideas", kwargs={"pk": first.workshop_id})).content.decode()
    assert f'id="idea-{duplicate.pk}"' not in body and f'id="idea-{first.pk}"' in body  # merged: off the ranking


def test_merging_an_idea_into_itself_changes_nothing(client_for, member_a, ideas_a):
    idea = ideas_a[0]
    response = client_for(member_a).post(
        reverse("cocreation:idea_merge", kwargs={"pk": idea.pk}), {"into": idea.pk}, follow=True
    )
    assert "Choose the idea" in response.content.decode()
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.OPEN


def test_officer_of_another_city_cannot_tag(client_for, member_b, ideas_a):
    response = client_for(member_b).post(reverse("cocreation:idea_tag", kwargs={"pk": ideas_a[0].pk}), {"tags": "x"})
    assert response.status_code == 404
    ideas_a[0].refresh_from_db()
    assert ideas_a[0].tags == []
