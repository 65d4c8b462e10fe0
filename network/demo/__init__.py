"""The network's demo and scale data, one module per part, loaded in the order of PARTS (a part may rely
on the ones before it: events and mentoring on the members). A part's module has any of
`seed_demo(*, log, calendar)`, `reset_demo(*, log)`, `demo_links()` and `seed_scale(*, factor, log, density)`,
as in `ccrs.demo_registry`."""

from importlib import import_module
from importlib.util import find_spec

PARTS = ["members", "events", "library", "discussions", "mentoring", "case_studies"]


def _parts():
    names = [f"{__name__}.{part}" for part in PARTS]
    return [import_module(name) for name in names if find_spec(name) is not None]


def seed_demo(*, log, calendar) -> None:
    for part in _parts():
        if hasattr(part, "seed_demo"):
            part.seed_demo(log=log, calendar=calendar)


def reset_demo(*, log) -> None:
    for part in reversed(_parts()):
        if hasattr(part, "reset_demo"):
            part.reset_demo(log=log)


def demo_links() -> list[tuple[str, str]]:
    return [link for part in _parts() if hasattr(part, "demo_links") for link in part.demo_links()]


def seed_scale(*, factor: int, log, density: float = 1.0) -> None:
    for part in _parts():
        if hasattr(part, "seed_scale"):
            part.seed_scale(factor=factor, log=log, density=density)
