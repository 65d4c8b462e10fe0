"""Who may enter the peer network's pages: program staff, every member of a participant city's team
(lead, officer, viewer) and the network members outside the city teams (inspiration cities, partners,
mentors). Stakeholders who only answer forms are not members."""

import rules

from ccrs.rules import is_city_team_member, is_network_member, is_program_staff

is_in_network = is_program_staff | is_city_team_member | is_network_member

rules.add_perm("network.view_network", is_in_network)
