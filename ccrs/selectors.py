"""Reads of the project package: the program dashboard, a person's invitations, navigation."""

import hashlib

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext

from . import aggregates, charts, cohort_groups, formatting, generations, panels
from .formatting import country_name
from .models import CityMembership, Invitation, InvitationStatus, Report, User
from .money import MissingRate


def memberships_of(*, user) -> list[CityMembership]:
    """The user's team memberships with their cities (one query, cached on the user object)."""
    if not user.is_authenticated:
        return []
    if not hasattr(user, "_memberships"):
        user._memberships = list(user.memberships.select_related("city").order_by("city__name"))
        user._city_roles = {m.city_id: m.role for m in user._memberships}
    return user._memberships


def program_dashboard(*, user, cohort_id: int | None = None, today=None, by_cohort: bool = False) -> dict:
    """Figures of the whole program (or one cohort) for staff, each app contributing its own aggregated parts
    (ccrs.panels.program_parts): the funnel, money in the reporting currency, participation with pooled
    shares, pilots' health, and the cohort's timeline; a fixed number of queries however many cities.
    `by_cohort`: the whole program of several cohorts a cohort at a time (the dashboard page; the program
    report keeps every city)."""
    today = today or timezone.localdate()
    people = User.objects.aggregate(
        staff=Count("pk", filter=Q(is_staff=True)),
        network_members=Count("pk", filter=Q(is_network_member=True)),
        city_team=Count("pk", filter=Q(memberships__isnull=False), distinct=True),
    )
    parts = panels.program_parts(user=user, cohort_id=cohort_id, today=today)
    cities = parts.get("cities", [])
    cohort = next((c for c in parts.get("cohorts", []) if c.pk == cohort_id), None)
    if cohort_id is not None and cohort is None:  # no such cohort: the whole program, as the filter then shows
        return program_dashboard(user=user, cohort_id=None, today=today, by_cohort=by_cohort)
    context = {
        "funnel": [],
        "waiting": 0,
        **panels.program_figures(user=user),
        **parts,
        "people": people,
        "cohort": cohort,
    }
    if by_cohort and cohort is None and len(parts.get("cohorts", [])) > 1:
        return {**context, **_by_cohort(parts)}
    return {
        **context,
        "columns": cities,
        "money": program_money(rows=parts["money"], cities=cities),
        "participation": program_participation(counts=parts["counts"], shares=parts["shares"], cities=cities),
        "timeline": program_timeline(cities=cities, dates=parts["dates"], labels=parts["date_labels"]),
    }


def _by_cohort(parts: dict) -> dict:
    """The whole program a cohort at a time (ccrs.cohort_groups): a column, row or line per cohort, each linking
    to the cohort's own view, so that the page grows with the cohorts and not with the cities."""
    dashboard = reverse("program_dashboard")
    group = cohort_groups.grouping(
        cohorts=parts["cohorts"], cities=parts.get("cities", []), url_of=lambda c: f"{dashboard}?cohort={c.pk}"
    )
    columns = group.columns
    return {
        "by_cohort": True,
        "columns": columns,
        "funnel": cohort_groups.funnel(parts.get("funnel", []), group),
        "money": program_money(rows=cohort_groups.money_rows(parts["money"], group), cities=columns),
        "participation": program_participation(
            counts=cohort_groups.count_rows(parts["counts"], group, "participation"),
            shares=cohort_groups.share_rows(parts["shares"], group, "participation"),
            cities=columns,
        ),
        "pilot_groups": cohort_groups.pilots(parts.get("pilots", []), group),
        "assessment_groups": cohort_groups.assessments(parts.get("assessments", []), group),
        "program_indicators": [_indicator_by_cohort(item, group) for item in parts.get("program_indicators") or []],
        "timeline": cohort_groups.timeline(
            cities=parts.get("cities", []), dates=parts["dates"], labels=parts["date_labels"], group=group
        ),
    }


