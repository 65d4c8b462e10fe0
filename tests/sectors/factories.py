"""Factories of the sector assessment tests: an assessment of a city (its criteria come from the service)."""

import factory
from factory.django import DjangoModelFactory

from sectors import services
from sectors.models import Assessment
from tests.cities.factories import CityFactory


class AssessmentFactory(DjangoModelFactory):
    class Meta:
        model = Assessment

    city = factory.SubFactory(CityFactory)


# An SME's survey answers: hit hard (revenue down 30 %, two of five jobs lost, high risk of closing).
SURVEY_ANSWERS = {
    "revenue_change": -30,
    "employees_before": 5,
    "employees_now": 3,
    "closure_risk": "high",
    "finance_access": False,
    "digital_adoption": "basic",
    "climate_exposed": True,
    "women_owned": True,
}


def survey_response(*, assessment, sector, **answers):
    """A survey response through the service: SURVEY_ANSWERS with `answers` changed."""
    return services.survey_respond(assessment=assessment, sector=sector, **{**SURVEY_ANSWERS, **answers})
