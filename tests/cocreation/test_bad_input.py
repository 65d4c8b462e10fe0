"""Bad input on co-creation pages gets a clear message or is ignored, never a server error."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from ccrs.links import link_token
from cocreation import services
from cocreation.models import CallInvitation, IdeaRating, StakeholderInvitation, Vote

pytestmark = pytest.mark.django_db

NOT_IDS = ["abc", "1.5", "²", "-1", "0", str(10**29), "9" * 5000]


@pytest.fixture
def officer(client_for, member_a):
    return client_for(member_a)


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def in_vietnamese(message):
    with translation.override("vi"):
        return translation.gettext(message)


def vote_url(invitation):
    return reverse("cocreation:vote", kwargs={"token": link_token(services.STAKEHOLDER_INVITATION, invitation)})


def test_search_with_a_nul_character_searches_without_it(officer, city_a, stakeholder_a):
    """`?q=%00` lists the whole registry; `?q=Lan%00` finds Lan."""
    url = reverse("cocreation:stakeholders", kwargs={"slug": city_a.slug})
    for query in ["\x00", "Lan\x00"]:
        response = officer.get(url, {"q": query})
        assert response.status_code == 200
        assert stakeholder_a.name in response.content.decode()


def test_attendance_search_with_a_nul_character_searches_without_it(officer, invitation_s):
    response = officer.get(reverse("cocreation:attendance", kwargs={"pk": invitation_s.workshop_id}), {"q": "\x00"})
    assert response.status_code == 200
    assert invitation_s.stakeholder.name in response.content.decode()


@pytest.mark.parametrize("name", ["cocreation:stakeholders", "cocreation:submissions", "cocreation:attendance"])
def test_page_number_past_the_end_shows_the_last_page(officer, city_a, invitation_s, name):
    """A huge `?page=` (whose OFFSET would overflow a bigint) shows the last page, here the only one;
    a page that is not a whole number shows the first."""
    kwargs = {"slug": city_a.slug} if name == "cocreation:stakeholders" else {"pk": invitation_s.workshop_id}
    for page in [str(10**29), "9" * 5000, "abc", "-3", "1e308", "²"]:
        response = officer.get(reverse(name, kwargs=kwargs), {"page": page})
        assert response.status_code == 200, page
        assert response.context["page"] == 1 and not response.context["has_next"]


def test_registry_pages_through_the_people(officer, city_a, stakeholder_a, monkeypatch):
    """Past the last page the registry shows the last one, with the link back to earlier pages intact."""
    from cocreation import services
    from cocreation.selectors import stakeholders

    monkeypatch.setattr(stakeholders, "PAGE_SIZE", 1)
    services.stakeholder_register(city=city_a, name="Trần Văn Bình", email="binh@example.vn", kind="ngo")
    url = reverse("cocreation:stakeholders", kwargs={"slug": city_a.slug})
    first = officer.get(url)
    assert first.context["page"] == 1 and first.context["has_next"] and first.context["total"] == 2
    last = officer.get(url, {"page": str(10**29)})
    assert last.context["page"] == 2 and not last.context["has_next"]
    assert [s.name for s in last.context["stakeholders"]] == ["Trần Văn Bình"]


@pytest.mark.parametrize("idea", NOT_IDS)
def test_vote_for_an_idea_that_is_not_an_id_is_refused_with_a_message(client_for, invitation_s, idea):
    """`idea=abc` through a personal link: back to the form, told in the stakeholder's language that
    the idea is not part of the workshop; nothing is saved."""
    services.idea_create(workshop=invitation_s.workshop, title="Túi hai màu")
    for data in [{"idea": idea, "action": "vote"}, {"idea": idea, "rating": "4"}, {"idea": idea, "action": "withdraw"}]:
        response = client_for(None).post(vote_url(invitation_s), data)
        assert response.status_code == 302
        assert texts(response) == [in_vietnamese("This idea is not part of your workshop.")]
    assert not Vote.objects.exists() and not IdeaRating.objects.exists()


@pytest.mark.parametrize("rating", ["abc", "²", "9" * 5000, str(10**29), "0"])
def test_rating_that_is_not_one_to_five_is_refused_with_a_message(client, invitation_s, rating):
    idea = services.idea_create(workshop=invitation_s.workshop, title="Túi hai màu")
    response = client.post(vote_url(invitation_s), {"idea": idea.pk, "rating": rating})
    assert texts(response) == [in_vietnamese("Rate an idea from 1 to 5.")]
    assert not IdeaRating.objects.exists()


@pytest.mark.parametrize("submission", NOT_IDS)
def test_idea_from_a_submission_that_is_not_an_id_opens_an_empty_form(officer, invitation_s, submission):
    response = officer.get(
        reverse("cocreation:idea_new", kwargs={"pk": invitation_s.workshop_id}), {"submission": submission}
    )
    assert response.status_code == 200 and response.context["submission"] is None


@pytest.mark.parametrize("idea", NOT_IDS)
def test_call_for_an_idea_that_is_not_an_id_opens_an_empty_form(officer, process_a, idea):
    response = officer.get(reverse("cocreation:call_new", kwargs={"pk": process_a.pk}), {"idea": idea})
    assert response.status_code == 200 and not response.context["form"].initial


@pytest.mark.parametrize("ticked", NOT_IDS)
def test_ticking_a_stakeholder_that_is_not_an_id_invites_nobody(officer, questions_a, stakeholder_a, ticked):
    response = officer.post(
        reverse("cocreation:workshop_invite", kwargs={"pk": questions_a[0].workshop_id}),
        {"stakeholder": [stakeholder_a.pk, ticked]},
    )
    assert response.status_code == 400
    assert texts(response) == ["Some of the people chosen cannot be invited; reload the page and try again."]
    assert not StakeholderInvitation.objects.exists()


@pytest.mark.parametrize("ticked", NOT_IDS)
def test_ticking_an_sme_that_is_not_an_id_for_a_call_invites_nobody(officer, invitation_s, stakeholder_a, ticked):
    idea = services.idea_create(workshop=invitation_s.workshop, title="Túi hai màu")
    services.idea_shortlist(idea=idea)
    call = services.call_create(
        process=invitation_s.workshop.process,
        idea=idea,
        title="Gọi đề xuất",
        description="Thu gom rác hữu cơ.",
        deadline=invitation_s.workshop.input_closes_at,
        max_employees=49,
        currency="VND",
    )
    response = officer.post(
        reverse("cocreation:call_invite", kwargs={"pk": call.pk}),
        {"selected": "1", "stakeholder": [stakeholder_a.pk, ticked]},
    )
    assert response.status_code == 302
    assert texts(response) == [
        "Some ticked SMEs are no longer waiting for a link to this call. Reload the page and try again."
    ]
    assert not CallInvitation.objects.exists()
