"""The program's apps and the parts each contributes, so the project package never imports an app.

A program app is a package beside `ccrs/` in BASE_DIR and in INSTALLED_APPS, whose order follows the
program's data flow. An app adds a part by having a module of an agreed name: `panels` (dashboard
panels, menu entries, the program dashboard's figures), `files` (who may read a stored file), `demo`
(demo and scale data) and `reports` (report kinds and the program report's areas).
"""

from functools import cache
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path
from types import ModuleType

from django.apps import AppConfig, apps
from django.conf import settings

PROJECT = __name__.rpartition(".")[0]


def project_apps() -> list[AppConfig]:
    """The project package and the program's apps (not installed packages), in INSTALLED_APPS order."""
    base = Path(settings.BASE_DIR)
    return [config for config in apps.get_app_configs() if Path(config.path).parent == base]


@cache
def app_modules(name: str) -> tuple[ModuleType, ...]:
    """Each program app's `name` module, where it has one; the project package's own module of that name
    is left out (it is the one collecting the parts)."""
    labels = [config.name for config in project_apps() if config.name != PROJECT]
    return tuple(import_module(f"{label}.{name}") for label in labels if find_spec(f"{label}.{name}") is not None)
