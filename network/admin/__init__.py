"""The network's admin, one module per part of the network (members, events, library, discussions,
mentoring, case studies); every module of this package is imported here, so Django's autodiscovery
registers them all and a new part needs no line in this file."""

from importlib import import_module
from pkgutil import iter_modules

for _module in iter_modules(__path__):
    import_module(f"{__name__}.{_module.name}")
