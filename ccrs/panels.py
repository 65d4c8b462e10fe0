"""Dashboard panels and navigation contributed by the apps, in the order of the program's data flow.

An app may have a `panels` module with any of:
- `city_panel(*, city, user) -> dict | None`: a panel of the city dashboard,
- `program_panel(*, user) -> dict | None`: a panel of the program dashboard (staff),
- `program_figures(*, user) -> dict`: figures the program dashboard's own header and tables show,
- `nav_items(*, user) -> list[tuple[str, str]]`: (label, url) entries of the main menu,
- `person_panel(*, user) -> dict | None`: a panel of a person's own page (what they are invited to),
- `stage_facts(*, city_ids) -> dict[int, dict]`: {city id: {fact: the date it became true}} for the program
  stage (cities.stages.StageFacts names the facts), in one query for any number of cities.
A panel is {"template": "<app>/partials/<name>.html", ...context}; its selector owns its queries.
"""

from . import registry


def _modules():
    return registry.app_modules("panels")


def city_panels(*, city, user) -> list[dict]:
    return [
        panel
        for module in _modules()
        if hasattr(module, "city_panel") and (panel := module.city_panel(city=city, user=user))
    ]


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
