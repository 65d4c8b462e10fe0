"""Reads about the network's members that every part of the network shares, and the member directory.

The directory lists the people of the network (program staff, every city team member, the network members
outside the teams) who have not asked to be left out, and the organisations. A person's e-mail address
and phone number reach a page only as that person chose (`contact_of`); staff see them all.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ccrs.formatting import language_name
from ccrs.inputs import id_from, page_of
from ccrs.models import CityMembership, User
from ccrs.rules import city_roles, is_program_staff
from ccrs.selectors import memberships_of
from cities.models import City

from ..models import (
    MemberProfile,
    NetworkInvitation,
    NetworkInvitationStatus,
    Organisation,
    OrganisationKind,
    Tag,
    TagKind,
    Visibility,
)

DIRECTORY_PAGE_SIZE = 24
MAX_QUERY_CHARS = 100
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


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


def profile_of(user) -> MemberProfile | None:
    """The person's directory profile, or None while they have none (then the model's defaults hold)."""
    try:
        return user.network_profile
    except MemberProfile.DoesNotExist:
        return None


def network_people() -> QuerySet[User]:
    """Everyone in the network: active staff, city team members and network members."""
    on_a_team = CityMembership.objects.filter(user=OuterRef("pk"))
    return User.objects.filter(is_active=True).filter(Q(is_staff=True) | Q(is_network_member=True) | Exists(on_a_team))


def contact_of(*, viewer, person, profile: MemberProfile | None) -> dict:
    """The e-mail address and phone number the viewer may see of a person: what the person shows to the
    members, everything to staff and to the person themselves; "" for what is hidden."""
    own = viewer.pk == person.pk
    staff = is_program_staff(viewer)
    show_email = profile.show_email if profile else Visibility.MEMBERS
    show_phone = profile.show_phone if profile else Visibility.NOBODY
    phone = profile.phone if profile else ""
    return {
        "email": person.email if own or staff or show_email == Visibility.MEMBERS else "",
        "phone": phone if own or staff or show_phone == Visibility.MEMBERS else "",
    }


@dataclass
class Person:
    """One person as the directory and their page show them to one viewer."""

    user: User
    name: str
    url: str
    cities: list[City]
    organisation: Organisation | None
    role: str
    languages: list[str]
    tags: list[tuple[str, list[str]]]  # (kind label, tag labels), in the order of TagKind
    offers: str
    seeks: str
    is_mentor: bool
    listed: bool
    email: str
    phone: str
    extra: dict = field(default_factory=dict)


def _tag_groups(tags, language: str) -> list[tuple[str, list[str]]]:
    by_kind = defaultdict(list)
    for tag in tags:
        by_kind[tag.kind].append(tag.label(language))
    return [(label, sorted(by_kind[kind])) for kind, label in TagKind.choices if by_kind.get(kind)]


def _tags_by_user(users) -> dict[int, list[Tag]]:
    """The expertise tags of these people's profiles, in one query whatever the page holds."""
    through = MemberProfile.tags.through.objects.filter(memberprofile__user_id__in=[user.pk for user in users])
    tags = defaultdict(list)
    for user_id, tag in (
        (row.memberprofile.user_id, row.tag) for row in through.select_related("tag", "memberprofile")
    ):
        tags[user_id].append(tag)
    return tags


def _people(viewer, users, language: str) -> list["Person"]:
    users = list(users)
    if not users:
        return []
    tags = _tags_by_user(users)
    return [_person(viewer, user, language, tags.get(user.pk, [])) for user in users]


def _person(viewer, user, language: str, tags) -> Person:
    from django.urls import reverse

    profile = profile_of(user)
    memberships = list(user.memberships.all())
    contact = contact_of(viewer=viewer, person=user, profile=profile)
    role = profile.role_title if profile and profile.role_title else ""
    if not role and memberships:
        role = memberships[0].get_role_display()
    if not role and user.is_staff:
        role = _("Program staff")
    return Person(
        user=user,
        # Never the address as a name: a person without one is named by the network, not by a hidden e-mail.
        name=user.display_name or user.full_name or contact["email"] or _("A network member"),
        url=reverse("network:person_detail", kwargs={"pk": user.pk}),
        cities=[membership.city for membership in memberships],
        organisation=profile.organisation if profile else None,
        role=role,
        languages=[language_name(code) for code in (profile.languages if profile else [])],
        tags=_tag_groups(tags, language),
        offers=profile.offers if profile else "",
        seeks=profile.seeks if profile else "",
        is_mentor=bool(profile and profile.is_mentor),
        listed=profile.listed if profile else True,
        **contact,
    )


