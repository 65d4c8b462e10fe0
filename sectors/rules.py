"""Who may see and change a city's sector assessment."""

import rules

from ccrs.rules import abilities_on, is_city_editor, is_city_lead, is_city_member, is_program_staff

rules.add_perm("sectors.view_assessment", is_program_staff | is_city_member)
rules.add_perm("sectors.edit_assessment", is_program_staff | is_city_editor)
rules.add_perm("sectors.review_assessment", is_program_staff)
rules.add_perm("sectors.propose_selection", is_program_staff | is_city_lead)
rules.add_perm("sectors.decide_selection", is_program_staff)
rules.add_perm("sectors.view_overview", is_program_staff)


def abilities(user, city) -> dict[str, bool]:
    """What the user may do on the city's assessment pages, for their buttons and forms."""
    return abilities_on(
        user,
        city,
        can_edit="sectors.edit_assessment",
        can_review="sectors.review_assessment",
        can_propose="sectors.propose_selection",
        can_decide="sectors.decide_selection",
    )
