"""Demo and scale data of the directory: the network of the real program.

The six participant cities' teams (the demo people of ccrs.demo on their teams from cities.demo), two
inspiration cities (Rotterdam on waterfront resilience, Surabaya on waste banks), the partners (Citi
Foundation, an SME association, a university), three mentors with profiles in their languages, and the
tags every part of the network shares: the program's four principles, the cohort's ISIC sectors and
resilience topics.
"""

from django.contrib.auth.hashers import make_password
from django.db import transaction

from ccrs.demo import DEMO_PASSWORD, demo_data
from ccrs.models import CityMembership, User
from ccrs.services import email_verified_set
from cities.models import City

from ..models import MemberProfile, Organisation, OrganisationKind, Tag, Visibility

# members.json: the tags [kind, code, English name, {language: name}]; the participant cities' organisations'
# tag codes by city slug; the other organisations [name, kind, country, website, summary, tag codes]; the
# three mentors [e-mail, full name, organisation, role, languages, offers, seeks, tag codes]; the demo city
# teams' profiles by e-mail [role, languages, offers, seeks, tag codes, show e-mail].
DATA = demo_data(__file__, "members.json")
DEMO_TAGS = DATA["tags"]
CITY_TAGS = DATA["city_tags"]
DEMO_ORGANISATIONS = DATA["organisations"]
DEMO_MENTORS = DATA["mentors"]
DEMO_PROFILES = DATA["profiles"]
DEMO_MENTOR_EMAILS = [row[0] for row in DEMO_MENTORS]


def tags_made(rows, *, update: bool = True) -> dict[str, Tag]:
    """The tags of `rows` ([kind, code, English name, {language: name}]) by code, made when missing; with
    `update`, an existing tag takes these names."""
    make = Tag.objects.update_or_create if update else Tag.objects.get_or_create
    return {
        code: make(kind=kind, code=code, defaults={"name": name, "names": names})[0] for kind, code, name, names in rows
    }


def _profile(user, organisation, role, languages, offers, seeks, codes, tags, **more) -> None:
    profile, _created = MemberProfile.objects.update_or_create(
        user=user,
        defaults={
            "organisation": organisation,
            "role_title": role,
            "languages": languages,
            "offers": offers,
            "seeks": seeks,
            **more,
        },
    )
    profile.tags.set([tags[code] for code in codes])


@transaction.atomic
def seed_demo(*, log, calendar) -> None:
    tags = tags_made(DEMO_TAGS)
    organisations = {}
    for city in City.objects.filter(slug__in=CITY_TAGS):
        organisation, _created = Organisation.objects.update_or_create(
            city=city,
            defaults={"name": city.name, "kind": OrganisationKind.PARTICIPANT_CITY, "country": str(city.country)},
        )
        organisation.tags.set([tags[code] for code in CITY_TAGS[city.slug]])
        organisations[city.name] = organisation
    for name, kind, country, website, summary, codes in DEMO_ORGANISATIONS:
        organisation, _created = Organisation.objects.update_or_create(
            name=name, city=None, defaults={"kind": kind, "country": country, "website": website, "summary": summary}
        )
        organisation.tags.set([tags[code] for code in codes])
        organisations[name] = organisation
    password = make_password(DEMO_PASSWORD)
    for email, full_name, organisation, role, languages, offers, seeks, codes in DEMO_MENTORS:
        user, _created = User.objects.update_or_create(
            email=email,
            defaults={
                "full_name": full_name,
                "password": password,
                "is_network_member": True,
                "language": languages[0],
            },
        )
        email_verified_set(user=user, email=email)
        _profile(
            user,
            organisations[organisation],
            role,
            languages,
            offers,
            seeks,
            codes,
            tags,
            is_mentor=True,
            show_email=Visibility.MEMBERS,
        )
    by_email = {user.email: user for user in User.objects.filter(email__in=DEMO_PROFILES)}
    city_of = dict(CityMembership.objects.filter(user__in=by_email.values()).values_list("user__email", "city__name"))
    for email, (role, languages, offers, seeks, codes, show_email) in DEMO_PROFILES.items():
        user = by_email.get(email)
        if user is None:
            continue
        organisation = organisations.get(city_of.get(email)) or organisations["Citi Foundation"]
        show = Visibility.MEMBERS if show_email else Visibility.NOBODY
        _profile(user, organisation, role, languages, offers, seeks, codes, tags, show_email=show)
    log(
        f"{len(organisations)} network organisations, {len(DEMO_MENTORS)} mentors, {len(tags)} tags, "
        f"{len(DEMO_PROFILES) + len(DEMO_MENTORS)} directory profiles"
    )


