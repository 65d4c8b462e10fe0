"""Pure math of the pilots app (no database): exchange rates, period actuals, health and its reasons."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from pilots import actuals, health
from pilots.currency import MissingRate, Rate, RateTable, burn_rate, time_elapsed
from pilots.services.evidence import evidence_check

TABLE = RateTable(
    "USD",
    [
        Rate("VND", date(2024, 1, 1), Decimal("0.000040")),
        Rate("VND", date(2023, 1, 1), Decimal("0.000041")),
        Rate("THB", date(2024, 3, 1), Decimal("0.028")),
    ],
)


def test_rate_is_the_latest_on_or_before_the_date():
    """A rate applies from its date on, until a newer one starts."""
    assert TABLE.rate_on("VND", date(2023, 12, 31)) == Decimal("0.000041")
    assert TABLE.rate_on("VND", date(2024, 1, 1)) == Decimal("0.000040")
    assert TABLE.rate_on("VND", date(2030, 1, 1)) == Decimal("0.000040")
    assert TABLE.rate_on("USD", date(1990, 1, 1)) == 1


def test_no_rate_before_the_first_one_is_refused():
    with pytest.raises(MissingRate) as caught:
        TABLE.convert(Decimal("100"), "THB", date(2024, 2, 29))
    assert caught.value.currency == "THB"
    with pytest.raises(MissingRate):
        TABLE.convert(Decimal("100"), "MYR", date(2024, 5, 1))


def test_conversion_rounds_to_the_cent():
    """25,000,000 VND at 0.000040 USD is 1,000.00 USD; 1,234,567 VND is 49.38 USD (49.38268 rounded)."""
    assert TABLE.convert(Decimal("25000000"), "VND", date(2024, 6, 1)) == Decimal("1000.00")
    assert TABLE.convert(Decimal("1234567"), "VND", date(2024, 6, 1)) == Decimal("49.38")
    assert TABLE.total(
        [(Decimal("10"), "USD", date(2024, 1, 1)), (Decimal("25000000"), "VND", date(2024, 1, 1))]
    ) == Decimal("1010.00")


def test_time_elapsed_and_burn_rate():
    assert time_elapsed(date(2024, 1, 1), date(2024, 12, 31), date(2023, 6, 1)) == 0
    assert time_elapsed(date(2024, 1, 1), date(2025, 1, 1), date(2024, 7, 2)) == pytest.approx(183 / 366)
    assert time_elapsed(date(2024, 1, 1), date(2024, 12, 31), date(2026, 1, 1)) == 1
    assert burn_rate(Decimal("50"), Decimal("200")) == 0.25
    assert burn_rate(Decimal("50"), Decimal("0")) is None


@given(
    st.lists(st.tuples(st.dates(), st.decimals(min_value="0.0001", max_value="100000", places=4)), min_size=1),
    st.dates(),
)
def test_rate_found_is_never_dated_after_the_day(rates, day):
    """Property: the rate used on a day is the one with the latest date not after that day."""
    table = RateTable("USD", [Rate("EUR", d, r) for d, r in rates])
    eligible = [(d, r) for d, r in rates if d <= day]
    if not eligible:
        with pytest.raises(MissingRate):
            table.rate_on("EUR", day)
    else:
        latest = max(d for d, _r in eligible)
        assert table.rate_on("EUR", day) in {r for d, r in eligible if d == latest}


def test_period_actual_sums_units_and_pools_percentages():
    """Akvo RSR's rule: units add up; a percentage is Σ numerators / Σ denominators (30+10 of 50+50 = 40%)."""
    assert actuals.period_actual("unit", [(Decimal("40"), None, None), (Decimal("15.5"), None, None)]) == Decimal(
        "55.5"
    )
    assert actuals.period_actual(
        "percentage", [(None, Decimal("30"), Decimal("50")), (None, Decimal("10"), Decimal("50"))]
    ) == Decimal("40.00")
    assert actuals.period_actual("unit", []) is None
    assert actuals.period_actual("qualitative", [(None, None, None)]) is None


def test_on_track_pilot_is_green_with_reasons():
    result = health.pilot_health(
        milestones=[health.Milestone("Bins delivered", date(2024, 3, 1), True)],
        burn=0.45,
        elapsed=0.5,
        progress=[health.Progress("Tonnes", baseline=10, target=100, actual=95)],
        today=date(2024, 7, 1),
    )
    assert result.level == health.GREEN
    assert len(result.reasons) == 3
    assert all(level == health.GREEN for level, _reason in result.reasons)


