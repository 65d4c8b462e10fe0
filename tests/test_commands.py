"""Demo and scale data: the real first cohort, one account per role, and a large program."""

from django.core.management import call_command

from ccrs.demo import DEMO_LOGINS, DEMO_PASSWORD
from ccrs.models import CityMembership, User
from cities.models import City


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
