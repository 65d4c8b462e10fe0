"""Who may see and change a city's data: its team and program staff, nobody else.

Applications: program staff, and the applicant (the city's Chief Resilience Officer) for their own.
"""

import rules

from ccrs.rules import (
    abilities_on,
    is_city_editor,
    is_city_lead,
    is_city_member,
    is_city_team_member,
    is_own,
    is_program_staff,
)

is_applicant = is_own("applicant_id")


@rules.predicate
def is_draft(user, application):
    return application is not None and application.status == "draft"


rules.add_perm("cities.list_cities", is_program_staff | is_city_team_member)
rules.add_perm("cities.view_city", is_program_staff | is_city_member)
rules.add_perm("cities.manage_team", is_program_staff | is_city_lead)
rules.add_perm("cities.change_profile", is_program_staff | is_city_lead)
rules.add_perm("cities.complete_step", is_program_staff | is_city_editor)
rules.add_perm("cities.reopen_step", is_program_staff)
rules.add_perm("cities.record_cofunding", is_program_staff)
rules.add_perm("cities.view_application", is_program_staff | is_applicant)
rules.add_perm("cities.edit_application", is_applicant & is_draft)
rules.add_perm("cities.review_applications", is_program_staff)
rules.add_perm("cities.export_cohort", is_program_staff)


def abilities(user, city) -> dict[str, bool]:
    """What the user may do on the city's pages, for their buttons and forms."""
    return abilities_on(
        user,
        city,
        can_manage_team="cities.manage_team",
        can_change="cities.change_profile",
        can_record="cities.record_cofunding",
        can_complete="cities.complete_step",
        can_reopen="cities.reopen_step",
    )


def application_abilities(user, application) -> dict[str, bool]:
    """Whether the user reviews applications (program staff) and may edit this one (its applicant, while a draft)."""
    return {
        "staff": user.has_perm("cities.review_applications"),
        "can_edit": application is not None and user.has_perm("cities.edit_application", application),
    }
