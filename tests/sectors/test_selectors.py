"""Reads of the assessment: panels, the staff overview, baselines for the pilots app."""

from sectors import selectors, services


def test_program_summary_counts_each_assessment_once(approved_a, sectors_a, lead_a, staff):
    first = services.selection_propose(assessment=approved_a, sector=sectors_a[0], rationale="a", user=lead_a)
    services.selection_reject(selection=first, user=staff, comment="no")
    second = services.selection_propose(assessment=approved_a, sector=sectors_a[1], rationale="b", user=lead_a)
    services.selection_approve(selection=second, user=staff)
    assert selectors.program_summary() == {"total": 1, "submitted": 0, "approved": 1, "selected": 1}


def test_overview_is_for_staff_only_and_names_the_leader(staff, member_a, sectors_a):
    assert selectors.overview(user=member_a) == []
    (row,) = selectors.overview(user=staff)
    assert row["leader"]["sector"] == sectors_a[0]  # higher values on every criterion but one


def test_sector_baselines_empty_until_approved(city_a, approved_a, sectors_a, lead_a, staff):
    selection = services.selection_propose(assessment=approved_a, sector=sectors_a[0], rationale="a", user=lead_a)
    assert selectors.sector_baselines(city=city_a) == []
    services.selection_approve(selection=selection, user=staff)
    baselines = selectors.sector_baselines(city=city_a)
    assert baselines and all(b.selection.sector == sectors_a[0] for b in baselines)


def test_economics_shows_lq_and_the_reason_when_missing(assessment_a, sectors_a):
    services.assessment_update(assessment=assessment_a, city_employment=700_000, national_employment=51_000_000)
    rows = selectors.sector_economics(assessment=assessment_a, sectors=sectors_a)
    assert rows[0]["lq"].value == (4_100 / 700_000) / (180_000 / 51_000_000)
    assert rows[1]["lq"] is None and "Enter the sector's city and national employment" in rows[1]["lq_error"]
    assert rows[0]["sme_firm_share"] == 401 / 420


def test_economics_zero_national_employment_is_explained(assessment_a, sectors_a):
    services.assessment_update(assessment=assessment_a, city_employment=700_000, national_employment=51_000_000)
    services.sector_update(sector=sectors_a[0], national_employment=0)
    rows = selectors.sector_economics(assessment=assessment_a, sectors=sectors_a)
    assert rows[0]["lq"] is None and "divide by zero" in rows[0]["lq_error"]
