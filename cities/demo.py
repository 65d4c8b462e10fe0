"""Demo and scale data of the cities app: the real first CCRS cohort, and a large synthetic one."""

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from ccrs.models import CityMembership, CityRole, Invitation, InvitationStatus, User

from . import services
from .models import (
    Application,
    ApplicationStatus,
    ChecklistItem,
    City,
    CoFundingKind,
    CoFundingRecord,
    CoFundingStage,
    Cohort,
    OnboardingStep,
    Review,
    Score,
    SelectionCriterion,
)

FIRST_COHORT = {
    "name": "CCRS Asia-Pacific 2021",
    "region": "Asia-Pacific",
    "start_year": 2021,
    "end_year": 2024,
    "max_cities": 8,
}

# Public facts about the first cohort (rounded city-proper populations of the early 2020s).
COHORT_CITIES = [
    {
        "name": "Bangkok",
        "local_name": "กรุงเทพมหานคร",
        "country": "TH",
        "time_zone": "Asia/Bangkok",
        "population": 5_500_000,
        "languages": ["th", "en"],
    },
    {
        "name": "Melaka",
        "local_name": "Melaka",
        "country": "MY",
        "time_zone": "Asia/Kuala_Lumpur",
        "population": 580_000,
        "languages": ["ms", "en", "zh"],
    },
    {
        "name": "Semarang",
        "local_name": "Semarang",
        "country": "ID",
        "time_zone": "Asia/Jakarta",
        "population": 1_650_000,
        "languages": ["id", "jv"],
    },
    {
        "name": "Jakarta",
        "local_name": "Daerah Khusus Jakarta",
        "country": "ID",
        "time_zone": "Asia/Jakarta",
        "population": 10_600_000,
        "languages": ["id"],
    },
    {
        "name": "Can Tho",
        "local_name": "Cần Thơ",
        "country": "VN",
        "time_zone": "Asia/Ho_Chi_Minh",
        "population": 1_240_000,
        "languages": ["vi"],
    },
    {
        "name": "Da Nang",
        "local_name": "Đà Nẵng",
        "country": "VN",
        "time_zone": "Asia/Ho_Chi_Minh",
        "population": 1_220_000,
        "languages": ["vi", "en"],
    },
]


@transaction.atomic
def seed_demo(*, log) -> dict:
    """Create (or bring up to date) the first cohort and its six cities; returns cities by slug."""
    cohort, _created = Cohort.objects.update_or_create(name=FIRST_COHORT["name"], defaults=FIRST_COHORT)
    cities = {}
    for row in COHORT_CITIES:
        slug = slugify(row["name"])
        city, _created = City.objects.update_or_create(slug=slug, defaults={**row, "cohort": cohort})
        cities[slug] = city
    log(f"cohort {cohort.name}: {len(cities)} cities")
    seed_onboarding(cohort=cohort, cities=cities, log=log)
    seed_teams(cities=cities, log=log)
    return cities


SCALE_CITY_PREFIX = "scale-city-"

SCALE_COUNTRIES = [
    ("TH", "Asia/Bangkok", ["th"]),
    ("MY", "Asia/Kuala_Lumpur", ["ms"]),
    ("ID", "Asia/Jakarta", ["id"]),
    ("VN", "Asia/Ho_Chi_Minh", ["vi"]),
    ("PH", "Asia/Manila", ["en"]),
    ("IN", "Asia/Kolkata", ["en"]),
]


