"""The program report's pilot sheet, as the funder reads it."""

from django.utils import timezone, translation

from ccrs.reports import program_areas
from pilots import selectors
from pilots.health import level_label


def test_pilot_health_is_written_as_a_word_in_the_readers_language(pilot_a, staff):
    """The health column holds the translated level (e.g. "Xanh"), never the code "green"."""
    with translation.override("vi"):
        areas = program_areas(user=staff, cohort_id=None, progress=lambda _percent: None)
        level = selectors.pilot_overview(pilot=pilot_a, today=timezone.localdate())["health"].level
        expected = level_label(level)
    pilots = areas[-1]
    row = next(r for r in pilots["rows"] if r[1] == pilot_a.title)
    assert level not in row
    assert expected in row and expected != level
