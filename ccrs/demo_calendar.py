"""The demo program's one calendar, which every app's demo loader takes its dates from.

The milestones are those of the real first cohort (call for cities March–May 2021, selection in July,
assessments that year, co-creation in 2022, calls for SMEs at its end, pilots 2023–2024), shifted by
whole months so that today falls in the pilots' sixth reporting quarter. Jakarta runs late (its call
for SMEs is open today) and Da Nang is still assessing its sector.
"""

import zoneinfo
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cached_property

from django.utils import timezone

# The real program, before the shift (the milestones every city shares).
REAL_CALL_OPENS = date(2021, 3, 2)
REAL_CALL_CLOSES = date(2021, 5, 31)
REAL_APPLIED = date(2021, 5, 20)
REAL_LATE_APPLIED = date(2021, 5, 28)
REAL_SELECTED = date(2021, 7, 15)
REAL_COFUNDING_RECEIVED = date(2022, 3, 1)
REAL_PILOT_START = date(2023, 1, 1)
PILOT_QUARTERS = 6  # quarters of reporting so far; the last one is the current quarter
PILOT_MONTHS = 24

# Each city's pace through the program, in real dates: most of the cohort kept the program's pace, Jakarta ran
# about a year late (its call for SMEs is open today) and Da Nang is still assessing its sector.
TRACKS = {
    "cohort": {
        "assessment_submitted": date(2021, 11, 15),
        "assessment_approved": date(2021, 12, 1),
        "selection_proposed": date(2021, 12, 6),
        "selection_approved": date(2021, 12, 15),
        "discover": (date(2022, 1, 10), date(2022, 3, 31)),
        "ideate": (date(2022, 4, 1), date(2022, 6, 30)),
        "prioritise": (date(2022, 7, 1), date(2022, 8, 31)),
        "select": (date(2022, 9, 1), date(2022, 10, 31)),
        "procure": (date(2022, 11, 1), date(2022, 12, 31)),
        "workshop": date(2022, 5, 18),
        "call_published": date(2022, 11, 1),
        "call_deadline": date(2022, 11, 30),
        "award": date(2022, 12, 15),
    },
    "late": {
        "assessment_submitted": date(2022, 9, 15),
        "assessment_approved": date(2022, 10, 3),
        "selection_proposed": date(2022, 10, 10),
        "selection_approved": date(2022, 10, 20),
        "discover": (date(2022, 11, 1), date(2023, 2, 28)),
        "ideate": (date(2023, 3, 1), date(2023, 6, 30)),
        "prioritise": (date(2023, 7, 1), date(2023, 10, 31)),
        "select": (date(2023, 11, 1), date(2024, 2, 29)),
        "procure": (date(2024, 3, 1), date(2024, 9, 30)),  # holds today: the call is open
        "workshop": date(2023, 5, 16),
    },
    "assessing": {},
}
CITY_TRACKS = {
    "bangkok": "cohort",
    "melaka": "cohort",
    "semarang": "cohort",
    "can-tho": "cohort",
    "jakarta": "late",
    "da-nang": "assessing",
}
PHASES = ["discover", "ideate", "prioritise", "select", "procure"]

# The two morning and afternoon workshop slots, in the city's own time.
MORNING = (time(9, 0), time(12, 0))
AFTERNOON = (time(13, 30), time(16, 30))
WORKING_HOURS = (time(8, 0), time(18, 0))


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def workday(day: date) -> date:
    """The day itself, or the Monday after it when it falls on a weekend."""
    return day + timedelta(days=max(0, 7 - day.weekday()) if day.weekday() >= 5 else 0)


@dataclass(frozen=True)
class Calendar:
    today: date

    @cached_property
    def months(self) -> int:
        """How far the real program is shifted: the real sixth pilot quarter becomes today's quarter."""
        current = quarter_start(self.today)
        real = add_months(REAL_PILOT_START, 3 * (PILOT_QUARTERS - 1))
        return (current.year - real.year) * 12 + current.month - real.month

    def on(self, real: date) -> date:
        """A date of the real program, on the demo's calendar."""
        return add_months(real, self.months)

    def at(self, real: date, clock: time = time(9, 0)) -> datetime:
        """A naive wall-clock time of the real program's day, on the demo's calendar (city time)."""
        return datetime.combine(self.on(real), clock)

    def slot(self, real: date, slot=MORNING) -> tuple[datetime, datetime]:
        """A workshop's start and end in the city's own time, on a working day."""
        day = workday(self.on(real))
        return datetime.combine(day, slot[0]), datetime.combine(day, slot[1])

    def upcoming_slot(self, days: int, slot=MORNING) -> tuple[datetime, datetime]:
        """A workshop `days` from today, on a working day, in the city's own time."""
        day = workday(self.today + timedelta(days=days))
        return datetime.combine(day, slot[0]), datetime.combine(day, slot[1])

    def milestone(self, city: str, name: str):
        """A city's milestone (a date, or a (start, end) pair of a phase) on the demo's calendar; None when the
        city has not come that far."""
        real = TRACKS[CITY_TRACKS[city]].get(name)
        if real is None:
            return None
        return tuple(self.on(day) for day in real) if isinstance(real, tuple) else self.on(real)

    def moment(self, city, name: str, clock: time = time(10, 0)) -> datetime:
        """A city's milestone as an aware time of that day in the city's own time zone."""
        return datetime.combine(self.milestone(city.slug, name), clock, tzinfo=zoneinfo.ZoneInfo(city.time_zone))

    def reached(self, city: str, name: str) -> bool:
        return name in TRACKS[CITY_TRACKS[city]]

    # The milestones every city shares.
    @property
    def call_opens(self) -> date:
        return self.on(REAL_CALL_OPENS)

    @property
    def call_closes(self) -> date:
        return self.on(REAL_CALL_CLOSES)

    @property
    def selected(self) -> date:
        return self.on(REAL_SELECTED)

    @property
    def assessment_year(self) -> int:
        """The year of the assessment's data (and of the indicators' baselines)."""
        return self.on(date(2021, 10, 1)).year

    @property
    def pilot_start(self) -> date:
        return self.on(REAL_PILOT_START)

    @property
    def pilot_end(self) -> date:
        return add_months(self.pilot_start, PILOT_MONTHS) - timedelta(days=1)

    @property
    def quarters(self) -> list[tuple[date, date]]:
        """The pilots' reporting periods so far: quarters from the start; the last one holds today."""
        starts = [add_months(self.pilot_start, 3 * n) for n in range(PILOT_QUARTERS + 1)]
        return [(starts[n], starts[n + 1] - timedelta(days=1)) for n in range(PILOT_QUARTERS)]


def calendar(today: date | None = None) -> Calendar:
    return Calendar(today=today or timezone.localdate())
