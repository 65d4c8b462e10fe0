"""Demo and scale data: the project package's own (the people), then each app's, in the program's data flow.

An app's `demo` module may have `seed_demo(*, log)` and `seed_scale(*, factor, log)`; an app may rely
on the data of the apps before it in INSTALLED_APPS (see `registry`).
"""

from . import demo, registry


def demo_modules():
    return (demo, *registry.app_modules("demo"))


def seed_demo(*, log) -> None:
    for module in demo_modules():
        if hasattr(module, "seed_demo"):
            module.seed_demo(log=log)


def seed_scale(*, factor: int, log) -> None:
    for module in demo_modules():
        if hasattr(module, "seed_scale"):
            module.seed_scale(factor=factor, log=log)
