"""Demo and scale data of the cities app: the real first CCRS cohort, and a large synthetic one."""

from django.db import transaction
from django.utils.text import slugify

from .models import City, Cohort

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
    return cities
