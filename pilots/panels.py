"""The pilots app's dashboard panels and menu entries."""

from django.urls import reverse
from django.utils.translation import gettext as _

from ccrs.rules import is_city_team_member, is_program_staff

from . import selectors


def city_panel(*, city, user):
    pilots = selectors.city_pilots(city=city)
    if not pilots:
        return None
    return {"template": "pilots/partials/city_panel.html", "pilots": pilots}


def program_panel(*, user):
    data = selectors.program_pilots(user=user)
    if data is None:
        return None
    return {"template": "pilots/partials/program_panel.html", **data}


def nav_items(*, user):
    if is_program_staff(user):
        return [(_("Pilots"), reverse("pilots:list")), (_("Review updates"), reverse("pilots:queue"))]
    if is_city_team_member(user):
        return [(_("Pilots"), reverse("pilots:list"))]
    return []


def stage_facts(*, city_ids) -> dict[int, dict]:
    """The program stage's facts of this app: when each city's first pilot started and a pilot closed (one query)."""
    return selectors.pilot_stage_dates(city_ids=city_ids)
