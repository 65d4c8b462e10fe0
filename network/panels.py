"""The network's parts of the dashboards (ccrs/panels.py)."""

from .selectors.case_studies import published_on_by_city


def stage_facts(*, city_ids) -> dict[int, dict]:
    """The program stage's last fact: the day a city's case study was first published (one query)."""
    return published_on_by_city(city_ids=city_ids)
