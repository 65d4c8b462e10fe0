"""The demo tells one story: every city's steps follow the program calendar in order, workshops run at
working hours in the city's own time, invitations make sense, and `seed_demo` says what it does."""

import io
import zoneinfo
from datetime import date, datetime, time, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from ccrs.demo_calendar import PILOT_QUARTERS, WORKING_HOURS, calendar
from ccrs.models import User
from cities.models import Application, City
from cocreation.models import Call, Process, Proposal, Stakeholder, StakeholderInvitation, Workshop
from pilots.models import Milestone, MilestoneStatus, Period, Pilot, Update
from sectors.models import Assessment, Selection

DEMO_CITIES = ["bangkok", "melaka", "semarang", "jakarta", "can-tho", "da-nang"]


@pytest.fixture
def demo(db):
    call_command("seed_demo", verbosity=0)


def local(moment, city):
    return timezone.localtime(moment, zoneinfo.ZoneInfo(city.time_zone))


def in_order(steps):
    """The (name, date or time) pairs that are there, compared in turn: each step comes after the one before
    (strictly between two times; between a date and anything else, on the same day or later)."""
    present = [(name, value) for name, value in steps if value is not None]
    for (before, earlier), (after, later) in zip(present, present[1:], strict=False):
        if isinstance(earlier, datetime) and isinstance(later, datetime):
            assert earlier < later, f"{before} ({earlier}) is not before {after} ({later})"
        else:
            assert _day(earlier) <= _day(later), f"{before} ({earlier}) comes after {after} ({later})"
    return [name for name, _value in present]


def _day(value):
    return timezone.localtime(value).date() if isinstance(value, datetime) else value


def test_every_city_steps_through_the_program_in_order(demo):
    """Application < selection < onboarding < assessment approved < first workshop < call published < award
    < pilot start < its periods, for every city as far as it has come; today's steps hold today."""
    for slug in DEMO_CITIES:
        city_steps_in_order(slug)


def city_steps_in_order(slug):
    city = City.objects.get(slug=slug)
    today = timezone.localdate()
    application = Application.objects.get(city=city)
    steps = list(city.onboarding_steps.exclude(completed_at=None).order_by("completed_at"))
    assessment = Assessment.objects.filter(city=city).first()
    selection = Selection.objects.filter(assessment=assessment, status="approved").first()
    process = Process.objects.filter(city=city).first()
    workshops = list(Workshop.objects.filter(process__city=city).order_by("starts_at"))
    call = Call.objects.filter(process__city=city).order_by("created_at").first()
    award = Proposal.objects.filter(call__process__city=city, status="awarded").first()
    pilot = Pilot.objects.filter(city=city).first()
    periods = list(Period.objects.filter(indicator__result__pilot=pilot).order_by("start")) if pilot else []
    order = in_order(
        [
            ("call for cities opens", city.cohort.call_opens_on),
            ("application", application.submitted_at),
            ("selection", application.decided_at),
            ("onboarding step done", steps[-1].completed_at if steps else None),
            ("assessment submitted", assessment.submitted_at if assessment else None),
            ("assessment approved", assessment.decided_at if assessment and assessment.status == "approved" else None),
            ("sector selected", selection.decided_at if selection else None),
            ("process starts", process.phases.order_by("starts_on").first().starts_on if process else None),
            ("first workshop", workshops[0].starts_at if workshops else None),
            ("call published", call.created_at if call else None),
            ("call deadline", call.deadline if call and award else None),
            ("award", award.awarded_at if award else None),
            ("process ends", process.phases.order_by("ends_on").last().ends_on if process and pilot else None),
            ("pilot start", pilot.start_date if pilot else None),
            ("first period", periods[0].start if periods else None),
            ("today", today),
            ("pilot end", pilot.end_date if pilot else None),
        ]
    )
    assert "today" in order
    assert all(step.completed_at > application.decided_at for step in steps)
    expected = {
        "bangkok": "pilot start",
        "melaka": "pilot start",
        "semarang": "pilot start",
        "can-tho": "award",
        "jakarta": "call published",
        "da-nang": "selection",
    }[slug]
    assert expected in order, f"{city} should have come as far as: {expected}"
    if slug == "da-nang":
        assert assessment.status == "draft" and process is None and pilot is None
    if slug == "jakarta":
        assert call.status == "open" and call.deadline > timezone.now() and pilot is None
    if process:
        phases = list(process.phases.order_by("starts_on"))
        for before, after in zip(phases, phases[1:], strict=False):
            assert before.ends_on < after.starts_on, f"{before} overlaps {after}"
        for phase in phases:
            state = "done" if phase.ends_on < today else "active" if phase.starts_on <= today else "planned"
            assert phase.status == state, f"{phase} ({phase.starts_on}–{phase.ends_on}) is {phase.status}"
    if pilot:
        assert pilot.status == "active" and (award is None or award.pilot == pilot)
        quarters = sorted({(p.start, p.end) for p in periods})
        assert len(quarters) == PILOT_QUARTERS and quarters[0][0] == pilot.start_date
        for (_start, end), (start, _end) in zip(quarters, quarters[1:], strict=False):
            assert start == end + timedelta(days=1)
        assert quarters[-1][0] <= today <= quarters[-1][1], "the current quarter holds today"
        now = timezone.now()
        for update in Update.objects.filter(period__in=periods).select_related("period"):
            assert update.submitted_at <= now and (update.reviewed_at is None or update.reviewed_at <= now)
            assert local(update.submitted_at, city).date() >= update.period.start
        for milestone in Milestone.objects.filter(pilot=pilot):
            if milestone.status == MilestoneStatus.DONE:
                assert pilot.start_date <= milestone.due_date <= today, milestone
            else:
                assert milestone.due_date >= today, f"{milestone} is still to do but was due {milestone.due_date}"


