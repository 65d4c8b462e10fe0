"""Bad input on co-creation pages gets a clear message or is ignored, never a server error."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client_for, member_a):
    return client_for(member_a)


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
    from cocreation import selectors, services

    monkeypatch.setattr(selectors, "PAGE_SIZE", 1)
    services.stakeholder_register(city=city_a, name="Trần Văn Bình", email="binh@example.vn", kind="ngo")
    url = reverse("cocreation:stakeholders", kwargs={"slug": city_a.slug})
    first = officer.get(url)
    assert first.context["page"] == 1 and first.context["has_next"] and first.context["total"] == 2
    last = officer.get(url, {"page": str(10**29)})
    assert last.context["page"] == 2 and not last.context["has_next"]
    assert [s.name for s in last.context["stakeholders"]] == ["Trần Văn Bình"]
