"""A city's program stage, derived from facts about its work rather than typed by hand (pure, no ORM).

The stages follow the program's four actions after onboarding:
onboarding → assessment → co-creation → pilot → documentation.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    ONBOARDING = "onboarding", _("Onboarding")
    ASSESSMENT = "assessment", _("Sector assessment")
    COCREATION = "cocreation", _("Co-creation")
    PILOT = "pilot", _("Pilot")
    DOCUMENTATION = "documentation", _("Documentation")


STAGE_ORDER = list(Stage)


@dataclass(frozen=True)
class StageFacts:
    """What is known about a city's progress; each later app contributes its own facts."""

    checklist_complete: bool = False  # cities: every onboarding step done (and at least one step)
    assessment_approved: bool = False  # sectors: the selected sector is approved
    cocreation_started: bool = False  # cocreation: a co-creation process has started
    pilot_active: bool = False  # pilots: a pilot is running
    pilot_closed: bool = False  # pilots: the pilot has ended
    case_study_published: bool = False  # network: the city's case study is published


def derive_stage(facts: StageFacts) -> Stage:
    """The furthest stage the facts prove; a later fact implies the earlier stages are behind the city."""
    if facts.case_study_published or facts.pilot_closed:
        return Stage.DOCUMENTATION
    if facts.pilot_active:
        return Stage.PILOT
    if facts.assessment_approved or facts.cocreation_started:
        return Stage.COCREATION
    if facts.checklist_complete:
        return Stage.ASSESSMENT
    return Stage.ONBOARDING


def stage_timeline(stage: Stage) -> list[dict]:
    """Every stage with its state for the timeline: done, current or upcoming."""
    current = STAGE_ORDER.index(stage)
    return [
        {
            "stage": s,
            "label": s.label,
            "state": "done" if i < current else "current" if i == current else "upcoming",
        }
        for i, s in enumerate(STAGE_ORDER)
    ]