@transaction.atomic
def seed_scale(*, factor: int, log) -> list[City]:
    """A synthetic program: 4 cohorts and 32 cities per unit of factor (added once; re-runs top up)."""
    cohorts = []
    for i in range(4 * factor):
        cohort, _created = Cohort.objects.get_or_create(
            name=f"Scale cohort {i + 1:03d}",
            defaults={"region": "Asia-Pacific", "start_year": 2022 + i % 4, "end_year": 2025 + i % 4, "max_cities": 8},
        )
        cohorts.append(cohort)
    rows = []
    for i in range(32 * factor):
        country, tz, languages = SCALE_COUNTRIES[i % len(SCALE_COUNTRIES)]
        rows.append(
            City(
                cohort=cohorts[i // 8],
                slug=f"{SCALE_CITY_PREFIX}{i + 1:04d}",
                name=f"Scale City {i + 1:04d}",
                local_name=f"Scale City {i + 1:04d}",
                country=country,
                time_zone=tz,
                languages=languages,
                population=100_000 + 7_919 * i,
            )
        )
    City.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    cities = list(City.objects.filter(slug__startswith=SCALE_CITY_PREFIX).order_by("slug"))
    log(f"{len(cohorts)} scale cohorts, {len(cities)} scale cities")
    seed_scale_onboarding(cohorts=cohorts, cities=cities, log=log)
    seed_scale_teams(cities=cities, log=log)
    return cities


# --- Applications, reviews, onboarding and co-funding of the first cohort -------------------------

RUBRIC = [
    ("Commitment to a vulnerable SME-dominated sector", Decimal("3")),
    ("Response to the city's resilience challenges", Decimal("2")),
    ("Collaborative spirit and city leadership", Decimal("2")),
    ("Resilience co-benefits and co-funding", Decimal("1")),
]

# slug: profile, application answers, steps done, co-funding (currency, cash, in kind, received cash)
DEMO_PROFILES = {
    "bangkok": {
        "profile": {
            "area_km2": Decimal("1568.7"),
            "gdp": Decimal("7100000000000"),
            "gdp_year": 2021,
            "currency": "THB",
            "shocks": ["flooding", "extreme_heat", "land_subsidence", "pollution", "pandemic"],
            "resilience_strategy": ("ยุทธศาสตร์กรุงเทพฯ เมืองยืดหยุ่น: ลดน้ำท่วม ฟื้นฟูคลองและการท่องเที่ยวริมน้ำ สร้างความเข้มแข็งให้ชุมชน"),
        },
        "cro": ("ดร. วิลาสินี สุขสวัสดิ์", "lead.bangkok@ccrs.demo"),
        "sectors": "การท่องเที่ยวริมน้ำ\nร้านอาหารและแผงลอยริมคลอง",
        "cofunding": ("THB", Decimal("3500000"), Decimal("2000000"), Decimal("1750000")),
        "done": 5,
        "scores": [5, 4, 4, 4],
    },
    "melaka": {
        "profile": {
            "area_km2": Decimal("277"),
            "gdp": Decimal("41000000000"),
            "gdp_year": 2021,
            "currency": "MYR",
            "shocks": ["flooding", "pollution", "pandemic", "economic_shock"],
            "resilience_strategy": (
                "Pelan Daya Tahan Melaka: memulihkan pelancongan sungai dan tepi laut bersama "
                "PKS tempatan, sambil menangani pencemaran air."
            ),
        },
        "cro": ("Nurul Aisyah binti Ahmad", "lead.melaka@ccrs.demo"),
        "sectors": "Pelancongan tepi sungai\nKraf tangan warisan",
        "cofunding": ("MYR", Decimal("400000"), Decimal("250000"), Decimal("100000")),
        "done": 4,
        "scores": [4, 4, 5, 3],
    },
    "semarang": {
        "profile": {
            "area_km2": Decimal("373.8"),
            "gdp": Decimal("210000000000000"),
            "gdp_year": 2021,
            "currency": "IDR",
            "shocks": ["flooding", "land_subsidence", "sea_level_rise", "pandemic"],
            "resilience_strategy": (
                "Strategi Ketahanan Kota Semarang: menghadapi banjir rob dan penurunan tanah, "
                "serta mendorong industri batik yang ramah lingkungan."
            ),
        },
        "cro": ("Hendrawan Prasetyo", "lead.semarang@ccrs.demo"),
        "sectors": "Batik dan tekstil\nKuliner UMKM",
        "cofunding": ("IDR", Decimal("1500000000"), Decimal("800000000"), Decimal("1500000000")),
        "done": 6,
        "scores": [5, 5, 4, 4],
    },
    "jakarta": {
        "profile": {
            "area_km2": Decimal("661.5"),
            "gdp": Decimal("2900000000000000"),
            "gdp_year": 2021,
            "currency": "IDR",
            "shocks": ["flooding", "land_subsidence", "sea_level_rise", "pollution", "pandemic"],
            "resilience_strategy": (
                "Strategi Ketahanan Jakarta: mengurangi, memulihkan dan mengolah sampah melalui "
                "UMKM pengumpulan dan pemilahan."
            ),
        },
        "cro": ("Ratna Kusumawati", "lead.jakarta@ccrs.demo"),
        "sectors": "Pengumpulan dan pemilahan sampah\nBank sampah",
        "cofunding": ("IDR", Decimal("2000000000"), Decimal("1000000000"), Decimal("2000000000")),
        "done": 6,
        "scores": [5, 4, 4, 5],
    },
    "can-tho": {
        "profile": {
            "area_km2": Decimal("1439.2"),
            "gdp": Decimal("95000000000000"),
            "gdp_year": 2021,
            "currency": "VND",
            "shocks": ["flooding", "sea_level_rise", "drought", "extreme_heat"],
            "resilience_strategy": (
                "Chiến lược chống chịu của Cần Thơ: thích ứng với lũ, nước biển dâng và hạn mặn; "
                "cải thiện quản lý chất thải ở đồng bằng sông Cửu Long."
            ),
        },
        "cro": ("Nguyễn Thị Lan", "lead.cantho@ccrs.demo"),
        "sectors": "Thu gom và phân loại rác\nTái chế nhựa",
        "cofunding": ("VND", Decimal("2300000000"), Decimal("1200000000"), Decimal("1000000000")),
        "done": 6,
        "scores": [4, 5, 4, 4],
    },
    "da-nang": {
        "profile": {
            "area_km2": Decimal("1284.9"),
            "gdp": Decimal("120000000000000"),
            "gdp_year": 2021,
            "currency": "VND",
            "shocks": ["typhoon", "flooding", "sea_level_rise", "pandemic"],
            "resilience_strategy": (
                "Đà Nẵng – thành phố ven biển chịu bão và ngập lụt; ngành doanh nghiệp nhỏ và "
                "vừa trọng tâm sẽ được đánh giá."
            ),
        },
        "cro": ("Trần Thị Thu Hà", "lead.danang@ccrs.demo"),
        "sectors": "Du lịch biển\nChế biến hải sản\nThu gom rác thải",
        "cofunding": ("VND", Decimal("2000000000"), Decimal("1500000000"), Decimal("0")),
        "done": 2,
        "scores": [4, 4, 3, 4],
    },
}

# Applications that are still in the call: a submitted one under review and a wait-listed one.
OTHER_APPLICATIONS = [
    ("Quy Nhon", "VN", "submitted", "Du lịch biển và chế biến hải sản", "VND", [4, 3, 4, 3]),
    ("Iloilo", "PH", "waitlisted", "Food processing and river tourism", "PHP", [3, 4, 3, 3]),
]


def _reviewers():
    staff, _created = User.objects.get_or_create(
        email="staff@ccrs.demo", defaults={"full_name": "Amelia Tan", "is_staff": True, "is_superuser": True}
    )
    second, _created = User.objects.get_or_create(
        email="reviewer@ccrs.demo", defaults={"full_name": "Daniel Lim", "is_staff": True}
    )
    return [staff, second]


def _scores(application, reviewers, criteria, values):
    for offset, reviewer in enumerate(reviewers):
        review, _created = Review.objects.update_or_create(
            application=application, reviewer=reviewer, defaults={"comment": "", "conflict_of_interest": False}
        )
        for criterion, value in zip(criteria, values, strict=True):
            Score.objects.update_or_create(
                review=review, criterion=criterion, defaults={"value": max(0, min(5, value - offset % 2))}
            )


@transaction.atomic
def seed_onboarding(*, cohort, cities, log) -> None:
    """The first cohort's rubric, applications, reviews, decisions, checklists and co-funding (idempotent)."""
    criteria = [
        SelectionCriterion.objects.update_or_create(
            cohort=cohort, name=name, defaults={"weight": weight, "position": i}
        )[0]
        for i, (name, weight) in enumerate(RUBRIC)
    ]
    if not cohort.call_opens_on:
        cohort.call_opens_on, cohort.call_closes_on = date(2021, 3, 2), date(2021, 5, 31)
        cohort.save(update_fields=["call_opens_on", "call_closes_on", "updated_at"])
    items = services.checklist_default(cohort=cohort)
    reviewers = _reviewers()
    decided = datetime(2021, 7, 15, 9, 0, tzinfo=UTC)
    selected_on = date(2021, 7, 15)
    for slug, data in DEMO_PROFILES.items():
        city = cities[slug]
        for name, value in data["profile"].items():
            setattr(city, name, value)
        city.save(update_fields=[*data["profile"], "updated_at"])
        currency, cash, in_kind, received = data["cofunding"]
        application, _created = Application.objects.update_or_create(
            cohort=cohort,
            country=city.country,
            city_name=city.name,
            defaults={
                "city": city,
                "status": ApplicationStatus.SELECTED,
                "invited_email": data["cro"][1],
                "cro_name": data["cro"][0],
                "cro_email": data["cro"][1],
                "strategy_summary": data["profile"]["resilience_strategy"],
                "shocks": data["profile"]["shocks"],
                "candidate_sectors": data["sectors"],
                "currency": currency,
                "cofunding_cash": cash,
                "cofunding_in_kind": in_kind,
                "submitted_at": datetime(2021, 5, 20, 9, 0, tzinfo=UTC),
                "decided_at": decided,
                "decided_by": reviewers[0],
                "decision_rationale": "Strong commitment to an SME-dominated sector and clear co-funding.",
            },
        )
        _scores(application, reviewers, criteria, data["scores"])
        for item in items:
            done = item.position < data["done"]
            OnboardingStep.objects.update_or_create(
                city=city,
                kind=item.kind,
                defaults={
                    "position": item.position,
                    "due_on": selected_on + timedelta(days=item.days_to_complete)
                    if done
                    else timezone.localdate() + timedelta(days=item.position * 7 - 10),
                    "completed_at": decided + timedelta(days=item.days_to_complete - 5) if done else None,
                    "evidence_url": f"https://ccrs.example.org/evidence/{slug}/{item.kind}" if done else "",
                },
            )
        for kind, stage, amount, on in [
            (CoFundingKind.CASH, CoFundingStage.COMMITTED, cash, selected_on),
            (CoFundingKind.IN_KIND, CoFundingStage.COMMITTED, in_kind, selected_on),
            (CoFundingKind.CASH, CoFundingStage.RECEIVED, received, date(2022, 3, 1)),
        ]:
            if amount:
                CoFundingRecord.objects.update_or_create(
                    city=city, kind=kind, stage=stage, on=on, defaults={"amount": amount, "currency": currency}
                )
    for name, country, status, sectors, currency, values in OTHER_APPLICATIONS:
        application, _created = Application.objects.update_or_create(
            cohort=cohort,
            country=country,
            city_name=name,
            defaults={
                "status": status,
                "invited_email": f"cro@{slugify(name)}.example.org",
                "cro_name": "—",
                "candidate_sectors": sectors,
                "currency": currency,
                "submitted_at": datetime(2021, 5, 28, 9, 0, tzinfo=UTC),
                "decided_at": decided if status == "waitlisted" else None,
                "decision_rationale": "Good proposal; the cohort is nearly full." if status == "waitlisted" else "",
            },
        )
        _scores(application, reviewers, criteria, values)
    log(f"{len(DEMO_PROFILES) + len(OTHER_APPLICATIONS)} applications, checklists and co-funding")


SCALE_REVIEWERS = 3


def seed_scale_onboarding(*, cohorts, cities, log) -> None:
    """Per scale cohort a rubric, a checklist and 4 extra applications; per scale city its application,
    3 reviews of 4 scores, 6 checklist steps (half done) and 4 co-funding records."""
    User.objects.bulk_create(
        [
            User(email=f"reviewer{i}@scale.ccrs", full_name=f"Reviewer {i}", is_staff=True)
            for i in range(SCALE_REVIEWERS)
        ],
        ignore_conflicts=True,
    )
    reviewers = list(User.objects.filter(email__startswith="reviewer", email__endswith="@scale.ccrs"))
    SelectionCriterion.objects.bulk_create(
        [
            SelectionCriterion(cohort=cohort, name=name, weight=weight, position=i)
            for cohort in cohorts
            for i, (name, weight) in enumerate(RUBRIC)
        ],
        ignore_conflicts=True,
    )
    fresh = [c for c in cohorts if not c.checklist_items.exists()]
    ChecklistItem.objects.bulk_create(
        [
            ChecklistItem(cohort=c, kind=k, days_to_complete=d, position=i)
            for c in fresh
            for i, (k, d) in enumerate(services.DEFAULT_CHECKLIST)
        ]
    )
    now = timezone.now()
    rows = []
    for city in cities:
        rows.append(
            Application(
                cohort_id=city.cohort_id,
                city=city,
                city_name=city.name,
                country=city.country,
                status=ApplicationStatus.SELECTED,
                invited_email=f"cro.{city.slug}@scale.ccrs",
                currency="USD",
                cofunding_cash=Decimal("100000"),
                cofunding_in_kind=Decimal("50000"),
                submitted_at=now,
                decided_at=now,
                decision_rationale="Scale data",
                shocks=["flooding"],
            )
        )
    for cohort in cohorts:
        for n, status in enumerate(["submitted", "submitted", "waitlisted", "declined"]):
            rows.append(
                Application(
                    cohort=cohort,
                    city_name=f"Applicant {cohort.pk}-{n}",
                    country="PH",
                    status=status,
                    invited_email=f"cro{n}.{cohort.pk}@scale.ccrs",
                    submitted_at=now,
                    decided_at=now if status in {"waitlisted", "declined"} else None,
                    decision_rationale="Scale data" if status in {"waitlisted", "declined"} else "",
                )
            )
    Application.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    applications = list(Application.objects.filter(cohort__in=cohorts))
    Review.objects.bulk_create(
        [Review(application=a, reviewer=r) for a in applications for r in reviewers],
        ignore_conflicts=True,
        batch_size=1000,
    )
    criteria = defaultdict(list)
    for criterion in SelectionCriterion.objects.filter(cohort__in=cohorts):
        criteria[criterion.cohort_id].append(criterion)
    reviews = Review.objects.filter(application__cohort__in=cohorts).select_related("application")
    Score.objects.bulk_create(
        [
            Score(review=review, criterion=c, value=(review.pk + c.pk) % 6)
            for review in reviews
            for c in criteria[review.application.cohort_id]
        ],
        ignore_conflicts=True,
        batch_size=2000,
    )
    with_steps = set(OnboardingStep.objects.filter(city__in=cities).values_list("city_id", flat=True).distinct())
    today = timezone.localdate()
    OnboardingStep.objects.bulk_create(
        [
            OnboardingStep(
                city=city,
                kind=kind,
                position=i,
                due_on=today + timedelta(days=i * 10 - 20),
                completed_at=now if i < 3 else None,
                evidence_url="https://example.org/e" if i < 3 else "",
            )
            for city in cities
            if city.pk not in with_steps
            for i, (kind, _days) in enumerate(services.DEFAULT_CHECKLIST)
        ],
        batch_size=2000,
    )
    with_money = set(CoFundingRecord.objects.filter(city__in=cities).values_list("city_id", flat=True).distinct())
    CoFundingRecord.objects.bulk_create(
        [
            CoFundingRecord(city=city, kind=kind, stage=stage, amount=Decimal("25000"), currency="USD", on=today)
            for city in cities
            if city.pk not in with_money
            for kind in CoFundingKind.values
            for stage in CoFundingStage.values
        ],
        batch_size=2000,
    )
    log(f"{len(applications)} scale applications with reviews, checklists and co-funding")


# --- City teams ----------------------------------------------------------------------------------

# (e-mail, city slug, role): the teams of the demo people that ccrs.demo creates.
DEMO_TEAMS = [
    ("lead.cantho@ccrs.demo", "can-tho", CityRole.LEAD),
    ("officer.bangkok@ccrs.demo", "bangkok", CityRole.OFFICER),
    ("viewer.semarang@ccrs.demo", "semarang", CityRole.VIEWER),
    ("lead.bangkok@ccrs.demo", "bangkok", CityRole.LEAD),
    ("lead.melaka@ccrs.demo", "melaka", CityRole.LEAD),
    ("officer.melaka@ccrs.demo", "melaka", CityRole.OFFICER),
    ("lead.semarang@ccrs.demo", "semarang", CityRole.LEAD),
    ("lead.jakarta@ccrs.demo", "jakarta", CityRole.LEAD),
    ("officer.jakarta@ccrs.demo", "jakarta", CityRole.OFFICER),
    ("officer.cantho@ccrs.demo", "can-tho", CityRole.OFFICER),
    ("lead.danang@ccrs.demo", "da-nang", CityRole.LEAD),
    ("officer.danang@ccrs.demo", "da-nang", CityRole.OFFICER),
]


def seed_teams(*, cities, log) -> None:
    """The demo people on their cities' teams, and a pending invitation to the Can Tho team (idempotent)."""
    users = {user.email: user for user in User.objects.filter(email__in=[email for email, _s, _r in DEMO_TEAMS])}
    for email, slug, role in DEMO_TEAMS:
        CityMembership.objects.update_or_create(user=users[email], city=cities[slug], defaults={"role": role})
    Invitation.objects.get_or_create(
        email="kim.nguyen@cantho.example.vn",
        city=cities["can-tho"],
        status=InvitationStatus.PENDING,
        defaults={
            "role": CityRole.VIEWER,
            "invited_by": User.objects.get(email="staff@ccrs.demo"),
            "sent_at": timezone.now(),
        },
    )
    log(f"{len(DEMO_TEAMS)} demo team memberships")


def seed_scale_teams(*, cities, log) -> None:
    """Five team members and three pending invitations per scale city."""
    unusable = make_password(None)
    User.objects.bulk_create(
        [
            User(email=f"team{n}.{city.slug}@scale.ccrs", full_name=f"Team {n} {city.name}", password=unusable)
            for city in cities
            for n in range(5)
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )
    by_email = dict(
        User.objects.filter(email__startswith="team", email__endswith="@scale.ccrs").values_list("email", "pk")
    )
    roles = [CityRole.LEAD, CityRole.OFFICER, CityRole.OFFICER, CityRole.VIEWER, CityRole.VIEWER]
    CityMembership.objects.bulk_create(
        [
            CityMembership(user_id=by_email[f"team{n}.{city.slug}@scale.ccrs"], city=city, role=roles[n])
            for city in cities
            for n in range(5)
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )
    Invitation.objects.bulk_create(
        [
            Invitation(email=f"invitee{n}.{city.slug}@scale.ccrs", city=city, role=CityRole.OFFICER)
            for city in cities
            for n in range(3)
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )
    log(f"{5 * len(cities)} scale team members")
