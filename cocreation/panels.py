"""The co-creation panels: the city dashboard's processes, input and inclusion figures; a person's open invitations."""

import zoneinfo

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ccrs import aggregates, links
from ccrs.charts import bar_chart
from ccrs.generations import PROGRAM, cached

from . import selectors, services
from .models import Gender, StakeholderKind
from .selectors.stage import cocreation_started_on


def city_panel(*, city, user):
    """The city's participation and inclusion figures: the same for every reader allowed to see them (checked
    here), so kept, and drawn, once per program generation and language."""
    if not user.has_perm("cocreation.view_process", city):
        return None
    return cached(PROGRAM, f"cocreation-panel:{city.pk}:{get_language()}", lambda: _city_panel(city))


def _city_panel(city) -> dict:
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
        "shared": city.pk,
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
            "url": reverse(
                "cocreation:respond", kwargs={"token": links.link_token(services.STAKEHOLDER_INVITATION, invitation)}
            ),
        }
        for invitation in invitations["workshops"]
    ]
    calls = [
        {
            "invitation": invitation,
            "deadline": timezone.localtime(
                invitation.call.deadline, zoneinfo.ZoneInfo(invitation.call.process.city.time_zone)
            ),
            "url": reverse(
                "cocreation:apply", kwargs={"token": links.link_token(services.CALL_INVITATION, invitation)}
            ),
        }
        for invitation in invitations["calls"]
    ]
    return {"template": "cocreation/partials/person_panel.html", "workshops": workshops, "calls": calls}


def program_figures(*, user) -> dict:
    """The program dashboard's count of stakeholders: the people in the cities' registries, not user accounts."""
    return {"stakeholder_count": selectors.stakeholder_count(user=user)}


def program_parts(*, user, cohort_id, today) -> dict:
    """The program dashboard's participation and inclusion (counts per city, shares as numerators and
    denominators, pooled by the dashboard) and the cities' first workshop and award dates."""
    data = selectors.program_participation(user=user, cohort_id=cohort_id)
    if data is None:
        return {}
    people, workshops, awards = data["people"], data["workshops"], data["awards"]
    city_ids = set(people) | set(workshops) | set(awards)
    return {
        "counts": [
            {
                "key": "stakeholders_engaged",
                "label": _("Stakeholders engaged"),
                "city_url_name": "cocreation:processes",
                "by_city": {c: row["engaged"] for c, row in people.items()},
            },
            {
                "key": "workshops_held",
                "label": _("Workshops held"),
                "city_url_name": "cocreation:processes",
                "by_city": {c: row["held"] for c, row in workshops.items()},
            },
            {
                "key": "smes_reached",
                "label": _("SMEs reached"),
                "city_url_name": "cocreation:processes",
                "by_city": {c: row["smes"] for c, row in people.items()},
            },
        ],
        "shares": [
            {
                "key": "sme_share",
                "label": _("SMEs among the stakeholders engaged"),
                "city_url_name": "cocreation:processes",
                "by_city": {c: (row["smes"], row["engaged"]) for c, row in people.items()},
            },
            {
                "key": "women_led_share",
                "label": _("Women-led SMEs among the SMEs reached"),
                "city_url_name": "cocreation:processes",
                "by_city": {c: (row["women_led"], row["smes"]) for c, row in people.items()},
            },
        ],
        "dates": {
            c: {
                "first_workshop": timezone.localdate(workshops[c]["first"]) if c in workshops else None,
                "awarded": timezone.localdate(awards[c]) if awards.get(c) else None,
            }
            for c in city_ids
        },
        "date_labels": [("first_workshop", _("First workshop")), ("awarded", _("Award"))],
    }


def peer_figures(*, city_ids) -> list[dict]:
    """The cities' participation as aggregate counts and shares, which a city's peers may see (three queries)."""
    data = selectors.participation_by_city(city_ids=city_ids)
    people, workshops = data["people"], data["workshops"]

    share = aggregates.share
    return [
        {"key": "stakeholders_engaged", "label": _("Stakeholders engaged"), "kind": "count",
         "by_city": {c: people.get(c, {}).get("engaged", 0) for c in city_ids}},
        {"key": "workshops_held", "label": _("Workshops held"), "kind": "count",
         "by_city": {c: workshops.get(c, {}).get("held", 0) for c in city_ids}},
        {"key": "smes_reached", "label": _("SMEs reached"), "kind": "count",
         "by_city": {c: people.get(c, {}).get("smes", 0) for c in city_ids}},
        {"key": "sme_share", "label": _("SMEs among the stakeholders engaged"), "kind": "percent",
         "by_city": {c: share(people[c]["smes"], people[c]["engaged"]) if c in people else None for c in city_ids}},
        {"key": "women_led_share", "label": _("Women-led SMEs among the SMEs reached"), "kind": "percent",
         "by_city": {c: share(people[c]["women_led"], people[c]["smes"]) if c in people else None for c in city_ids}},
    ]  # fmt: skip


def nav_items(*, user):
    return []


def stage_facts(*, city_ids) -> dict[int, dict]:
    """The program stage's fact of this app: the date each city's co-creation got under way (one query)."""
    return cocreation_started_on(city_ids=city_ids)
