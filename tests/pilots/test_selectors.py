"""Reads of the pilots app: each person sees only their cities' pilots, periods and updates."""

from datetime import date, timedelta

from django.utils import timezone

from pilots import selectors


def test_officer_sees_only_own_city(pilot_a, member_a, member_b, staff, stakeholder):
    assert [p.pk for p in selectors.pilot_list(user=member_a)] == [pilot_a.pk]
    assert list(selectors.pilot_list(user=member_b)) == []
    assert list(selectors.pilot_list(user=stakeholder)) == []
    assert [p.pk for p in selectors.pilot_list(user=staff)] == [pilot_a.pk]
    assert selectors.pilot_get(user=member_b, pk=pilot_a.pk) is None


def test_periods_and_updates_of_another_city_are_not_found(update_a, period_a, member_b, member_a):
    assert selectors.period_get(user=member_b, pk=period_a.pk) is None
    assert selectors.update_get(user=member_b, pk=update_a.pk) is None
    assert selectors.update_get(user=member_a, pk=update_a.pk) == update_a


def test_queue_is_for_staff_and_lists_submitted_updates_oldest_first(update_a, period_a, member_a, staff):
    """Only submitted updates wait, the one submitted first at the top; approved ones leave the queue."""
    import time_machine

    from pilots import services

    with time_machine.travel(update_a.submitted_at + timedelta(hours=1)):
        newer = services.update_submit(period=period_a, user=member_a, value="3")
    with time_machine.travel(update_a.submitted_at + timedelta(hours=2)):
        approved = services.update_submit(period=period_a, user=member_a, value="4")
    services.update_approve(update=approved, reviewer=staff)
    assert selectors.approval_queue(user=member_a) is None
    assert [u.pk for u in selectors.approval_queue(user=staff)] == [update_a.pk, newer.pk]
    type(update_a).objects.filter(pk=update_a.pk).update(submitted_at=update_a.submitted_at + timedelta(hours=3))
    assert [u.pk for u in selectors.approval_queue(user=staff)] == [newer.pk, update_a.pk]


def test_overview_totals_convert_to_the_reporting_currency(pilot_a, budget_line_a):
    """Funding: 100,000 USD + 1,000,000,000 VND at the rate of 2024-01-01 (0.000040) = 140,000 USD."""
    overview = selectors.pilot_overview(pilot=pilot_a, today=timezone.localdate())
    assert overview["totals"]["funding"] == 140000
    assert overview["totals"]["planned"] == 60000


def test_overview_health_follows_the_ended_period(pilot_a, budget_line_a, period_a):
    """Before the first period ends the pilot is green; once it ended with nothing approved, red, saying why."""
    before = selectors.pilot_overview(pilot=pilot_a, today=date(2024, 3, 1))["health"]
    assert before.level == "green"
    after = selectors.pilot_overview(pilot=pilot_a, today=date(2024, 7, 15))["health"]
    assert after.level == "red"
    assert ("red", "1 ended period has no approved update.") in after.reasons


def test_pilots_at_a_glance_match_each_pilots_overview(pilot_a, budget_line_a, update_a, staff, member_a):
    """The program report's figures of a pilot (money, time, overdue milestones, health) are its overview's."""
    from datetime import date
    from decimal import Decimal

    from pilots import services

    services.expenditure_record(
        budget_line=budget_line_a, spent_on=date(2024, 3, 1), amount=Decimal("900000000"), currency="VND",
        description="Bins",
    )  # fmt: skip
    services.milestone_save(pilot=pilot_a, title="Bins delivered", owner="City", due_date=date(2024, 2, 1))
    services.update_approve(update=update_a, reviewer=staff)
    today = timezone.localdate()
    overview = selectors.pilot_overview(pilot=pilot_a, today=today)
    [glance] = selectors.pilots_at_a_glance(user=staff, today=today)
    assert glance["pilot"] == pilot_a
    for key in ("funding", "planned", "spent", "missing"):
        assert glance["totals"][key] == overview["totals"][key]
    assert glance["totals"]["spent"] == Decimal("36000.00")
    assert (glance["elapsed"], glance["overdue_count"], glance["burn"]) == (
        overview["elapsed"], overview["overdue_count"], overview["burn"]
    )  # fmt: skip
    assert glance["overdue_count"] == 1
    assert glance["health"] == overview["health"]
    assert [g["pilot"] for g in selectors.pilots_at_a_glance(user=member_a, today=today)] == [pilot_a]
    assert selectors.pilots_at_a_glance(user=staff, today=today, cohort_id=pilot_a.city.cohort_id + 1) == []


def test_pilot_list_pages_with_each_pilots_waiting_updates(update_a, period_a, member_a, staff, monkeypatch):
    """The list shows PILOT_PAGE_SIZE pilots a page, by city and title, each with its submitted updates counted."""
    from pilots import services
    from pilots.selectors import pilots as pilot_reads

    services.update_submit(period=period_a, user=member_a, value="3")
    pilot = update_a.period.indicator.result.pilot
    other = services.pilot_create(
        city=pilot.city, title="Zz later pilot", description="", sector_isic="E38", sector_name="Waste",
        start_date=date(2024, 1, 1), end_date=date(2025, 12, 31), reporting_currency="USD",
    )  # fmt: skip
    monkeypatch.setattr(pilot_reads, "PILOT_PAGE_SIZE", 1)
    first, second = selectors.pilot_list(user=staff), selectors.pilot_list(user=staff, page=2)
    assert [(p.pk, p.waiting) for p in first] == [(pilot.pk, 2)]
    assert [(p.pk, p.waiting) for p in second] == [(other.pk, 0)]
    assert first.paginator.count == 2