def _indicator_by_cohort(item: dict, group) -> dict:
    """A program indicator's roll-up with each cohort's part, and its chart with a line per cohort."""
    indicator = item["indicator"]
    percentage = indicator.measure == "percentage"
    periods = cohort_groups.indicator_periods(item, group, percentage)
    chart = None
    if periods:
        lines = [(gettext("Program"), [period["total"] for period in periods])]
        for column in group.columns:
            values = [
                next(
                    ((p.share if percentage else p.value) for p in period["contributions"] if p.label == column.name),
                    None,
                )
                for period in periods
            ]
            if any(value is not None for value in values):
                lines.append((column.name, values))
        chart = charts.line_chart(
            periods=[date_format(period["start"], "SHORT_DATE_FORMAT") for period in periods],
            series=lines,
            title=indicator.name,
            value_format=formatting.percent if percentage else lambda v: formatting.figure(v, "number", indicator.unit),
            period_name=gettext("Period"),
        )
    return {**item, "periods": periods, "chart": chart}


def _city_url(row: dict, city) -> str:
    if city.pk in row.get("city_urls", {}):
        return row["city_urls"][city.pk]
    return reverse(row["city_url_name"], kwargs={"slug": city.slug}) if row.get("city_url_name") else ""


def program_money(*, rows: list[dict], cities: list) -> dict:
    """Each money row's total and each city's in the reporting currency, through the dated rates; a row with an
    amount in a currency without a rate has no total and names that currency and date instead."""
    currency = settings.PROGRAM_REPORTING_CURRENCY
    table = panels.exchange_rates(reporting_currency=currency) or _NoRates(currency)
    rates = set()
    out = []
    for row in rows:
        total, by_city = aggregates.convert(row["items"], table)
        rates |= total.rates
        out.append(
            {
                **row,
                "total": total,
                "cells": [
                    {"city": city, "value": by_city.get(city.pk, aggregates.Converted()), "url": _city_url(row, city)}
                    for city in cities
                ],
            }
        )
    return {
        "currency": currency,
        "rows": out,
        "rates": sorted(rates, key=lambda r: (r.currency, r.valid_from)),
        "chart": money_chart(rows=out, cities=cities, currency=currency),
    }


def money_chart(*, rows: list[dict], cities: list, currency: str):
    """Each money figure as one bar stacked by city (a budget beside its expenditure), in the reporting currency;
    a figure with an amount that has no rate is left out (the table says which rate is missing)."""
    shown = [row for row in rows if row["total"].total is not None and row["total"].count]
    if not shown or not cities:
        return None
    return charts.stacked_bar_chart(
        categories=[str(row["label"]) for row in shown],
        series=[(city.name, [row["cells"][i]["value"].total for row in shown]) for i, city in enumerate(cities)],
        title=gettext("Money by city, in %(currency)s") % {"currency": currency},
        value_format=lambda value: formatting.money(value, currency),
    )


class _NoRates:
    """The rates when no app keeps any: only amounts in the reporting currency itself add up."""

    def __init__(self, reporting_currency):
        self.reporting_currency = reporting_currency

    def rate_entry(self, currency, on):
        if currency != self.reporting_currency:
            raise MissingRate(currency, on)
        return None


def program_participation(*, counts: list[dict], shares: list[dict], cities: list) -> dict:
    """Counts summed over the cities and shares pooled from their numerators and denominators (Σn / Σd),
    never an average of the cities' percentages."""
    ids = {city.pk for city in cities}
    count_rows = [
        {
            **row,
            "total": sum(n for city_id, n in row["by_city"].items() if city_id in ids),
            "cells": [{"city": c, "value": row["by_city"].get(c.pk, 0), "url": _city_url(row, c)} for c in cities],
        }
        for row in counts
    ]
    share_rows = []
    for row in shares:
        pairs = [row["by_city"].get(city.pk, (0, 0)) for city in cities]
        share_rows.append(
            {
                **row,
                "numerator": sum(n for n, _d in pairs),
                "denominator": sum(d for _n, d in pairs),
                "total": aggregates.pooled_share(pairs),
                "cells": [
                    {
                        "city": c,
                        "numerator": n,
                        "denominator": d,
                        "value": aggregates.share(n, d),
                        "url": _city_url(row, c),
                    }
                    for c, (n, d) in zip(cities, pairs, strict=True)
                ],
            }
        )
    return {"counts": count_rows, "shares": share_rows}


