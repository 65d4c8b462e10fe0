"""Factories of the pilots tests: a pilot of a city, planned for two years."""

from datetime import date

import factory
from factory.django import DjangoModelFactory

from pilots.models import Pilot
from tests.cities.factories import CityFactory


class PilotFactory(DjangoModelFactory):
    class Meta:
        model = Pilot

    city = factory.SubFactory(CityFactory)
    title = factory.Sequence(lambda n: f"Pilot {n}")
    start_date = date(2024, 1, 1)
    end_date = date(2025, 12, 31)
