"""The one helper of the URL configurations: a path named after its view."""

import sys

from django.core.exceptions import ImproperlyConfigured
from django.urls import path


def route(pattern: str, view):
    """path(pattern, view, name=<the view's function name>): most URLs are named as their views are.

    A view made by a factory (`object_action`, `link_page`) has no name of its own (its function is the factory's
    inner one, shared by every view it makes): name its path with `path(..., name=...)`; route refuses it."""
    name = getattr(view, "__name__", "")
    module = sys.modules.get(getattr(view, "__module__", ""), None)
    if not name.isidentifier() or getattr(module, name, None) is not view:
        raise ImproperlyConfigured(f"{pattern!r}: the view has no name of its own; use path(…, name=…)")
    return path(pattern, view, name=name)
