"""Fixtures of the network's tests: Can Tho (city A) with a whole program behind it, built through each app's
services: an approved sector assessment, a workshop with input, a shortlist and an awarded call, and an active
pilot with an approved actual."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from cocreation import services as cocreation
from pilots import services as pilots
from sectors import services as sectors
from tests.cocreation.conftest import (  # noqa: F401 (fixtures)
    call_a,
    ideas_a,
    invitation_s,
    pdf_file,
    process_a,
    questions_a,
    stakeholder_a,
    submission_a,
    workshop_a,
)
from tests.pilots.conftest import indicator_a, period_a, pilot_a, rates, result_a  # noqa: F401 (fixtures)
from tests.sectors.conftest import approved_a, assessment_a, criteria_a, sectors_a  # noqa: F401 (fixtures)


@pytest.fixture
def demo(db):
    """The demo data (seed_demo), for the tests of what the network's part of it holds."""
    from django.core.management import call_command

    call_command("seed_demo", verbosity=0)


@pytest.fixture
def awarded_a(call_a, stakeholder_a):  # noqa: F811 (fixtures)
    """City A's call, with one proposal awarded (the call's deadline moved past to close it)."""
    proposal = cocreation.proposal_submit(
        call=call_a,
        stakeholder=stakeholder_a,
        title="Xe ba gác điện thu gom rác",
        summary="Thu gom rác hữu cơ hai lần mỗi tuần.",
        employees=8,
        registered_in_city=True,
        documents={"Business registration": pdf_file("dkkd.pdf"), "Work plan": pdf_file("plan.pdf")},
    )
    call_a.deadline = timezone.now() - timedelta(minutes=1)
    call_a.save(update_fields=["deadline"])
    cocreation.call_close(call=call_a)
    return cocreation.proposal_award(proposal=proposal)


@pytest.fixture
def actual_a(period_a, member_a, staff):  # noqa: F811 (fixtures)
    """An approved actual of 40 tonnes against a target of 100."""
    update = pilots.update_submit(period=period_a, user=member_a, value="40", narrative="Ba hợp tác xã bắt đầu.")
    return pilots.update_approve(update=update, reviewer=staff)


@pytest.fixture
def selected_a(approved_a, sectors_a, lead_a, staff):  # noqa: F811 (fixtures)
    """Waste collection selected by the lead, with its rationale, and approved by staff."""
    selection = sectors.selection_propose(
        assessment=approved_a, sector=sectors_a[0], rationale="401 of 420 firms are SMEs.", user=lead_a
    )
    return sectors.selection_approve(selection=selection, user=staff)


@pytest.fixture
def program_a(selected_a, submission_a, awarded_a, actual_a, city_a):  # noqa: F811 (fixtures)
    """Can Tho with every app's data; its shocks and strategy filled in."""
    city_a.shocks = ["flooding", "sea_level_rise"]
    city_a.resilience_strategy = "Cần Thơ sống chung với lũ."
    city_a.save(update_fields=["shocks", "resilience_strategy"])
    selected_a.assessment.__class__.objects.filter(pk=selected_a.assessment_id).update(sensitivity_samples=100)
    return city_a


def later_actual(period, member, staff, value: str):
    """A newer approved actual for the same period's indicator (a later pilot update)."""
    newer = pilots.period_create(
        indicator=period.indicator,
        start=date(2024, 7, 1),
        end=date(2024, 12, 31),
        target_value=Decimal("100"),
    )
    update = pilots.update_submit(period=newer, user=member, value=value, narrative="Mở rộng.")
    return pilots.update_approve(update=update, reviewer=staff)


SECTION_TEXT = {"vi": "Nội dung phần này.", "en": "What happened in this part."}


def complete(study):
    """Every section of the study written in Vietnamese and English (what submitting asks for)."""
    from network.models import SectionKey
    from network.services import case_studies as services

    for language, text in SECTION_TEXT.items():
        for key in SectionKey.values:
            services.case_study_section_save(study=study, key=key, language=language, body=f"{text} ({key})")
    return study


def approved_study(study, lead, staff):
    from network.services import case_studies as services

    services.case_study_submit(study=study, user=lead)
    return services.case_study_approve(study=study, user=staff)


@pytest.fixture
def study_a(program_a, lead_a):
    from network.services import case_studies as services

    return complete(services.case_study_draft_create(city=program_a, user=lead_a))


@pytest.fixture
def published_a(study_a, lead_a, staff):
    from network.services import case_studies as services

    approved_study(study_a, lead_a, staff)
    services.case_study_publish(study=study_a, user=staff)
    study_a.refresh_from_db()
    return study_a
