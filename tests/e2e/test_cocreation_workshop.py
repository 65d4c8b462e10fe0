"""A city officer on a 360-px phone plans a workshop, writes a translated question, opens it, invites
stakeholders of one type and checks one in on the register (HTMX, without reloading the page)."""

import pytest

from cocreation import services
from cocreation.models import Question, StakeholderInvitation, Workshop
from tests.conftest import PASSWORD, make_member


@pytest.fixture
def process(can_tho):
    city = can_tho
    make_member("officer@cantho.example.vn", city)
    for name, email, kind in [
        ("Nguyễn Thị Lan", "lan@example.vn", "sme"),
        ("Trần Văn Nam", "nam@example.vn", "sme"),
        ("Lê Hoa", "hoa@example.vn", "ngo"),
    ]:
        services.stakeholder_register(
            city=city, name=name, email=email, kind=kind, language="vi", organisation=f"Org {name}"
        )
    return services.process_create(city=city, title="Thu gom rác")


def fits_a_phone(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{page.url} is {width}px wide on a 360-px phone"


def submit(page, selector="main form[method=post] button[type=submit]"):
    with page.expect_navigation():
        page.locator(selector).last.click()


def test_officer_plans_a_workshop_invites_and_checks_in_on_a_phone(process, open_page):
    page = open_page()
    page.goto("/")
    page.fill("input[name=login]", "officer@cantho.example.vn")
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("form button[type=submit]")

    page.goto(f"/cocreation/process/{process.pk}/")
    with page.expect_navigation():
        page.get_by_role("link", name="Plan a workshop").click()
    fits_a_phone(page)
    page.locator("main").get_by_label("Title").fill("Hội thảo ý tưởng")
    page.locator("main").get_by_label("Type").select_option("ideation")
    page.locator("main").get_by_label("Starts").fill("2030-05-10T09:00")
    page.locator("main").get_by_label("Ends").fill("2030-05-10T12:00")
    page.locator("main").get_by_label("Place").fill("UBND quận Ninh Kiều")
    page.locator("main").get_by_label("Language").select_option("vi")
    submit(page)
    workshop = Workshop.objects.get()
    assert page.url.endswith(f"/cocreation/workshop/{workshop.pk}/questions/")

    fits_a_phone(page)
    page.locator("main").get_by_label("Type").select_option("single_choice")
    page.locator("main").get_by_label("Question (English)").fill("Where to start?")
    page.locator("main").get_by_label("Question (Tiếng Việt)").fill("Nên bắt đầu ở đâu?")
    page.locator("main").get_by_label("Choices (English)").fill("Households\nMarkets")
    page.locator("main").get_by_label("Choices (Tiếng Việt)").fill("Hộ gia đình\nChợ")
    submit(page)
    question = Question.objects.get()
    assert question.choices == [{"en": "Households", "vi": "Hộ gia đình"}, {"en": "Markets", "vi": "Chợ"}]

    page.goto(f"/cocreation/workshop/{workshop.pk}/")
    submit(page, "button[value=open]")
    page.goto(f"/cocreation/workshop/{workshop.pk}/invite/?kind=sme")
    fits_a_phone(page)
    assert "Lê Hoa" not in page.inner_text("main")
    page.locator("main").get_by_label("Nguyễn Thị Lan").check()
    page.locator("main").get_by_label("Trần Văn Nam").check()
    submit(page, "main form[method=post] button[type=submit]:not([name])")
    assert StakeholderInvitation.objects.count() == 2

    page.goto(f"/cocreation/workshop/{workshop.pk}/attendance/")
    fits_a_phone(page)
    row = page.locator("tr", has_text="Nguyễn Thị Lan")
    row.get_by_role("button", name="Check in").click()
    page.locator("tr", has_text="Nguyễn Thị Lan").get_by_text("Present").wait_for()
    page.get_by_text("1 person checked in").wait_for()  # the count follows, without reloading
    assert StakeholderInvitation.objects.get(stakeholder__email="lan@example.vn").checked_in_at is not None
    assert page.url.endswith("/attendance/")  # answered in place, no navigation
