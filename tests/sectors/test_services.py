"""The assessment's writes: workflow transitions, values, import, AHP, survey and selection."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from ccrs.links import LinkInvalid, link_token
from sectors import services
from sectors.models import (
    Assessment,
    AssessmentStatus,
    Baseline,
    CandidateSector,
    Criterion,
    IndicatorValue,
    Principle,
    Selection,
    SurveyResponse,
)
from sectors.selectors import sector_baselines
from tests.sectors.factories import refused_import, survey_response


def test_start_seeds_the_default_framework_under_the_four_principles(city_a):
    assessment = services.assessment_start(city=city_a)
    criteria = Criterion.objects.filter(cohort=city_a.cohort)
    assert criteria.count() == len(services.DEFAULT_FRAMEWORK)
    assert {c.principle for c in criteria} == set(Principle.values)
    assert services.assessment_start(city=city_a) == assessment  # idempotent


def test_unknown_isic_code_is_refused(assessment_a):
    with pytest.raises(ValidationError, match="not an ISIC Rev.4"):
        services.sector_add(assessment=assessment_a, isic_code="Z9", local_name="Batik")
    assert not CandidateSector.objects.exists()


def test_more_smes_than_firms_is_refused(assessment_a):
    with pytest.raises(ValidationError, match="more SMEs than firms"):
        services.sector_add(assessment=assessment_a, isic_code="13", local_name="Batik", firms=10, sme_firms=11)
    assert not CandidateSector.objects.exists()


def test_non_numeric_value_is_refused(sectors_a, criteria_a):
    with pytest.raises(ValidationError, match="must be a number"):
        services.value_set(sector=sectors_a[0], criterion=criteria_a[0], value="many")


def test_a_sectors_values_are_saved_all_or_none(sectors_a, criteria_a):
    """One bad value among several leaves every value of the sector as it was."""
    waste = sectors_a[0]
    before = dict(IndicatorValue.objects.filter(sector=waste).values_list("criterion_id", "value"))
    entries = [
        {"criterion": criteria_a[0], "value": 99, "source": "test", "confidence": "high"},
        {"criterion": criteria_a[1], "value": "many", "source": "test", "confidence": "high"},
    ]
    with pytest.raises(ValidationError, match="must be a number"):
        services.sector_values_set(sector=waste, entries=entries)
    assert dict(IndicatorValue.objects.filter(sector=waste).values_list("criterion_id", "value")) == before
    services.sector_values_set(sector=waste, entries=entries[:1])
    assert IndicatorValue.objects.get(sector=waste, criterion=criteria_a[0]).value == 99


def test_submit_refuses_a_missing_value_naming_the_cell(assessment_a, sectors_a, criteria_a, lead_a):
    IndicatorValue.objects.filter(sector=sectors_a[1], criterion=criteria_a[2]).delete()
    with pytest.raises(ValidationError, match=criteria_a[2].name):
        services.assessment_submit(assessment=assessment_a, user=lead_a)
    assessment_a.refresh_from_db()
    assert assessment_a.status == AssessmentStatus.DRAFT


def test_submit_refuses_weights_summing_to_zero(assessment_a, sectors_a, lead_a):
    Criterion.objects.update(weight=0)
    with pytest.raises(ValidationError, match="add up to zero"):
        services.assessment_submit(assessment=assessment_a, user=lead_a)
    assessment_a.refresh_from_db()
    assert assessment_a.status == AssessmentStatus.DRAFT


def test_workflow_submit_return_resubmit_approve_reopen(assessment_a, sectors_a, lead_a, staff):
    services.assessment_submit(assessment=assessment_a, user=lead_a)
    with pytest.raises(ValidationError, match="Say what"):
        services.assessment_return(assessment=assessment_a, user=staff, comment=" ")
    services.assessment_return(assessment=assessment_a, user=staff, comment="Add the 2019 figures")
    assessment_a.refresh_from_db()
    assert assessment_a.status == AssessmentStatus.RETURNED and assessment_a.comment == "Add the 2019 figures"
    services.assessment_submit(assessment=assessment_a, user=lead_a)
    services.assessment_approve(assessment=assessment_a, user=staff)
    with pytest.raises(ValidationError, match="cannot be changed"):
        services.value_set(sector=sectors_a[0], criterion=sectors_a[0].values.first().criterion, value=1)
    with pytest.raises(ValidationError, match="Only a submitted"):
        services.assessment_approve(assessment=assessment_a, user=staff)
    services.assessment_reopen(assessment=assessment_a, user=staff, reason="New census data")
    assessment_a.refresh_from_db()
    assert assessment_a.status == AssessmentStatus.DRAFT
    assert assessment_a.history.count() >= 5  # every step is kept


def test_import_saves_all_rows(assessment_a, sectors_a, criteria_a):
    data = (
        "sector,criterion,value,source,confidence\n"
        f"{sectors_a[0].local_name},{criteria_a[0].name},42.5,Census 2019,high\n"
        f'{sectors_a[1].local_name},{criteria_a[0].name},"1,234.5",Census 2019,low\n'
    ).encode()
    assert services.values_import(assessment=assessment_a, data=data, filename="values.csv") == 2
    assert IndicatorValue.objects.get(sector=sectors_a[1], criterion=criteria_a[0]).value == 1234.5


def test_import_with_a_bad_row_saves_nothing_and_names_each_row(assessment_a, sectors_a, criteria_a):
    messages = refused_import(
        assessment_a,
        f"{sectors_a[0].local_name},{criteria_a[0].name},99,ok,high",
        f"{sectors_a[0].local_name},{criteria_a[1].name},lots,,high",
        f"Nowhere,{criteria_a[1].name},1,,medium",
        f"{sectors_a[1].local_name},{criteria_a[1].name},,,",
    )
    text = " ".join(messages)
    assert "Row 3, column value: “lots” is not a number" in text
    assert "Row 4, column sector: “Nowhere”" in text
    assert "Row 5, column value: the value is missing" in text


def test_malformed_files_are_refused(assessment_a, sectors_a):
    with pytest.raises(ValidationError, match="Excel workbook"):
        services.values_import(assessment=assessment_a, data=b"not a zip", filename="values.xlsx")
    with pytest.raises(ValidationError, match="missing: value"):
        services.values_import(assessment=assessment_a, data=b"sector,criterion\nx,y\n", filename="v.csv")
    with pytest.raises(ValidationError, match=".csv or .xlsx"):
        services.values_import(assessment=assessment_a, data=b"x", filename="v.pdf")


def test_import_reads_xlsx(assessment_a, sectors_a, criteria_a):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["sector", "criterion", "value", "source", "confidence"])
    book.active.append([sectors_a[0].local_name, criteria_a[3].name, 7, "Survey", "medium"])
    out = io.BytesIO()
    book.save(out)
    assert services.values_import(assessment=assessment_a, data=out.getvalue(), filename="v.xlsx") == 1
    assert IndicatorValue.objects.get(sector=sectors_a[0], criterion=criteria_a[3]).value == 7


def _judgements(criteria, value):
    return {f"{a.pk}:{b.pk}": value(i, j) for i, a in enumerate(criteria) for j, b in enumerate(criteria) if i < j}


def test_ahp_saves_consistent_weights(assessment_a, criteria_a):
    result = services.ahp_save(assessment=assessment_a, judgements=_judgements(criteria_a, lambda i, j: 1))
    assert result.consistency_ratio == pytest.approx(0)
    assessment_a.refresh_from_db()
    assert len(assessment_a.ahp_weights["weights"]) == len(criteria_a)


def test_inconsistent_ahp_is_refused_and_nothing_saved(assessment_a, criteria_a):
    # The first criterion beats the next ones, yet the last beats everything before it: a cycle.
    wild = _judgements(criteria_a, lambda i, j: 9 if (i + j) % 2 else 1 / 9)
    with pytest.raises(ValidationError, match="consistency ratio"):
        services.ahp_save(assessment=assessment_a, judgements=wild)
    assessment_a.refresh_from_db()
    assert assessment_a.ahp_weights == {}


def test_survey_aggregates_into_indicator_values(assessment_a, sectors_a, criteria_a):
    waste = sectors_a[0]
    answers = {"employees_before": 10, "employees_now": 8, "finance_access": False, "digital_adoption": "basic"}
    survey_response(assessment=assessment_a, sector=waste, revenue_change=-40, **answers)
    survey_response(
        assessment=assessment_a,
        sector=waste,
        revenue_change=-20,
        closure_risk="low",
        climate_exposed=False,
        women_owned=False,
        **answers,
    )
    written = services.survey_apply(assessment=assessment_a)
    assert written == 4  # revenue, closure risk, climate exposure, women-owned
    revenue = next(c for c in criteria_a if c.survey_metric == "revenue_change")
    value = IndicatorValue.objects.get(sector=waste, criterion=revenue)
    assert float(value.value) == -30.0
    assert "2" in value.source


def test_survey_token_round_trip_and_forgery(assessment_a):
    token = link_token(services.SURVEY_LINK, assessment_a)
    assert services.survey_assessment(token=token) == assessment_a
    with pytest.raises(LinkInvalid, match="not valid") as forged:
        services.survey_assessment(token=token[:-2] + "xx")
    assert forged.value.status == 404
    services.survey_link_renew(assessment=assessment_a)
    with pytest.raises(LinkInvalid, match="replaced") as replaced:
        services.survey_assessment(token=token)
    assert replaced.value.status == 410


def test_survey_link_expires_and_a_new_link_gets_a_new_expiry(assessment_a, settings):
    """The survey link stops working after SECTORS_SURVEY_LINK_DAYS; a new link works that long again."""
    token = link_token(services.SURVEY_LINK, assessment_a)
    later = timezone.now() + timedelta(days=settings.SECTORS_SURVEY_LINK_DAYS, seconds=5)
    with time_machine.travel(later):
        with pytest.raises(LinkInvalid, match="expired") as error:
            services.survey_assessment(token=token)
        assert error.value.status == 410
        services.survey_link_renew(assessment=assessment_a)
        assert services.survey_assessment(token=link_token(services.SURVEY_LINK, assessment_a)) == assessment_a


def test_a_closed_survey_link_is_refused(assessment_a):
    token = link_token(services.SURVEY_LINK, assessment_a)
    Assessment.objects.filter(pk=assessment_a.pk).update(survey_open=False)
    with pytest.raises(LinkInvalid, match="closed"):
        services.survey_assessment(token=token)


def test_selection_needs_an_approved_assessment_and_a_rationale(assessment_a, sectors_a, lead_a):
    with pytest.raises(ValidationError, match="approve the assessment"):
        services.selection_propose(assessment=assessment_a, sector=sectors_a[0], rationale="x", user=lead_a)
    assert not Selection.objects.exists()


def test_approved_selection_becomes_baselines(approved_a, sectors_a, lead_a, staff, city_a, criteria_a):
    with pytest.raises(ValidationError, match="rationale"):
        services.selection_propose(assessment=approved_a, sector=sectors_a[0], rationale=" ", user=lead_a)
    selection = services.selection_propose(
        assessment=approved_a, sector=sectors_a[0], rationale="Most vulnerable, most SMEs", user=lead_a
    )
    with pytest.raises(ValidationError, match="already proposed"):
        services.selection_propose(assessment=approved_a, sector=sectors_a[1], rationale="x", user=lead_a)
    assert sector_baselines(city=city_a) == []
    services.selection_approve(selection=selection, user=staff)
    baselines = sector_baselines(city=city_a)
    assert len(baselines) == len(criteria_a)
    assert {b.name for b in baselines} == {c.name for c in criteria_a}
    assert Baseline.objects.filter(selection=selection).count() == len(criteria_a)
    with pytest.raises(ValidationError, match="no longer be reopened"):
        services.assessment_reopen(assessment=approved_a, user=staff, reason="x")


def test_rejected_selection_can_be_proposed_again(approved_a, sectors_a, lead_a, staff):
    first = services.selection_propose(assessment=approved_a, sector=sectors_a[0], rationale="a", user=lead_a)
    services.selection_reject(selection=first, user=staff, comment="Look at tourism too")
    second = services.selection_propose(assessment=approved_a, sector=sectors_a[1], rationale="b", user=lead_a)
    assert second.status == "proposed"


def test_city_without_cohort_cannot_start(city_a):
    city_a.cohort = None
    city_a.save()
    with pytest.raises(ValidationError, match="no cohort"):
        services.assessment_start(city=city_a)
    assert not Assessment.objects.exists()


def test_survey_response_out_of_range_is_refused(assessment_a, sectors_a):
    with pytest.raises(ValidationError):
        survey_response(assessment=assessment_a, sector=sectors_a[0], revenue_change=-150)
    assert not SurveyResponse.objects.exists()
