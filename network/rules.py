"""Who may enter the peer network's pages: program staff, every member of a participant city's team
(lead, officer, viewer) and the network members outside the city teams (inspiration cities, partners,
mentors). Stakeholders who only answer forms are not members."""

import rules

from ccrs.rules import city_roles, is_city_team_member, is_network_member, is_program_staff

is_in_network = is_program_staff | is_city_team_member | is_network_member

rules.add_perm("network.view_network", is_in_network)


# The library: every member reads; staff and the cities' leads and officers add; an author edits their own.
@rules.predicate
def is_city_editor_anywhere(user):
    """A lead or officer of any participant city's team (viewers only read)."""
    return any(role in {"lead", "officer"} for role in city_roles(user).values())


@rules.predicate
def is_resource_author(user, resource):
    return resource is not None and user.is_authenticated and resource.author_id == user.pk


rules.add_perm("network.view_resource", is_in_network)
rules.add_perm("network.add_resource", is_program_staff | is_city_editor_anywhere)
rules.add_perm("network.change_resource", is_program_staff | (is_in_network & is_resource_author))


# The directory: every member reads it and edits their own profile; staff add and remove network members;
# a city's lead decides which of her team the directory lists.
from ccrs.rules import is_city_editor, is_city_lead, is_city_member  # noqa: E402

rules.add_perm("network.view_directory", is_in_network)
rules.add_perm("network.change_own_profile", is_in_network)
rules.add_perm("network.manage_members", is_program_staff)
rules.add_perm("network.manage_team_presence", is_program_staff | is_city_lead)


# Mentoring: both sides of a pair (its mentor, the city's team) see its page, staff see every pair; the
# mentor, the city's leads and officers and staff log sessions and agree actions; staff make pairs.
@rules.predicate
def is_pair_mentor(user, pair):
    return pair is not None and user.is_authenticated and pair.mentor_id == user.pk


@rules.predicate
def is_pair_city_member(user, pair):
    return pair is not None and is_city_member(user, pair.city_id)


@rules.predicate
def is_pair_city_editor(user, pair):
    return pair is not None and is_city_editor(user, pair.city_id)


rules.add_perm("network.view_mentoring", is_in_network)
rules.add_perm("network.create_pair", is_program_staff)
rules.add_perm("network.view_pair", is_program_staff | is_pair_mentor | is_pair_city_member)
rules.add_perm("network.log_mentoring", is_program_staff | is_pair_mentor | is_pair_city_editor)


def directory_abilities(user) -> dict:
    """What the directory's page offers this reader beyond reading (the rules alone: no backend query)."""
    return {"can_manage_members": rules.has_perm("network.manage_members", user)}


def mentoring_abilities(user, pair) -> dict:
    """What the mentoring pages offer this reader (the rules alone: no backend query)."""
    return {
        "can_create_pair": rules.has_perm("network.create_pair", user),
        "can_log": pair is not None and rules.has_perm("network.log_mentoring", user, pair),
    }
