"""Factories of the cities tests: cohorts, cities, applications, people on a city's team, onboarding steps."""

import factory
from factory.django import DjangoModelFactory

from ccrs.models import CityMembership, CityRole, User
from cities.models import Application, City, Cohort, OnboardingStep, StepKind


class CohortFactory(DjangoModelFactory):
    class Meta:
        model = Cohort

    name = factory.Sequence(lambda n: f"Cohort {n}")
    region = "Asia-Pacific"
    start_year = 2021
    end_year = 2024
    max_cities = 8


class CityFactory(DjangoModelFactory):
    class Meta:
        model = City

    cohort = factory.SubFactory(CohortFactory)
    slug = factory.Sequence(lambda n: f"city-{n}")
    name = factory.Sequence(lambda n: f"City {n}")
    country = "VN"
    time_zone = "Asia/Ho_Chi_Minh"
    languages = ["vi"]


# The cities the tests are set in, for CityFactory(**CAN_THO) and CityFactory(**DA_NANG).
CAN_THO = {"slug": "can-tho", "name": "Can Tho", "local_name": "Cần Thơ"}
DA_NANG = {"slug": "da-nang", "name": "Da Nang", "local_name": "Đà Nẵng", "languages": ["vi", "en"]}


class ApplicationFactory(DjangoModelFactory):
    """A draft application of a city invited to apply, not yet taken up by its applicant."""

    class Meta:
        model = Application

    cohort = factory.SubFactory(CohortFactory)
    city_name = factory.Sequence(lambda n: f"Applicant City {n}")
    country = "VN"
    invited_email = factory.Sequence(lambda n: f"cro{n}@applicant.example")


class UserFactory(DjangoModelFactory):
    """An account as the platform makes them, its e-mail address verified."""

    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"person{n}@example.org")

    @classmethod
    def _create(cls, model_class, *args, email, **flags):
        from tests.conftest import make_user

        return make_user(email, **flags)


class MembershipFactory(DjangoModelFactory):
    """A person on a city's team; a viewer unless told otherwise."""

    class Meta:
        model = CityMembership

    user = factory.SubFactory(UserFactory)
    city = factory.SubFactory(CityFactory)
    role = CityRole.VIEWER


class OnboardingStepFactory(DjangoModelFactory):
    class Meta:
        model = OnboardingStep

    city = factory.SubFactory(CityFactory)
    kind = StepKind.MEMORANDUM
