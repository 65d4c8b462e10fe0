"""The network's activity: what each part of the network contributes to the feed on /network/ and to
the e-mail digests.

Each part of the app (events, library, discussions, mentoring) has an `activity(*, user, since)` function
in its selectors module returning the ActivityItems that user may see since a moment; the feed and the
digests read them all through `activity_for()` and never query another part's models themselves.
"""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ActivityItem:
    kind: str  # "event", "resource", "topic", "reply", "mentoring_action" ...: the digest groups by it
    key: str  # stable across runs, e.g. "event:12", so a digest leaves out what was already sent
    title: str
    url: str
    at: datetime  # aware; newest first
    summary: str = ""