def program_timeline(*, cities: list, dates: dict, labels: list) -> dict:
    """Each city's stage with the date reached and its key dates, in the apps' order of the columns."""
    return {
        "labels": [label for _key, label in labels],
        "rows": [
            {"city": city, "dates": [dates.get(city.pk, {}).get(key) for key, _label in labels]} for city in cities
        ],
    }


# Cities compared at once: the page's work stays bounded however large the program grows.
BENCHMARK_MAX_CITIES = 16


def benchmark(*, user, city_ids: list[int], figure_keys: list[str], cohort_id: int | None = None) -> dict:
    """The benchmark: the chosen cities side by side on the chosen figures, each normalised to its cohort's range
    (0 the cohort's lowest, 1 its highest), never ranked, and each city's profile over the reporting periods.
    Only the apps' peer figures (aggregates and published values) appear, whoever asks and whichever city id
    they type. At most BENCHMARK_MAX_CITIES cities; by default the person's own cohort (staff: the newest
    cohort). Kept per program generation under "key": the exact cities the reader may see and their own, the
    choice and the language, so one reader's result is never another's; a fixed number of queries.
    The picker offers the cities of one cohort at a time (`cohort_id`, else the cohorts of the chosen cities) and
    the chosen ones, so it stays as long however many cohorts the program has."""
    cities = panels.benchmark_cities(user=user)
    by_id = {city.pk: city for city in cities}
    cohorts = {c.cohort_id: c.cohort for c in cities if c.cohort_id}
    cohort_id = cohort_id if cohort_id in cohorts else None
    asked = [by_id[pk] for pk in dict.fromkeys(city_ids) if pk in by_id]
    if not asked:
        asked = [c for c in cities if c.cohort_id == cohort_id] if cohort_id else _benchmark_default(cities)
    chosen = asked[:BENCHMARK_MAX_CITIES]
    shown = {cohort_id} if cohort_id else {c.cohort_id for c in chosen}
    identity = (
        sorted(by_id),
        sorted(c.pk for c in cities if c.is_own),
        [c.pk for c in chosen],
        len(asked),
        sorted(set(figure_keys)),
    )
    key = f"benchmark:{hashlib.sha256(repr(identity).encode()).hexdigest()}:{get_language()}"
    computed = generations.cached(
        generations.PROGRAM, key, lambda: _benchmark_figures(cities=cities, chosen=chosen, figure_keys=figure_keys)
    )
    return {
        "cities": cities,
        "picker_cities": [c for c in cities if c.cohort_id in shown or c in chosen],
        "cohorts": sorted(cohorts.values(), key=lambda c: (-(c.start_year or 0), c.name)),
        "cohort_id": cohort_id,
        "chosen": chosen,
        "asked": len(asked),
        "limit": BENCHMARK_MAX_CITIES,
        "key": key,
        **computed,
    }


def _benchmark_default(cities: list) -> list:
    """The person's own cities and their cohorts; staff (no city of their own) the newest cohort's cities."""
    own = [c for c in cities if c.is_own]
    if own:
        cohorts = {c.cohort_id for c in own if c.cohort_id}
        return [c for c in cities if c.is_own or c.cohort_id in cohorts]
    order = {c.cohort_id: (-c.cohort.start_year, c.cohort.name) for c in cities if c.cohort_id}
    newest = min(order, key=order.get, default=None)
    return [c for c in cities if newest and c.cohort_id == newest] or cities


