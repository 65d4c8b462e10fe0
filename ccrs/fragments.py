"""Parts of pages drawn once per cache generation: a template rendered with what only it reads, kept under the
program generation (ccrs.generations) and the reader's language, for pages that are the same for every reader
allowed to see them. A drawn part reads nothing of the request (no CSRF token, no user, no permission)."""

import hashlib
from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils.translation import get_language

from . import generations


def drawn(template: str, key: str, context: Callable[[], dict], *, name: str = generations.PROGRAM) -> str:
    """`template` rendered with `context()`, once per generation of `name` and language; `key` names what it
    shows (its object, page, filter). `context` is called only when the part is drawn."""
    return generations.cached(
        name, f"drawn:{template}:{key}:{get_language()}", lambda: render_to_string(template, context())
    )


def key_of(*values) -> str:
    """A short key of what a reader typed (a page number, a filter), whatever its length or characters; the page
    itself reads the values as they are (Paginator.get_page: not a number, the first page; past the end, the
    last)."""
    return hashlib.sha256(repr(values).encode()).hexdigest()[:24]
