"""Each demo role signs in on a phone and lands on its own home page, in English or in Vietnamese."""

import pytest
from django.utils import translation

from ccrs import services
from ccrs.demo import DEMO_PASSWORD
from ccrs.links import link_token
from ccrs.models import Invitation

# (e-mail, home path, a string of that home page)
ROLES = [
    ("staff@ccrs.demo", "/program/", "Program dashboard"),
    ("lead.cantho@ccrs.demo", "/cities/can-tho/", "City dashboard"),
    ("officer.bangkok@ccrs.demo", "/cities/bangkok/", "City dashboard"),
    ("viewer.semarang@ccrs.demo", "/cities/semarang/", "City dashboard"),
    ("stakeholder@ccrs.demo", "/invitations/", "My invitations"),
    ("network@ccrs.demo", "/network/", "Peer network"),
]


def sign_in(page, email, password=DEMO_PASSWORD):
    page.goto("/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("form button[type=submit]")


def assert_fits_a_phone(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{page.url} is {width}px wide on a 360-px phone"


def make_account(page, link, full_name, password):
    """Open a personal link on a phone and make the account it offers."""
    page.goto(link)
    assert_fits_a_phone(page)
    page.fill("input[name=full_name]", full_name)
    page.fill("input[name=password1]", password)
    page.fill("input[name=password2]", password)
    with page.expect_navigation():
        page.click("main form button[type=submit]")


def switch_language(page, language):
    """Choose `language` in the navigation bar's menu (behind the toggler on a phone)."""
    page.click(".navbar-toggler")
    with page.expect_navigation():
        page.select_option("#language-select", language)


@pytest.mark.parametrize(("email", "home", "text"), ROLES)
@pytest.mark.parametrize("language", ["en", "vi"])
def test_demo_role_lands_on_its_home(email, home, text, language, demo, open_page):
    page = open_page(locale="vi-VN" if language == "vi" else "en-GB")
    sign_in(page, email)
    assert page.url.endswith(home)
    if language == "vi" or email == "lead.cantho@ccrs.demo":  # the Can Tho lead prefers Vietnamese
        with translation.override("vi"):
            expected = translation.gettext(text)
        assert expected != text
        assert page.get_attribute("html", "lang") == "vi"
    else:
        expected = text
    assert expected in page.inner_text("main")
    assert_fits_a_phone(page)


def test_wrong_password_then_right_one(demo, open_page):
    page = open_page()
    sign_in(page, "officer.bangkok@ccrs.demo", "not-the-password")
    assert "not correct" in page.inner_text("main")
    sign_in(page, "officer.bangkok@ccrs.demo")
    assert page.url.endswith("/cities/bangkok/")


def test_invitation_link_on_a_phone_in_vietnamese(demo, open_page):
    """A newcomer opens the e-mailed link, chooses a password and lands on the Can Tho dashboard."""
    invitation = Invitation.objects.get(email="kim.nguyen@cantho.example.vn")
    page = open_page(locale="vi-VN")
    link = f"/invitations/accept/{link_token(services.TEAM_INVITATION, invitation)}/"
    make_account(page, link, "Nguyễn Thị Kim", "Mekong-delta-2026")
    assert page.url.endswith("/cities/can-tho/")
    assert "Cần Thơ" in page.inner_text("main")
    invitation.refresh_from_db()
    assert invitation.status == "accepted"


def test_language_switcher_changes_the_page(demo, open_page):
    page = open_page()
    sign_in(page, "stakeholder@ccrs.demo")
    switch_language(page, "th")
    assert page.get_attribute("html", "lang") == "th"
