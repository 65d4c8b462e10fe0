"""Pilot pages: overview, results framework, the phone update form, the review queue, exports, budgets."""

import io
import xml.etree.ElementTree as ET
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from ccrs.models import CityRole
from pilots import services
from pilots.models import Update, UpdateStatus
from tests.cities.factories import MembershipFactory
from tests.files import JPEG
from tests.pilots.factories import PilotFactory
from tests.querybudget import Page, assert_query_budgets, count_queries


def test_officer_reports_on_a_phone_form_with_a_photo(period_a, member_a, client_for):
    client = client_for(member_a)
    url = reverse("pilots:update_create", kwargs={"pk": period_a.pk})
    page = client.get(url).content.decode()
    assert 'inputmode="decimal"' in page and 'name="disaggregated_women_led_women_led"' in page
    response = client.post(
        url,
        {
            "value": "40",
            "narrative": "Đã cân tại điểm tập kết.",
            "disaggregated_women_led_women_led": "10",
            "disaggregated_women_led_other": "20",
            "evidence": SimpleUploadedFile("can.jpg", JPEG, content_type="image/jpeg"),
        },
    )
    update = Update.objects.get()
    assert response.status_code == 302 and response["Location"] == update.get_absolute_url()
    assert update.incomplete and update.evidence.get().kind == "photo"
    detail = client.get(update.get_absolute_url()).content.decode()
    assert "Incomplete" in detail and "can.jpg" in detail
    assert "can" not in update.evidence.get().file.name and update.evidence.get().file.name.endswith(".jpg")