def test_overdue_milestones_turn_the_schedule_amber_then_red():
    today = date(2024, 7, 1)
    one = health.schedule_health([health.Milestone("Training", date(2024, 6, 20), False)], today)
    assert one.level == health.AMBER and "11 days" in one.reasons[0]
    old = health.schedule_health([health.Milestone("Training", date(2024, 5, 1), False)], today)
    assert old.level == health.RED
    two = health.schedule_health(
        [health.Milestone("A", date(2024, 6, 20), False), health.Milestone("B", date(2024, 6, 25), False)], today
    )
    assert two.level == health.RED and "2 milestones" in two.reasons[0]


@pytest.mark.parametrize(
    ("burn", "elapsed", "level", "words"),
    [
        (0.5, 0.5, health.GREEN, "50% of the budget is spent after 50% of the time"),
        (0.65, 0.5, health.AMBER, "65%"),
        (0.8, 0.5, health.RED, "80%"),
        (1.05, 0.9, health.RED, "passed the budget"),
        (0.1, 0.6, health.AMBER, "Only 10%"),
        (None, 0.5, health.AMBER, "No budget"),
    ],
)
def test_budget_burn_against_time(burn, elapsed, level, words):
    part = health.budget_health(burn=burn, elapsed=elapsed)
    assert part.level == level
    assert words in part.reasons[0]


def test_results_progress_counts_direction_and_missing_actuals():
    """A falling indicator (baseline 40, target 20, actual 25) has gone 75% of the way: amber."""
    down = health.results_health([health.Progress("Waste to landfill", baseline=40, target=20, actual=25)])
    assert down.level == health.AMBER and "75%" in down.reasons[0]
    missing = health.results_health([health.Progress("Tonnes", baseline=0, target=100, actual=None)])
    assert missing.level == health.RED
    assert any("no approved update" in reason for reason in missing.reasons)


def test_overall_is_the_worst_part():
    result = health.pilot_health(milestones=[], burn=1.2, elapsed=0.5, progress=[], today=date(2024, 1, 1))
    assert result.level == health.RED
    assert result.budget.level == health.RED and result.schedule.level == health.GREEN


def test_disaggregation_gaps():
    assert health.disaggregation_gaps(Decimal("40"), {"women_led": {"a": Decimal("15"), "b": Decimal("25")}}) == []
    assert health.disaggregation_gaps(Decimal("40"), {"women_led": {"a": Decimal("15"), "b": Decimal("20")}}) == [
        "women_led"
    ]
    assert health.disaggregation_gaps(Decimal("40"), {"sex": {"f": Decimal("40"), "m": None}}) == ["sex"]


def sniff(head: bytes):
    """(content type, kind) of evidence starting with `head`, or None when it is refused."""
    try:
        [(_upload, content_type, kind)] = evidence_check([SimpleUploadedFile("evidence.jpg", head)])
    except ValidationError:
        return None
    return content_type, kind


def test_evidence_type_is_read_from_the_content():
    assert sniff(b"\xff\xd8\xff\xe0\x00\x10JFIF") == ("image/jpeg", "photo")
    assert sniff(b"%PDF-1.7\n") == ("application/pdf", "document")
    assert sniff(b"\x89PNG\r\n\x1a\n\x00\x00") == ("image/png", "photo")
    assert sniff(b"MZ\x90\x00 not an image") is None
    assert sniff(b"<html><script>") is None


@given(
    overdue_days=st.lists(st.integers(min_value=-60, max_value=90), max_size=6),
    burn=st.one_of(st.none(), st.floats(min_value=0, max_value=2)),
    elapsed=st.floats(min_value=0, max_value=1),
    actuals=st.lists(st.one_of(st.none(), st.floats(min_value=0, max_value=200)), max_size=5),
)
def test_health_always_gives_its_reasons(overdue_days, burn, elapsed, actuals):
    """Property: every part explains itself, and the pilot is as healthy as its worst part."""
    today = date(2025, 6, 1)
    milestones = [
        health.Milestone(f"M{i}", date.fromordinal(today.toordinal() - d), False) for i, d in enumerate(overdue_days)
    ]
    progress = [health.Progress(f"I{i}", baseline=0, target=100, actual=a) for i, a in enumerate(actuals)]
    result = health.pilot_health(milestones=milestones, burn=burn, elapsed=elapsed, progress=progress, today=today)
    for part in (result.schedule, result.budget, result.results):
        assert part.reasons
    assert result.level == health.worst(result.schedule.level, result.budget.level, result.results.level)
    if any(d > 0 for d in overdue_days):
        assert result.schedule.level != health.GREEN
