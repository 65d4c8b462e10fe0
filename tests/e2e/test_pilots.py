"""On a phone: an officer reports, staff return it, the officer revises, staff approve; the period's actual changes."""

from datetime import date
from decimal import Decimal

from pilots import services
from pilots.models import Measure, Update, UpdateStatus
from tests.conftest import PASSWORD
from tests.e2e.test_smoke import assert_fits_a_phone, sign_in


def send_update(page, *, value, women_led, other):
    """The update form's value and its split by women-led SMEs, sent: the update then waits for review."""
    page.fill("input[name=value]", value)
    page.fill("input[name=disaggregated_women_led_women_led]", women_led)
    page.fill("input[name=disaggregated_women_led_other]", other)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "Submitted" in page.inner_text("#update-status")


def test_update_from_submission_to_approval(transactional_db, city_a, member_a, staff, open_page):
    services.exchange_rate_set(currency="VND", reporting_currency="USD", valid_from=date(2024, 1, 1), rate="0.00004")
    pilot = services.pilot_create(
        city=city_a, title="Phân loại rác Ninh Kiều", start_date=date(2025, 1, 1), end_date=date(2027, 6, 30)
    )
    services.pilot_status_change(pilot=pilot, status="active")
    result = services.result_create(pilot=pilot, type="output", title="Rác được phân loại")
    indicator = services.indicator_create(
        result=result,
        title="Khối lượng rác tái chế",
        measure=Measure.UNIT,
        unit="tấn",
        baseline_value=Decimal("10"),
        baseline_year=2024,
        disaggregations=["women_led"],
    )
    period = services.period_create(indicator=indicator, start=date(2026, 1, 1), end=date(2026, 6, 30), target_value=60)

    officer = open_page()
    sign_in(officer, member_a.email, PASSWORD)
    officer.goto(f"/pilots/{pilot.pk}/results/")
    assert officer.inner_text(f"#period-{period.pk} .period-actual").strip() == "—"
    with officer.expect_navigation():
        officer.click(f"#period-{period.pk} >> text=Report")
    assert_fits_a_phone(officer)
    officer.fill("textarea[name=narrative]", "Ba hợp tác xã đã cân rác tại điểm tập kết.")
    send_update(officer, value="40", women_led="15", other="20")
    assert "Incomplete" in officer.inner_text("main")  # 15 + 20 is not 40
    update = Update.objects.get()

    reviewer = open_page()
    sign_in(reviewer, staff.email, PASSWORD)
    reviewer.goto("/pilots/queue/")
    assert "Khối lượng rác tái chế" in reviewer.inner_text("main")
    with reviewer.expect_navigation():
        reviewer.click("text=Khối lượng rác tái chế")
    reviewer.fill("textarea[name=comment]", "Tổng theo doanh nghiệp nữ làm chủ chưa khớp.")
    with reviewer.expect_navigation():
        reviewer.click("text=Return for changes")
    assert "Returned for revision" in reviewer.inner_text("#update-status")
    assert reviewer.inner_text("#period-actual").strip() == "—"

    officer.reload()
    assert "chưa khớp" in officer.inner_text("main")
    with officer.expect_navigation():
        officer.click("text=Revise")
    send_update(officer, value="45", women_led="18", other="27")
    assert "Incomplete" not in officer.inner_text("#update-status")

    reviewer.reload()
    with reviewer.expect_navigation():
        reviewer.click("main form button:has-text('Approve')")
    assert "Approved" in reviewer.inner_text("#update-status")
    assert reviewer.inner_text("#period-actual").strip() == "45"

    officer.goto(f"/pilots/{pilot.pk}/results/")
    assert officer.inner_text(f"#period-{period.pk} .period-actual").strip() == "45"
    assert_fits_a_phone(officer)
    officer.goto(f"/pilots/{pilot.pk}/")
    assert "Health" in officer.inner_text("#pilot-health")
    assert_fits_a_phone(officer)
    update.refresh_from_db()
    assert update.status == UpdateStatus.APPROVED and update.revision == 2
