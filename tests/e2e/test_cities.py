"""One application on a phone: invited, drafted, submitted, reviewed, selected, then onboarding begins."""

import pytest
from django.core import mail

from ccrs.links import link_token
from cities import services
from cities.models import Application, SelectionCriterion
from tests.cities.conftest import pdf_bytes
from tests.conftest import PASSWORD, make_user
from tests.e2e.test_smoke import assert_fits_a_phone, make_account, sign_in


@pytest.fixture
def call(transactional_db, settings, tmp_path):
    from cities.models import Cohort

    settings.MEDIA_ROOT = tmp_path / "media"
    cohort = Cohort.objects.create(name="CCRS 2027", region="Asia-Pacific", start_year=2027, end_year=2029)
    criteria = [
        SelectionCriterion.objects.create(cohort=cohort, name="SME sector commitment", weight=2, position=0),
        SelectionCriterion.objects.create(cohort=cohort, name="Resilience challenge", weight=1, position=1),
    ]
    staff = make_user("staff@example.org", is_staff=True)
    return cohort, criteria, staff


def test_application_from_invitation_to_onboarding(call, open_page, tmp_path):
    cohort, criteria, staff = call
    application = services.application_invite(
        invited_by=staff, cohort=cohort, email="cro@hue.example.vn", city_name="Hue", country="VN"
    )
    assert len(mail.outbox) == 1
    letter = tmp_path / "thu-cam-ket.pdf"
    letter.write_bytes(pdf_bytes())

    # The CRO opens the link on a phone, makes an account and saves a first draft.
    page = open_page()
    link = f"/cities/applications/accept/{link_token(services.APPLICATION_INVITATION, application)}/"
    make_account(page, link, "Nguyễn Văn An", "Perfume-river-2027")
    assert page.url.endswith(f"/cities/applications/{application.pk}/edit/")
    page.fill("textarea[name=strategy_summary]", "Huế ưu tiên ứng phó lũ lụt và bảo tồn di sản.")
    with page.expect_navigation():
        page.click("button[value=draft]")
    assert "Draft saved" in page.inner_text("main")

    # Later, the rest, the letter, and submit.
    page.fill("input[name=cro_title]", "Giám đốc Sở Xây dựng")
    page.check("input[name=shocks][value=flooding]")
    page.check("input[name=shocks][value=typhoon]")
    page.fill("textarea[name=candidate_sectors]", "Du lịch di sản")
    page.select_option("select[name=currency]", "VND")
    page.fill("input[name=cofunding_cash]", "2500000000")
    page.fill("input[name=cofunding_in_kind]", "1000000000")
    page.set_input_files("input[name=letter]", str(letter))
    assert_fits_a_phone(page)
    with page.expect_navigation():
        page.click("button[value=submit]")
    assert "Submitted" in page.inner_text("#application-status")

    # Staff review it and select the city.
    staff_page = open_page()
    sign_in(staff_page, staff.email, PASSWORD)
    staff_page.goto(f"/cities/applications/{application.pk}/review/")
    for criterion, score in zip(criteria, ["5", "4"], strict=True):
        staff_page.select_option(f"select[name=criterion_{criterion.pk}]", score)
    staff_page.fill("textarea[name=comment]", "Clear plan for heritage tourism SMEs.")
    with staff_page.expect_navigation():
        staff_page.click("main form button[type=submit]")
    assert staff_page.inner_text("#application-score") == "4.67"
    staff_page.check("input[name=status][value=selected]")
    staff_page.fill("textarea[name=rationale]", "Strong commitment and co-funding.")
    with staff_page.expect_navigation():
        staff_page.click("text=Record the decision")
    assert "Selected" in staff_page.inner_text("#application-status")

    # The applicant sees the decision and starts onboarding as the city's lead.
    page.reload()
    assert "Strong commitment and co-funding." in page.inner_text("main")
    with page.expect_navigation():
        page.click("text=Open the onboarding checklist")
    assert "0 of 6 steps done" in page.inner_text("#onboarding-progress")
    first = page.locator("main li.list-group-item").first
    first.locator("summary").click()
    first.locator("input[name=evidence_url]").fill("https://hue.gov.vn/mou-ccrs.pdf")
    with page.expect_navigation():
        first.locator("button[type=submit]").click()
    assert "1 of 6 steps done" in page.inner_text("#onboarding-progress")
    assert_fits_a_phone(page)
    assert Application.objects.get(pk=application.pk).city.memberships.get().role == "lead"