@transaction.atomic
def reset_demo(*, log) -> None:
    """Delete the demo's organisations and profiles (the mentors' accounts go with the demo accounts)."""
    MemberProfile.objects.filter(user__email__endswith="@ccrs.demo").delete()
    names = [row[0] for row in DEMO_ORGANISATIONS] + list(
        City.objects.filter(slug__in=CITY_TAGS).values_list("name", flat=True)
    )
    deleted, _by_model = Organisation.objects.filter(name__in=names).delete()
    log(f"deleted the network's demo organisations and profiles ({deleted} rows)")


SCALE_MEMBERS = 2000  # per unit of factor, beside the 100 network members of ccrs.demo
SCALE_LANGUAGES = [["en"], ["vi", "en"], ["th"], ["id", "en"], ["ms"]]


@transaction.atomic
def seed_scale(*, factor: int, log, density: float = 1.0) -> None:
    """2,000 network members per unit of factor (at full density) with profiles, organisations for the scale
    partners and cities, and profiles for the scale teams: the directory then holds thousands of people."""
    from ccrs.demo_registry import thinned
    from cities.demo import SCALE_CITY_PREFIX

    tags = list(Tag.objects.all()) or list(tags_made(DEMO_TAGS).values())
    cities = list(City.objects.filter(slug__startswith=SCALE_CITY_PREFIX, network_organisation__isnull=True))
    Organisation.objects.bulk_create(
        [Organisation(name=city.name, kind=OrganisationKind.PARTICIPANT_CITY, city=city) for city in cities],
        ignore_conflicts=True,
        batch_size=500,
    )
    partner_kinds = [
        OrganisationKind.NGO,
        OrganisationKind.UNIVERSITY,
        OrganisationKind.SME_ASSOCIATION,
        OrganisationKind.INSPIRATION_CITY,
    ]
    partners = [
        Organisation(name=f"Scale partner {i:04d}", kind=partner_kinds[i % len(partner_kinds)])
        for i in range(50 * factor)
    ]
    existing = set(Organisation.objects.filter(name__startswith="Scale partner ").values_list("name", flat=True))
    Organisation.objects.bulk_create([o for o in partners if o.name not in existing], batch_size=500)
    partners = list(Organisation.objects.filter(name__startswith="Scale partner ").order_by("pk"))
    unusable = make_password(None)
    User.objects.bulk_create(
        [
            User(
                email=f"member{i:06d}@scale.ccrs",
                full_name=f"Member {i:06d}",
                is_network_member=True,
                password=unusable,
            )
            for i in range(thinned(SCALE_MEMBERS * factor, density))
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )
    people = User.objects.filter(email__endswith="@scale.ccrs", network_profile__isnull=True).filter(
        email__startswith="member"
    ) | User.objects.filter(email__endswith="@scale.ccrs", network_profile__isnull=True, email__startswith="network")
    user_ids = list(people.values_list("pk", flat=True))
    MemberProfile.objects.bulk_create(
        [
            MemberProfile(
                user_id=pk,
                organisation=partners[n % len(partners)],
                role_title="Expert",
                languages=SCALE_LANGUAGES[n % len(SCALE_LANGUAGES)],
                offers="Peer advice",
                is_mentor=n % 40 == 0,
                show_email=Visibility.MEMBERS if n % 2 else Visibility.NOBODY,
            )
            for n, pk in enumerate(user_ids)
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )
    team = list(
        CityMembership.objects.filter(
            city__slug__startswith=SCALE_CITY_PREFIX, user__network_profile__isnull=True
        ).values_list("user_id", flat=True)
    )
    MemberProfile.objects.bulk_create(
        [MemberProfile(user_id=pk, languages=["en"], role_title="Officer") for pk in team],
        ignore_conflicts=True,
        batch_size=1000,
    )
    if tags:
        through = MemberProfile.tags.through
        profiles = MemberProfile.objects.filter(user_id__in=user_ids + team).values_list("pk", flat=True)
        through.objects.bulk_create(
            [through(memberprofile_id=pk, tag_id=tags[n % len(tags)].pk) for n, pk in enumerate(profiles)],
            ignore_conflicts=True,
            batch_size=2000,
        )
    log(f"{len(user_ids) + len(team)} scale directory profiles, {len(partners)} scale partner organisations")
