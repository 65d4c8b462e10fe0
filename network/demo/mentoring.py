"""Demo data of mentoring: two pairs of the real program with their sessions and actions (one overdue).

Surabaya's waste-bank lead mentors Jakarta's team; Rotterdam's resilience officer mentors Melaka's
waterfront tourism SMEs. Dates run back from the demo's today, so an action is always overdue.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ccrs.models import User
from cities.models import City

from ..models import MentoringPair, Resource
from ..services import mentoring as services
from .members import DEMO_MENTOR_EMAILS

# (mentor e-mail, city slug, SME, goals, sessions [(days ago, attendees, notes)], actions [(text, owner e-mail,
# due in days (negative: past), done)])
DEMO_PAIRS = [
    (
        "mentor.surabaya@ccrs.demo",
        "jakarta",
        "",
        "Start three neighbourhood waste banks in North Jakarta run with local collection SMEs, and measure "
        "the tonnes separated and the SMEs' income each month.",
        [
            (
                45,
                "Dwi Lestari\nRatna Kusumawati\nBudi Santoso",
                "Bank sampah Surabaya: pembukuan, harga per kilo dan "
                "peran UKM pengepul. Jakarta memilih tiga RW untuk uji coba.",
            ),
            (
                14,
                "Dwi Lestari\nBudi Santoso",
                "Kunjungan lapangan virtual ke dua bank sampah; daftar timbangan dan buku tabungan warga dibagikan.",
            ),
        ],
        [
            ("Choose the three neighbourhoods and their waste bank volunteers", "lead.jakarta@ccrs.demo", -30, True),
            ("Send the collection SMEs' price list to the mentor", "officer.jakarta@ccrs.demo", -5, False),
            ("Share Surabaya's waste bank bookkeeping template", "mentor.surabaya@ccrs.demo", 6, False),
        ],
    ),
    (
        "mentor.rotterdam@ccrs.demo",
        "melaka",
        "Sungai Melaka River Cruise Sdn Bhd",
        "Help the river cruise operator and its neighbouring cafés plan for flood days: a warning chain, "
        "quick-to-move kiosks, and a joint offer for visitors when the river is high.",
        [
            (
                30,
                "Arnoud Molenaar\nNurul Aisyah binti Ahmad\nTan Wei Ming",
                "Rotterdam's water squares and the "
                "waterfront businesses' flood plan; Melaka shared the river's high-water days of the last five years.",
            ),
        ],
        [
            (
                "Map the kiosks and cafés along the river below the high-water line",
                "officer.melaka@ccrs.demo",
                10,
                False,
            ),
            ("Send the example business flood plan from Rotterdam", "mentor.rotterdam@ccrs.demo", -20, True),
        ],
    ),
]


@transaction.atomic
def seed_demo(*, log, calendar) -> None:
    staff = User.objects.filter(is_staff=True, email__endswith="@ccrs.demo").order_by("pk").first()
    people = {user.email: user for user in User.objects.filter(email__endswith="@ccrs.demo")}
    cities = {city.slug: city for city in City.objects.filter(slug__in=[row[1] for row in DEMO_PAIRS])}
    today = calendar.today
    resource = Resource.objects.order_by("pk").first()
    made = 0
    for mentor_email, slug, sme_name, goals, sessions, actions in DEMO_PAIRS:
        mentor, city = people.get(mentor_email), cities.get(slug)
        if mentor is None or city is None or MentoringPair.objects.filter(mentor=mentor, city=city).exists():
            continue
        pair = services.pair_create(
            created_by=staff,
            mentor=mentor,
            city=city,
            goals=goals,
            sme_name=sme_name,
            started_on=today - timedelta(days=60),
        )
        logged = [
            services.session_log(
                pair=pair,
                logged_by=mentor,
                held_on=today - timedelta(days=days_ago),
                attendees=attendees,
                notes=notes,
                resources=[resource] if resource else [],
            )
            for days_ago, attendees, notes in sessions
        ]
        for text, owner_email, due_in, done in actions:
            action = services.action_add(
                pair=pair,
                description=text,
                owner=people.get(owner_email),
                due_on=today + timedelta(days=due_in),
                session=logged[0],
            )
            if done:
                services.action_complete(action=action, by=people.get(owner_email))
        made += 1
    log(f"{made} mentoring pairs with their sessions and actions")


@transaction.atomic
def reset_demo(*, log) -> None:
    deleted, _by_model = MentoringPair.objects.filter(mentor__email__in=DEMO_MENTOR_EMAILS).delete()
    log(f"deleted the demo's mentoring pairs ({deleted} rows)")


@transaction.atomic
def seed_scale(*, factor: int, log, density: float = 1.0) -> None:
    """A mentoring pair per scale city (mentors from the scale members marked as mentors), each with two
    sessions and four actions, one of them overdue."""
    from cities.demo import SCALE_CITY_PREFIX

    from ..models import MentoringAction, MentoringSession

    mentors = list(
        User.objects.filter(email__endswith="@scale.ccrs", network_profile__is_mentor=True).order_by("pk")[:200]
    )
    cities = list(City.objects.filter(slug__startswith=SCALE_CITY_PREFIX, mentoring_pairs__isnull=True).order_by("pk"))
    if not mentors or not cities:
        return
    today = timezone.localdate()
    pairs = MentoringPair.objects.bulk_create(
        [
            MentoringPair(
                mentor=mentors[n % len(mentors)],
                city=city,
                goals="Scale mentoring goals",
                started_on=today - timedelta(days=90),
            )
            for n, city in enumerate(cities)
        ],
        batch_size=500,
    )
    MentoringSession.objects.bulk_create(
        [
            MentoringSession(pair=pair, held_on=today - timedelta(days=days), attendees="Scale attendee")
            for pair in pairs
            for days in (60, 30)
        ],
        batch_size=1000,
    )
    MentoringAction.objects.bulk_create(
        [
            MentoringAction(
                pair=pair, description=f"Scale action {n}", owner=pair.mentor, due_on=today + timedelta(days=due)
            )
            for pair in pairs
            for n, due in enumerate((-10, 3, 10, 40))
        ],
        batch_size=1000,
    )
    log(f"{len(pairs)} scale mentoring pairs with sessions and actions")
