"""A pilot's health (red, amber or green) from its schedule, budget and results, with the reasons.

Plain functions over plain values (no ORM): the overview's selector gathers the numbers and calls
`pilot_health`. Each part gives a level and the sentences that explain it; the pilot's health is
the worst part's level, and every reason is shown.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

GREEN, AMBER, RED = "green", "amber", "red"
ORDER = {GREEN: 0, AMBER: 1, RED: 2}

# Budget: spending may run ahead of the time elapsed by this much before it is flagged.
BURN_AMBER = 0.10
BURN_RED = 0.25
UNDERSPEND_AMBER = 0.30
# Schedule: a milestone overdue this many days, or this many overdue milestones, make it red.
OVERDUE_RED_DAYS = 30
OVERDUE_RED_COUNT = 2
# Results: average progress to the targets of the periods that have ended.
PROGRESS_GREEN = 0.8
PROGRESS_AMBER = 0.5


@dataclass(frozen=True)
class Milestone:
    title: str
    due: date
    done: bool


@dataclass(frozen=True)
class Progress:
    """An indicator's period that has ended: where it started, what it aimed at, what it reached."""

    indicator: str
    baseline: float
    target: float
    actual: float | None


@dataclass
class Part:
    level: str = GREEN
    reasons: list[str] = field(default_factory=list)

    def raise_to(self, level: str, reason: str) -> None:
        if ORDER[level] > ORDER[self.level]:
            self.level = level
        self.reasons.append(reason)


@dataclass
class Health:
    level: str
    schedule: Part
    budget: Part
    results: Part

    @property
    def reasons(self) -> list[tuple[str, str]]:
        return [(part.level, reason) for part in (self.schedule, self.budget, self.results) for reason in part.reasons]


def level_label(level: str) -> str:
    """The level as a person reads it, in the active language."""
    return {GREEN: _("Green"), AMBER: _("Amber"), RED: _("Red")}[level]


def worst(*levels: str) -> str:
    return max(levels, key=ORDER.__getitem__)


def schedule_health(milestones: list[Milestone], today: date) -> Part:
    part = Part()
    overdue = [m for m in milestones if not m.done and m.due < today]
    if not overdue:
        part.reasons.append(_("No milestone is overdue."))
        return part
    oldest = max((today - m.due).days for m in overdue)
    level = RED if len(overdue) >= OVERDUE_RED_COUNT or oldest > OVERDUE_RED_DAYS else AMBER
    part.raise_to(
        level,
        ngettext(
            "%(count)d milestone is overdue (the oldest by %(days)d days).",
            "%(count)d milestones are overdue (the oldest by %(days)d days).",
            len(overdue),
        )
        % {"count": len(overdue), "days": oldest},
    )
    return part


def budget_health(*, burn: float | None, elapsed: float) -> Part:
    part = Part()
    if burn is None:
        part.raise_to(AMBER, _("No budget is recorded, so spending cannot be compared with time."))
        return part
    numbers = {"burn": round(burn * 100), "elapsed": round(elapsed * 100)}
    if burn > 1:
        part.raise_to(RED, _("Spending has passed the budget: %(burn)d%% spent.") % numbers)
    elif burn - elapsed > BURN_RED:
        part.raise_to(RED, _("%(burn)d%% of the budget is spent after %(elapsed)d%% of the time.") % numbers)
    elif burn - elapsed > BURN_AMBER:
        part.raise_to(AMBER, _("%(burn)d%% of the budget is spent after %(elapsed)d%% of the time.") % numbers)
    elif elapsed - burn > UNDERSPEND_AMBER:
        part.raise_to(AMBER, _("Only %(burn)d%% of the budget is spent after %(elapsed)d%% of the time.") % numbers)
    else:
        part.reasons.append(_("%(burn)d%% of the budget is spent after %(elapsed)d%% of the time.") % numbers)
    return part


def progress_share(item: Progress) -> float:
    """How far the actual went from the baseline to the target (1 = reached); works both directions."""
    if item.actual is None:
        return 0.0
    span = item.target - item.baseline
    if span == 0:
        return 1.0 if item.actual == item.target else 0.0
    return max((item.actual - item.baseline) / span, 0.0)


def results_health(progress: list[Progress]) -> Part:
    part = Part()
    if not progress:
        part.reasons.append(_("No reporting period with a target has ended yet."))
        return part
    shares = [min(progress_share(item), 1.0) for item in progress]
    average = sum(shares) / len(shares)
    missing = [item.indicator for item in progress if item.actual is None]
    numbers = {"progress": round(average * 100), "count": len(progress)}
    message = ngettext(
        "Results reached %(progress)d%% of their targets on average (%(count)d period that has ended).",
        "Results reached %(progress)d%% of their targets on average (%(count)d periods that have ended).",
        len(progress),
    )
    if average < PROGRESS_AMBER:
        part.raise_to(RED, message % numbers)
    elif average < PROGRESS_GREEN:
        part.raise_to(AMBER, message % numbers)
    else:
        part.reasons.append(message % numbers)
    if missing:
        part.raise_to(
            AMBER,
            ngettext(
                "%(count)d ended period has no approved update.",
                "%(count)d ended periods have no approved update.",
                len(missing),
            )
            % {"count": len(missing)},
        )
    return part


def pilot_health(
    *, milestones: list[Milestone], burn: float | None, elapsed: float, progress: list[Progress], today: date
) -> Health:
    schedule = schedule_health(milestones, today)
    budget = budget_health(burn=burn, elapsed=elapsed)
    results = results_health(progress)
    return Health(
        level=worst(schedule.level, budget.level, results.level), schedule=schedule, budget=budget, results=results
    )


def disaggregation_gaps(total: float | None, breakdown: dict[str, dict[str, float | None]]) -> list[str]:
    """The dimensions whose values do not add up to the total (or leave a category empty)."""
    if total is None:
        return []
    gaps = []
    for dimension, values in breakdown.items():
        if not values:
            continue
        if any(v is None for v in values.values()) or abs(sum(values.values()) - total) > 1e-9:
            gaps.append(dimension)
    return gaps
