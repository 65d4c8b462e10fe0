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


# Events: every member reads and registers; staff and the cities' leads and officers schedule; staff, the
# event's creator and the leads and officers of the organising city manage it.
@rules.predicate
def is_event_manager(user, event):
    if event is None or not user.is_authenticated:
        return False
    if event.created_by_id == user.pk:
        return True
    city_id = event.organiser.city_id if event.organiser_id and event.organiser else None
    return city_id is not None and city_roles(user).get(city_id) in {"lead", "officer"}


rules.add_perm("network.view_event", is_in_network)
rules.add_perm("network.register_event", is_in_network)
rules.add_perm("network.add_event", is_program_staff | is_city_editor_anywhere)
rules.add_perm("network.change_event", is_program_staff | (is_in_network & is_event_manager))
