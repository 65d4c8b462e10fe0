"""The program stage is derived from facts, never typed: every stage and the precedence of later facts."""

from datetime import date

import pytest

from cities.stages import Stage, StageFacts, city_stage, derive_stage, stage_timeline

D = date(2024, 5, 1)


@pytest.mark.parametrize(
    ("facts", "stage"),
    [
        (StageFacts(), Stage.ONBOARDING),
        (StageFacts(checklist_complete=D), Stage.ASSESSMENT),
        (StageFacts(checklist_complete=D, assessment_approved=D), Stage.COCREATION),
        (StageFacts(checklist_complete=D, cocreation_started=D), Stage.COCREATION),
        (StageFacts(checklist_complete=D, assessment_approved=D, pilot_active=D), Stage.PILOT),
        (StageFacts(checklist_complete=D, pilot_active=D, pilot_closed=D), Stage.DOCUMENTATION),
        (StageFacts(case_study_published=D), Stage.DOCUMENTATION),
        # A later fact wins even when an earlier one was never recorded (data entered out of order).
        (StageFacts(pilot_active=D), Stage.PILOT),
        (StageFacts(assessment_approved=D), Stage.COCREATION),
    ],
)
def test_derive_stage(facts, stage):
    assert derive_stage(facts) == stage


def test_timeline_marks_done_current_and_upcoming():
    states = [item["state"] for item in stage_timeline(Stage.COCREATION)]
    assert states == ["done", "done", "current", "upcoming", "upcoming"]


def test_the_stage_is_reached_on_the_earliest_fact_that_proves_it():
    """Co-creation reached by an approval in March and a phase in April is reached in March."""
    facts = StageFacts(
        checklist_complete=date(2024, 1, 2), assessment_approved=date(2024, 3, 1), cocreation_started=date(2024, 4, 1)
    )
    detail = city_stage(facts)
    assert (detail.stage, detail.reached_on) == (Stage.COCREATION, date(2024, 3, 1))
    assert [item["reached_on"] for item in stage_timeline(detail.stage, facts)] == [
        None,
        date(2024, 1, 2),
        date(2024, 3, 1),
        None,
        None,
    ]


def test_nothing_is_left_once_the_case_study_is_published():
    detail = city_stage(StageFacts(pilot_closed=date(2025, 1, 1), case_study_published=date(2025, 3, 1)))
    assert (detail.stage, detail.reached_on, detail.next_step) == (Stage.DOCUMENTATION, date(2025, 1, 1), None)


def test_facts_of_an_unknown_name_are_ignored():
    assert StageFacts.from_values({"pilot_active": D, "something_new": D}) == StageFacts(pilot_active=D)
