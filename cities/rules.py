"""Who may see and change a city's data: its team and program staff, nobody else."""

import rules

from ccrs.rules import is_city_lead, is_city_member, is_city_team_member, is_program_staff

rules.add_perm("cities.list_cities", is_program_staff | is_city_team_member)
rules.add_perm("cities.view_city", is_program_staff | is_city_member)
rules.add_perm("cities.manage_team", is_program_staff | is_city_lead)
