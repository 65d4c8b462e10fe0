"""The co-creation panels: the city dashboard's processes, input and inclusion figures; a person's open invitations."""

import zoneinfo

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ccrs.charts import bar_chart

from . import selectors, services
from .models import Gender, StakeholderKind
from .selectors.stage import cocreation_started_on


def city_panel(*, city, user):
    if not user.has_perm("cocreation.view_process", city):
        return None
    figures = selectors.inclusion_figures(city=city)
    kinds = [(label, figures["by_kind"].get(value, 0)) for value, label in StakeholderKind.choices]
    chart = (
        bar_chart(
            categories=[str(label) for label, _n in kinds],
            series=[(_("Participants"), [n for _l, n in kinds])],
            title=_("Participants by stakeholder type"),
        )
        if figures["total"]
        else None
    )
    genders = [(label, figures["by_gender"].get(value, 0)) for value, label in Gender.choices]
    return {
        "template": "cocreation/partials/city_panel.html",
        "figures": figures,
        "chart": chart,
        "genders": genders,
        "url": reverse("cocreation:processes", kwargs={"slug": city.slug}),
    }


def person_panel(*, user):
    """A person's own page: the workshops and calls they are invited to, each with its personal link."""
    invitations = selectors.open_invitations_of(user=user)
    if not invitations["workshops"] and not invitations["calls"]:
        return None
    workshops = [
        {
            "invitation": invitation,
            "starts": timezone.localtime(invitation.workshop.starts_at, invitation.workshop.city_tz),
            "url": reverse("cocreation:respond", kwargs={"token": services.invitation_token(invitation=invitation)}),
        }
        for invitation in invitations["workshops"]
    ]
    calls = [
        {
            "invitation": invitation,
            "deadline": timezone.localtime(
                invitation.call.deadline, zoneinfo.ZoneInfo(invitation.call.process.city.time_zone)
            ),
            "url": reverse("cocreation:apply", kwargs={"token": services.call_invitation_token(invitation=invitation)}),
        }
        for invitation in invitations["calls"]
    ]
    return {"template": "cocreation/partials/person_panel.html", "workshops": workshops, "calls": calls}


def program_figures(*, user) -> dict:
    """The program dashboard's count of stakeholders: the people in the cities' registries, not user accounts."""
    return {"stakeholder_count": selectors.stakeholder_count(user=user)}


def nav_items(*, user):
    return []


def stage_facts(*, city_ids) -> dict[int, dict]:
    """The program stage's fact of this app: the date each city's co-creation got under way (one query)."""
    return cocreation_started_on(city_ids=city_ids)
