"""Dashboard panels and navigation contributed by the apps, in the order of the program's data flow.

An app may have a `panels` module with any of:
- `city_panel(*, city, user) -> dict | None`: a panel of the city dashboard,
- `program_panel(*, user) -> dict | None`: a panel of the program dashboard (staff),
- `program_figures(*, user) -> dict`: figures the program dashboard's own header and tables show,
- `nav_items(*, user) -> list[tuple[str, str]]`: (label, url) entries of the main menu,
- `person_panel(*, user) -> dict | None`: a panel of a person's own page (what they are invited to),
- `stage_facts(*, city_ids) -> dict[int, dict]`: {city id: {fact: the date it became true}} for the program
  stage (cities.stages.StageFacts names the facts), in one query for any number of cities.
- `program_parts(*, user, cohort_id, today) -> dict`: the app's aggregated figures of the program dashboard
  (of one cohort's cities, or all when cohort_id is None), in a few queries however many cities; the keys are
  listed in `program_parts` below,
- `peer_figures(*, city_ids) -> list[dict]`: per-city figures a city's peers may see (aggregates, published
  values: never a draft, a stakeholder or a proposal), for the city dashboard's peers and the benchmark,
- `same_sector_cities(*, city_id) -> set[int]`: the cities sharing a sector with this one,
- `exchange_rates(*, reporting_currency)`: the dated rates into a currency (an object with
  `rate_entry(currency, on)`, see ccrs/aggregates.py); the pilots app keeps them.
A panel is {"template": "<app>/partials/<name>.html", ...context}; its selector owns its queries.
"""

from . import fragments, registry


def _modules():
    return registry.app_modules("panels")


def city_panels(*, city, user) -> list[dict]:
    """The city dashboard's panels. A panel the same for every reader allowed to see it says so with "shared": a
    key of what it shows (its city, and its day if it changes with the date); it is then drawn once per program
    generation and language ("html"), its template reading nothing but `panel`."""
    found = []
    for module in _modules():
        if hasattr(module, "city_panel") and (panel := module.city_panel(city=city, user=user)):
            if panel.get("shared"):
                panel["html"] = fragments.drawn(
                    panel["template"], f"panel:{panel['shared']}", lambda panel=panel: {"panel": panel}
                )
            found.append(panel)
    return found


def program_panels(*, user) -> list[dict]:
    return [
        panel
        for module in _modules()
        if hasattr(module, "program_panel") and (panel := module.program_panel(user=user))
    ]


def program_figures(*, user) -> dict:
    """The apps' figures of the program dashboard, merged (e.g. the cities app's cohorts and cities)."""
    figures = {}
    for module in _modules():
        if hasattr(module, "program_figures"):
            figures.update(module.program_figures(user=user))
    return figures


def nav_items(*, user) -> list[tuple[str, str]]:
    return [item for module in _modules() if hasattr(module, "nav_items") for item in module.nav_items(user=user)]


def person_panels(*, user) -> list[dict]:
    return [
        panel for module in _modules() if hasattr(module, "person_panel") and (panel := module.person_panel(user=user))
    ]


def stage_facts(*, city_ids) -> dict[int, dict]:
    """Every app's facts of the program stage, merged per city ({city id: {fact: date}})."""
    facts: dict[int, dict] = {}
    if not city_ids:
        return facts
    for module in _modules():
        if hasattr(module, "stage_facts"):
            for city_id, values in module.stage_facts(city_ids=city_ids).items():
                facts.setdefault(city_id, {}).update(values)
    return facts


# The parts of the program dashboard an app may give: lists are joined in the apps' order, dicts of cities merged.
PART_LISTS = ("money", "counts", "shares", "date_labels", "pilots", "overdue", "links")
PART_CITY_DICTS = ("dates",)


def program_parts(*, user, cohort_id, today) -> dict:
    """Every app's parts of the program dashboard, merged.

    - "cities": [City] and "funnel": [step] (the cities app), "cohorts": [Cohort];
    - "money": [{"key", "label", "url", "items": [(city id, amount, currency, date)]}];
    - "counts": [{"key", "label", "url", "by_city": {city id: n}}] (stakeholders engaged, workshops held ...);
    - "shares": [{"key", "label", "url", "by_city": {city id: (numerator, denominator)}}], pooled by the caller;
    - "dates": {city id: {key: date}} with "date_labels": [(key, label)], the cohort timeline's columns;
    - "pilots": [pilot row], "overdue": [milestone], "waiting": n (the pilots app);
    - "assessments": [overview row] (the sectors app).
    The program report's areas are drawn from the same parts (ccrs/reports.py).
    """
    parts: dict = {name: [] for name in PART_LISTS}
    parts.update({name: {} for name in PART_CITY_DICTS})
    for module in _modules():
        if not hasattr(module, "program_parts"):
            continue
        for key, value in module.program_parts(user=user, cohort_id=cohort_id, today=today).items():
            if key in PART_LISTS:
                parts[key] += value
            elif key in PART_CITY_DICTS:
                for city_id, values in value.items():
                    parts[key].setdefault(city_id, {}).update(values)
            else:
                parts[key] = value
    return parts


def exchange_rates(*, reporting_currency):
    """The first app's table of dated rates into `reporting_currency` (None when no app keeps rates)."""
    for module in _modules():
        if hasattr(module, "exchange_rates"):
            return module.exchange_rates(reporting_currency=reporting_currency)
    return None


def peer_figures(*, city_ids) -> list[dict]:
    """Every app's figures a city's peers may see (aggregates and published values only), per city:
    [{"key", "label", "kind": "count" | "number" | "percent", "by_city": {city id: value or None}}], and for a
    figure reported per period also "by_period": {(start, end): {city id: value}} (the benchmark's profiles)."""
    figures = []
    for module in _modules():
        if hasattr(module, "peer_figures"):
            figures += module.peer_figures(city_ids=city_ids)
    return figures


def same_sector_cities(*, city_id) -> set[int]:
    """The cities that share a sector with this one, as the apps that know sectors say."""
    found = set()
    for module in _modules():
        if hasattr(module, "same_sector_cities"):
            found |= module.same_sector_cities(city_id=city_id)
    return found


def benchmark_cities(*, user) -> list:
    """The cities the benchmark may name to this person (the cities app's)."""
    for module in _modules():
        if hasattr(module, "benchmark_cities"):
            return module.benchmark_cities(user=user)
    return []
