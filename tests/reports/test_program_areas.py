"""The program report reads the whole program in a fixed number of queries, however many cities and pilots."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ccrs.models import CityMembership, CityRole, User
from ccrs.reports import build_program, program_areas
from cities import demo as cities_demo
from cities.models import City, Cohort
from cocreation.models import Call, Process, Stakeholder, StakeholderInvitation, Submission, Workshop
from pilots import demo as pilots_demo
from sectors import demo as sectors_demo


def quiet(_message):
    pass


def grow_program(total: int) -> None:
    """Scale cities (eight to a cohort) up to `total`, each with a team, onboarding and co-funding, a sector
    assessment, a co-creation process (a workshop with submissions, a call) and a pilot with indicators and updates."""
    cohorts = [
        Cohort.objects.get_or_create(
            name=f"Scale cohort {n + 1:03d}",
            defaults={"region": "Asia-Pacific", "start_year": 2022, "end_year": 2025, "max_cities": 8},
        )[0]
        for n in range((total + 7) // 8)
    ]
    City.objects.bulk_create(
        [
            City(
                cohort=cohorts[i // 8],
                slug=f"{cities_demo.SCALE_CITY_PREFIX}{i + 1:04d}",
                name=f"Scale City {i + 1:04d}",
                country="VN",
                time_zone="Asia/Ho_Chi_Minh",
                languages=["vi"],
            )
            for i in range(total)
        ],
        ignore_conflicts=True,
    )
    cities = list(City.objects.filter(slug__startswith=cities_demo.SCALE_CITY_PREFIX).order_by("slug"))
    cities_demo.seed_scale_onboarding(cohorts=cohorts, cities=cities, log=quiet)
    User.objects.bulk_create(
        [User(email=f"officer.{c.slug}@scale.ccrs", full_name=f"Officer {c.name}") for c in cities],
        ignore_conflicts=True,
    )
    by_email = dict(User.objects.filter(email__endswith="@scale.ccrs").values_list("email", "pk"))
    CityMembership.objects.bulk_create(
        [
            CityMembership(user_id=by_email[f"officer.{c.slug}@scale.ccrs"], city=c, role=CityRole.OFFICER)
            for c in cities
        ],
        ignore_conflicts=True,
    )
    sectors_demo.seed_scale(factor=1, log=quiet)
    now = timezone.now()
    fresh = [c for c in cities if not Process.objects.filter(city=c).exists()]
    processes = Process.objects.bulk_create([Process(city=c, title=f"Process {c.slug}") for c in fresh])
    workshops = Workshop.objects.bulk_create(
        [
            Workshop(
                process=p,
                title=f"Workshop {p.title}",
                kind="ideation",
                starts_at=now - timedelta(days=1),
                ends_at=now - timedelta(hours=20),
                input_closes_at=now + timedelta(days=30),
                status="open",
            )
            for p in processes
        ]
    )
    people = Stakeholder.objects.bulk_create(
        [
            Stakeholder(
                city_id=w.process.city_id, name=f"Stakeholder {n}", email=f"s{n}.w{w.pk}@scale.ccrs", kind="sme"
            )
            for w in workshops
            for n in range(2)
        ]
    )
    invitations = StakeholderInvitation.objects.bulk_create(
        [
            StakeholderInvitation(workshop=w, stakeholder=s, expires_at=now + timedelta(days=60), sent_at=now)
            for w, s in zip([w for w in workshops for _n in range(2)], people, strict=True)
        ]
    )
    Submission.objects.bulk_create(
        [Submission(invitation=i, workshop=i.workshop, language="vi", answers={}) for i in invitations]
    )
    Call.objects.bulk_create(
        [
            Call(
                process=p,
                title=f"Call {p.title}",
                description="Call",
                deadline=now - timedelta(days=n % 2),
                status="awarded" if n % 2 else "open",
            )
            for n, p in enumerate(processes)
        ]
    )
    pilots_demo.seed_scale(factor=1, log=quiet)


def queries_of(function, **kwargs):
    with CaptureQueriesContext(connection) as captured:
        result = function(**kwargs)
    return len(captured), result


def test_program_report_reads_8_and_100_cities_in_the_same_queries(staff):
    """The areas (all, or one cohort's) and the workbook cost the same queries for 8 cities as for 100."""
    counts = {}
    for total in (8, 100):
        grow_program(total)
        areas_queries, areas = queries_of(program_areas, user=staff, cohort_id=None, progress=quiet)
        by_title = {str(area["title"]): area["rows"] for area in areas}
        assert len(by_title["Cities"]) == total
        assert len(by_title["Co-funding"]) >= total
        assert len(by_title["Sector assessment"]) == total
        assert len(by_title["Co-creation"]) == total
        assert len(by_title["Pilots"]) == total
        cohort = Cohort.objects.get(name="Scale cohort 001")
        cohort_queries, cohort_areas = queries_of(program_areas, user=staff, cohort_id=cohort.pk, progress=quiet)
        assert len(cohort_areas[0]["rows"]) == 8
        build_queries, built = queries_of(build_program, object_id=None, format="xlsx", progress=quiet, user=staff)
        built.content.close()
        counts[total] = (areas_queries, cohort_queries, build_queries)
    print(f"program report queries (areas, one cohort's areas, xlsx build): {counts}")
    assert counts[8] == counts[100]
