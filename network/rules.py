"""Who may enter the peer network's pages."""

import rules

from ccrs.rules import is_network_member, is_program_staff

rules.add_perm("network.view_network", is_program_staff | is_network_member)
