"""The network's e-mail digests: each member who chose a daily or weekly digest gets it in the first hourly
run of their own morning (07:00-11:59 in their time zone; a weekly one on Monday), with what the network's
parts have for them since their last digest, grouped by kind and newest first, without what was already
mailed to them at once, in their language. One DigestSent row per person and period makes a run idempotent.
"""

from datetime import datetime, timedelta
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Max, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ccrs.models import CityMembership

from ..activity import KINDS, OTHER, ActivityItem, activity_for_many
from ..models import DigestSent, Frequency, NotificationPreference, NotificationSent
from ..selectors.members import time_zone_of
from .notifications import member_mail

MORNING_FROM = 7  # local hour of the first run that sends
MORNING_UNTIL = 12  # a run missed at 07:00 still sends the same morning, never later
WEEKLY_ON = 0  # Monday
SPAN = {Frequency.DAILY: timedelta(days=1), Frequency.WEEKLY: timedelta(days=7)}
DIGEST_ITEMS = 100
BATCH = 500  # people read and sent per round


class Due(NamedTuple):
    """A person whose digest is due in this run, with what it covers."""

    user: object
    preference: NotificationPreference | None
    frequency: str
    period: object
    since: datetime


def sections(items: list[ActivityItem]) -> list[tuple]:
    """The items grouped by kind in the digest's order (lazy headings), each group newest first."""
    groups: dict[str, list[ActivityItem]] = {}
    for item in sorted(items, key=lambda item: item.at, reverse=True):
        groups.setdefault(item.kind, []).append(item)
    ordered = [(label, groups.pop(kind)) for kind, label in KINDS if kind in groups]
    rest = [item for kind in list(groups) for item in groups.pop(kind)]
    if rest:
        ordered.append((OTHER, sorted(rest, key=lambda item: item.at, reverse=True)))
    return ordered


def period_of(frequency: str, local: datetime):
    """The period a digest sent at this local moment covers, or None outside the person's morning (or day)."""
    if not MORNING_FROM <= local.hour < MORNING_UNTIL:
        return None
    if frequency == Frequency.WEEKLY and local.weekday() != WEEKLY_ON:
        return None
    return local.date()


def people_in_network():
    """Every active person of the network with what a digest run needs of them, in a fixed number of queries."""
    memberships = CityMembership.objects.select_related("city").order_by("city__name")
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_staff=True) | Q(is_network_member=True) | Q(memberships__isnull=False))
        .distinct()
        .select_related("network_profile", "network_notifications")
        .prefetch_related(Prefetch("memberships", queryset=memberships, to_attr="_memberships"))
        .order_by("pk")
    )


def digests_send(*, now: datetime | None = None) -> int:
    """Send every digest due at `now`; returns how many e-mails went out. Safe to run twice."""
    now = now or timezone.now()
    recent = now - timedelta(days=8)
    done = set(
        DigestSent.objects.filter(created_at__gte=recent - timedelta(days=1)).values_list(
            "user_id", "frequency", "period"
        )
    )
    last = dict(
        DigestSent.objects.filter(created_at__gte=recent)
        .values("user_id", "frequency")
        .annotate(at=Max("created_at"))
        .values_list("user_id", "at")
    )
    sent = 0
    people = people_in_network()
    for start in range(0, people.count(), BATCH):
        due = []
        for user in people[start : start + BATCH]:
            user._city_roles = {m.city_id: m.role for m in user._memberships}
            preference = getattr(user, "network_notifications", None)
            frequency = preference.frequency if preference is not None else Frequency.DAILY
            if frequency not in SPAN:
                continue
            period = period_of(frequency, now.astimezone(time_zone_of(user)))
            if period is None or (user.pk, frequency, period) in done:
                continue
            since = max(last.get(user.pk) or now - SPAN[frequency], now - SPAN[frequency])
            due.append(Due(user, preference, frequency, period, since))
        sent += _batch_send(due)
    return sent


def _batch_send(due: list[Due]) -> int:
    """The digests of one batch of people: their activity read together for each `since` they share (a fixed
    number of queries per group, whatever its size), then each person's digest on its own."""
    sent = 0
    groups: dict[datetime, list[Due]] = {}
    for row in due:
        groups.setdefault(row.since, []).append(row)
    for since, rows in groups.items():
        found = activity_for_many(users=[row.user for row in rows], since=since)
        keys = {item.key for items in found.values() for item in items}
        mailed = set(
            NotificationSent.objects.filter(user__in=[row.user.pk for row in rows], key__in=keys).values_list(
                "user_id", "key"
            )
            if keys
            else ()
        )
        for row in rows:
            items = [item for item in found[row.user.pk] if (row.user.pk, item.key) not in mailed][:DIGEST_ITEMS]
            sent += digest_send(
                user=row.user, preference=row.preference, frequency=row.frequency, period=row.period, items=items
            )
    return sent


def digest_send(*, user, preference, frequency: str, period, items: list[ActivityItem]) -> int:
    """One person's digest for one period, of the items not yet mailed to them: recorded once (a second run
    finds the row and sends nothing), mailed when there is something to tell. Returns 1 when an e-mail went
    out."""
    try:
        with transaction.atomic():
            DigestSent.objects.create(
                user=user, frequency=frequency, period=period, item_count=len(items), keys=[i.key for i in items]
            )
            if not items:
                return 0
            if preference is None:
                preference, _created = NotificationPreference.objects.get_or_create(user=user)
                preference.user = user
            member_mail(
                preference=preference,
                subject=_("Your weekly news from the peer network")
                if frequency == Frequency.WEEKLY
                else _("Your daily news from the peer network"),
                template="network/email/digest.txt",
                context={"sections": sections(items), "frequency": frequency, "count": len(items)},
            )
    except IntegrityError:
        return 0  # another run recorded this period first
    return 1
