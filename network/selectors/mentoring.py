"""Reads of city-to-city mentoring: the pairs a person may see, a pair's page, mentors' load for staff
pairing, and the mentoring actions due for the network's activity feed.

Staff see every pair; a mentor only their own; a city's team the pairs of its city. Nothing here opens
the city's co-creation or pilot data to the mentor.
"""

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from ccrs.inputs import id_from
from ccrs.models import CityMembership, User
from ccrs.rules import is_program_staff

from ..activity import ActivityItem
from ..models import MentoringAction, MentoringPair, MentoringSession, OrganisationKind, PairStatus

# The organisations whose members may mentor a participant city: every kind but the participant cities.
MENTOR_ORGANISATION_KINDS = [kind for kind in OrganisationKind.values if kind != OrganisationKind.PARTICIPANT_CITY]
ACTIONS_DUE_AHEAD_DAYS = 7


def is_overdue(action: MentoringAction, *, today: date) -> bool:
    """An action is overdue when it is not done and its due date has passed."""
    return action.done_at is None and action.due_on < today


def pairs_visible_to(*, user) -> QuerySet[MentoringPair]:
    """Every pair for staff; a mentor's own pairs and the pairs of the person's cities; else none."""
    if not user.is_authenticated:
        return MentoringPair.objects.none()
    if is_program_staff(user):
        return MentoringPair.objects.all()
    team = CityMembership.objects.filter(user=user, city=OuterRef("city"))
    return MentoringPair.objects.filter(Q(mentor=user) | Exists(team))


def pair_list(*, user) -> list[MentoringPair]:
    """The pairs the person may see with their sessions, open and overdue actions counted (one query)."""
    today = timezone.localdate()
    open_actions = Q(actions__done_at__isnull=True)
    return list(
        pairs_visible_to(user=user)
        .select_related("city", "mentor__network_profile__organisation")
        .annotate(
            session_count=Count("sessions", distinct=True),
            open_count=Count("actions", filter=open_actions, distinct=True),
            overdue_count=Count("actions", filter=open_actions & Q(actions__due_on__lt=today), distinct=True),
        )
        .order_by("city__name", "-started_on", "pk")
    )


def pair_get(*, user, pk) -> MentoringPair | None:
    """A pair the person may see, with its sessions (and the resources shared) and its actions, each with
    `overdue` set; None otherwise."""
    pk = id_from(pk)
    if pk is None:
        return None
    pair = (
        pairs_visible_to(user=user)
        .select_related("city", "mentor__network_profile__organisation", "created_by")
        .prefetch_related(
            Prefetch(
                "sessions",
                queryset=MentoringSession.objects.select_related("logged_by").prefetch_related("resources"),
            ),
            Prefetch("actions", queryset=MentoringAction.objects.select_related("owner", "done_by", "session")),
        )
        .filter(pk=pk)
        .first()
    )
    if pair is None:
        return None
    today = timezone.localdate()
    for action in pair.actions.all():
        action.overdue = is_overdue(action, today=today)
    return pair


def action_get(*, user, pk) -> MentoringAction | None:
    pk = id_from(pk)
    if pk is None:
        return None
    pairs = pairs_visible_to(user=user).values("pk")
    return MentoringAction.objects.select_related("pair").filter(pk=pk, pair__in=pairs).first()


def pair_people(*, pair) -> list[User]:
    """Who may own an action of the pair: the mentor and the city's team (one query)."""
    team = CityMembership.objects.filter(user=OuterRef("pk"), city_id=pair.city_id)
    return list(
        User.objects.filter(is_active=True).filter(Q(pk=pair.mentor_id) | Exists(team)).order_by("full_name", "pk")
    )


def mentors_eligible() -> QuerySet[User]:
    """People who may mentor: marked as mentors in the directory, or members of an inspiration city or a
    partner organisation."""
    return User.objects.filter(is_active=True).filter(
        Q(network_profile__is_mentor=True) | Q(network_profile__organisation__kind__in=MENTOR_ORGANISATION_KINDS)
    )


def mentor_load() -> list[User]:
    """Each possible mentor with the number of pairs they mentor now (`pair_count`, open pairs) and in all,
    busiest first: one aggregate query, for staff choosing a mentor."""
    return list(
        mentors_eligible()
        .select_related("network_profile__organisation")
        .annotate(
            pair_count=Count("mentoring_pairs", filter=~Q(mentoring_pairs__status=PairStatus.CLOSED)),
            pair_total=Count("mentoring_pairs"),
        )
        .order_by("-pair_count", "full_name", "pk")
    )


def _actions_due(since: datetime):
    today = timezone.localdate()
    return MentoringAction.objects.filter(
        done_at__isnull=True,
        due_on__gte=timezone.localtime(since).date(),
        due_on__lte=today + timedelta(days=ACTIONS_DUE_AHEAD_DAYS),
    ).order_by("-due_on", "-pk")


def _action_item(action: MentoringAction, zone) -> ActivityItem:
    return ActivityItem(
        kind="mentoring_action",
        key=f"mentoring_action:{action.pk}",
        title=action.description,
        url=reverse("network:pair_detail", kwargs={"pk": action.pair_id}),
        at=timezone.make_aware(datetime.combine(action.due_on, time(9)), zone),
        summary=str(action.pair.city),
    )


def activity(*, user, since: datetime) -> list[ActivityItem]:
    """The mentoring actions due that the person may see: open actions of their pairs due from `since` to
    a week ahead (an overdue one among them says so), newest due date first."""
    actions = _actions_due(since).filter(pair__in=pairs_visible_to(user=user).values("pk"))
    zone = timezone.get_current_timezone()
    return [_action_item(action, zone) for action in actions.select_related("pair__city", "owner")]


def activity_many(*, users, since: datetime) -> dict[int, list[ActivityItem]]:
    """`activity()` for many people at once (the digests): the actions due and the people's cities in two
    queries, each person's share chosen as `pairs_visible_to` chooses it."""
    users = [user for user in users if user.is_authenticated]
    actions = list(_actions_due(since).select_related("pair__city", "owner"))
    cities: dict[int, set[int]] = {}
    if actions:
        for user_id, city_id in CityMembership.objects.filter(user__in=[u.pk for u in users]).values_list(
            "user_id", "city_id"
        ):
            cities.setdefault(user_id, set()).add(city_id)
    zone = timezone.get_current_timezone()
    items = {action.pk: _action_item(action, zone) for action in actions}
    result = {}
    for user in users:
        if is_program_staff(user):
            result[user.pk] = [items[action.pk] for action in actions]
            continue
        mine = cities.get(user.pk, set())
        result[user.pk] = [
            items[action.pk] for action in actions if action.pair.mentor_id == user.pk or action.pair.city_id in mine
        ]
    return result
