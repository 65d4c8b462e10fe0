"""Reads of the cities app: stage from the checklist, ranking, what an applicant may see, the pipeline."""

from cities import selectors, services
from cities.models import OnboardingStep
from cities.stages import Stage

from .conftest import make_application


def test_stage_follows_the_checklist(selected_a, city_a, city_b, member_a):
    """A selected city is onboarding until every step is done, then it is in the sector assessment."""
    assert selectors.city_stages(city_ids=[city_a.pk, city_b.pk]) == {
        city_a.pk: Stage.ONBOARDING,
        city_b.pk: Stage.ONBOARDING,
    }
    for step in OnboardingStep.objects.filter(city=city_a):
        services.step_complete(step=step, user=member_a, evidence_url="https://cantho.gov.vn/evidence")
    assert selectors.city_stages(city_ids=[city_a.pk])[city_a.pk] == Stage.ASSESSMENT


def test_ranking_and_scores_for_staff(application_a, cohort, staff, criteria):
    other = make_application(cohort, city_name="Da Lat", submitted=True)
    services.review_save(application=other, reviewer=staff, scores={c.pk: 2 for c in criteria})
    make_application(cohort, city_name="Vung Tau")  # a draft has no rank
    rows = selectors.application_list(user=staff, cohort_id=cohort.pk)["applications"]
    assert [(a.city_name, a.rank, str(a.score)) for a in rows] == [
        ("Can Tho", 1, "4.00"),
        ("Da Lat", 2, "2.00"),
        ("Vung Tau", None, "None"),
    ]


def test_applicant_sees_only_their_own(application_a, cohort, member_a, member_b):
    make_application(cohort, city_name="Da Lat")
    assert [a.city_name for a in selectors.application_list(user=member_a)["applications"]] == ["Can Tho"]
    assert selectors.application_list(user=member_b)["applications"] == []
    assert selectors.application_get(user=member_b, pk=application_a.pk) is None


def test_pipeline_counts(selected_a, cohort, staff, member_a):
    make_application(cohort, city_name="Da Lat")
    pipeline = selectors.application_pipeline(user=staff)
    assert dict(pipeline["applications"])["Selected"] == 1
    assert dict(pipeline["applications"])["Draft"] == 1
    assert dict(pipeline["stages"])["Onboarding"] == 1  # Can Tho, selected; Da Lat is only a draft
    assert selectors.application_pipeline(user=member_a) is None


def test_cofunding_committed_against_received(selected_a, city_a, staff):
    services.cofunding_record(
        city=city_a, kind="cash", stage="received", amount="1250000000", currency="VND", on="2022-03-01"
    )
    totals = selectors.city_cofunding(city=city_a)["totals"]
    cash = next(row for row in totals if row["kind"] == "Cash")
    assert (cash["committed"], cash["received"], cash["percent"]) == (2_500_000_000, 1_250_000_000, 50)
