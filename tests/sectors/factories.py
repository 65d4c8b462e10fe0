"""Factories of the sector assessment tests: an assessment of a city (its criteria come from the service), survey
answers, and a refused import of values."""

import factory
import pytest
from django.core.exceptions import ValidationError
from factory.django import DjangoModelFactory

from sectors import services
from sectors.models import Assessment, IndicatorValue
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

# The same kind of answers as the public form posts them.
SURVEY_FORM = {
    "revenue_change": "-35",
    "employees_before": "8",
    "employees_now": "5",
    "closure_risk": "high",
    "finance_access": "no",
    "digital_adoption": "basic",
    "climate_exposed": "yes",
    "women_owned": "yes",
}


def refused_import(assessment, *rows: str) -> list[str]:
    """The messages of an import of these CSV rows (after the header) that is refused, once it is checked that the
    import saved no value."""

    def saved():
        return list(IndicatorValue.objects.values_list("pk", "value").order_by("pk"))

    before = saved()
    data = "".join(f"{row}\n" for row in ("sector,criterion,value,source,confidence", *rows)).encode()
    with pytest.raises(ValidationError) as caught:
        services.values_import(assessment=assessment, data=data, filename="values.csv")
    assert saved() == before
    return caught.value.messages


def survey_response(*, assessment, sector, **answers):
    """A survey response through the service: SURVEY_ANSWERS with `answers` changed."""
    return services.survey_respond(assessment=assessment, sector=sector, **{**SURVEY_ANSWERS, **answers})