@dataclass(frozen=True)
class DirectoryFilters:
    """What a directory reader asked for, each value checked (anything unknown is ignored)."""

    q: str = ""
    kind: str = ""
    tag: int | None = None
    language: str = ""
    city: int | None = None

    @classmethod
    def from_query(cls, params) -> "DirectoryFilters":
        kind = params.get("kind", "")
        language = params.get("language", "")
        return cls(
            q=" ".join(str(params.get("q", "")).replace("\x00", "").split())[:MAX_QUERY_CHARS],
            kind=kind if kind in OrganisationKind.values else "",
            tag=id_from(params.get("tag")),
            language=language if language in LANGUAGE_CODES else "",
            city=id_from(params.get("city")),
        )

    @property
    def active(self) -> bool:
        return bool(self.q or self.kind or self.tag or self.language or self.city)


def _people_filtered(filters: DirectoryFilters) -> QuerySet[User]:
    people = network_people().exclude(network_profile__listed=False)
    if filters.q:
        people = people.filter(
            Q(full_name__icontains=filters.q)
            | Q(display_name__icontains=filters.q)
            | Q(network_profile__organisation__name__icontains=filters.q)
        )
    if filters.kind == OrganisationKind.PARTICIPANT_CITY:
        team = CityMembership.objects.filter(user=OuterRef("pk"))
        people = people.filter(Exists(team) | Q(network_profile__organisation__kind=filters.kind))
    elif filters.kind:
        people = people.filter(network_profile__organisation__kind=filters.kind)
    if filters.tag:
        tagged = MemberProfile.tags.through.objects.filter(memberprofile__user=OuterRef("pk"), tag_id=filters.tag)
        people = people.filter(Exists(tagged))
    if filters.language:
        # The list of codes as JSON text: a quoted code matches that code only, on every database.
        people = people.filter(network_profile__languages__icontains=f'"{filters.language}"')
    if filters.city:
        team = CityMembership.objects.filter(user=OuterRef("pk"), city_id=filters.city)
        people = people.filter(Exists(team) | Q(network_profile__organisation__city_id=filters.city))
    return people


def _with_directory_data(people: QuerySet[User]) -> QuerySet[User]:
    return people.select_related("network_profile__organisation").prefetch_related(
        Prefetch("memberships", queryset=CityMembership.objects.select_related("city").order_by("city__name"))
    )


def directory_choices() -> dict:
    """The filters' options: the organisation kinds, the tags by kind, the languages and the cities (2 queries)."""
    language = (get_language() or "en")[:2]
    tags = list(Tag.objects.order_by("kind", "name"))
    return {
        "kinds": OrganisationKind.choices,
        "tag_groups": [
            (label, [(tag.pk, tag.label(language)) for tag in tags if tag.kind == kind])
            for kind, label in TagKind.choices
        ],
        "languages": [(code, language_name(code)) for code in LANGUAGE_CODES],
        "cities": list(City.objects.order_by("name").values_list("pk", "name")),
    }


def directory_people(*, user, filters: DirectoryFilters, page=1) -> dict:
    """One page of the people of the network the directory lists, with what the viewer may see of each
    (a count, the page, their teams, their tags: 4 queries, whatever the page holds)."""
    language = (get_language() or "en")[:2]
    people = _with_directory_data(_people_filtered(filters)).order_by("full_name", "pk")
    result = page_of(people, number=page, per_page=DIRECTORY_PAGE_SIZE)
    result["rows"] = _people(user, result["rows"], language)
    return result


