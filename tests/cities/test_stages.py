"""The program stage is derived from facts, never typed: every stage and the precedence of later facts."""

import pytest

from cities.stages import Stage, StageFacts, derive_stage, stage_timeline


@pytest.mark.parametrize(
    ("facts", "stage"),
    [
        (StageFacts(), Stage.ONBOARDING),
        (StageFacts(checklist_complete=True), Stage.ASSESSMENT),
        (StageFacts(checklist_complete=True, assessment_approved=True), Stage.COCREATION),
        (StageFacts(checklist_complete=True, cocreation_started=True), Stage.COCREATION),
        (StageFacts(checklist_complete=True, assessment_approved=True, pilot_active=True), Stage.PILOT),
        (StageFacts(checklist_complete=True, pilot_active=True, pilot_closed=True), Stage.DOCUMENTATION),
        (StageFacts(case_study_published=True), Stage.DOCUMENTATION),
        # A later fact wins even when an earlier one was never recorded (data entered out of order).
        (StageFacts(pilot_active=True), Stage.PILOT),
        (StageFacts(assessment_approved=True), Stage.COCREATION),
    ],
)
def test_derive_stage(facts, stage):
    assert derive_stage(facts) == stage


def test_timeline_marks_done_current_and_upcoming():
    states = [item["state"] for item in stage_timeline(Stage.COCREATION)]
    assert states == ["done", "done", "current", "upcoming", "upcoming"]