def test_non_numeric_value_on_the_form_names_the_field(period_a, member_a, client_for):
    response = client_for(member_a).post(
        reverse("pilots:update_create", kwargs={"pk": period_a.pk}), {"value": "bốn mươi"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "The value must be a number" in body and "invalid-feedback" in body
    assert not Update.objects.exists()


def test_a_file_that_is_not_a_photo_is_refused(period_a, member_a, client_for):
    response = client_for(member_a).post(
        reverse("pilots:update_create", kwargs={"pk": period_a.pk}),
        {"value": "5", "evidence": SimpleUploadedFile("x.jpg", b"<?php echo 1;", content_type="image/jpeg")},
    )
    assert response.status_code == 400
    assert "x.jpg is not a photo" in response.content.decode()
    assert not Update.objects.exists()


def test_update_for_a_locked_period_is_refused_on_the_form(period_a, member_a, client_for):
    services.period_lock(period=period_a)
    response = client_for(member_a).post(reverse("pilots:update_create", kwargs={"pk": period_a.pk}), {"value": "5"})
    assert response.status_code == 400
    assert "This period is locked" in response.content.decode()
    assert not Update.objects.exists()


def test_officer_of_b_cannot_report_on_a(period_a, member_b, client_for):
    response = client_for(member_b).post(reverse("pilots:update_create", kwargs={"pk": period_a.pk}), {"value": "5"})
    assert response.status_code == 404
    assert not Update.objects.exists()


def test_staff_return_then_approve_through_the_pages(update_a, period_a, staff, member_a, client_for):
    staff_client = client_for(staff)
    staff_client.post(reverse("pilots:update_return", kwargs={"pk": update_a.pk}), {"comment": "Thêm ảnh."})
    update_a.refresh_from_db()
    assert update_a.status == UpdateStatus.RETURNED
    client_for(member_a).post(
        reverse("pilots:update_edit", kwargs={"pk": update_a.pk}),
        {"value": "42", "disaggregated_women_led_women_led": "12", "disaggregated_women_led_other": "30"},
    )
    update_a.refresh_from_db()
    assert update_a.status == UpdateStatus.SUBMITTED and not update_a.incomplete
    staff_client.post(reverse("pilots:update_approve", kwargs={"pk": update_a.pk}))
    period_a.refresh_from_db()
    assert period_a.actual_value == 42
    assert (
        "42"
        in staff_client.get(
            reverse("pilots:results", kwargs={"pk": period_a.indicator.result.pilot_id})
        ).content.decode()
    )


def test_officer_cannot_approve(update_a, member_a, client_for):
    assert client_for(member_a).post(reverse("pilots:update_approve", kwargs={"pk": update_a.pk})).status_code == 403
    update_a.refresh_from_db()
    assert update_a.status == UpdateStatus.SUBMITTED


def test_framework_editor_adds_result_indicator_period(pilot_a, member_a, client_for):
    client = client_for(member_a)
    url = reverse("pilots:results", kwargs={"pk": pilot_a.pk})
    assert (
        client.post(
            url, {"action": "result", "result-type": "outcome", "result-title": "Less waste to landfill"}
        ).status_code
        == 302
    )
    result = pilot_a.results.get()
    indicator_form = {
        "action": "indicator",
        "indicator-result": result.pk,
        "indicator-title": "Households separating",
        "indicator-measure": "percentage",
        "indicator-baseline_value": "12",
        "indicator-co_benefits": ["waste", "equity"],
    }
    response = client.post(url, indicator_form)
    assert response.status_code == 400
    assert "Give the year the baseline value was measured." in response.content.decode()
    client.post(url, {**indicator_form, "indicator-baseline_year": "2024"})
    indicator = result.indicators.get()
    assert indicator.co_benefits == ["waste", "equity"]
    client.post(
        url,
        {
            "action": "period",
            "period-indicator": indicator.pk,
            "period-start": "2024-01-01",
            "period-end": "2024-06-30",
            "period-target_value": "30",
        },
    )
    assert indicator.periods.get().target_value == 30


def test_health_with_reasons_on_the_overview(pilot_a, budget_line_a, period_a, member_a, client_for):
    services.milestone_save(pilot=pilot_a, title="Bàn giao xe", owner="HTX", due_date=date(2024, 2, 1))
    body = client_for(member_a).get(pilot_a.get_absolute_url()).content.decode()
    assert 'id="pilot-health"' in body
    assert "milestone is overdue" in body
    assert "Overdue" in body
    assert "<svg" in body  # actuals against targets


def test_iati_xml_has_the_elements_iati_2_03_expects(update_a, period_a, pilot_a, staff, member_a, client_for):
    services.update_approve(update=update_a, reviewer=staff, comment="OK")
    response = client_for(member_a).get(reverse("pilots:export_iati", kwargs={"pk": pilot_a.pk}))
    root = ET.fromstring(response.content)  # noqa: S314 - our own export
    assert root.tag == "iati-activities" and root.get("version") == "2.03"
    activity = root.find("iati-activity")
    assert activity.findtext("iati-identifier").endswith(f"-CAN-THO-{pilot_a.pk}")
    assert activity.find("reporting-org/narrative").text == "Resilient Cities Network"
    assert activity.find("title/narrative").text == pilot_a.title
    assert activity.find("activity-status").get("code") == "2"
    assert activity.find("recipient-country").get("code") == "VN"
    assert activity.find("sector").get("code") == "E38"
    # Element order of the activity as in the IATI schema: result comes after the header elements.
    tags = [child.tag for child in activity]
    assert tags.index("iati-identifier") < tags.index("reporting-org") < tags.index("title") < tags.index("result")
    result = activity.find("result")
    assert result.get("type") == "1" and result.find("title/narrative").text == "SMEs separate waste at source"
    indicator = result.find("indicator")
    assert indicator.get("measure") == "1" and indicator.get("ascending") == "1"
    assert [c.tag for c in indicator][:2] == ["title", "baseline"]
    baseline = indicator.find("baseline")
    assert baseline.get("year") == "2023" and baseline.get("value") == "10"
    period = indicator.find("period")
    assert [c.tag for c in period] == ["period-start", "period-end", "target", "actual"]
    assert period.find("period-start").get("iso-date") == "2024-01-01"
    assert period.find("period-end").get("iso-date") == "2024-06-30"
    assert period.find("target").get("value") == "100"
    assert period.find("actual").get("value") == "40"
    assert "Ba hợp tác xã" in period.find("actual/comment/narrative").text


def test_iati_actual_leaves_out_unapproved_updates(update_a, pilot_a, staff, client_for):
    response = client_for(staff).get(reverse("pilots:export_iati", kwargs={"pk": pilot_a.pk}))
    root = ET.fromstring(response.content)  # noqa: S314 - our own export
    assert root.find(".//period/actual") is None


def test_xlsx_has_the_framework_and_the_updates(update_a, pilot_a, member_a, client_for):
    response = client_for(member_a).get(reverse("pilots:export_xlsx", kwargs={"pk": pilot_a.pk}))
    book = load_workbook(io.BytesIO(response.content))
    framework, updates = book.worksheets
    rows = list(framework.iter_rows(values_only=True))
    assert rows[0][:3] == ("Result type", "Result", "Indicator")
    assert rows[1][2] == "Tonnes of waste separated" and rows[1][11] == 100
    update_rows = list(updates.iter_rows(values_only=True))
    assert update_rows[1][3] == "Submitted" and update_rows[1][4] == 40


# --- query budgets ---------------------------------------------------------------------------


def test_pilot_pages_query_budget(update_a, budget_line_a, member_a, staff, client_for):
    """On one growth of the data: staff's pilot list; the team's pilot overview; the results framework's editor,
    with the sector assessment's baselines offered to a new indicator; the approval queue, paging through
    thousands of submitted updates from seed_scale; an update's page."""
    pilot_id = update_a.period.indicator.result.pilot_id
    staff_client, member = client_for(staff), client_for(member_a)
    assert_query_budgets(
        [
            Page(staff_client, reverse("pilots:list"), 4, 60),
            Page(member, reverse("pilots:detail", kwargs={"pk": pilot_id}), 17),
            Page(member, reverse("pilots:results", kwargs={"pk": pilot_id}), 9),
            Page(staff_client, reverse("pilots:queue"), 4, 60),
            Page(staff_client, update_a.get_absolute_url(), 4),
        ]
    )


def test_pages_do_not_grow_with_the_pilot(update_a, period_a, result_a, member_a, client_for):
    """Within one pilot: more results, indicators, periods and updates cost no more queries."""
    client = client_for(member_a)
    pilot = result_a.pilot
    urls = [reverse("pilots:results", kwargs={"pk": pilot.pk}), pilot.get_absolute_url()]
    before = [count_queries(client, url) for url in urls]
    for n in range(3):
        result = services.result_create(pilot=pilot, type="outcome", title=f"Outcome {n}")
        indicator = services.indicator_create(result=result, title=f"Indicator {n}", measure="unit", unit="t")
        for month in (1, 7):
            period = services.period_create(
                indicator=indicator, start=date(2024, month, 1), end=date(2024, month + 5, 28), target_value=10
            )
            services.update_submit(period=period, user=member_a, value="3")
    services.milestone_save(pilot=pilot, title="Later", owner="City", due_date=date(2030, 1, 1))
    services.risk_save(pilot=pilot, title="Typhoon", likelihood=2, impact=5)
    assert [count_queries(client, url) for url in urls] == before


def test_city_dashboard_shows_the_pilot_panel(pilot_a, member_a, client_for):
    body = client_for(member_a).get(reverse("cities:dashboard", kwargs={"slug": "can-tho"})).content.decode()
    assert pilot_a.title in body


def test_admin_refuses_spending_without_an_exchange_rate(budget_line_a, staff, client_for):
    """The admin's expenditure form runs the same checks as the service; nothing is saved."""
    from pilots.models import Expenditure

    response = client_for(staff).post(
        reverse("admin:pilots_expenditure_add"),
        {
            "budget_line": budget_line_a.pk,
            "spent_on": "2024-03-01",
            "amount": "5000",
            "currency": "THB",
            "description": "Boat hire",
        },
    )
    assert response.status_code == 200
    assert "no exchange rate from THB to USD" in response.content.decode()
    assert not Expenditure.objects.exists()


def test_admin_refuses_an_illegal_status_change(pilot_a, staff, client_for):
    """The change form cannot set a status; the admin's actions change it through the service, legally only."""
    from django.forms.models import model_to_dict

    admin = client_for(staff)
    data = {k: v for k, v in model_to_dict(pilot_a).items() if v is not None and k != "id"}
    data.update({"status": "planned", "start_date": "2024-01-01", "end_date": "2025-12-31"})
    for prefix in ("partners", "funding", "milestones", "risks"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    response = admin.post(reverse("admin:pilots_pilot_change", args=[pilot_a.pk]), data)
    assert response.status_code == 302
    pilot_a.refresh_from_db()
    assert pilot_a.status == "active"
    changelist = reverse("admin:pilots_pilot_changelist")
    admin.post(changelist, {"action": "make_completed", "_selected_action": [pilot_a.pk]})
    pilot_a.refresh_from_db()
    assert pilot_a.status == "completed"
    refused = admin.post(changelist, {"action": "make_active", "_selected_action": [pilot_a.pk]}, follow=True)
    assert "0 pilots changed." in refused.content.decode()
    pilot_a.refresh_from_db()
    assert pilot_a.status == "completed"


def post_expenditure(client, budget_line, *, amount: str, description: str, currency: str = "VND", **extra):
    return client.post(
        reverse("pilots:expenditure_add", kwargs={"pk": budget_line.pilot_id}),
        {
            "budget_line": budget_line.pk,
            "spent_on": "2024-03-01",
            "amount": amount,
            "currency": currency,
            "description": description,
            **extra,
        },
    )


def test_officer_records_an_expenditure_with_a_receipt(budget_line_a, pilot_a, member_a, client_for):
    from pilots.models import Expenditure

    receipt = SimpleUploadedFile("hoa-don.pdf", b"%PDF-1.7\n%%EOF", content_type="application/pdf")
    response = post_expenditure(
        client_for(member_a), budget_line_a, amount="250000000", description="Thùng phân loại rác", evidence=receipt
    )
    assert response.status_code == 302
    stored = Expenditure.objects.get().evidence.name
    assert stored.startswith("pilots/evidence/") and stored.endswith(".pdf") and "hoa-don" not in stored


def test_expenditure_without_a_rate_is_refused_on_the_form(budget_line_a, pilot_a, member_a, client_for):
    from pilots.models import Expenditure

    response = post_expenditure(client_for(member_a), budget_line_a, amount="100", currency="MYR", description="Boat")
    assert response.status_code == 400
    assert "There is no exchange rate from MYR to USD" in response.content.decode()
    assert not Expenditure.objects.exists()


def test_officer_marks_a_milestone_done(pilot_a, member_a, member_b, client_for):
    milestone = services.milestone_save(pilot=pilot_a, title="Giao xe", owner="HTX", due_date=date(2024, 2, 1))
    url = reverse("pilots:milestone_status", kwargs={"pk": milestone.pk})
    assert client_for(member_b).post(url, {"status": "done"}).status_code == 404
    client_for(member_a).post(url, {"status": "done"})
    milestone.refresh_from_db()
    assert milestone.status == "done" and milestone.completed_on is not None


# --- The one object check -------------------------------------------------------------------------


def test_a_member_of_another_city_finds_no_pilot_of_this_city(db, client_for):
    """An officer of another city gets 404 on a pilot's pages, as for an address that does not exist."""
    pilot = PilotFactory()
    client = client_for(MembershipFactory(role=CityRole.OFFICER).user)
    for name in ("pilots:detail", "pilots:results", "pilots:expenditure_add"):
        assert client.get(reverse(name, kwargs={"pk": pilot.pk})).status_code == 404


def test_a_viewer_sees_the_pilot_but_may_not_record_spending(db, client_for):
    pilot = PilotFactory()
    client = client_for(MembershipFactory(city=pilot.city).user)
    assert client.get(reverse("pilots:detail", kwargs={"pk": pilot.pk})).status_code == 200
    assert client.get(reverse("pilots:expenditure_add", kwargs={"pk": pilot.pk})).status_code == 403
    assert client.post(reverse("pilots:status", kwargs={"pk": pilot.pk}), {"status": "active"}).status_code == 403


def test_a_risk_without_an_owner_shows_a_dash_not_an_empty_cell(pilot_a, member_a, client_for):
    from pilots.models import Risk

    Risk.objects.create(pilot=pilot_a, title="Households do not separate", likelihood=3, impact=4)
    page = client_for(member_a).get(pilot_a.get_absolute_url()).content.decode()
    assert '<td>3×4</td><td class="d-none d-sm-table-cell">—</td>' in page


def test_staffs_pilot_list_is_drawn_once_and_shows_a_change_at_once(pilot_a, city_b, staff, member_b, client_for):
    """The same page for every staff member, kept per program generation: the second view reads less, and a pilot
    started or renamed in between shows at once; a city team's list stays its own."""
    client, team = client_for(staff, HTTP_ACCEPT_LANGUAGE="en"), client_for(member_b, HTTP_ACCEPT_LANGUAGE="en")
    url = reverse("pilots:list")
    first = count_queries(client, url)
    assert count_queries(client, url) < first and pilot_a.title in client.get(url).content.decode()
    PilotFactory(city=city_b, title="Bãi tập kết Sơn Trà")
    assert "Bãi tập kết Sơn Trà" in client.get(url).content.decode()
    own = team.get(url).content.decode()  # right after staff's view was drawn and kept
    assert "Bãi tập kết Sơn Trà" in own and pilot_a.title not in own


def test_the_queue_is_drawn_once_its_buttons_post_through_one_form_and_a_change_shows_at_once(
    update_a, period_a, member_a, staff, client_for
):
    client = client_for(staff, HTTP_ACCEPT_LANGUAGE="en")
    url = reverse("pilots:queue")
    body = client.get(url).content.decode()
    approve = reverse("pilots:update_approve", kwargs={"pk": update_a.pk})
    form = body[body.index('id="queue-form"') : body.index("</form>", body.index('id="queue-form"'))]
    assert form.count('name="csrfmiddlewaretoken"') == 1 and f'formaction="{approve}"' in form
    first = count_queries(client, url)
    assert count_queries(client, url) <= first
    response = client.post(approve, {"next": "queue"})  # what the button sends: the form's fields, its formaction
    assert response.status_code == 302 and response["Location"] == url
    update_a.refresh_from_db()
    assert update_a.status == UpdateStatus.APPROVED
    assert f'formaction="{approve}"' not in client.get(url).content.decode()
