"""Factories of the sector assessment tests: an assessment of a city (its criteria come from the service)."""

import factory
from factory.django import DjangoModelFactory

from sectors.models import Assessment
from tests.cities.factories import CityFactory


class AssessmentFactory(DjangoModelFactory):
    class Meta:
        model = Assessment

    city = factory.SubFactory(CityFactory)