def directory_organisations(*, user, filters: DirectoryFilters, page=1) -> dict:
    """One page of the network's organisations with their listed members' count and expertise (3 queries)."""
    organisations = Organisation.objects.select_related("city").annotate(
        member_count=Count("members", filter=Q(members__listed=True, members__user__is_active=True))
    )
    if filters.q:
        organisations = organisations.filter(Q(name__icontains=filters.q) | Q(city__local_name__icontains=filters.q))
    if filters.kind:
        organisations = organisations.filter(kind=filters.kind)
    if filters.tag:
        organisations = organisations.filter(tags=filters.tag)
    if filters.city:
        organisations = organisations.filter(city_id=filters.city)
    if filters.language:
        organisations = organisations.filter(
            Q(city__languages__icontains=f'"{filters.language}"')
            | Q(members__languages__icontains=f'"{filters.language}"')
        ).distinct()
    organisations = organisations.prefetch_related("tags").order_by("name", "pk")
    result = page_of(organisations, number=page, per_page=DIRECTORY_PAGE_SIZE)
    language = (get_language() or "en")[:2]
    for organisation in result["rows"]:
        organisation.tag_groups = _tag_groups(organisation.tags.all(), language)
    return result


def person_get(*, user, pk) -> Person | None:
    """A person of the network as the viewer may see them; None for someone outside the network, or left
    out of the directory (except for staff and the person themselves)."""
    pk = id_from(pk)
    if pk is None or not user.is_authenticated:
        return None
    person = _with_directory_data(network_people()).filter(pk=pk).first()
    if person is None:
        return None
    profile = profile_of(person)
    if profile is not None and not profile.listed and person.pk != user.pk and not is_program_staff(user):
        return None
    return _people(user, [person], (get_language() or "en")[:2])[0]


def organisation_get(*, user, pk) -> Organisation | None:
    """An organisation with its listed members as the viewer may see them (`organisation.people`)."""
    pk = id_from(pk)
    organisation = Organisation.objects.select_related("city").prefetch_related("tags").filter(pk=pk).first()
    if organisation is None:
        return None
    language = (get_language() or "en")[:2]
    belongs = Q(network_profile__organisation=organisation)
    if organisation.city_id:
        belongs |= Exists(CityMembership.objects.filter(user=OuterRef("pk"), city_id=organisation.city_id))
    people = network_people().exclude(network_profile__listed=False).filter(belongs)
    organisation.people = _people(user, _with_directory_data(people).order_by("full_name", "pk")[:200], language)
    organisation.tag_groups = _tag_groups(organisation.tags.all(), language)
    return organisation


def own_profile(*, user) -> MemberProfile | None:
    return MemberProfile.objects.filter(user=user).prefetch_related("tags").first()


def network_members_page(*, page=1, q: str = "") -> dict:
    """Staff's page of the network members outside the city teams and the invitations still open."""
    q = " ".join(str(q).split())[:MAX_QUERY_CHARS]
    members = User.objects.filter(is_network_member=True).select_related("network_profile__organisation")
    if q:
        members = members.filter(Q(full_name__icontains=q) | Q(email__icontains=q))
    result = page_of(members.order_by("full_name", "pk"), number=page, per_page=DIRECTORY_PAGE_SIZE)
    for member in result["rows"]:
        member.profile = profile_of(member)
    result["invitations"] = list(
        NetworkInvitation.objects.filter(status=NetworkInvitationStatus.PENDING)
        .select_related("organisation")
        .order_by("-created_at")[:50]
    )
    result["q"] = q
    return result


def team_presence(*, city) -> list[dict]:
    """A city's team with whether the directory lists each of them (one query)."""
    memberships = CityMembership.objects.filter(city=city).select_related("user__network_profile")
    rows = []
    for membership in memberships.order_by("user__full_name", "user__email"):
        profile = profile_of(membership.user)
        rows.append({"membership": membership, "user": membership.user, "listed": profile.listed if profile else True})
    return rows


def teams_led(*, user) -> list[City]:
    """The cities whose team the user leads (from the memberships already loaded for the navigation)."""
    roles = city_roles(user)
    return [m.city for m in memberships_of(user=user) if roles.get(m.city_id) == "lead"]
