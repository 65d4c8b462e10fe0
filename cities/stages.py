"""A city's program stage, derived from facts about its work rather than typed by hand (pure, no ORM).

The stages follow the program's four actions after onboarding:
onboarding → assessment → co-creation → pilot → documentation.
Each fact is the date it became true (None while it is not), so a stage shows the date it was reached.
"""

from dataclasses import dataclass, fields
from datetime import date

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
    """What is known about a city's progress, each the date it became true; each later app contributes its own."""

    checklist_complete: date | None = None  # cities: every onboarding step done (and at least one step)
    assessment_approved: date | None = None  # sectors: the selected sector is approved
    cocreation_started: date | None = None  # cocreation: a phase of a co-creation process is under way or done
    pilot_active: date | None = None  # pilots: a pilot has started (running, paused or completed)
    pilot_closed: date | None = None  # pilots: a pilot is completed
    case_study_published: date | None = None  # network: the city's case study is published

    @classmethod
    def from_values(cls, values: dict) -> "StageFacts":
        """The facts from an app's dict, ignoring keys no field names (an app newer than this module)."""
        names = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in values.items() if key in names})


# What moves a city on from each stage, in the program's words.
NEXT_STEP = {
    Stage.ONBOARDING: _("Complete every step of the onboarding checklist."),
    Stage.ASSESSMENT: _("Have the sector assessment approved by the program team."),
    Stage.COCREATION: _("Start the pilot of the awarded solution."),
    Stage.PILOT: _("Complete the pilot."),
    Stage.DOCUMENTATION: _("Publish the city's case study."),
}


@dataclass(frozen=True)
class CityStage:
    """A city's stage, the date it was reached and what moves it on (None once nothing is left)."""

    stage: Stage
    reached_on: date | None
    next_step: str | None
    facts: StageFacts


def _earliest(*dates):
    known = [d for d in dates if d]
    return min(known) if known else None


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


def stage_reached_on(stage: Stage, facts: StageFacts) -> date | None:
    """The date of the fact that put the city at this stage (the earliest, when two prove it)."""
    return {
        Stage.ONBOARDING: None,
        Stage.ASSESSMENT: facts.checklist_complete,
        Stage.COCREATION: _earliest(facts.assessment_approved, facts.cocreation_started),
        Stage.PILOT: facts.pilot_active,
        Stage.DOCUMENTATION: _earliest(facts.pilot_closed, facts.case_study_published),
    }[stage]


def city_stage(facts: StageFacts) -> CityStage:
    stage = derive_stage(facts)
    done = stage == Stage.DOCUMENTATION and facts.case_study_published
    return CityStage(
        stage=stage,
        reached_on=stage_reached_on(stage, facts),
        next_step=None if done else str(NEXT_STEP[stage]),
        facts=facts,
    )


def stage_timeline(stage: Stage, facts: StageFacts | None = None) -> list[dict]:
    """Every stage with its state for the timeline (done, current or upcoming) and the date it was reached."""
    current = STAGE_ORDER.index(stage)
    return [
        {
            "stage": s,
            "label": s.label,
            "state": "done" if i < current else "current" if i == current else "upcoming",
            "reached_on": stage_reached_on(s, facts) if facts is not None and i <= current else None,
        }
        for i, s in enumerate(STAGE_ORDER)
    ]


# The program's funnel: how far the cohort's cities (and the applications before them) have come.
FUNNEL_STEPS = [
    ("applications", _("Applications")),
    ("selected", _("Selected")),
    ("onboarded", _("Onboarded")),
    ("assessed", _("Assessed")),
    ("cocreating", _("Co-creating")),
    ("piloting", _("Piloting")),
    ("documented", _("Documented")),
]
# The fact that proves a city has reached each step after its selection.
FUNNEL_FACTS = {
    "onboarded": ("checklist_complete",),
    "assessed": ("assessment_approved",),
    "cocreating": ("cocreation_started",),
    "piloting": ("pilot_active", "pilot_closed"),
    "documented": ("case_study_published",),
}
FUNNEL_KEYS = [key for key, _label in FUNNEL_STEPS]


def furthest_step(facts: StageFacts) -> str:
    """The furthest funnel step a selected city's facts prove (a later fact implies the earlier steps)."""
    reached = "selected"
    for key in FUNNEL_KEYS[2:]:
        if any(getattr(facts, name) for name in FUNNEL_FACTS[key]):
            reached = key
    return reached


def funnel(*, cities: list, facts: dict, other_applications: list) -> list[dict]:
    """Each step with the number that reached it and those standing at it now.

    `cities` are the cohort's cities (each selected, so each has applied), `facts` their StageFacts by id,
    `other_applications` the submitted applications that have no city in the program (yet).
    """
    at = {key: [] for key in FUNNEL_KEYS}
    at["applications"] = list(other_applications)
    for city in cities:
        at[furthest_step(facts[city.pk])].append(city)
    steps, reached = [], 0
    for key, label in reversed(FUNNEL_STEPS):
        reached += len(at[key])
        steps.append({"key": key, "label": label, "count": reached, "at": at[key]})
    return list(reversed(steps))
