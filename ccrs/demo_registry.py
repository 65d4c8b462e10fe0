"""The apps that contribute demo and scale data, in the order of the program's data flow.

Each listed app may have a `demo` module with `seed_demo(*, log)` and `seed_scale(*, factor, log)`;
an app later in the list may rely on the data of the ones before it.
"""

from importlib import import_module
from importlib.util import find_spec

DEMO_APPS = ["cities", "ccrs", "sectors", "cocreation", "pilots", "network"]


def demo_modules():
    for label in DEMO_APPS:
        if find_spec(f"{label}.demo") is not None:
            yield import_module(f"{label}.demo")


def seed_demo(*, log) -> None:
    for module in demo_modules():
        if hasattr(module, "seed_demo"):
            module.seed_demo(log=log)


def seed_scale(*, factor: int, log) -> None:
    for module in demo_modules():
        if hasattr(module, "seed_scale"):
            module.seed_scale(factor=factor, log=log)
