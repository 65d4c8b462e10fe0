"""A pilot starts from the proposal awarded in the city's call and from its approved sector assessment."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cocreation import services as cocreation
from cocreation.models import StakeholderKind
from pilots import services
from pilots.models import Indicator, Measure, Pilot, ResultType
from sectors import services as sectors
from tests.cocreation.conftest import pdf_file, submit_proposal
from tests.cocreation.factories import call_opened


def _proposal(call, city, email, organisation, *, women_led=False, size="micro"):
    sme, _created = cocreation.stakeholder_register(
        city=city,
        name=organisation.split()[-1],
        email=email,
        organisation=organisation,
        kind=StakeholderKind.SME,
        size=size,
        women_led=women_led,
        language="vi",
        consent_version="2026-01",
    )
    return submit_proposal(
        call,
        sme,
        title=f"Phân loại rác tại chợ – {organisation}",
        summary="Thùng phân loại và thu gom riêng rác hữu cơ tại ba chợ.",
        documents={"Business registration": pdf_file("reg.pdf")},
    )


@pytest.fixture
def call_a(city_a):
    process = cocreation.process_create(city=city_a, title="Thu gom và phân loại rác")
    title = "Gọi đề xuất: phân loại rác tại chợ"
    return call_opened(process, title=title, description="…", required_documents=["Business registration"])


@pytest.fixture
def award_a(call_a, city_a):
    win = _proposal(call_a, city_a, "lan@ve-sinh.example.vn", "HTX Vệ sinh Ninh Kiều", women_led=True)
    _proposal(call_a, city_a, "minh@xanh.example.vn", "Công ty Xanh Cái Răng", size="small")
    cocreation.call_close(call=call_a)
    return cocreation.proposal_award(proposal=win)


@pytest.fixture
def selection_a(city_a, lead_a, staff):
    """City A's approved assessment and approved sector (waste collection), so its values are baselines."""
    assessment = sectors.assessment_start(city=city_a)
    sectors.assessment_update(assessment=assessment, year=2025)
    waste = sectors.sector_add(assessment=assessment, isic_code="38", local_name="Thu gom và phân loại rác")
    tourism = sectors.sector_add(assessment=assessment, isic_code="I", local_name="Du lịch sông nước")
    for n, criterion in enumerate(city_a.cohort.criteria.order_by("order")):
        sectors.value_set(sector=waste, criterion=criterion, value=10 + n, source="Khảo sát 2025", confidence="high")
        sectors.value_set(sector=tourism, criterion=criterion, value=5 + n, source="Khảo sát 2025", confidence="low")
    sectors.assessment_submit(assessment=assessment, user=lead_a)
    sectors.assessment_approve(assessment=assessment, user=staff)
    selection = sectors.selection_propose(assessment=assessment, sector=waste, rationale="Dễ tổn thương.", user=lead_a)
    return sectors.selection_approve(selection=selection, user=staff)


def _start(proposal, **fields):
    return services.pilot_start_from_award(
        proposal=proposal,
        title=fields.pop("title", "Phân loại rác tại chợ Ninh Kiều"),
        start_date=date(2026, 6, 1),
        end_date=date(2027, 5, 31),
        **fields,
    )


def test_awarded_proposal_starts_a_pilot_with_its_sme_and_sector(award_a, selection_a, city_a):
    """The pilot takes the proposal as its solution, the winning SME as partner and the approved sector."""
    pilot = _start(award_a)
    assert pilot.city == city_a and pilot.proposal == award_a and pilot.status == "planned"
    assert award_a.title in pilot.solution and award_a.summary in pilot.solution
    assert (pilot.sector_isic, pilot.sector_name) == ("38", "Thu gom và phân loại rác")
    partner = pilot.partners.get()
    assert partner.name == "HTX Vệ sinh Ninh Kiều" and partner.women_led and partner.firm_size == "micro"
    assert "lan@ve-sinh.example.vn" in partner.contact


def test_proposal_not_awarded_starts_no_pilot(call_a, city_a):
    proposal = _proposal(call_a, city_a, "an@example.vn", "Cơ sở An Bình")
    with pytest.raises(ValidationError) as caught:
        _start(proposal)
    assert "Only an awarded proposal" in caught.value.message_dict["proposal"][0]
    assert not Pilot.objects.exists()


