"""The one helper of the URL configurations: a path named after its view."""

from django.urls import path


def route(pattern: str, view):
    """path(pattern, view, name=<the view's function name>): most URLs are named as their views are."""
    return path(pattern, view, name=view.__name__)
