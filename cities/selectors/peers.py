"""Peers and benchmarking: a city's peer group and the figures peers may see."""

from dataclasses import dataclass
from types import SimpleNamespace

from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from ccrs import aggregates, formatting, generations, panels
from ccrs.charts import small_multiples
from ccrs.rules import is_program_staff
from ccrs.selectors import memberships_of

from ..models import (
    City,
    OnboardingStep,
)
from .stage import _checklist_counts

PEER_GROUPS = {"cohort": _("Same cohort"), "country": _("Same country"), "sector": _("Same sector")}
# One small-multiples chart per kind of figure, so the panels of a chart share one scale.
PEER_CHARTS = [
    ("count", _("%(city)s and its peers: counts")),
    ("percent", _("%(city)s and its peers: shares")),
    ("number", _("%(city)s and its peers: other figures")),
]


def peer_cities(*, city: City, group: str) -> list[City]:
    """The city's peers: the other cities of its cohort, of its country, or with a pilot in one of its sectors."""
    if group == "country":
        peers = City.objects.filter(country=city.country)
    elif group == "sector":
        peers = City.objects.filter(pk__in=panels.same_sector_cities(city_id=city.pk))
    elif city.cohort_id:
        peers = City.objects.filter(cohort_id=city.cohort_id)
    else:
        peers = City.objects.none()
    return list(peers.exclude(pk=city.pk).order_by("name"))


def onboarding_figures(*, city_ids: list[int]) -> list[dict]:
    """The share of each city's onboarding checklist done (one query): an aggregate its peers may see."""
    rows = _checklist_counts(OnboardingStep.objects.filter(city_id__in=city_ids).values("city_id"))
    done = {city_id: aggregates.share(d, t) for city_id, t, d in rows.values_list("city_id", "total", "done")}
    return [
        {
            "key": "onboarding_done",
            "label": _("Onboarding checklist done"),
            "kind": "percent",
            "by_city": {city_id: done.get(city_id) for city_id in city_ids},
        }
    ]


def city_peers(*, city: City, group: str) -> dict:
    """The city's figures against its peers' range and median, never a rank: only the apps' peer figures
    (aggregates and published values), a fixed number of queries however many peers; the same for every reader,
    so kept per program generation (drawn again after any change of the program's data)."""
    group = group if group in PEER_GROUPS else "cohort"
    key = f"city-peers:{city.pk}:{group}:{get_language()}"
    return generations.cached(generations.PROGRAM, key, lambda: _city_peers(city=city, group=group))


def _city_peers(*, city: City, group: str) -> dict:
    peers = peer_cities(city=city, group=group)
    figures = panels.peer_figures(city_ids=[city.pk, *[p.pk for p in peers]])
    rows = [
        {
            **figure,
            "spread": aggregates.spread(figure["by_city"].get(city.pk), [figure["by_city"].get(p.pk) for p in peers]),
        }
        for figure in figures
    ]
    charts = [
        small_multiples(
            panels=[
                (
                    row["label"],
                    row["spread"].own,
                    row["spread"].low,
                    row["spread"].median,
                    row["spread"].high,
                    *(
                        formatting.figure(v, kind)
                        for v in (row["spread"].own, row["spread"].low, row["spread"].median, row["spread"].high)
                    ),
                )
                for row in rows
                if row["kind"] == kind
            ],
            title=title % {"city": city.name},
            own_label=city.name,
            range_label=gettext("peers' range"),
            median_label=gettext("peers' median"),
            integer=kind == "count",
        )
        for kind, title in PEER_CHARTS
        if any(row["kind"] == kind for row in rows)
    ]
    return {"group": group, "groups": list(PEER_GROUPS.items()), "peers": peers, "rows": rows, "charts": charts}


@dataclass(frozen=True, eq=False)
class BenchmarkCity:
    """A city as the benchmark names it: kept per program generation as plain values, cheap to read back."""

    pk: int
    slug: str
    name: str
    country: str
    cohort_id: int | None
    cohort: SimpleNamespace | None  # its name and start year
    is_own: bool = False


def benchmark_cities(*, user) -> list[BenchmarkCity]:
    """The cities the benchmark may name to this person: all of them to staff and city teams (only their peer
    figures are shown), none to anyone else; with the user's own cities marked. The list is the same for every
    reader who may see it, so it is kept per program generation (one query when the program changed)."""
    if not (is_program_staff(user) or memberships_of(user=user)):
        return []
    own = {m.city_id for m in memberships_of(user=user)}
    rows = generations.cached(
        generations.PROGRAM,
        "benchmark-cities",
        lambda: list(
            City.objects.order_by("name").values_list(
                "pk", "slug", "name", "country", "cohort_id", "cohort__name", "cohort__start_year"
            )
        ),
    )
    cohorts = {}
    return [
        BenchmarkCity(
            pk,
            slug,
            name,
            country,
            cohort_id,
            cohorts.setdefault(cohort_id, SimpleNamespace(pk=cohort_id, name=cohort, start_year=year))
            if cohort_id
            else None,
            pk in own,
        )
        for pk, slug, name, country, cohort_id, cohort, year in rows
    ]