def test_an_award_starts_one_pilot_only(award_a):
    _start(award_a)
    with pytest.raises(ValidationError) as caught:
        _start(award_a, title="Second try")
    assert "started a pilot already" in caught.value.message_dict["proposal"][0]
    assert Pilot.objects.count() == 1


def test_indicator_baseline_taken_from_the_sector_assessment(award_a, selection_a):
    """Value, year, unit and source of the approved sector's value become the indicator's baseline."""
    pilot = _start(award_a)
    baseline = selection_a.baselines.order_by("name").first()
    result = services.result_create(pilot=pilot, type=ResultType.OUTCOME, title="Ít rác chôn lấp hơn")
    indicator = services.indicator_create(
        result=result, title=baseline.name, measure=Measure.UNIT, sector_baseline=baseline
    )
    indicator.refresh_from_db()
    assert indicator.baseline_value == baseline.value
    assert indicator.baseline_year == 2025
    assert indicator.unit == baseline.unit
    assert indicator.ascending == (baseline.direction == "higher")
    assert "Thu gom và phân loại rác" in indicator.baseline_comment and "Khảo sát 2025" in indicator.baseline_comment
    assert indicator.sector_baseline == baseline


def test_baseline_of_another_city_is_refused(pilot_a, selection_a, city_b, lead_a, staff):
    """City B's pilot cannot start an indicator from city A's sector assessment."""
    pilot_b = services.pilot_create(
        city=city_b, title="Pilot B", start_date=date(2026, 1, 1), end_date=date(2026, 12, 31)
    )
    result = services.result_create(pilot=pilot_b, type=ResultType.OUTPUT, title="Output")
    with pytest.raises(ValidationError) as caught:
        services.indicator_create(
            result=result, title="x", measure=Measure.UNIT, sector_baseline=selection_a.baselines.first()
        )
    assert "approved sector assessment" in caught.value.message_dict["sector_baseline"][0]
    assert not Indicator.objects.filter(result=result).exists()


def test_staff_start_the_pilot_on_the_page(client, staff, award_a, selection_a):
    client.force_login(staff)
    url = reverse("pilots:start")
    page = client.get(url, {"proposal": award_a.pk})
    assert page.status_code == 200 and award_a.title in page.content.decode()
    response = client.post(
        url,
        {
            "proposal": award_a.pk,
            "title": "Phân loại rác tại chợ",
            "start_date": "2026-06-01",
            "end_date": "2027-05-31",
            "reporting_currency": "USD",
        },
    )
    pilot = Pilot.objects.get(proposal=award_a)
    assert response.status_code == 302 and response["Location"] == pilot.get_absolute_url()
    detail = client.get(pilot.get_absolute_url()).content.decode()
    assert "Gọi đề xuất: phân loại rác tại chợ" in detail


def test_start_page_refuses_dates_in_the_wrong_order(client, staff, award_a):
    client.force_login(staff)
    response = client.post(
        reverse("pilots:start"),
        {
            "proposal": award_a.pk,
            "title": "Phân loại rác",
            "start_date": "2026-06-01",
            "end_date": "2026-05-01",
            "reporting_currency": "USD",
        },
    )
    assert response.status_code == 400
    assert "The end date must come after the start date." in response.content.decode()
    assert not Pilot.objects.exists()


def test_results_editor_offers_the_sector_baselines(client, member_a, award_a, selection_a):
    """The city's officer picks a sector assessment value as an indicator's baseline in the editor."""
    pilot = _start(award_a)
    result = services.result_create(pilot=pilot, type=ResultType.OUTCOME, title="Ít rác chôn lấp hơn")
    baseline = selection_a.baselines.order_by("name").first()
    client.force_login(member_a)
    url = reverse("pilots:results", kwargs={"pk": pilot.pk})
    assert baseline.name in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "action": "indicator",
            "indicator-result": result.pk,
            "indicator-title": "Rác được phân loại",
            "indicator-measure": "unit",
            "indicator-sector_baseline": baseline.pk,
        },
    )
    assert response.status_code == 302
    indicator = Indicator.objects.get(result=result)
    assert indicator.sector_baseline == baseline and indicator.baseline_value == Decimal(baseline.value)
