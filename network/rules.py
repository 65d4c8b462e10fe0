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


# Discussions: every member reads and flags; staff, the cities' leads and officers and the network members
# outside the city teams post (a city viewer only reads); an author edits their own post; staff moderate.
@rules.predicate
def is_post_author(user, post):
    return post is not None and user.is_authenticated and post.author_id == user.pk


may_post = is_program_staff | is_network_member | is_city_editor_anywhere

rules.add_perm("network.view_discussions", is_in_network)
rules.add_perm("network.add_post", may_post)
rules.add_perm("network.change_post", is_program_staff | (may_post & is_post_author))
rules.add_perm("network.flag_post", is_in_network & ~is_post_author)
rules.add_perm("network.follow_topic", is_in_network)
rules.add_perm("network.moderate", is_program_staff)
