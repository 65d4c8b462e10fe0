"""The network's home page: the activity feed of every part of the network."""

from datetime import timedelta

from django.shortcuts import render
from django.utils import timezone

from ccrs.decorators import permission_required

from ..activity import activity_for
from ..selectors.members import time_zone_of

FEED_DAYS = 30
FEED_ITEMS = 30


@permission_required("network.view_network")
def network_home(request):
    since = timezone.now() - timedelta(days=FEED_DAYS)
    return render(
        request,
        "network/home.html",
        {
            "activity": activity_for(user=request.user, since=since, limit=FEED_ITEMS),
            "reader_zone": time_zone_of(request.user),
        },
    )