def test_workshops_run_at_working_hours_in_the_citys_own_time(demo):
    """Every demo workshop starts and ends on one working day between 08:00 and 18:00 where it takes place."""
    workshops = list(Workshop.objects.select_related("process__city"))
    assert len(workshops) >= 6
    for workshop in workshops:
        city = workshop.process.city
        starts, ends = local(workshop.starts_at, city), local(workshop.ends_at, city)
        assert starts.date() == ends.date() and starts.weekday() < 5, workshop
        assert WORKING_HOURS[0] <= starts.time() < ends.time() <= WORKING_HOURS[1], (
            f"{workshop} in {city}: {starts:%H:%M}–{ends:%H:%M} local time"
        )
        assert starts.time().minute in {0, 30}


def test_invitations_go_to_workshops_to_come_or_were_answered(demo):
    """No one is invited to a workshop in the past they did not answer; each was invited before it ran."""
    now = timezone.now()
    invitations = list(StakeholderInvitation.objects.select_related("workshop"))
    assert invitations
    for invitation in invitations:
        workshop = invitation.workshop
        assert workshop.starts_at > now or hasattr(invitation, "submission"), invitation
        assert invitation.sent_at is None or invitation.sent_at < workshop.starts_at
        assert invitation.stakeholder.consent_at <= (invitation.sent_at or timezone.now())


def test_the_stakeholder_account_has_one_open_invitation_to_a_workshop_to_come(demo):
    open_ones = StakeholderInvitation.objects.filter(
        stakeholder__email="stakeholder@ccrs.demo",
        workshop__starts_at__gt=timezone.now(),
        workshop__status="open",
        submission__isnull=True,
        status="active",
    )
    assert open_ones.count() == 1
    invitation = open_ones.get()
    assert not invitation.is_expired
    assert invitation.workshop.process.city.slug == "can-tho" and invitation.stakeholder.language == "vi"


@pytest.mark.parametrize(
    "today", [date(2026, 12, 2), date(2027, 1, 1), date(2027, 3, 31), date(2028, 2, 29), date(2025, 6, 15)]
)
def test_the_calendar_puts_today_in_the_pilots_last_quarter(today):
    """Whatever the day of loading, the shifted program keeps its order and today is in the current quarter."""
    program = calendar(today)
    quarters = program.quarters
    assert quarters[0][0] == program.pilot_start and quarters[-1][0] <= today <= quarters[-1][1]
    assert program.call_opens < program.call_closes < program.selected < program.pilot_start < program.pilot_end
    for slug in DEMO_CITIES:
        if program.reached(slug, "procure"):
            starts, ends = program.milestone(slug, "procure")
            assert starts <= ends
            if program.reached(slug, "award"):
                assert program.milestone(slug, "award") <= ends < program.pilot_start
            else:
                assert starts <= today <= ends, f"{slug}'s procurement holds today"
    assert program.slot(date(2022, 5, 21))[0].time() == time(9, 0)
    assert program.slot(date(2022, 5, 21))[0].weekday() < 5


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (User, City, Application, Assessment, Process, Workshop, StakeholderInvitation, Call, Pilot)
    }


