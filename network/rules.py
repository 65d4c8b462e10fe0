"""Who may enter the peer network's pages: program staff, every member of a participant city's team
(lead, officer, viewer) and the network members outside the city teams (inspiration cities, partners,
mentors). Stakeholders who only answer forms are not members."""

import rules

from ccrs.rules import (
    city_roles,
    is_city_editor,
    is_city_lead,
    is_city_member,
    is_city_team_member,
    is_network_member,
    is_own,
    is_program_staff,
    of_its_city,
)

is_in_network = is_program_staff | is_city_team_member | is_network_member

rules.add_perm("network.view_network", is_in_network)


# The library: every member reads; staff and the cities' leads and officers add; an author edits their own.
@rules.predicate
def is_city_editor_anywhere(user):
    """A lead or officer of any participant city's team (viewers only read)."""
    return any(role in {"lead", "officer"} for role in city_roles(user).values())


is_resource_author = is_own("author_id")


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


# Case studies: the city's team reads its studies and its leads and officers edit the draft; the city lead
# submits it; program staff review, publish and unpublish. The published version is public (no rule).
is_study_team_member = of_its_city(is_city_member)
is_study_editor = of_its_city(is_city_editor)
is_study_lead = of_its_city(is_city_lead)


rules.add_perm("network.view_case_study", is_program_staff | is_study_team_member)
rules.add_perm("network.add_case_study", is_program_staff | is_city_editor)
rules.add_perm("network.change_case_study", is_program_staff | is_study_editor)
rules.add_perm("network.submit_case_study", is_program_staff | is_study_lead)
rules.add_perm("network.review_case_study", is_program_staff)


def case_study_abilities(user, study) -> dict:
    """What the study's page offers this person, by the rules above and the study's state."""
    draft = study.status == "draft"
    return {
        "can_edit": user.has_perm("network.change_case_study", study) and draft,
        "can_submit": user.has_perm("network.submit_case_study", study) and draft,
        "can_review": user.has_perm("network.review_case_study", study),
        "can_revise": user.has_perm("network.change_case_study", study)
        and study.status in {"published", "unpublished"},
    }


# Discussions: every member reads and flags; staff, the cities' leads and officers and the network members
# outside the city teams post (a city viewer only reads); an author edits their own post; staff moderate.
is_post_author = is_own("author_id")


may_post = is_program_staff | is_network_member | is_city_editor_anywhere

rules.add_perm("network.view_discussions", is_in_network)
rules.add_perm("network.add_post", may_post)
rules.add_perm("network.change_post", is_program_staff | (may_post & is_post_author))
rules.add_perm("network.flag_post", is_in_network & ~is_post_author)
rules.add_perm("network.follow_topic", is_in_network)
rules.add_perm("network.moderate", is_program_staff)


# The directory: every member reads it and edits their own profile; staff add and remove network members;
# a city's lead decides which of her team the directory lists.
rules.add_perm("network.view_directory", is_in_network)
rules.add_perm("network.change_own_profile", is_in_network)
rules.add_perm("network.manage_members", is_program_staff)
rules.add_perm("network.manage_team_presence", is_program_staff | is_city_lead)


# Mentoring: both sides of a pair (its mentor, the city's team) see its page, staff see every pair; the
# mentor, the city's leads and officers and staff log sessions and agree actions; staff make pairs.
is_pair_mentor = is_own("mentor_id")
is_pair_city_member = of_its_city(is_city_member)
is_pair_city_editor = of_its_city(is_city_editor)


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
