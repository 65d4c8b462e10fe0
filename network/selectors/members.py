"""Reads about the network's members that every part of the network shares."""

from zoneinfo import ZoneInfo

from django.conf import settings

from ccrs.selectors import memberships_of


def time_zone_of(user) -> ZoneInfo:
    """The zone a person reads times in: the profile's own choice, else their (first) city's, else the
    site's. Events are stored in UTC and shown, mailed and put in calendars in this zone."""
    profile = getattr(user, "network_profile", None) if user.is_authenticated else None
    if profile is not None and profile.time_zone:
        return ZoneInfo(profile.time_zone)
    if user.is_authenticated:
        memberships = memberships_of(user=user)
        if memberships:
            return ZoneInfo(memberships[0].city.time_zone)
    return ZoneInfo(settings.TIME_ZONE)
