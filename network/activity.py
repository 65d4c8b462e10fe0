"""The network's activity: what each part of the network contributes to the feed on /network/ and to
the e-mail digests.

Each part of the app (events, library, discussions, mentoring) has an `activity(*, user, since)` function
in its selectors module returning the ActivityItems that user may see since a moment, and may have an
`activity_many(*, users, since)` answering for many people at once in a fixed number of queries; the feed
reads them all through `activity_for()`, the digests through `activity_for_many()`, and neither queries another
part's models itself.
"""

from dataclasses import dataclass
from datetime import datetime
from functools import cache

from django.utils.translation import gettext_lazy as _

# The kinds' headings in the feed and the digests, in the digests' order; a kind not named here (a part added
# later) is shown as "Other news" and comes last.
KINDS = [
    ("event", _("Events")),
    ("topic", _("New discussions")),
    ("reply", _("Replies in topics you follow")),
    ("resource", _("New in the library")),
    ("mentoring_action", _("Mentoring actions due")),
]
OTHER = _("Other news")


@dataclass(frozen=True)
class ActivityItem:
    kind: str  # "event", "resource", "topic", "reply", "mentoring_action" ...: the digest groups by it
    key: str  # stable across runs, e.g. "event:12", so a digest leaves out what was already sent
    title: str
    url: str
    at: datetime  # aware; newest first
    summary: str = ""

    @property
    def kind_label(self):
        return dict(KINDS).get(self.kind, OTHER)


@cache
def _parts() -> tuple:
    """The selectors modules of the network's parts, found by module discovery (a part plugs in by adding
    an `activity` function to its module; this file names none of them)."""
    from importlib import import_module
    from pkgutil import iter_modules

    from . import selectors

    modules = [import_module(f"{selectors.__name__}.{info.name}") for info in iter_modules(selectors.__path__)]
    return tuple(module for module in modules if callable(getattr(module, "activity", None)))


def _newest_first(items) -> list[ActivityItem]:
    seen = {}
    for item in items:
        seen.setdefault(item.key, item)
    return sorted(seen.values(), key=lambda item: item.at, reverse=True)


def activity_for(*, user, since: datetime, limit: int | None = None) -> list[ActivityItem]:
    """Everything the network's parts have for this user since `since`, newest first (each key once)."""
    items = _newest_first(item for part in _parts() for item in part.activity(user=user, since=since))
    return items[:limit] if limit is not None else items


def activity_for_many(*, users, since: datetime) -> dict[int, list[ActivityItem]]:
    """`activity_for()` for many people at once, keyed by user id: a part with `activity_many` answers for
    everyone in its fixed number of queries, any other part person by person."""
    users = list(users)
    found: dict[int, list[ActivityItem]] = {user.pk: [] for user in users}
    for part in _parts():
        many = getattr(part, "activity_many", None)
        if callable(many):
            for user_id, items in many(users=users, since=since).items():
                found[user_id].extend(items)
        else:
            for user in users:
                found[user.pk].extend(part.activity(user=user, since=since))
    return {user_id: _newest_first(items) for user_id, items in found.items()}
