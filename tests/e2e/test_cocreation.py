"""A stakeholder opens their personal link on a 360-px phone, sees the form in Vietnamese and submits it."""

from datetime import timedelta

import pytest

from ccrs.links import link_token
from cocreation import services
from cocreation.models import Submission
from tests.cocreation.factories import translated, workshop_scheduled


@pytest.fixture
def link(can_tho):
    city = can_tho
    process = services.process_create(city=city, title="Thu gom rác")
    workshop = workshop_scheduled(
        process, title="Hội thảo ý tưởng phân loại rác", length=timedelta(hours=3), language="vi"
    )
    services.question_add(workshop=workshop, kind="short_text", text={"en": "Your idea", "vi": "Ý tưởng của bạn"})
    services.question_add(
        workshop=workshop,
        kind="single_choice",
        text={"en": "Where to start?", "vi": "Nên bắt đầu ở đâu?"},
        choices=translated(("Households", "Hộ gia đình"), ("Markets", "Chợ")),
    )
    services.question_add(workshop=workshop, kind="rating", text={"en": "Urgency", "vi": "Mức độ cấp bách"})
    services.workshop_open(workshop=workshop)
    person, _ = services.stakeholder_register(
        city=city, name="Nguyễn Thị Lan", email="lan@example.vn", kind="sme", language="vi", consent_version="2026-01"
    )
    invitation, _ = services.invitation_create(workshop=workshop, stakeholder=person)
    return f"/cocreation/respond/{link_token(services.STAKEHOLDER_INVITATION, invitation)}/"


def test_vietnamese_invitation_submitted_on_a_phone(link, open_page):
    page = open_page(locale="en-GB")  # an English phone: the page still follows the stakeholder's language
    page.goto(link)
    assert page.get_attribute("html", "lang") == "vi"
    assert "Ý tưởng của bạn" in page.inner_text("main")
    page.get_by_label("Ý tưởng của bạn").fill("Phát túi hai màu cho các hộ gia đình")
    page.get_by_label("Hộ gia đình").check()
    page.locator("input[type=radio][value='4']").check()
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.locator(".alert-success, .alert").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    submission = Submission.objects.get()
    assert "túi hai màu" in next(iter(submission.answers.values()))
    assert submission.language == "vi"
