"""Demo and scale data: the real first cohort, one account per role, and a large program."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from ccrs.demo import DEMO_LOGINS, DEMO_PASSWORD
from ccrs.models import CityMembership, User
from cities.models import City
from cocreation.models import Process, Stakeholder, Submission, Workshop
from pilots.models import Pilot
from sectors.models import Assessment


def test_seed_demo_loads_the_first_cohort_and_can_run_twice(db):
    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)
    assert set(City.objects.values_list("name", flat=True)) == {
        "Bangkok",
        "Melaka",
        "Semarang",
        "Jakarta",
        "Can Tho",
        "Da Nang",
    }
    assert City.objects.get(slug="can-tho").local_name == "Cần Thơ"
    for _role, email in DEMO_LOGINS:
        assert User.objects.get(email=email).check_password(DEMO_PASSWORD)
    assert CityMembership.objects.get(user__email="lead.cantho@ccrs.demo").role == "lead"


def test_seed_scale_grows_the_program(db):
    call_command("seed_scale", factor=1, verbosity=0)
    assert City.objects.count() >= 32
    assert User.objects.filter(is_stakeholder=True).count() >= 2000
    call_command("seed_scale", factor=1, verbosity=0)
    assert City.objects.count() == 32


def test_seed_scale_at_a_lower_density_thins_the_people_not_the_program(city_a):
    """At density 0.15 the 32 cities keep their assessments and pilots, their people are thinned to 15 %, and a
    workshop that was there before grows by its full 60 submissions."""
    now = timezone.now()
    workshop = Workshop.objects.create(
        process=Process.objects.create(city=city_a, title="Before the scale data"),
        title="Before the scale data",
        kind="ideation",
        starts_at=now - timedelta(days=1),
        ends_at=now - timedelta(hours=20),
        input_closes_at=now + timedelta(days=30),
        status="open",
    )
    call_command("seed_scale", factor=1, density=0.15, verbosity=0)
    scale = City.objects.filter(slug__startswith="scale-city-")
    assert scale.count() == 32
    assert Assessment.objects.filter(city__in=scale).count() == Pilot.objects.filter(city__in=scale).count() == 32
    assert User.objects.filter(is_stakeholder=True).count() == 300  # 15 % of 2,000
    people = Stakeholder.objects.filter(city=scale.first())
    assert people.filter(email__startswith="scale-sme").count() == 6  # 15 % of 40
    assert people.exclude(email__startswith="scale-sme").count() == 94  # 15 % of 625
    assert Submission.objects.filter(workshop=workshop).count() == 60
