"""A city officer on a 360-px phone plans a workshop, writes a translated question, opens it, invites
stakeholders of one type and checks one in on the register (HTMX, without reloading the page)."""

import pytest

from cocreation import services
from cocreation.models import Question, StakeholderInvitation, Workshop
from tests.conftest import PASSWORD, make_member
from tests.e2e.test_smoke import assert_fits_a_phone, sign_in


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


def fill_in(page, fields):
    """Each (label, value) of `fields` in the page's main form: typed into a field, chosen in a menu."""
    for label, value in fields.items():
        field = page.locator("main").get_by_label(label)
        if field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)


def submit(page, selector="main form[method=post] button[type=submit]"):
    with page.expect_navigation():
        page.locator(selector).last.click()


def test_officer_plans_a_workshop_invites_and_checks_in_on_a_phone(process, open_page):
    page = open_page()
    sign_in(page, "officer@cantho.example.vn", PASSWORD)

    page.goto(f"/cocreation/process/{process.pk}/")
    with page.expect_navigation():
        page.get_by_role("link", name="Plan a workshop").click()
    assert_fits_a_phone(page)
    fill_in(
        page,
        {
            "Title": "Hội thảo ý tưởng",
            "Type": "ideation",
            "Starts": "2030-05-10T09:00",
            "Ends": "2030-05-10T12:00",
            "Place": "UBND quận Ninh Kiều",
            "Language": "vi",
        },
    )
    submit(page)
    workshop = Workshop.objects.get()
    assert page.url.endswith(f"/cocreation/workshop/{workshop.pk}/questions/")

    assert_fits_a_phone(page)
    fill_in(
        page,
        {
            "Type": "single_choice",
            "Question (English)": "Where to start?",
            "Question (Tiếng Việt)": "Nên bắt đầu ở đâu?",
            "Choices (English)": "Households\nMarkets",
            "Choices (Tiếng Việt)": "Hộ gia đình\nChợ",
        },
    )
    submit(page)
    question = Question.objects.get()
    assert question.choices == [{"en": "Households", "vi": "Hộ gia đình"}, {"en": "Markets", "vi": "Chợ"}]

    page.goto(f"/cocreation/workshop/{workshop.pk}/")
    submit(page, "button[value=open]")
    page.goto(f"/cocreation/workshop/{workshop.pk}/invite/?kind=sme")
    assert_fits_a_phone(page)
    assert "Lê Hoa" not in page.inner_text("main")
    page.locator("main").get_by_label("Nguyễn Thị Lan").check()
    page.locator("main").get_by_label("Trần Văn Nam").check()
    submit(page, "main form[method=post] button[type=submit]:not([name])")
    assert StakeholderInvitation.objects.count() == 2

    page.goto(f"/cocreation/workshop/{workshop.pk}/attendance/")
    assert_fits_a_phone(page)
    row = page.locator("tr", has_text="Nguyễn Thị Lan")
    row.get_by_role("button", name="Check in").click()
    page.locator("tr", has_text="Nguyễn Thị Lan").get_by_text("Present").wait_for()
    page.get_by_text("1 person checked in").wait_for()  # the count follows, without reloading
    assert StakeholderInvitation.objects.get(stakeholder__email="lan@example.vn").checked_in_at is not None
    assert page.url.endswith("/attendance/")  # answered in place, no navigation
