"""The cities app's reports: a city's profile and onboarding (PDF), and the program report's city areas
(from the program dashboard's figures)."""

from collections import defaultdict

from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ccrs import formatting, reporting

from . import selectors
from .models import City


def _city(user, object_id):
    return selectors.cities_visible_to(user=user).filter(pk=object_id).exists()


def build_city_profile(*, object_id, format, progress, user):
    city = City.objects.select_related("cohort").filter(pk=object_id).first()
    if city is None:
        raise reporting.ReportError(_("This city no longer exists."))
    progress(30)
    context = {"city": city, **selectors.city_profile(city=city)}
    progress(60)
    return reporting.pdf(
        template="reports/city_profile.html", context=context, filename=f"{slugify(city.name)}-profile.pdf"
    )


def _cofunding_by_city(figures: dict) -> dict[int, list[dict]]:
    """Each city's co-funding totals (per currency and kind) from the program dashboard's co-funding money rows."""
    entries = defaultdict(list)
    for row in figures["money"]["rows"]:
        if "cofunding" in row:
            kind, stage = row["cofunding"]
            for city_id, amount, currency, _on in row["items"]:
                entries[city_id].append((kind, stage, amount, currency))
    return {city_id: selectors.cofunding_summary(city_entries) for city_id, city_entries in entries.items()}


def program_areas(*, figures: dict) -> list[dict]:
    """The program report's Cities and Co-funding areas, from the program dashboard's cities and money."""
    cities = figures.get("cities", [])
    cofunding = _cofunding_by_city(figures)
    return [
        {
            "title": gettext("Cities"),
            "header": [
                gettext("City"), gettext("Local name"), gettext("Country"), gettext("Cohort"), gettext("Stage"),
                gettext("Team"),
            ],
            "rows": [
                [
                    c.name, c.local_name, formatting.country_name(c.country), c.cohort.name,
                    str(c.stage_detail.stage.label), c.team_size,
                ]
                for c in cities
            ],
        },
        {
            "title": gettext("Co-funding"),
            "header": [
                gettext("City"), gettext("Kind"), gettext("Currency"), gettext("Committed"), gettext("Received"),
                gettext("Received (%)"),
            ],
            "rows": [
                [city.name, row["kind"], row["currency"], row["committed"], row["received"], row["percent"]]
                for city in cities
                for row in cofunding.get(city.pk, [])
            ],
        },
    ]  # fmt: skip


reporting.register(
    reporting.ReportKind(
        name="city_profile",
        label=_("City profile and onboarding"),
        formats=("pdf",),
        can_request=_city,
        city_of=lambda object_id: object_id,
        build=build_city_profile,
    )
)
