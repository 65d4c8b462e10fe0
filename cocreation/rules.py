"""Who may see and run a city's co-creation: its team and program staff; stakeholders only through their links."""

import rules

from ccrs.rules import abilities_on, is_city_editor, is_city_member, is_city_team_member, is_program_staff

rules.add_perm("cocreation.view_process", is_program_staff | is_city_member)
rules.add_perm("cocreation.manage_process", is_program_staff | is_city_editor)
rules.add_perm("cocreation.view_any", is_program_staff | is_city_team_member)
# Evaluators score shortlists and proposals: program staff and the city's editors. Staff award calls.
rules.add_perm("cocreation.evaluate", is_program_staff | is_city_editor)
rules.add_perm("cocreation.award_call", is_program_staff)


def abilities(user, city) -> dict:
    """What the user may do in a city's co-creation, for a page to show or hide its buttons."""
    return abilities_on(
        user,
        city,
        can_manage="cocreation.manage_process",
        can_evaluate="cocreation.evaluate",
        can_award="cocreation.award_call",
    )
