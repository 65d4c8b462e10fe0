"""Who may see and change pilots: the city's team reads, its leads and officers report, staff review."""

import rules

from ccrs.rules import abilities_on, is_city_editor, is_city_member, is_city_team_member, is_program_staff

# Object permissions take the pilot's city.
rules.add_perm("pilots.list_pilots", is_program_staff | is_city_team_member)
rules.add_perm("pilots.view_pilot", is_program_staff | is_city_member)
rules.add_perm("pilots.edit_framework", is_program_staff | is_city_editor)
rules.add_perm("pilots.submit_update", is_program_staff | is_city_editor)
rules.add_perm("pilots.record_spending", is_program_staff | is_city_editor)
rules.add_perm("pilots.update_workplan", is_program_staff | is_city_editor)
rules.add_perm("pilots.review_update", is_program_staff)
rules.add_perm("pilots.lock_period", is_program_staff)
rules.add_perm("pilots.review_queue", is_program_staff)
rules.add_perm("pilots.start_pilot", is_program_staff)


def abilities(user, city) -> dict[str, bool]:
    """What the user may do on the pages of a pilot of this city, for their buttons and forms."""
    return abilities_on(
        user,
        city,
        can_edit="pilots.edit_framework",
        can_submit="pilots.submit_update",
        can_record_spending="pilots.record_spending",
        can_update_workplan="pilots.update_workplan",
        can_review="pilots.review_update",
        can_lock="pilots.lock_period",
    )
