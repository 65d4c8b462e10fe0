"""The demo's co-creation content, in each city's own language: processes, workshops, stakeholders and their
input, ideas, and the workshop still to come to which the stakeholder demo account is invited."""

from ccrs.demo import demo_data

# data.json: by city slug, the process (title, challenge), its workshop (title, place), the stakeholders
# [name, organisation, kind, size, women-led, gender], the questions, choices, answers and ideas
# [title, cluster, tags]; the workshop agendas by language; the workshop still to come in Can Tho, to which
# the stakeholder demo account (stakeholder@ccrs.demo) is invited and has not answered yet.
DATA = demo_data(__file__, "data.json")
DEMO = DATA["demo"]
AGENDAS = DATA["agendas"]
UPCOMING = DATA["upcoming"]
