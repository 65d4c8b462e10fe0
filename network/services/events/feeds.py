"""The personal calendar feeds: a secret, revocable link per person."""

from django.db import transaction
from django.utils.translation import gettext as _


def _feed_refusal(feed):
    """A feed of a person who left the network answers like an unknown one: nothing is revealed."""
    from ccrs.links import LinkInvalid

    if not feed.user.is_active or not feed.user.has_perm("network.view_network"):
        return LinkInvalid(_("Nothing at this address is open to you."), status=404)
    return None


def _feed_kind(scope: str):
    from ccrs import links

    from ...models import CalendarFeed

    return links.LinkKind(
        salt=f"network.calendar.{scope}",
        url_name=f"network:calendar_feed_{scope}",
        rows=lambda: CalendarFeed.objects.select_related("user"),
        refusal=_feed_refusal,
        key=lambda feed: str(feed.key),
    )


FEED_MINE = _feed_kind("mine")
FEED_ALL = _feed_kind("all")


def calendar_feed_of(*, user):
    """A person's calendar feed row, made the first time it is asked for."""
    from ...models import CalendarFeed

    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


@transaction.atomic
def calendar_feed_revoke(*, user):
    """New secret addresses: the old ones stop working at once (404)."""
    import uuid

    feed = calendar_feed_of(user=user)
    feed = type(feed).objects.select_for_update().get(pk=feed.pk)
    feed.key = uuid.uuid4()
    feed.save(update_fields=["key", "updated_at"])
    return feed