def _benchmark_figures(*, cities: list, chosen: list, figure_keys: list[str]) -> dict:
    cohorts = {c.cohort_id for c in chosen}
    scope = [c for c in cities if c.cohort_id in cohorts or c in chosen]
    figures = panels.peer_figures(city_ids=[c.pk for c in scope]) if scope else []
    selected = [f for f in figures if f["key"] in figure_keys] or figures

    def place(value, cohort_id, values_of: dict) -> float | None:
        """The value's position in its cohort's range of `values_of` ({city id: value})."""
        values = [v for c in scope if c.cohort_id == cohort_id and (v := values_of.get(c.pk)) is not None]
        return aggregates.normalised(value, min(values), max(values)) if values else None

    rows = [
        {
            "city": city,
            "cells": [
                {
                    "figure": figure,
                    "value": figure["by_city"].get(city.pk),
                    "position": place(figure["by_city"].get(city.pk), city.cohort_id, figure["by_city"]),
                }
                for figure in selected
            ],
        }
        for city in chosen
    ]
    over_time = [f for f in selected if f.get("by_period")]
    periods = sorted({period for figure in over_time for period in figure["by_period"]})
    profiles = {
        city.pk: {
            figure["key"]: [
                (
                    period,
                    value := figure["by_period"].get(period, {}).get(city.pk),
                    place(value, city.cohort_id, figure["by_period"].get(period, {})),
                )
                for period in periods
            ]
            for figure in over_time
        }
        for city in chosen
    }
    for row in rows:  # the profile as the page's table: a line per period, a cell per figure
        profile = profiles[row["city"].pk]
        row["profile"] = [
            {
                "period": period,
                "cells": [
                    {"figure": f, "value": profile[f["key"]][i][1], "position": profile[f["key"]][i][2]}
                    for f in over_time
                ],
            }
            for i, period in enumerate(periods)
        ]
    return {
        "figures": figures,
        "selected": selected,
        "rows": rows,
        "over_time": over_time,
        "periods": periods,
        "profiles": profiles,
    }


def benchmark_table(data: dict) -> list[list]:
    """The benchmark as rows of plain values (the first row the header), for CSV and XLSX: per city its figures
    over all periods, then a row for each reporting period with the figures reported per period."""
    header = [gettext("City"), gettext("Cohort"), gettext("Country"), gettext("Period")]
    table = [header + [str(f["label"]) for f in data["selected"]]]
    for row in data["rows"]:
        city = row["city"]
        where = [city.name, city.cohort.name if city.cohort_id else "", country_name(city.country)]
        table.append([*where, gettext("All periods"), *[cell["value"] for cell in row["cells"]]])
        for line in row["profile"]:
            values = {cell["figure"]["key"]: cell["value"] for cell in line["cells"]}
            start, end = line["period"]
            table.append(
                [*where, f"{start.isoformat()} – {end.isoformat()}", *[values.get(f["key"]) for f in data["selected"]]]
            )
    return table


def email_is_verified(*, user, email: str) -> bool:
    """Whether the user has proved they read this address (allauth's verification or an e-mailed link)."""
    return EmailAddress.objects.filter(user=user, email__iexact=email.strip(), verified=True).exists()


def account_exists(*, email: str) -> bool:
    """Whether someone has an account with this e-mail address already (in any case), for an invitation link."""
    return User.objects.filter(email__iexact=email).exists()


def invitations_for(*, user) -> list[Invitation]:
    """Pending team invitations addressed to one of the user's verified addresses (one query)."""
    verified = EmailAddress.objects.filter(user=user, verified=True).annotate(lower=Lower("email")).values("lower")
    return list(
        Invitation.objects.filter(email__in=verified, status=InvitationStatus.PENDING)
        .select_related("city")
        .order_by("-created_at")
    )


def _labelled(reports):
    from . import reporting

    for report in reports:
        kind = reporting.kind_get(report.kind)
        report.label = kind.label if kind else report.kind
    return reports


def report_get(*, user, key) -> Report | None:
    """The report if the user may see it now: the kind's own rule, checked again on every request."""
    from . import reporting

    report = Report.objects.select_related("city").filter(key=key).first()
    if report is None or not user.is_authenticated:
        return None
    kind = reporting.kind_get(report.kind)
    if kind is None or not kind.can_request(user, report.params.get("object_id")):
        return None
    return _labelled([report])[0]


def reports_of(*, user, limit: int = 50) -> list[Report]:
    """The reports a person asked for, newest first (one query)."""
    if not user.is_authenticated:
        return []
    return _labelled(
        list(Report.objects.filter(requested_by=user).select_related("city").order_by("-created_at")[:limit])
    )


def report_language(*, report_id: int) -> str:
    """The language a report is drawn in, for a message about it written outside the build."""
    language = Report.objects.filter(pk=report_id).values_list("params__language", flat=True).first()
    return language or settings.LANGUAGE_CODE
