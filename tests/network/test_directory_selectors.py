"""The member directory's reads: who is listed, what each reader sees of a person's contact details, filters."""

import pytest

from network.models import OrganisationKind, TagKind, Visibility
from network.selectors import members as selectors
from network.selectors.members import DirectoryFilters
from tests.conftest import make_user

from .members_factories import organisation, profile, tag

pytestmark = pytest.mark.django_db


def names(result):
    return [person.name for person in result["rows"]]


def people(user, **filters):
    return selectors.directory_people(user=user, filters=DirectoryFilters(**filters))


def test_the_directory_lists_staff_city_teams_and_network_members_but_not_stakeholders(
    staff, member_a, member_b, network_member, stakeholder
):
    """Everyone of the network is in it; a stakeholder who only answers forms is not."""
    listed = {person.user for person in people(member_a)["rows"]}
    assert listed == {staff, member_a, member_b, network_member}


def test_a_person_who_asked_to_be_left_out_is_not_listed(member_a, member_b, network_member):
    profile(network_member, listed=False)
    assert network_member not in {p.user for p in people(member_a)["rows"]}
    assert selectors.person_get(user=member_b, pk=network_member.pk) is None


def test_an_unlisted_person_is_still_seen_by_staff_and_by_themselves(staff, network_member):
    profile(network_member, listed=False)
    assert selectors.person_get(user=staff, pk=network_member.pk) is not None
    assert selectors.person_get(user=network_member, pk=network_member.pk) is not None


def test_a_hidden_email_reaches_only_staff_and_the_person(staff, member_a, network_member):
    """show_email "nobody": members never get the address, not even as the name of a person without one."""
    network_member.full_name = ""
    network_member.save(update_fields=["full_name"])
    profile(network_member, show_email=Visibility.NOBODY)
    seen_by_member = selectors.person_get(user=member_a, pk=network_member.pk)
    assert seen_by_member.email == ""
    assert network_member.email not in seen_by_member.name
    assert selectors.person_get(user=staff, pk=network_member.pk).email == network_member.email
    assert selectors.person_get(user=network_member, pk=network_member.pk).email == network_member.email


def test_a_phone_is_shown_to_members_only_when_the_person_chose_it(member_a, network_member):
    profile(network_member, phone="+84 292 3820 000", show_phone=Visibility.NOBODY)
    assert selectors.person_get(user=member_a, pk=network_member.pk).phone == ""
    profile(network_member, phone="+84 292 3820 000", show_phone=Visibility.MEMBERS)
    assert selectors.person_get(user=member_a, pk=network_member.pk).phone == "+84 292 3820 000"


def test_a_person_shows_their_city_role_languages_and_tags_by_kind(member_a, city_a):
    waste = tag(TagKind.SECTOR, "E38", "Waste collection", vi="Thu gom rác")
    flooding = tag(TagKind.TOPIC, "flooding", "Flooding")
    profile(member_a, languages=["vi", "en"], offers="Source separation", tags=[waste, flooding])
    person = selectors.person_get(user=member_a, pk=member_a.pk)
    assert person.cities == [city_a]
    assert person.role == "Officer"
    assert person.languages == ["Vietnamese", "English"]
    assert dict(person.tags) == {"ISIC sector": ["Waste collection"], "Resilience topic": ["Flooding"]}
    assert person.offers == "Source separation"


def test_filters_by_kind_tag_language_city_and_name(member_a, member_b, network_member, city_a, lead_a):
    rotterdam = organisation("Rotterdam", OrganisationKind.INSPIRATION_CITY)
    waste = tag(TagKind.SECTOR, "E38", "Waste collection")
    profile(network_member, organisation=rotterdam, languages=["en"], tags=[waste])
    profile(member_b, languages=["vi"])
    assert {p.user for p in people(member_a, kind=OrganisationKind.INSPIRATION_CITY)["rows"]} == {network_member}
    assert {p.user for p in people(member_a, kind=OrganisationKind.PARTICIPANT_CITY)["rows"]} == {
        member_a,
        member_b,
        lead_a,
    }
    assert {p.user for p in people(member_a, tag=waste.pk)["rows"]} == {network_member}
    assert {p.user for p in people(member_a, language="vi")["rows"]} == {member_b}
    assert {p.user for p in people(member_a, city=city_a.pk)["rows"]} == {member_a, lead_a}
    assert {p.user for p in people(member_a, q="rotter")["rows"]} == {network_member}
    assert {p.user for p in people(member_a, q="officer.b")["rows"]} == {member_b}


def test_bad_filter_values_are_ignored():
    """Unknown kinds, languages and ids that are not ids filter nothing; a long query is cut."""
    filters = DirectoryFilters.from_query(
        {"kind": "'; drop", "language": "xx", "tag": "99999999999999999999999", "city": "-1", "q": "a\x00" * 200}
    )
    assert (filters.kind, filters.language, filters.tag, filters.city) == ("", "", None, None)
    assert len(filters.q) <= selectors.MAX_QUERY_CHARS and "\x00" not in filters.q


def test_a_city_viewer_sees_the_directory(city_a, network_member):
    from ccrs.models import CityRole
    from tests.conftest import make_member

    viewer = make_member("viewer@cantho.example.vn", city_a, CityRole.VIEWER)
    assert network_member in {p.user for p in people(viewer)["rows"]}


def test_organisations_list_with_their_listed_members(member_a, network_member, city_a):
    rotterdam = organisation("Rotterdam", OrganisationKind.INSPIRATION_CITY)
    organisation("Can Tho", OrganisationKind.PARTICIPANT_CITY, city=city_a)
    profile(network_member, organisation=rotterdam)
    result = selectors.directory_organisations(user=member_a, filters=DirectoryFilters())
    counts = {o.name: o.member_count for o in result["rows"]}
    assert counts == {"Can Tho": 0, "Rotterdam": 1}
    page = selectors.organisation_get(user=member_a, pk=rotterdam.pk)
    assert [p.user for p in page.people] == [network_member]
    inspiration = selectors.directory_organisations(user=member_a, filters=DirectoryFilters(kind="inspiration_city"))
    assert [o.name for o in inspiration["rows"]] == ["Rotterdam"]


def test_a_participant_citys_organisation_page_shows_its_team(member_a, city_a):
    can_tho = organisation("Can Tho", OrganisationKind.PARTICIPANT_CITY, city=city_a)
    assert [p.user for p in selectors.organisation_get(user=member_a, pk=can_tho.pk).people] == [member_a]


def test_someone_outside_the_network_has_no_person_page(member_a, stakeholder):
    assert selectors.person_get(user=member_a, pk=stakeholder.pk) is None
    assert selectors.person_get(user=member_a, pk="not-an-id") is None


def test_an_inactive_account_is_not_listed(member_a):
    gone = make_user("gone@example.org", is_network_member=True, is_active=False)
    assert gone not in {p.user for p in people(member_a)["rows"]}