def test_a_second_run_creates_nothing_and_says_so(demo):
    first = counts()
    added = Stakeholder.objects.create(
        city=City.objects.get(slug="can-tho"), name="Người thêm vào", email="added@example.vn", kind="ngo"
    )
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert counts() == first
    assert Stakeholder.objects.filter(pk=added.pk).exists()
    assert "already loaded: nothing was created or changed" in out.getvalue()
    assert "--reset" in out.getvalue()


def test_reset_deletes_the_demo_with_what_people_added_and_loads_it_again(demo):
    first = counts()
    first_pilot = Pilot.objects.order_by("pk").first().pk
    added = Stakeholder.objects.create(
        city=City.objects.get(slug="can-tho"), name="Người thêm vào", email="added@example.vn", kind="ngo"
    )
    outsider = City.objects.create(slug="iloilo", name="Iloilo", country="PH", time_zone="Asia/Manila")
    out = io.StringIO()
    call_command("seed_demo", "--reset", stdout=out)
    assert counts() == first | {"City": first["City"] + 1}
    assert not Stakeholder.objects.filter(pk=added.pk).exists()
    assert City.objects.filter(pk=outsider.pk).exists(), "a city that is not the demo's is left alone"
    assert not Pilot.objects.filter(pk=first_pilot).exists() and Pilot.objects.count() == first["Pilot"]
    output = out.getvalue()
    assert "deleted the demo pilots" in output and "Demo data ready" in output


def test_seed_demo_prints_the_links_to_try(demo, client):
    """The workshop form, the public survey and an SME's call link, each opening without an account."""
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    lines = [line for line in out.getvalue().splitlines() if "http://" in line and "/sign" not in line]
    links = {label.strip(): address.strip() for label, _sep, address in (line.rpartition(": ") for line in lines)}
    paths = {label: address.removeprefix("http://127.0.0.1:8000") for label, address in links.items()}
    assert any("/cocreation/respond/" in path for path in paths.values())
    assert any("/sectors/survey/" in path for path in paths.values())
    assert any("/cocreation/apply/" in path for path in paths.values())
    for label, path in paths.items():
        response = client.get(path)
        assert response.status_code == 200, f"{label}: {path} answers {response.status_code}"


def test_the_program_indicators_roll_up_the_demo_pilots_in_their_own_units(demo):
    """Can Tho's "tấn" and Melaka's "tan" add up in the program's tonnes; Semarang's batik pilot opted out and is
    shown as excluded; the SMEs of Semarang and Bangkok add up too; a reported period's total adds up its cities."""
    from pilots.models import ProgramIndicator
    from pilots.selectors.indicators import indicator_rollup

    rows = {row["indicator"].name: row for row in indicator_rollup(indicators=list(ProgramIndicator.objects.all()))}
    tonnes = rows["Tonnes of waste collected"]
    assert sorted(m.pilot.city.slug for m in tonnes["mapped"]) == ["can-tho", "melaka"]
    assert [m.pilot.city.slug for m in tonnes["excluded"]] == ["semarang"]
    reported = [period for period in tonnes["periods"] if period.total is not None]
    assert reported
    for period in reported:
        assert period.total == sum(c.value for c in period.contributions if c.value is not None)
    assert {c.label for period in tonnes["periods"] for c in period.contributions} == {"Can Tho", "Melaka"}
    assert sorted(m.pilot.city.slug for m in rows["SMEs taking part"]["mapped"]) == ["bangkok", "semarang"]
    assert [m.pilot.city.slug for m in rows["Households separating waste at source"]["mapped"]] == ["can-tho"]
