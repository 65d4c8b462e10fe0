"""Demo and scale data: the project package's own (the people), then each app's, in the program's data flow.

An app's `demo` module may have `seed_demo(*, log, calendar)` (load its part of the demo, dated by the one
program calendar of `demo_calendar`), `reset_demo(*, log)` (delete it again), `demo_links()` (the links
worth trying, as (label, address) pairs) and `seed_scale(*, factor, log, density)`. An app may rely on the data of
the apps before it in INSTALLED_APPS (see `registry`); resets run in the reverse order. An app's `demo`
package may instead name its parts in `PARTS`: modules of its own, each with any of those functions,
loaded in that order (a part may rely on the ones before it).
"""

from importlib import import_module
from importlib.util import find_spec

from . import demo, demo_calendar, registry


def demo_modules() -> list:
    """The project package's demo module, then each app's (or its parts), in the program's data flow."""
    modules = []
    for module in (demo, *registry.app_modules("demo")):
        names = [f"{module.__name__}.{part}" for part in getattr(module, "PARTS", [])]
        parts = [import_module(name) for name in names if find_spec(name) is not None]
        modules += parts or [module]
    return modules


def demo_loaded() -> bool:
    return demo.demo_loaded()


def seed_demo(*, log, calendar: demo_calendar.Calendar | None = None) -> None:
    calendar = calendar or demo_calendar.calendar()
    for module in demo_modules():
        if hasattr(module, "seed_demo"):
            module.seed_demo(log=log, calendar=calendar)


def reset_demo(*, log) -> None:
    for module in reversed(demo_modules()):
        if hasattr(module, "reset_demo"):
            module.reset_demo(log=log)


def demo_links() -> list[tuple[str, str]]:
    return [link for module in demo_modules() if hasattr(module, "demo_links") for link in module.demo_links()]


def seed_scale(*, factor: int, log, density: float = 1.0) -> None:
    """`factor` sets the size of the program (cities, cohorts and what each has once); `density` the share of the
    bulk of people, submissions, resources and posts the scale cities and the network get (1: all of it, as the
    benchmarks load; the query-budget tests load 15 %, enough to show growth). What already exists before
    (a test's own workshops, topics and calls) grows by the full amount whatever the density."""
    for module in demo_modules():
        if hasattr(module, "seed_scale"):
            module.seed_scale(factor=factor, log=log, density=density)


def thinned(count: int, density: float) -> int:
    """`count` rows at `density` (at least one)."""
    return max(1, round(count * density))
